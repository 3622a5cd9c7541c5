import type { z } from 'zod';
import { lifecycles, memberCategories, memberRoles, memberStatuses } from '../../../../main/api/party/labels';
import type { MemberList } from '../../../../main/api/party/schemas';

export type MemberFilters = Required<Omit<z.input<typeof MemberList>, 'offset' | 'limit'>>;

/** URL parameter of each filter: short, so an address can be read aloud or pasted into a chat. */
export const param = {
  orgId: 'org',
  category: 'cat',
  status: 'status',
  role: 'role',
  lifecycle: 'life',
  centreOnly: 'centre',
  q: 'q',
  sort: 'sort',
} as const;

const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

const keys = <T extends object>(o: T) => Object.keys(o) as (keyof T & string)[];

/** The list's filters, read from the address (unknown values are ignored rather than failing the list). */
export function filtersFrom(params: URLSearchParams): MemberFilters {
  return {
    orgId: params.get(param.orgId),
    category: oneOf(params.get(param.category), keys(memberCategories)),
    status: oneOf(params.get(param.status), keys(memberStatuses)),
    role: oneOf(params.get(param.role), [...keys(memberRoles), 'any_role' as const]),
    lifecycle: oneOf(params.get(param.lifecycle), [...keys(lifecycles), 'all' as const]) ?? 'active',
    centreOnly: params.get(param.centreOnly) === '1',
    q: params.get(param.q) ?? '',
    sort: params.get(param.sort) === 'joined' ? 'joined' : 'pinyin',
  };
}

/**
 * Narrowing filters besides the organisation: the difference between "no members yet (here) — add one"
 * and "none match — clear the filters".
 */
export const isFiltered = (f: MemberFilters) =>
  !!(f.category || f.status || f.role || f.centreOnly || f.q || f.lifecycle !== 'active');

export const clearedFilters = {
  [param.category]: null,
  [param.status]: null,
  [param.role]: null,
  [param.lifecycle]: null,
  [param.centreOnly]: null,
  [param.q]: null,
} as const;
