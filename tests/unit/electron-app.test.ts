import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connect } from '../../db/driver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../main/api/contract';
import { PRINT_FILE_CHANNEL } from '../../main/electron/print';
import { SAVE_FILE_CHANNEL } from '../../main/electron/save';
import { readShellState, SHELL_STATE_FILE } from '../../main/electron/shell-state';
import { createCore, DB_FILE_NAME } from '../../main/core';
import type { WorkerEntry } from '../../main/core-host/entry';
import { sourceEntry } from '../../main/core-host/source-entry';
import type { FakeElectron } from './electron-fake';
import { quietLog, tempDir } from './helpers';

vi.mock('electron', async () => (await import('./electron-fake')).createFakeElectron());

// The shell starts the core's worker from the Electron bundle in <app>/out/main, which a unit test does not build
// (core-worker-bundle.test.ts does): here the same worker runs from source, or a stand-in that dies.
const worker = vi.hoisted(() => ({ dirs: [] as string[], entry: null as WorkerEntry | null }));
vi.mock('../../main/core-host/entry', async (original) => ({
  ...(await original<typeof import('../../main/core-host/entry')>()),
  bundledEntry: (dir: string) => (worker.dirs.push(dir), worker.entry ?? sourceEntry()),
}));

// Where the program runs from: a Windows executable path to simulate, else this process's own.
const install = vi.hoisted(() => ({ exe: null as string | null }));
vi.mock('../../main/electron/install-location', async (original) => {
  const real = await original<typeof import('../../main/electron/install-location')>();
  return { ...real, checkInstallLocation: () => real.checkInstallLocation(install.exe ?? process.execPath, install.exe ? 'win32' : process.platform) };
});

const argv = process.argv;
const dirs: string[] = [];
let stop: (() => Promise<void>) | null = null;

