import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../api/contract';
import type { Envelope } from '../api/common/errors';
import type { Core } from '../core';
import type { Logger } from '../log';

export const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问' } };
const INTERNAL: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，详情已写入日志' } };

/** The URL of the frame that sent an IPC message; null when the frame is gone (navigated away or closed). */
export function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null; // Electron throws when reading a frame that was disposed mid-flight
  }
}

/**
 * One handler per contract channel, nothing more: no generic "call any method" pass-through.
 * The renderer expects envelopes, never rejections (an Error does not cross contextBridge as itself),
 * so even a dispatch that throws answers with an envelope.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: Pick<Core, 'dispatch'>,
  isTrusted: (frameUrl: string | null) => boolean,
  log?: Logger,
): string[] {
  for (const channel of channelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown, session: unknown) => {
      const url = senderUrl(event);
      if (!isTrusted(url)) {
        log?.error(`IPC ${channel} refused from ${url ?? '(no frame)'}`);
        return FORBIDDEN;
      }
      try {
        return await core.dispatch(channel, input, typeof session === 'string' ? session : undefined);
      } catch (err) {
        log?.error(`IPC ${channel} failed`, err);
        return INTERNAL;
      }
    });
  }
  return [...channelNames];
}
