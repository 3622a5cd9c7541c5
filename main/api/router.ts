import { z } from 'zod';
import { getAccount, type AccountRow } from '../../db/accounts/accounts';
import { writeAudit } from '../../db/audit';
import { currentMoment, withMoment, type Moment } from '../../db/moment';
import { getInstallation, type Installation } from '../../db/settings';
import { momentOf } from '../clock';
import { DEFAULT_TIME_ZONE, setTodaySource } from './common/calendar';
import { needOf, type Channel, type ChannelMap, type OutputOf, type ParsedInputOf } from './common/channel';
import { DomainError, type ApiErrorBody, type Envelope, type FieldError } from './common/errors';
import { mayDo, roleLabels, rolesFor, type Need } from './common/roles';
import './common/zod-locale';
import type { Ctx, Services } from './context';

export type Handler<C> = (input: ParsedInputOf<C>, ctx: Ctx) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers<M extends ChannelMap> = { [K in keyof M]: Handler<M[K]> };

/** `session`: the token of the signed-in account's session, as the transport received it (none: a public channel only). */
export type Dispatch = (channel: string, input: unknown, session?: string) => Promise<Envelope<unknown>>;

// The shared schemas' "today" ("不能晚于今天") is the request's, so validation and handler agree on the date.
setTodaySource(() => currentMoment().today);

/**
 * SQLite waits `busy_timeout` (db/open.ts) for another connection's write lock; when even that runs out, a read or
 * write is tried again this many times after these pauses, then answered BUSY. Tasks are not retried: they
 * write files and manage their own consistency.
 */
const BUSY_PAUSES_MS = [50, 250];

const fieldsOf = (err: z.ZodError): FieldError[] =>
  err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

const sqliteCodeOf = (err: unknown) => (err as { code?: unknown } | null)?.code;
const isBusy = (err: unknown) => sqliteCodeOf(err) === 'SQLITE_BUSY' || sqliteCodeOf(err) === 'SQLITE_LOCKED';

/** A failure as the envelope says it (also for the sealed core's answers, main/sealed.ts). */
export function toBody(err: unknown, services: Services, channel: string): ApiErrorBody {
  if (err instanceof DomainError) return { code: err.code, message: err.message, reason: err.reason, fields: err.fields };
  if (err instanceof z.ZodError) return { code: 'VALIDATION', message: '填写的内容有误，请按提示修改', fields: fieldsOf(err) };
  const sqliteCode = sqliteCodeOf(err);
  if (sqliteCode === 'SQLITE_CONSTRAINT_UNIQUE' || sqliteCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'CONFLICT', message: '与已有记录重复，未保存' };
  }
  if (isBusy(err)) {
    services.log.error(`channel ${channel}: database busy after retries`, err);
    return { code: 'BUSY', message: '数据文件正被另一个程序占用，本次操作未保存。请稍后再试' };
  }
  services.log.error(`channel ${channel} failed`, err);
  return { code: 'INTERNAL', message: '操作没有完成，数据未改动。请重试；如果问题持续，请联系技术支持（详情已写入日志）' };
}

const refusal = (role: AccountRow['role'], need: Need) =>
  new DomainError('FORBIDDEN', `当前账号（${roleLabels[role]}）不能进行此操作，需要${rolesFor(need).map((r) => roleLabels[r]).join('或')}账号`, 'ROLE');

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one router both transports call: looks the channel up in the contract, validates the input, and runs the
 * handler in the request's moment (one instant, one calendar day, one operator): writes inside one
 * `BEGIN IMMEDIATE` transaction together with their audit entries, so a write never half-happens and never
 * meets another writer halfway (a deferred transaction that reads first cannot wait for the lock). Returns an
 * envelope. Before any of it, the channel's need (`needs`, main/api/common/roles.ts) is checked against the signed-in
 * account's role: a refused request reads no input and writes nothing.
 */
