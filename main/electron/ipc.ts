import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { Envelope } from '../api/common/errors';
import type { HostedCore } from '../core-host/client';
import type { Logger } from '../log';

/** The preload's one synchronous question at load: which channels to expose (the preload cannot load the contract). */
export const CHANNELS_CHANNEL = 'desktop:channels';

export const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'FORBIDDEN', message: '拒绝访问' } };
const INTERNAL: Envelope<never> = { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，详情已写入日志' } };

/** The URL of the frame that sent an IPC message; null when the frame is gone (navigated away or closed). */
export function senderUrl(event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'senderFrame'>): string | null {
  try {
    return event.senderFrame?.url ?? null;
  } catch {
    return null; // Electron throws when reading a frame that was disposed mid-flight
  }
}

/**
 * One handler per contract channel, nothing more: no generic "call any method" pass-through. The channel names are
 * the core worker's (its contract); the preload asks for them once, synchronously, to build one function per
 * channel, and a frame that is not the app's gets none.
 * The renderer expects envelopes, never rejections (an Error does not cross contextBridge as itself),
 * so even a dispatch that throws answers with an envelope.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'on'>,
  core: Pick<HostedCore, 'dispatch' | 'channels'>,
  isTrusted: (frameUrl: string | null) => boolean,
  log?: Logger,
): string[] {
  ipcMain.on(CHANNELS_CHANNEL, (event: IpcMainEvent) => {
    const url = senderUrl(event);
    if (!isTrusted(url)) log?.error(`IPC ${CHANNELS_CHANNEL} refused from ${url ?? '(no frame)'}`);
    event.returnValue = isTrusted(url) ? [...core.channels] : [];
  });
  for (const channel of core.channels) {
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
  return [...core.channels];
}
