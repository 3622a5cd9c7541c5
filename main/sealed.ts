import { delayAfterFailures } from '../db/accounts/password';
import { DEFAULT_TIME_ZONE } from './api/common/calendar';
import { DomainError, type Envelope } from './api/common/errors';
import type { Services } from './api/context';
import { toBody, type Dispatch } from './api/router';
import { RecoverInput, SignInInput } from './api/system/schemas';
import type { SystemStatus } from './api/system/contract';
import { momentOf } from './clock';
import type { DataKeys } from './data-keys';

const WRONG_PASSWORD = () => new DomainError('DOMAIN', '账号或密码不正确', 'SIGN_IN_FAILED', [{ path: 'password', message: '账号或密码不正确' }]);
const WRONG_CODE = () => new DomainError('DOMAIN', '恢复码不正确', 'RECOVERY_CODE_WRONG', [{ path: 'code', message: '恢复码不正确：请按纸上的 25 个字符填写' }]);

/**
 * The core before its encrypted data file is open (main/core.ts), at start or after the lock closed it: it answers the status (sealed), the clock, a
 * sign-in and a recovery, and refuses everything else as not signed in. A sign-in or recovery whose secret
 * unwraps the data key opens the file (`open`) and is then answered by the router like any other — which checks
 * the account itself (disabled, waiting after wrong passwords) and counts its failures in the file from then on.
 * Until then a wrong secret is counted here, in memory, with the same growing wait.
 */
export function sealedDispatch(o: {
  keys: DataKeys;
  services: Services;
  status: () => SystemStatus;
  open: (key: Buffer) => Promise<void>;
  routed: Dispatch;
}): Dispatch {
  const failures = new Map<string, { count: number; until: number }>();
  const nowMs = () => o.services.clock.nowMs();
  const refuse = (err: unknown, channel: string): Envelope<unknown> => ({ ok: false, error: toBody(err, o.services, channel) });

  function unlockOr(name: string, secret: () => Buffer | null, wrong: () => DomainError): Buffer {
    const seen = failures.get(name);
    if (seen && seen.until > nowMs()) {
      throw new DomainError('DOMAIN', `错误次数过多，请在 ${Math.ceil((seen.until - nowMs()) / 1000)} 秒后再试`, 'SIGN_IN_DELAYED');
    }
    const key = secret();
    if (key) {
      failures.delete(name);
      return key;
    }
    const count = (seen?.count ?? 0) + 1;
    failures.set(name, { count, until: nowMs() + delayAfterFailures(count) * 1000 });
    throw wrong();
  }

  return async (channel, input, session) => {
    try {
      if (channel === 'system.getStatus') return { ok: true, data: o.status() };
      if (channel === 'system.getClock') {
        const m = momentOf(o.services.clock, DEFAULT_TIME_ZONE);
        return { ok: true, data: { at: m.at, today: m.today, timeZone: DEFAULT_TIME_ZONE } };
      }
      if (channel === 'system.signIn') {
        const { name, password } = SignInInput.parse(input ?? {});
        await o.open(unlockOr(`account:${name}`, () => o.keys.unlockAs(name, password), WRONG_PASSWORD));
        return await o.routed(channel, input, session);
      }
      if (channel === 'system.recover') {
        const { code } = RecoverInput.parse(input ?? {});
        await o.open(unlockOr('recovery', () => o.keys.unlockWithCode(code), WRONG_CODE));
        return await o.routed(channel, input, session);
      }
      if (o.services.sessions.isLocked(session)) throw new DomainError('UNAUTHENTICATED', '屏幕已锁定，数据文件已关闭：请输入密码解锁', 'LOCKED');
      throw new DomainError('UNAUTHENTICATED', '请先登录（数据文件已加密，登录后才能打开）', 'SIGN_IN');
    } catch (err) {
      return refuse(err, channel);
    }
  };
}
