import { z } from 'zod';
import { id, keysOf, optionalDate, optionalText, pageInput, requiredText } from '../common/fields';
import { auditModules } from './labels';
import type { Role } from '../common/roles';
import type { BackupPolicy } from '../../../db/types';

export const PASSWORD_MIN_LENGTH = 8;

/** A new password: at least 8 characters (any characters: Chinese, spaces), at most 128. */
export const newPassword = z
  .string({ error: '请填写密码' })
  .min(PASSWORD_MIN_LENGTH, `密码至少 ${PASSWORD_MIN_LENGTH} 位`)
  .max(128, '密码不能超过 128 位');

/** The same password typed twice, checked beside the second field. */
const confirmed = <T extends { password: string; confirm: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: '两次输入的密码不一致' });
};
const confirm = z.string({ error: '请再输入一遍密码' });

export const accountName = requiredText('账号名称', 20);
const roleKeys = ['admin', 'entry', 'reviewer', 'readonly'] as const satisfies readonly Role[];
export const role = z.enum(roleKeys, { error: '请选择角色' });

export const SignInInput = z.object({
  name: accountName,
  password: z.string({ error: '请填写密码' }).min(1, '请填写密码').max(128, '密码不能超过 128 位'),
});

/** An installation upgraded from before accounts: its administrator chooses a password at first open. */
export const FirstPasswordInput = z.object({ password: newPassword, confirm }).superRefine(confirmed);

/**
 * Every password lost: the recovery code shown at setup opens the data, and an administrator chooses a new password.
 * The code is checked by the core (it unwraps the data key), not by its form.
 */
export const RecoverInput = z
  .object({
    code: z.string({ error: '请填写恢复码' }).trim().min(1, '请填写恢复码').max(60, '恢复码不对：请按纸上的 25 个字符填写'),
    name: accountName,
    password: newPassword,
    confirm,
  })
  .superRefine(confirmed);

/** A new recovery code: the administrator's own password again, since the code opens all the data. */
export const RenewRecoveryCodeInput = z.object({ password: z.string({ error: '请填写您的密码' }).min(1, '请填写您的密码').max(128) });

export const ChangePasswordInput = z
  .object({ current: z.string({ error: '请填写现在的密码' }).min(1, '请填写现在的密码').max(128), password: newPassword, confirm })
  .superRefine(confirmed);

export const CreateAccountInput = z.object({ name: accountName, role, password: newPassword, confirm }).superRefine(confirmed);
export const ResetPasswordInput = z.object({ id, password: newPassword, confirm }).superRefine(confirmed);
export const AccountRoleInput = z.object({ id, role });
export const AccountDisabledInput = z.object({ id, disabled: z.boolean({ error: '请选择停用或启用' }) });

export const LOCK_MINUTES_DEFAULT = 10;
export const LockMinutesInput = z.object({
  minutes: z.number({ error: '请填写分钟数' }).int('请填写整数分钟').min(1, '至少 1 分钟').max(240, '不能超过 240 分钟'),
});

/** A count of backups kept: whole, from `min` up to `max`. */
const keptCount = (label: string, min: number, max: number) =>
  z.number({ error: `请填写${label}` }).int(`${label}请填写整数`).min(min, `${label}至少 ${min}`).max(max, `${label}不能超过 ${max}`);

/** 设置 → 备份: how many backups the folder keeps, and its size limit in GB (null: 不限). */
export const BackupPolicyInput = z.object({
  daily: keptCount('按天保留', 1, 60),
  weekly: keptCount('按周保留', 0, 52),
  monthly: keptCount('按月保留', 0, 120),
  safety: keptCount('升级前、恢复前各保留', 1, 50),
  maxGigabytes: z
    .number({ error: '请填写上限（GB），或选择不限' })
    .int('上限请填写整数 GB')
    .min(1, '上限至少 1 GB')
    .max(10000, '上限不能超过 10000 GB')
    .nullable(),
}) satisfies z.ZodType<BackupPolicy>;

export const SignOutInput = z.object({ reason: z.enum(['logout', 'lock']).default('logout') });

/** The audit page's filters (all optional) and its keyset cursor: the seq of the last row shown. */
export const AuditQuery = z
  .object({
    operator: optionalText('操作账号', 20),
    action: optionalText('操作', 40),
    module: z.enum(keysOf(auditModules), { error: '请选择模块' }).nullish(),
    entity: optionalText('对象', 40),
    entityId: optionalText('编号', 64),
    text: optionalText('搜索内容', 40),
    from: optionalDate('起始日期'),
    to: optionalDate('截止日期'),
    beforeSeq: z.number().int().min(1).nullish(),
    ...pageInput,
  })
  .superRefine((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: '截止日期不能早于起始日期' });
  });
