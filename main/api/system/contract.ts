import { z } from 'zod';
import type { AuditRow, BackupFolder, BackupInfo, BackupPolicy, Installation, IntegrityReport, RebuiltTotals, UnitLevel } from '../../../db/types';
import type { AccountRow } from '../../../db/accounts/types';
export type { AccountRow } from '../../../db/accounts/types';
export type { BackupFolder, BackupPolicy } from '../../../db/types';
import type { DriverInfo } from '../../../db/driver/types';
import type { SubmissionProgress } from '../submission/types';
import { read, task, write } from '../common/channel';
import { optionalText, requiredText, type Page } from '../common/fields';
import type { Role } from '../common/roles';
import {
  AccountDisabledInput, AccountRoleInput, AuditQuery, BackupPolicyInput, ChangePasswordInput, CreateAccountInput, FirstPasswordInput, RecoverInput, LockMinutesInput,
  newPassword, RenewRecoveryCodeInput, ResetPasswordInput, SignInInput, SignOutInput,
} from './schemas';

export type { UnitLevel };

export const unitLevels = { district: '区', street: '街道', community: '社区' } as const satisfies Record<UnitLevel, string>;

/**
 * The level whose packages an installation takes (a unit takes packages from units one level below it), and the
 * level it sends its own to: the chain community → street → district.
 */
export const levelBelow = { district: 'street', street: 'community', community: null } as const satisfies Record<UnitLevel, UnitLevel | null>;
export const levelAbove = { district: null, street: 'district', community: 'street' } as const satisfies Record<UnitLevel, UnitLevel | null>;

/** Every level under `level`, nearest first (a district's package may carry streets and their communities). */
export function levelsUnder(level: UnitLevel): UnitLevel[] {
  const below: UnitLevel | null = levelBelow[level];
  return below ? [below, ...levelsUnder(below)] : [];
}

const unitCodeField = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s) => s.trim())
    .pipe(z.string().regex(/^[0-9A-Za-z-]{2,32}$/, `${label}为 2–32 位数字或字母（例如行政区划代码）`));

/**
 * The unit above this one (a community's street, a street's district): named in every data package, so the level
 * above takes only its own units' packages. Both or neither; without it a unit is accepted only by its code
 * beginning with the receiver's (行政区划代码 are hierarchical).
 */
const parentFields = {
  parentName: optionalText('上级单位名称', 50),
  parentCode: z
    .string()
    .transform((s) => s.trim())
    .nullish()
    .transform((s) => (s ? s : null))
    .pipe(z.string().regex(/^[0-9A-Za-z-]{2,32}$/, '上级单位代码为 2–32 位数字或字母（例如行政区划代码）').nullable()),
};

const bothOrNeither = (v: { parentName: string | null; parentCode: string | null }, ctx: z.RefinementCtx) => {
  if (v.parentName && !v.parentCode) ctx.addIssue({ code: 'custom', path: ['parentCode'], message: '请填写上级单位代码' });
  if (v.parentCode && !v.parentName) ctx.addIssue({ code: 'custom', path: ['parentName'], message: '请填写上级单位名称' });
};

export const SetupInput = z
  .object({
    unitLevel: z.enum(['district', 'street', 'community'], { error: '请选择单位类型' }),
    unitName: requiredText('单位名称', 50),
    unitCode: unitCodeField('单位代码'),
    ...parentFields,
    /** The administrator's account name (once the bare operator's name). */
    operator: requiredText('管理员姓名', 20),
    password: newPassword,
    confirm: z.string({ error: '请再输入一遍密码' }),
  })
  .superRefine((v, ctx) => {
    bothOrNeither(v, ctx);
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: '两次输入的密码不一致' });
  });
export type SetupInput = z.input<typeof SetupInput>;

export const ParentUnitInput = z.object(parentFields).superRefine(bothOrNeither);

/** The zones a Chinese street office would choose between; the stored value is the IANA name. */
export const timeZones = {
  'Asia/Shanghai': '北京时间（UTC+8）',
  'Asia/Urumqi': '乌鲁木齐时间（UTC+6）',
  'Asia/Hong_Kong': '香港时间（UTC+8）',
  'Asia/Macau': '澳门时间（UTC+8）',
} as const;

