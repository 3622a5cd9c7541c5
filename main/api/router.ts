import { z } from 'zod';
import { writeAudit } from '../../db/audit';
import { currentMoment, withMoment, type Moment } from '../../db/moment';
import { getInstallation, type Installation } from '../../db/settings';
import { momentOf } from '../clock';
import { DEFAULT_TIME_ZONE, setTodaySource } from './common/calendar';
import type { Channel, ChannelMap, OutputOf, ParsedInputOf } from './common/channel';
import { DomainError, type ApiErrorBody, type Envelope, type FieldError } from './common/errors';
import './common/zod-locale';
import type { Ctx, Services } from './context';

export type Handler<C> = (input: ParsedInputOf<C>, ctx: Ctx) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers<M extends ChannelMap> = { [K in keyof M]: Handler<M[K]> };

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

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

function toBody(err: unknown, services: Services, channel: string): ApiErrorBody {
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

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one router both transports call: looks the channel up in the contract, validates the input, and runs the
 * handler in the request's moment (one instant, one calendar day, one operator): writes inside one
 * `BEGIN IMMEDIATE` transaction together with their audit entries, so a write never half-happens and never
 * meets another writer halfway (a deferred transaction that reads first cannot wait for the lock). Returns an
 * envelope.
 */
export function createRouter<M extends ChannelMap>(
  contract: M,
  handlers: Handlers<M>,
  env: { db: () => Ctx['db']; services: Services },
): Dispatch {
  const known = new Map<string, Channel>(Object.entries(contract));

  function execute(def: Channel, channel: string, rawInput: unknown, installation: Installation | null, moment: Moment) {
    if (!installation && !def.beforeSetup) throw new DomainError('NOT_SET_UP', '请先完成初始设置（单位和录入人）');
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) throw parsed.error;
    const handler = handlers[channel as keyof M] as (input: unknown, ctx: Ctx) => unknown;
    const db = env.db();
    const operator = installation?.operator ?? '初始设置';
    const onRefusal: (() => void)[] = [];
    const ctx: Ctx = {
      db,
      now: moment.at,
      today: moment.today,
      operator,
      audit: (entry) => writeAudit(db, operator, entry),
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

  return async (channel, rawInput) => {
    const def = known.get(channel);
    if (!def) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${channel}` } };
    for (let attempt = 0; ; attempt++) {
      try {
        const installation = getInstallation(env.db());
        const moment = momentOf(env.services.clock, installation?.timeZone ?? DEFAULT_TIME_ZONE);
        const data = await withMoment(moment, () => execute(def, channel, rawInput, installation, moment));
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
