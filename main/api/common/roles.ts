import type { Role } from '../../../db/accounts/types';
export type { Role } from '../../../db/accounts/types';

/** The roles' Chinese names (forms, the accounts page, the banner). */
export const roleLabels: Record<Role, string> = { admin: '管理员', entry: '录入员', reviewer: '审核人', readonly: '只读' };

/**
 * What a channel needs of the signed-in account (declared once per channel in the contract; the router checks it):
 * - `public`  — no account: status, the clock, first-start setup, signing in;
 * - `view`    — any signed-in account: reading, masked exports, one's own password and session;
 * - `enter`   — entering and correcting records;
 * - `review`  — publishing lists, confirming, revealing a full ID number, unmasked exports;
 * - `admin`   — accounts, settings, restore, the unit.
 */
export type Need = 'public' | 'view' | 'enter' | 'review' | 'admin';

/**
 * What each role may. The administrator may do everything (a small office's secretary keeps the records too); the
 * reviewer checks and publishes what the 录入员 entered but does not enter it; 只读 reads and takes masked exports.
 */
export const grants: Record<Role, readonly Need[]> = {
  admin: ['view', 'enter', 'review', 'admin'],
  entry: ['view', 'enter'],
  reviewer: ['view', 'review'],
  readonly: ['view'],
};

export const mayDo = (role: Role, need: Need): boolean => need === 'public' || grants[role].includes(need);

/** The roles that may do what a channel needs, for the refusal's sentence ("需要管理员或审核人账号"). */
export const rolesFor = (need: Need): Role[] => (Object.keys(grants) as Role[]).filter((r) => mayDo(r, need));
