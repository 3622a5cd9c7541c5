import path from 'node:path';
import url, { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electronModule from 'electron';
import { CSP } from '../../main/web/server';
import { appPageUrl, createWindow, isAppUrl, SHOW_TIMEOUT_MS, withCsp } from '../../main/electron/window';
import { menuTemplate } from '../../main/electron/menu';
import { CoreStoppedError } from '../../main/core-host/client';
import { fatalText } from '../../main/electron/dialogs';
import { DatabaseTooNewError } from '../../db/errors';
import type { Placement } from '../../main/electron/placement';
import type { FakeElectron, FakeWindow } from './electron-fake';
import { quietLog } from './helpers';

vi.mock('electron', async () => (await import('./electron-fake')).createFakeElectron());
const electron = electronModule as unknown as FakeElectron;

const indexFile = path.resolve('/home/张三/StreetDesk app/out/renderer/index.html');
const appUrl = pathToFileURL(indexFile).href;
const onLoadFailed = vi.fn();
const onClosing = vi.fn();
const log = { ...quietLog, error: vi.fn() };
const placement = { x: 0, y: 0, width: 1366, height: 728, maximized: false };

function open(at: Placement = placement): FakeWindow {
  createWindow({ preload: '/app/out/preload/preload.cjs', indexFile, devTools: false, onLoadFailed, placement: at, onClosing, log });
  return electron.state.windows.at(-1)!;
}

function navigate(win: FakeWindow, event: string, url: string): boolean {
  const e = { url, preventDefault: vi.fn() };
  win.webContents.emit(event, e);
  return e.preventDefault.mock.calls.length > 0;
}

beforeEach(() => {
  electron.state.loadResult = () => Promise.resolve();
  electron.state.session = electron.state.newSession();
});

describe('isAppUrl', () => {
  it('accepts the app page with any route or query, however Chromium escapes the path', () => {
    expect(isAppUrl(appUrl, indexFile)).toBe(true);
    expect(isAppUrl(`${appUrl}#/party/members?q=zs`, indexFile)).toBe(true);
    expect(isAppUrl('file:///home/张三/StreetDesk%20app/out/renderer/index.html?x=1', indexFile)).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'https://evil.example/index.html',
      'http://127.0.0.1:5173/index.html',
      'file:///home/张三/StreetDesk%20app/out/renderer/other.html',
      'file:///home/张三/StreetDesk%20app/out/renderer/index.html/../../../../etc/passwd',
      'file://fileserver/home/张三/StreetDesk%20app/out/renderer/index.html',
      'about:blank',
      'not a url',
      '',
      null,
      undefined,
    ]) {
      expect(isAppUrl(url, indexFile), String(url)).toBe(false);
    }
  });

  it('accepts the page it loads wherever it is installed: `%`, `#`, spaces, Chinese in the path (issue 18)', () => {
    // A Windows user named 李%41娜: the per-user install is under her profile folder.
    const win = 'C:\\Users\\李%41娜\\AppData\\Local\\Programs\\streetdesk\\resources\\app.asar\\out\\renderer\\index.html';
    expect(isAppUrl(appPageUrl(win, 'win32'), win, 'win32')).toBe(true);
    // Electron's loadFile builds its URL with url.format, which leaves `%41` alone: that URL is another folder (李A娜).
    expect(isAppUrl(url.format({ protocol: 'file', slashes: true, pathname: win }), win, 'win32')).toBe(false);
    const name = fc.string({ unit: fc.constantFrom('a', 'Z', '4', '1', '%', '#', '?', ' ', '&', '+', ';', '[', '^', '`', '{', "'", '张', '李', 'é', '😀'), minLength: 1, maxLength: 6 });
    const folder = fc.array(name.filter((n) => n !== '.' && n !== '..'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(folder, fc.constantFrom<NodeJS.Platform>('linux', 'win32'), (parts, platform) => {
        const file = platform === 'win32' ? `C:\\${parts.join('\\')}\\index.html` : `/${parts.join('/')}/index.html`;
        const other = file.replace(/index\.html$/, 'other.html');
        return isAppUrl(appPageUrl(file, platform), file, platform) && !isAppUrl(appPageUrl(other, platform), file, platform);
      }),
    );
  });

  it('ignores case only on Windows', () => {
    const upper = appUrl.replace('index.html', 'INDEX.HTML');
    expect(isAppUrl(upper, indexFile, 'win32')).toBe(true);
    expect(isAppUrl(upper, indexFile, 'linux')).toBe(false);
  });
});