export function createRouter<M extends ChannelMap>(
  contract: M,
  handlers: Handlers<M>,
  env: { db: () => Ctx['db']; services: Services },
): Dispatch {
  const known = new Map<string, Channel>(Object.entries(contract));

  /** The session's account, if it is still one that may sign in (a disabled account's sessions end). */
  function signedIn(token: string | undefined): AccountRow | null {
    const id = env.services.sessions.accountOf(token);
    const account = id ? getAccount(env.db(), id) : undefined;
    if (account && !account.disabledAt && account.passwordSet) return account;
    if (id) env.services.sessions.end(token!);
    return null;
  }

  function execute(def: Channel, channel: string, rawInput: unknown, installation: Installation | null, moment: Moment, token?: string) {
    if (!installation && !def.beforeSetup) throw new DomainError('NOT_SET_UP', '请先完成初始设置（单位和管理员）');
    const account = installation ? signedIn(token) : null;
    const need = needOf(def);
    if (installation && need !== 'public') {
      if (!account && env.services.sessions.isLocked(token)) throw new DomainError('UNAUTHENTICATED', '屏幕已锁定，请输入密码解锁', 'LOCKED');
      if (!account) throw new DomainError('UNAUTHENTICATED', '请先登录（已退出或程序已重新启动）', 'SIGN_IN');
      if (!mayDo(account.role, need)) throw refusal(account.role, need);
      if (account.mustChangePassword && !def.beforePasswordChange) {
        throw new DomainError('FORBIDDEN', '管理员重置了您的密码，请先设置自己的新密码', 'PASSWORD_CHANGE_REQUIRED');
      }
    }
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw parsed.error;
    const raised = def.raises && (parsed.data as Record<string, unknown>)[def.raises.when] === true ? def.raises.needs : null;
    if (raised && account && !mayDo(account.role, raised)) throw refusal(account.role, raised);
    const handler = handlers[channel as keyof M] as (input: unknown, ctx: Ctx) => unknown;
    const db = env.db();
    const operator = account?.name ?? (installation ? '未登录' : '初始设置');
    const onRefusal: (() => void)[] = [];
    const ctx: Ctx = {
      db,
      now: moment.at,
      today: moment.today,
      operator,
      account,
      session: account ? token! : null,
      audit: (entry) => writeAudit(db, operator, entry),
      auditAs: (name, entry) => writeAudit(db, name, entry),
      recordRefusal: (work) => {
        if (def.kind !== 'write') throw new Error(`recordRefusal in ${channel}: only write channels have a refusal to record`);
        onRefusal.push(work);
      },
      services: env.services,
    };
    if (def.kind !== 'write') return handler(parsed.data, ctx);
    try {
      return db.transaction(() => {
        const out = handler(parsed.data, ctx);
        if (out instanceof Promise) throw new Error(`write handler ${channel} must be synchronous`);
        return out;
      }).immediate();
    } catch (err) {
      // The request's own writes are rolled back; what its refusal must leave behind is written on its own.
      if (onRefusal.length) db.transaction(() => onRefusal.forEach((work) => work())).immediate();
      throw err;
    }
  }

  return async (channel, rawInput, token) => {
    const def = known.get(channel);
    if (!def) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${channel}` } };
    for (let attempt = 0; ; attempt++) {
      try {
        const installation = getInstallation(env.db());
        const moment = momentOf(env.services.clock, installation?.timeZone ?? DEFAULT_TIME_ZONE);
        const data = await withMoment(moment, () => execute(def, channel, rawInput, installation, moment, token));
        return { ok: true, data: data ?? null };
      } catch (err) {
        if (isBusy(err) && def.kind !== 'task' && attempt < BUSY_PAUSES_MS.length) {
          await pause(BUSY_PAUSES_MS[attempt]!);
          continue;
        }
        return { ok: false, error: toBody(err, env.services, channel) };
      }
    }
  };
}
