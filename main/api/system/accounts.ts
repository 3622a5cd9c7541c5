import {
  accountByName, activeAdmins, adminWithoutPassword, checkPassword, clearFailedSignIns, getAccount, insertAccount, listAccounts,
  recordFailedSignIn, setDisabled, setPassword, setRole, type AccountRow,
} from '../../../db/accounts/accounts';
import { delayAfterFailures, hashPassword, passwordMatches } from '../../../db/accounts/password';
import { getInstallation, setInstallation } from '../../../db/settings';
import { DomainError } from '../common/errors';
import { roleLabels } from '../common/roles';
import type { Ctx } from '../context';
import type { Handlers } from '../router';
import type { AccountView, SessionView, systemContract } from './contract';

type AccountChannels = Pick<
  typeof systemContract,
  | 'system.signIn' | 'system.setFirstPassword' | 'system.recover' | 'system.signOut' | 'system.changePassword' | 'system.listAccounts'
  | 'system.createAccount' | 'system.resetPassword' | 'system.setAccountRole' | 'system.setAccountDisabled' | 'system.setLockMinutes'
  | 'system.renewRecoveryCode' | 'system.confirmRecoveryCode'
>;

export const accountView = (a: AccountRow): AccountView => ({ id: a.id, name: a.name, role: a.role, mustChangePassword: a.mustChangePassword });

/** What an audit entry keeps of an account: never a hash. */
const audited = (a: AccountRow) => ({ name: a.name, role: a.role, disabledAt: a.disabledAt, mustChangePassword: a.mustChangePassword });