afterEach(async () => {
  // Closed windows: no show-anyway timer left to fire into a removed log folder.
  for (const win of ((await import('electron')) as unknown as FakeElectron).state.windows) win.emit('closed');
  await stop?.();
  stop = null;
  worker.entry = null;
  install.exe = null;
  process.argv = argv;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Imports the entry module afresh against a fresh fake Electron, as `electron .` would run it. */
async function boot(opts: { dataDir: string; gotLock?: boolean; loadFails?: boolean; args?: string[] }) {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as FakeElectron;
  // The mocked module may outlive resetModules: start from a clean fake each time.
  vi.clearAllMocks();
  electron.state.windows.length = 0;
  electron.app.listeners.clear();
  electron.state.loadResult = () => Promise.resolve();
  electron.app.gotLock = opts.gotLock ?? true;
  if (opts.loadFails) electron.state.loadResult = () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
  process.argv = [...argv, `--data-dir=${opts.dataDir}`, ...(opts.args ?? [])];
  // The fake's userData outlives a run: no window place or save folder remembered from an earlier one.
  fs.rmSync(path.join(electron.app.getPath('appData'), 'StreetDesk', SHELL_STATE_FILE), { force: true });
  const before = process.listeners('unhandledRejection');
  const entry = await import('../../main/electron/app');
  await entry.started;
  const quit = async () => {
    // Quitting waits for the core's worker to close, then quits again.
    const event = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', event);
    if (event.preventDefault.mock.calls.length) await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    return event;
  };
  stop = async () => {
    await quit();
    for (const l of process.listeners('unhandledRejection')) if (!before.includes(l)) process.off('unhandledRejection', l);
  };
  return { electron, entry, quit };
}

function newDir() {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

const handlerOf = (electron: FakeElectron, channel: string) =>
  electron.ipcMain.handle.mock.calls.find((c) => c[0] === channel)![1] as (e: unknown, i: unknown) => Promise<{ ok: boolean; error?: { code: string } }>;

describe('Electron entry', () => {
  it('starts: fixed userData folder, core on the data folder, IPC for every channel, window, menu, log', async () => {
    const dataDir = newDir();
    const { electron } = await boot({ dataDir });
    const { app, ipcMain, state, Menu, dialog } = electron;

    expect(app.setPath).toHaveBeenCalledWith('userData', path.join(app.getPath('appData'), 'StreetDesk'));
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fs.existsSync(path.join(dataDir, DB_FILE_NAME))).toBe(true);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'streetdesk.log'), 'utf8')).toContain('starting');
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'streetdesk.log'), 'utf8')).not.toContain('sandbox off');
    expect(ipcMain.handle.mock.calls.map((c) => c[0]).sort()).toEqual([...channelNames, SAVE_FILE_CHANNEL, PRINT_FILE_CHANNEL].sort());
    expect(Menu.setApplicationMenu).toHaveBeenCalledTimes(1);

    expect(state.windows).toHaveLength(1);
    const indexFile = path.join(app.getAppPath(), 'out', 'renderer', 'index.html');
    expect(state.windows[0]!.loadURL).toHaveBeenCalledWith(pathToFileURL(indexFile).href);
    const prefs = state.windows[0]!.options.webPreferences as { preload: string; devTools: boolean };
    expect(prefs.preload).toBe(path.join(app.getAppPath(), 'out', 'preload', 'preload.cjs'));
    // Sized to the display's work area (the fake's: 1366×768 less a 40 px taskbar); its place remembered on close.
    expect(state.windows[0]!.options).toMatchObject({ x: 0, y: 0, width: 1366, height: 728 });
    state.windows[0]!.emit('close');
    expect(readShellState(path.join(app.getPath('userData'), SHELL_STATE_FILE)).window).toEqual({ x: 0, y: 0, width: 1366, height: 728, maximized: false });

    // The registered handlers answer the app page and nobody else.
    const handler = handlerOf(electron, 'system.getStatus');
    expect(await handler({ senderFrame: { url: pathToFileURL(indexFile).href } }, {})).toMatchObject({ ok: true });
    expect(await handler({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    // A second launch brings the existing window forward.
    app.emit('second-instance');
    expect(state.windows[0]!.focus).toHaveBeenCalled();
  });

  it('runs the core in its worker, started from out/main, and closes it before quitting', async () => {
    const dataDir = newDir();
    const { electron, quit } = await boot({ dataDir });
    expect(worker.dirs.at(-1)).toBe(path.join(electron.app.getAppPath(), 'out', 'main'));
    // The folder is held by the worker (another core is refused) until quitting has closed it.
    await expect(createCore({ dataDir, log: quietLog, autoBackup: false })).rejects.toThrow('正在被另一个 StreetDesk');
    const event = await quit();
    expect(event.preventDefault).toHaveBeenCalled();
    (await createCore({ dataDir, log: quietLog, autoBackup: false })).close();
  });

  it('explains a core worker that stops while the app runs, logs it and exits with code 1', async () => {
    const dataDir = newDir();
    worker.entry = { ...sourceEntry(), file: new URL('./core-worker-dies.ts', import.meta.url) };
    const { electron } = await boot({ dataDir });
    expect(electron.state.windows).toHaveLength(1);
    const indexFile = path.join(electron.app.getAppPath(), 'out', 'renderer', 'index.html');
    // The request that meets the dead worker is answered, as every IPC call is; then the app says why it stops.
    expect(await handlerOf(electron, 'system.getStatus')({ senderFrame: { url: pathToFileURL(indexFile).href } }, {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    const [title, message] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('StreetDesk 已停止');
    expect(message).toContain('exit code 3');
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'streetdesk.log'), 'utf8')).toContain('CoreStoppedError');
  });

  it('notes in the log when it runs without Chromium’s sandbox (the UOS launcher’s last resort)', async () => {
    const dataDir = newDir();
    await boot({ dataDir, args: ['--no-sandbox'] });
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'streetdesk.log'), 'utf8')).toContain('Chromium sandbox off (--no-sandbox)');
  });

  it('quits at once when another instance holds the lock', async () => {
    const { electron } = await boot({ dataDir: newDir(), gotLock: false });
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.state.windows).toHaveLength(0);
  });

  it('refuses a database from a newer version with a Chinese dialog and exits with code 1', async () => {
    const dataDir = newDir();
    (await createCore({ dataDir, log: quietLog, autoBackup: false })).close();
    const db = connect(path.join(dataDir, DB_FILE_NAME));
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(9999, 'future', '2030-01-01T00:00:00Z');
    db.close();

    const { electron } = await boot({ dataDir });
    expect(electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('StreetDesk 无法打开数据文件');
    expect(message).toContain('更新版本');
    expect(message).toContain(path.join(dataDir, 'logs'));
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.state.windows).toHaveLength(0);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'streetdesk.log'), 'utf8')).toContain('DatabaseTooNewError');
  });

  it('refuses a data folder another StreetDesk has open, naming it, and exits with code 1', async () => {
    const dataDir = newDir();
    const other = await createCore({ dataDir, log: quietLog, autoBackup: false });
    try {
      const { electron } = await boot({ dataDir });
      const [title, message] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
      expect(title).toBe('StreetDesk 无法打开数据文件');
      expect(message).toContain(`数据文件夹 ${dataDir} 正在被另一个 StreetDesk`);
      expect(electron.app.exit).toHaveBeenCalledWith(1);
      expect(electron.state.windows).toHaveLength(0);
    } finally {
      other.close();
    }
  });

  it('refuses to run from a network share on Windows, saying where to install it, before the core or a window starts', async () => {
    install.exe = '\\\\fileserver\\软件\\StreetDesk\\streetdesk.exe';
    const dataDir = newDir();
    const { electron } = await boot({ dataDir });
    const [title, message] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('StreetDesk 不能从网络位置运行');
    expect(message).toContain('\\\\fileserver\\软件\\StreetDesk');
    expect(message).toContain('%LOCALAPPDATA%\\Programs\\streetdesk');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.state.windows).toHaveLength(0);
    expect(fs.existsSync(path.join(dataDir, DB_FILE_NAME))).toBe(false);
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'streetdesk.log'), 'utf8')).toContain('InstallLocationError');
  });

  it('explains a page that cannot be loaded and exits', async () => {
    const { electron } = await boot({ dataDir: newDir(), loadFails: true });
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1));
    expect(electron.dialog.showErrorBox.mock.calls[0]![0]).toBe('StreetDesk 无法启动');
  });
});
