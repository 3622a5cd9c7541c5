import { z } from 'zod';
import { writeAudit } from '../../db/audit';
import { getInstallation } from '../../db/settings';
import type { Channel, ChannelMap, OutputOf, ParsedInputOf } from './common/channel';
import { DomainError, type ApiErrorBody, type Envelope, type FieldError } from './common/errors';
import './common/zod-locale';
import type { Ctx, Services } from './context';

export type Handler<C> = (input: ParsedInputOf<C>, ctx: Ctx) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers<M extends ChannelMap> = { [K in keyof M]: Handler<M[K]> };

export type Dispatch = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

const fieldsOf = (err: z.ZodError): FieldError[] =>
  err.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

function toBody(err: unknown, services: Services, channel: string): ApiErrorBody {
  if (err instanceof DomainError) return { code: err.code, message: err.message, reason: err.reason, fields: err.fields };
  if (err instanceof z.ZodError) return { code: 'VALIDATION', message: '填写的内容有误，请按提示修改', fields: fieldsOf(err) };
  const sqliteCode = (err as { code?: unknown } | null)?.code;
  if (sqliteCode === 'SQLITE_CONSTRAINT_UNIQUE' || sqliteCode === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return { code: 'CONFLICT', message: '与已有记录重复，未保存' };
  }
  if (sqliteCode === 'SQLITE_BUSY') return { code: 'CONFLICT', message: '数据文件正忙，请稍后再试' };
  services.log.error(`channel ${channel} failed`, err);
  return { code: 'INTERNAL', message: '操作没有完成，数据未改动。请重试；如果问题持续，请联系技术支持（详情已写入日志）' };
}

/**
 * The one router both transports call: looks the channel up in the contract, validates the input,
 * runs the handler (writes inside one transaction with their audit entries) and returns an envelope.
 */
export function createRouter<M extends ChannelMap>(
  contract: M,
  handlers: Handlers<M>,
  env: { db: () => Ctx['db']; services: Services },
): Dispatch {
  const known = new Map<string, Channel>(Object.entries(contract));
  return async (channel, rawInput) => {
    const def = known.get(channel);
    if (!def) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `未知的操作：${channel}` } };
    try {
      const db = env.db();
      const installation = getInstallation(db);
      if (!installation && !def.beforeSetup) {
        throw new DomainError('NOT_SET_UP', '请先完成初始设置（单位和录入人）');
      }
      const parsed = def.input.safeParse(rawInput ?? {});
      if (!parsed.success) throw parsed.error;
      const handler = handlers[channel as keyof M] as (input: unknown, ctx: Ctx) => unknown;
      const operator = installation?.operator ?? '初始设置';
      const ctx: Ctx = {
        db,
        operator,
        audit: (entry) => writeAudit(db, operator, entry),
        services: env.services,
      };
      let data: unknown;
      if (def.kind === 'write') {
        data = db.transaction(() => {
          const out = handler(parsed.data, ctx);
          if (out instanceof Promise) throw new Error(`write handler ${channel} must be synchronous`);
          return out;
        })();
      } else {
        data = await handler(parsed.data, ctx);
      }
      return { ok: true, data: data ?? null };
    } catch (err) {
      return { ok: false, error: toBody(err, env.services, channel) };
    }
  };
}