const WRONG = () => new DomainError('DOMAIN', '账号或密码不正确', 'SIGN_IN_FAILED', [{ path: 'password', message: '账号或密码不正确' }]);
const waitSentence = (seconds: number) => (seconds >= 60 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`);

// An unknown name costs the same scrypt as a known one, so the answer's time does not tell which names exist.
let dummyHash: string | null = null;
const spendTheSameTime = (password: string) => passwordMatches(password, (dummyHash ??= hashPassword('not-an-account')));

/**
 * A sign-in ends the locked sessions (main/api/sessions.ts): the same account's is an unlock, another's is ended
 * by switching account — audited under the locked account's name, so its day's record says how it ended.
 */
export function openSession(ctx: Ctx, account: AccountRow, action: string): SessionView {
  const locked = ctx.services.sessions.endLocked();
  for (const other of locked.filter((l) => l.id !== account.id)) {
    ctx.auditAs(other.name, { action: 'sign_out', entity: 'account', entityId: other.id, after: { reason: '切换账号', nextAccount: account.name } });
  }
  const unlocking = action === 'sign_in' && locked.some((l) => l.id === account.id);
  ctx.auditAs(account.name, { action: unlocking ? 'unlock' : action, entity: 'account', entityId: account.id });
  return { token: ctx.services.sessions.open(account), account: accountView(account) };
}

function existing(ctx: Ctx, id: string): AccountRow {
  const account = getAccount(ctx.db, id);
  if (!account) throw new DomainError('NOT_FOUND', '找不到该账号');
  return account;
}

/** The installation must keep an administrator who can sign in. */
function keepsAnAdmin(ctx: Ctx, account: AccountRow) {
  if (account.role === 'admin' && !account.disabledAt && activeAdmins(ctx.db) <= 1) {
    throw new DomainError('DOMAIN', '这是唯一的管理员账号，不能停用或改为其他角色。请先给另一个账号管理员角色', 'LAST_ADMIN');
  }
}

export const accountHandlers: Handlers<AccountChannels> = {
  /** A wrong password is counted (after the refusal's rollback) and delays the next try; a waiting account is not checked. */
  'system.signIn': ({ name, password }, ctx) => {
    const account = accountByName(ctx.db, name);
    if (!account || account.disabledAt || !account.passwordSet) {
      spendTheSameTime(password);
      throw WRONG();
    }
    const nowMs = Date.parse(ctx.now);
    if (account.blockedUntil && Date.parse(account.blockedUntil) > nowMs) {
      const seconds = Math.ceil((Date.parse(account.blockedUntil) - nowMs) / 1000);
      throw new DomainError('DOMAIN', `密码错误次数过多，请在 ${waitSentence(seconds)}后再试`, 'SIGN_IN_DELAYED');
    }
    if (!checkPassword(ctx.db, account.id, password)) {
      ctx.recordRefusal(() => {
        recordFailedSignIn(ctx.db, account.id, nowMs);
        ctx.auditAs(account.name, { action: 'sign_in_failed', entity: 'account', entityId: account.id, after: { failures: account.failedSignIns + 1 } });
      });
      const wait = delayAfterFailures(account.failedSignIns + 1);
      if (wait === 0) throw WRONG();
      throw new DomainError('DOMAIN', `账号或密码不正确。请在 ${waitSentence(wait)}后再试`, 'SIGN_IN_FAILED', [
        { path: 'password', message: '账号或密码不正确' },
      ]);
    }
    clearFailedSignIns(ctx.db, account.id);
    // An account created or reset before the data was encrypted gets its wrap now, so its password opens the data.
    if (!ctx.services.keys.hasWrap(account.id)) ctx.services.keys.wrapFor(account, password);
    return openSession(ctx, getAccount(ctx.db, account.id)!, 'sign_in');
  },

  'system.setFirstPassword': ({ password }, ctx) => {
    const admin = adminWithoutPassword(ctx.db);
    if (!admin) throw new DomainError('CONFLICT', '管理员已设置密码，请登录', 'PASSWORD_ALREADY_SET');
    setPassword(ctx.db, admin.id, password, { mustChange: false }, admin.name);
    ctx.auditAs(admin.name, { action: 'set_password', entity: 'account', entityId: admin.id });
    ctx.services.keys.wrapFor(admin, password);
    return openSession(ctx, getAccount(ctx.db, admin.id)!, 'sign_in');
  },

  /**
   * Every password lost (or the only administrator's): the recovery code, which has opened the data (main/sealed.ts)
   * or is checked here when the data is already open, gives the named administrator a new password.
   */
  'system.recover': ({ code, name, password }, ctx) => {
    const { keys } = ctx.services;
    if (!keys.encrypted()) throw new DomainError('DOMAIN', '本机的数据没有加密，没有恢复码。请让另一位管理员重置密码', 'NOT_ENCRYPTED');
    if (!keys.unlockWithCode(code)) {
      throw new DomainError('DOMAIN', '恢复码不正确', 'RECOVERY_CODE_WRONG', [{ path: 'code', message: '恢复码不正确：请按纸上的 25 个字符填写' }]);
    }
    const admin = accountByName(ctx.db, name);
    if (!admin || admin.role !== 'admin' || admin.disabledAt) {
      throw new DomainError('DOMAIN', '没有这个管理员账号', 'NOT_AN_ADMIN', [{ path: 'name', message: '请填写一个在用的管理员账号名称' }]);
    }
    setPassword(ctx.db, admin.id, password, { mustChange: false }, admin.name);
    ctx.services.sessions.endAccount(admin.id);
    ctx.auditAs(admin.name, { action: 'recover', entity: 'account', entityId: admin.id });
    keys.wrapFor(admin, password);
    return openSession(ctx, getAccount(ctx.db, admin.id)!, 'sign_in');
  },

  /** Signing out ends the session; the lock keeps it locked until a sign-in (the unlock, or another account's). */
  'system.signOut': ({ reason }, ctx) => {
    if (reason === 'lock') ctx.services.sessions.lock(ctx.session!);
    else ctx.services.sessions.end(ctx.session!);
    ctx.audit({ action: reason === 'lock' ? 'lock' : 'sign_out', entity: 'account', entityId: ctx.account!.id });
    return null;
  },

  'system.changePassword': ({ current, password }, ctx) => {
    const me = ctx.account!;
    if (!checkPassword(ctx.db, me.id, current)) {
      throw new DomainError('DOMAIN', '现在的密码不正确', 'WRONG_PASSWORD', [{ path: 'current', message: '现在的密码不正确' }]);
    }
    setPassword(ctx.db, me.id, password, { mustChange: false }, me.name);
    ctx.services.sessions.endAccount(me.id, ctx.session!);
    ctx.audit({ action: 'change_password', entity: 'account', entityId: me.id });
    ctx.services.keys.wrapFor(me, password);
    return accountView(getAccount(ctx.db, me.id)!);
  },

  /** The key file is written last: if it fails, the request (and its audit entry) is rolled back, the old code kept. */
  'system.renewRecoveryCode': ({ password }, ctx) => {
    const me = ctx.account!;
    if (!ctx.services.keys.encrypted()) throw new DomainError('DOMAIN', '本机的数据没有加密，没有恢复码', 'NOT_ENCRYPTED');
    if (!checkPassword(ctx.db, me.id, password)) {
      throw new DomainError('DOMAIN', '密码不正确', 'WRONG_PASSWORD', [{ path: 'password', message: '密码不正确' }]);
    }
    ctx.audit({ action: 'renew_recovery_code', entity: 'installation' });
    return { recoveryCode: ctx.services.keys.renewRecoveryCode() };
  },

  'system.confirmRecoveryCode': (_, ctx) => {
    if (!ctx.services.keys.pendingRecoveryCode()) return null;
    ctx.audit({ action: 'recovery_code_written', entity: 'installation' });
    ctx.services.keys.recoveryCodeWritten();
    return null;
  },

  'system.listAccounts': (_, { db }) => listAccounts(db),

  /** The administrator gives a first password; the account chooses its own at its first sign-in. */
  'system.createAccount': ({ name, role, password }, ctx) => {
    if (accountByName(ctx.db, name)) {
      throw new DomainError('CONFLICT', '已有同名账号', 'ACCOUNT_EXISTS', [{ path: 'name', message: '已有同名账号' }]);
    }
    const account = insertAccount(ctx.db, { name, role, password, mustChange: true }, ctx.operator);
    ctx.audit({ action: 'create', entity: 'account', entityId: account.id, after: audited(account) });
    ctx.services.keys.wrapFor(account, password);
    return account;
  },

  'system.resetPassword': ({ id, password }, ctx) => {
    const before = existing(ctx, id);
    const self = id === ctx.account!.id;
    setPassword(ctx.db, id, password, { mustChange: !self }, ctx.operator);
    ctx.services.sessions.endAccount(id, self ? ctx.session! : undefined);
    const after = getAccount(ctx.db, id)!;
    ctx.audit({ action: 'reset_password', entity: 'account', entityId: id, before: audited(before), after: audited(after) });
    ctx.services.keys.wrapFor(after, password);
    return after;
  },

  'system.setAccountRole': ({ id, role }, ctx) => {
    const before = existing(ctx, id);
    if (before.role === role) return before;
    keepsAnAdmin(ctx, before);
    setRole(ctx.db, id, role, ctx.operator);
    const after = getAccount(ctx.db, id)!;
    ctx.audit({ action: 'update', entity: 'account', entityId: id, before: audited(before), after: { ...audited(after), roleLabel: roleLabels[role] } });
    return after;
  },

  'system.setAccountDisabled': ({ id, disabled }, ctx) => {
    const before = existing(ctx, id);
    if (Boolean(before.disabledAt) === disabled) return before;
    if (disabled) {
      if (id === ctx.account!.id) throw new DomainError('DOMAIN', '不能停用自己正在使用的账号', 'DISABLE_SELF');
      keepsAnAdmin(ctx, before);
      ctx.services.sessions.endAccount(id);
    }
    setDisabled(ctx.db, id, disabled, ctx.operator);
    const after = getAccount(ctx.db, id)!;
    ctx.audit({ action: disabled ? 'disable' : 'enable', entity: 'account', entityId: id, before: audited(before), after: audited(after) });
    // A disabled account's password must not open the data after a restart; enabled again, its next sign-in rewraps.
    if (disabled) ctx.services.keys.dropWrap(id);
    return after;
  },

  'system.setLockMinutes': ({ minutes }, { db, audit }) => {
    const before = getInstallation(db)!;
    const after = { ...before, lockMinutes: minutes };
    setInstallation(db, after);
    audit({ action: 'update', entity: 'installation', before, after });
    return after;
  },
};