describe('createWindow', () => {
  it('uses the security checklist options, and opens where it was placed', () => {
    const win = open();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/app/out/preload/preload.cjs',
    });
    expect(win.options).toMatchObject({ x: 0, y: 0, width: 1366, height: 728, minWidth: 1024, minHeight: 700, show: false });
    // On a screen whose work area is lower than the usual minimum, the minimum gives way.
    expect(open({ x: 0, y: 0, width: 1280, height: 680, maximized: false }).options).toMatchObject({ minWidth: 1024, minHeight: 680 });
  });

  it('shows a window that was maximized maximized, and hands its normal size and place over as it closes', () => {
    const win = open({ x: 40, y: 30, width: 1200, height: 700, maximized: true });
    win.emit('ready-to-show');
    expect(win.maximize).toHaveBeenCalled();
    win.isMaximized.mockReturnValue(true);
    win.emit('close');
    expect(onClosing).toHaveBeenLastCalledWith({ x: 40, y: 30, width: 1200, height: 700, maximized: true });
  });

  it('shows the window anyway, and logs why, when ready-to-show never comes', () => {
    vi.useFakeTimers();
    try {
      const win = open();
      win.webContents.emit('did-finish-load');
      vi.advanceTimersByTime(SHOW_TIMEOUT_MS - 1);
      expect(win.show).not.toHaveBeenCalled();
      vi.advanceTimersByTime(1);
      expect(win.show).toHaveBeenCalledTimes(1);
      expect(log.error).toHaveBeenCalledWith('ready-to-show did not fire within 15 s (the page had loaded but not painted); showing the window anyway');

      // When it does come in time, the timer says nothing and the window is shown once.
      log.error.mockClear();
      const ready = open();
      ready.emit('ready-to-show');
      vi.advanceTimersByTime(SHOW_TIMEOUT_MS);
      expect(ready.show).toHaveBeenCalledTimes(1);
      expect(log.error).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('loads the app file and shows the window only when ready', () => {
    const win = open();
    expect(win.loadURL).toHaveBeenCalledWith(appUrl);
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('reports a page that fails to load instead of leaving a hidden window', async () => {
    const err = new Error('ERR_FILE_NOT_FOUND');
    electron.state.loadResult = () => Promise.reject(err);
    open();
    await vi.waitFor(() => expect(onLoadFailed).toHaveBeenCalledWith(err));
  });

  it('prevents navigation anywhere but the app page', () => {
    const win = open();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(navigate(win, event, 'https://evil.example/')).toBe(true);
      expect(navigate(win, event, 'file:///etc/passwd')).toBe(true);
      expect(navigate(win, event, `${appUrl}#/fund`)).toBe(false);
    }
  });

  it('denies window.open and webviews', () => {
    const win = open();
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: appUrl })).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('denies every permission request and check, and sets the CSP header', () => {
    open();
    const { session } = electron.state;
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (...a: unknown[]) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.setPermissionCheckHandler.mock.calls[0]![0] as (...a: unknown[]) => boolean;
    expect(check({}, 'media', appUrl, {})).toBe(false);

    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]![0] as (
      d: unknown,
      cb: (r: { responseHeaders: Record<string, string[]> }) => void,
    ) => void;
    const callback = vi.fn();
    onHeaders({ url: appUrl, responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({ responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CSP] } });
    // Registered once per session, not once per window.
    open();
    expect(session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
  });

  it('withCsp works without incoming headers', () => {
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CSP] });
  });
});

describe('menu and dialogs', () => {
  const labels = (t: ReturnType<typeof menuTemplate>) => JSON.stringify(t, (k, v) => (k === 'click' ? undefined : v));

  it('offers developer tools only in an unpackaged build', () => {
    expect(labels(menuTemplate({ isPackaged: true, onAbout: vi.fn() }))).not.toContain('toggleDevTools');
    expect(labels(menuTemplate({ isPackaged: false, onAbout: vi.fn() }))).toContain('toggleDevTools');
    const onAbout = vi.fn();
    const help = menuTemplate({ isPackaged: true, onAbout }).find((m) => m.label === '帮助')!;
    (help.submenu as { click(): void }[])[0]!.click();
    expect(onAbout).toHaveBeenCalled();
  });

  it('explains a too-new database and other failures in Chinese', () => {
    expect(fatalText(new DatabaseTooNewError(9, 2), '/d/logs')).toMatchObject({ title: 'StreetDesk 无法打开数据文件' });
    const other = fatalText(new Error('EACCES: permission denied'), null);
    expect(other.title).toBe('StreetDesk 无法启动');
    expect(other.message).toContain('EACCES');
    const stopped = fatalText(new CoreStoppedError(1, new Error('ERR_WORKER_OUT_OF_MEMORY')), '/d/logs');
    expect(stopped.title).toBe('StreetDesk 已停止');
    expect(stopped.message).toContain('已经保存的数据不受影响');
    expect(stopped.message).toContain('ERR_WORKER_OUT_OF_MEMORY');
  });
});
