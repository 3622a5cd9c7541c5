import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../main/api/contract';
import { CHANNELS_CHANNEL, FORBIDDEN, registerIpc } from '../../main/electron/ipc';
import { isAppUrl } from '../../main/electron/window';
import { quietLog, setupInput, testCore } from './helpers';

vi.mock('electron', async () => (await import('./electron-fake')).createFakeElectron());

type Handler = (event: unknown, input: unknown, session?: unknown) => Promise<unknown>;

const indexFile = path.resolve('/opt/StreetDesk/resources/app.asar/out/renderer/index.html');
const appUrl = pathToFileURL(indexFile).href;
const trusted = (url: string | null) => isAppUrl(url, indexFile);
const frame = (url: string) => ({ senderFrame: { url } });

type SyncListener = (event: { senderFrame: { url: string } | null; returnValue?: unknown }) => void;

function register(dispatch: (channel: string, input: unknown) => Promise<unknown>) {
  const handlers = new Map<string, Handler>();
  const listeners = new Map<string, SyncListener>();
  const ipcMain = { handle: vi.fn((name: string, fn: Handler) => void handlers.set(name, fn)), on: vi.fn((name: string, fn: SyncListener) => void listeners.set(name, fn)) };
  registerIpc(ipcMain as never, { dispatch, channels: channelNames } as never, trusted, quietLog);
  return { handlers, listeners, ipcMain };
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel', () => {
    const { handlers, ipcMain } = register(vi.fn());
    expect(ipcMain.handle).toHaveBeenCalledTimes(channelNames.length);
    expect([...handlers.keys()].sort()).toEqual([...channelNames].sort());
  });

  it("tells the app's page, and no other, the channel names its preload exposes", () => {
    const { listeners } = register(vi.fn());
    const answer = (senderFrame: { url: string } | null) => {
      const event: Parameters<SyncListener>[0] = { senderFrame };
      listeners.get(CHANNELS_CHANNEL)!(event);
      return event.returnValue;
    };
    expect(answer({ url: `${appUrl}#/` })).toEqual([...channelNames]);
    expect(answer({ url: 'https://evil.example/index.html' })).toEqual([]);
    expect(answer(null)).toEqual([]);
  });

  it('refuses a foreign, missing or disposed sender frame without dispatching', async () => {
    const dispatch = vi.fn();
    const { handlers } = register(dispatch);
    const handler = handlers.get('system.getStatus')!;
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    for (const event of [
      frame('https://evil.example/index.html'),
      frame('file:///tmp/other/index.html'),
      frame('about:blank'),
      { senderFrame: null },
      disposed,
    ]) {
      expect(await handler(event, {})).toEqual(FORBIDDEN);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('forwards a call from the app page to the real core and returns its envelope', async () => {
    const { core } = await testCore({ setUp: false });
    const { handlers } = register(core.dispatch);
    const status = await handlers.get('system.getStatus')!(frame(`${appUrl}#/party/members`), {});
    expect(status).toEqual(await core.dispatch('system.getStatus', {}));
    expect(status).toMatchObject({ ok: true });

    // Errors travel as envelopes (with field paths), never as rejections the bridge would mangle.
    const invalid = await handlers.get('system.setup')!(frame(appUrl), { unitLevel: 'nation' });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((invalid as { error: { fields: unknown[] } }).error.fields.length).toBeGreaterThan(0);

    // The signed-in account's session is the call's second argument; the core decides what it may do.
    const setUp = (await handlers.get('system.setup')!(frame(appUrl), setupInput('street'))) as { data: { session: { token: string } } };
    const token = setUp.data.session.token;
    expect(await handlers.get('party.orgChildren')!(frame(appUrl), {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await handlers.get('party.orgChildren')!(frame(appUrl), {}, { token })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await handlers.get('party.orgChildren')!(frame(appUrl), {}, token)).toMatchObject({ ok: true });
  });

  it('turns a dispatch that throws into an INTERNAL envelope', async () => {
    const { handlers } = register(() => Promise.reject(new Error('boom')));
    expect(await handlers.get('system.getStatus')!(frame(appUrl), {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