export const TimeZoneInput = z.object({
  timeZone: z.string({ error: '请选择时区' }).refine((z) => z in timeZones, '请从列表中选择时区'),
});

/** The signed-in account as the window knows it. */
export interface AccountView {
  id: string;
  name: string;
  role: Role;
  mustChangePassword: boolean;
}

/** A sign-in's answer: the session's token, which the transport sends with every request from then on. */
export interface SessionView {
  token: string;
  account: AccountView;
  /**
   * Once, when this answer encrypted the data (setup, or an administrator's first sign-in after the upgrade): the
   * recovery code, to be written down and kept in the office safe. Never stored in clear, never shown again.
   */
  recoveryCode?: string;
}

export interface SystemStatus {
  installation: Installation | null;
  /**
   * The data file is encrypted and no one has signed in since the start: nothing of the data can be read yet, and
   * the sign-in (or the recovery code) opens it. The unit's name is the key file's, for the sign-in screen.
   */
  sealed: { unitName: string } | null;
  /** Whether the data file is encrypted (设置 shows it). */
  encrypted: boolean;
  /** The account of the request's session (null: not signed in, or the session ended). */
  account: AccountView | null;
  /**
   * Whose screen is locked (the most recent lock), for a request without an active session: a window opened
   * afresh shows the lock, not a bare sign-in. A sign-in ends it (main/api/sessions.ts).
   */
  locked: { name: string } | null;
  /**
   * For an administrator: the recovery code not yet confirmed written down (made at the encryption, or anew), kept
   * in the core's memory so a reload shows it again until 已抄写 (`system.confirmRecoveryCode`); null otherwise.
   */
  recoveryCode: string | null;
  /** An installation upgraded from before accounts: its administrator's name, who must choose a password first. */
  firstPasswordFor: string | null;
  /** Minutes without activity before the window locks (设置; default 10). */
  lockMinutes: number;
  dataDir: string;
  dbFile: string;
  backupDir: string;
  schemaVersion: number;
  appVersion: string;
  lastBackup: BackupInfo | null;
  /** Which SQLite driver opened the data (better-sqlite3, or node:sqlite where it could not load), for support. */
  sqliteDriver: DriverInfo;
  /** About the data folder, for the settings page: on a network drive, a failed integrity check or backup. */
  warnings: string[];
  /** The fingerprint of this installation's package signing key (null until setup or the first export makes it). */
  signingFingerprint: string | null;
}

/** Backups a policy removes: how many, how many bytes, and their names (oldest last). */
export interface BackupsRemoved {
  count: number;
  bytes: number;
  names: string[];
}

/** The core's time, which the renderer's clock follows (renderer/src/app/clock.ts). */
export interface ClockReading {
  /** ISO-8601 UTC instant. */
  at: string;
  /** The installation's calendar day at that instant. */
  today: string;
  timeZone: string;
}

export interface SearchHit {
  kind: 'member' | 'org' | 'place' | 'estate' | 'company';
  id: string;
  title: string;
  subtitle: string;
}

/** The one-time encryption's progress job (main/core.ts): at most one per data folder, which the sign-in screen asks for. */
export const encryptionJobOf = (dataDir: string): string => `encrypt-installation:${dataDir}`;

