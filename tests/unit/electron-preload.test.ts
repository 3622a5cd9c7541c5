import { describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../main/api/contract';
import { CHANNELS_CHANNEL } from '../../main/electron/ipc';
import { PRINT_FILE_CHANNEL } from '../../main/electron/print';
import { SAVE_FILE_CHANNEL } from '../../main/electron/save';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: false, error: { code: 'X', message: channel, input } })),
    // The main process's answer to the preload's one question (main/electron/ipc.ts): the core's channel names.
    sendSync: vi.fn((): string[] => []),
  },
}));
vi.mock('electron', () => electron);

type Bridge = Record<string, Record<string, (input: unknown, session?: unknown) => Promise<unknown>>>;

describe('preload', () => {
  it('exposes only `streetdesk`: one function per channel, returning envelopes untouched, and the desktop save and print', async () => {
    electron.ipcRenderer.sendSync.mockReturnValue([...channelNames]);
    await import('../../preload/index');
    expect(electron.ipcRenderer.sendSync).toHaveBeenCalledWith(CHANNELS_CHANNEL);
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Bridge];
    expect(key).toBe('streetdesk');

    const { desktop, ...channels } = api;
    expect(Object.keys(desktop!)).toEqual(['saveFile', 'printFile']);
    const exposed = Object.entries(channels).flatMap(([mod, verbs]) => Object.keys(verbs).map((verb) => `${mod}.${verb}`));
    expect(exposed.sort()).toEqual([...channelNames].sort());

    for (const channel of channelNames) {
      const [mod, verb] = channel.split('.') as [string, string];
      const input = { probe: channel };
      await expect(api[mod]![verb]!(input)).resolves.toEqual({ ok: false, error: { code: 'X', message: channel, input } });
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, input, undefined);
      // The signed-in account's session goes along as the second argument, and only a string does.
      await api[mod]![verb]!(input, 'session-token');
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, input, 'session-token');
      await api[mod]![verb]!(input, { not: 'a token' });
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, input, undefined);
    }
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledTimes(3 * channelNames.length);
    const file = { fileName: '李烨.pdf', contentBase64: 'JVBERg==' };
    await desktop!.saveFile!(file);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(SAVE_FILE_CHANNEL, file);
    await desktop!.printFile!(file);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(PRINT_FILE_CHANNEL, file);
  });
});