export const systemContract = {
  'system.getStatus': read<SystemStatus>()(z.object({}), { beforeSetup: true, needs: 'public' }),
  'system.getClock': read<ClockReading>()(z.object({}), { beforeSetup: true, needs: 'public' }),
  /** First start: the unit, and its administrator, who is signed in at once. */
  'system.setup': write<{ installation: Installation; session: SessionView }>()(SetupInput, { beforeSetup: true, needs: 'public' }),
  'system.setTimeZone': write<Installation>()(TimeZoneInput, { needs: 'admin' }),
  'system.setLockMinutes': write<Installation>()(LockMinutesInput, { needs: 'admin' }),
  /** The unit above (所属街道), for an installation set up before it was asked, or after a mistake. */
  'system.setParentUnit': write<Installation>()(ParentUnitInput, { needs: 'admin' }),
  'system.listBackups': read<BackupInfo[]>()(z.object({}), { beforeSetup: true }),
  /** 设置 → 备份: the folder (how many, how big, the newest holding data) and what it keeps. */
  'system.getBackupSettings': read<{ policy: BackupPolicy; folder: BackupFolder }>()(z.object({})),
  /** What saving `policy` would remove now, for the confirmation before it. */
  'system.previewBackupPolicy': read<BackupsRemoved>()(BackupPolicyInput, { needs: 'admin' }),
  /** Saves the policy and applies it at once: the backups it removed. */
  'system.setBackupPolicy': write<{ policy: BackupPolicy; removed: BackupsRemoved }>()(BackupPolicyInput, { needs: 'admin' }),
  'system.backupNow': task<BackupInfo>()(z.object({}), { beforeSetup: true, needs: 'enter' }),
  'system.restoreBackup': task<{ keptAs: string }>()(
    z.object({ name: z.string().regex(/^streetdesk-[\w-]+\.sqlite$/, '请选择一个备份文件') }),
    { beforeSetup: true, needs: 'admin' },
  ),

  // Accounts (issue 13; docs/architecture.md, "Accounts, roles and sessions").
  'system.signIn': write<SessionView>()(SignInInput, { needs: 'public' }),
  'system.setFirstPassword': write<SessionView>()(FirstPasswordInput, { needs: 'public' }),
  /**
   * While the first administrator's sign-in encrypts a plain installation, its phase (null: none has run since the
   * start). Answered by the core beside the request gate (main/core.ts): the sign-in it reports on holds the data alone.
   */
  'system.getEncryptionProgress': read<SubmissionProgress | null>()(z.object({}), { beforeSetup: true, needs: 'public' }),
  /** Every password lost: the recovery code opens the data and an administrator gets a new password. */
  'system.recover': write<SessionView>()(RecoverInput, { needs: 'public' }),
  'system.signOut': write<null>()(SignOutInput, { needs: 'view', beforePasswordChange: true }),
  'system.changePassword': write<AccountView>()(ChangePasswordInput, { needs: 'view', beforePasswordChange: true }),
  /** A new recovery code (the old one stops opening the data), shown until confirmed written down. */
  'system.renewRecoveryCode': write<{ recoveryCode: string }>()(RenewRecoveryCodeInput, { needs: 'admin' }),
  /** 已抄写: the pending recovery code is forgotten by the core. */
  'system.confirmRecoveryCode': write<null>()(z.object({}), { needs: 'admin', beforePasswordChange: true }),
  'system.listAccounts': read<AccountRow[]>()(z.object({}), { needs: 'admin' }),
  'system.createAccount': write<AccountRow>()(CreateAccountInput, { needs: 'admin' }),
  'system.resetPassword': write<AccountRow>()(ResetPasswordInput, { needs: 'admin' }),
  'system.setAccountRole': write<AccountRow>()(AccountRoleInput, { needs: 'admin' }),
  'system.setAccountDisabled': write<AccountRow>()(AccountDisabledInput, { needs: 'admin' }),

  /** 操作记录 (its own page): who changed what, filtered and paged in SQL; for 审核人 and 管理员. */
  'system.listAudit': read<Page<AuditRow>>()(AuditQuery, { needs: 'review' }),
  /** The account filter's choices: every name the log holds. */
  'system.listAuditOperators': read<string[]>()(z.object({}), { needs: 'review' }),
  /** 核对数据: every maintained total against its source, every ledger's hash chain. */
  'system.checkData': read<IntegrityReport>()(z.object({})),
  /** Rebuilds the totals rows that differ from their source (chains cannot be rebuilt: they are evidence). */
  'system.repairTotals': write<RebuiltTotals[]>()(z.object({}), { needs: 'admin' }),
  'system.search': read<SearchHit[]>()(
    z.object({ q: z.string().trim().max(40), limit: z.number().int().min(1).max(50).default(20) }),
  ),
};
