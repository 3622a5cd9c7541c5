import { pathToFileURL } from 'node:url';
import { BrowserWindow, type BrowserWindowConstructorOptions, type Session } from 'electron';
import type { Logger } from '../log';
import { CSP } from '../web/server';
import { SMALLEST, type Placement } from './placement';

/**
 * Compares two file URLs by their decoded path: Chromium and Node may escape a path differently
 * (a Chinese user name in the Windows profile folder), and Windows paths are case-insensitive.
 */
function filePathOf(url: string, platform: NodeJS.Platform): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return null;
  let p: string;
  try {
    p = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  return platform === 'win32' ? p.toLowerCase() : p;
}

/**
 * The URL the window loads the page from. Not `loadFile`: Electron builds its URL with Node's `url.format`, which
 * leaves `%` unescaped, so an install path with `%` in it (a Windows user named `李%41娜`: `…\Users\李%41娜\AppData…`)
 * would be loaded as another path (`李A娜`), or, if it still loaded, never be recognised as the app's own page —
 * every IPC call refused with 拒绝访问. `pathToFileURL` escapes every such character.
 */
export function appPageUrl(indexFile: string, platform = process.platform): string {
  return pathToFileURL(indexFile, { windows: platform === 'win32' }).href;
}

/** True only for the app's own page (any #route or ?query on it); everything else is foreign. */
export function isAppUrl(url: string | undefined | null, indexFile: string, platform = process.platform): boolean {
  if (!url) return false;
  const own = filePathOf(appPageUrl(indexFile, platform), platform);
  const other = filePathOf(url, platform);
  return own !== null && other === own;
}

/** Electron's security checklist as window options; kept pure so a test can read them. */
export function windowOptions(opts: { preload: string; devTools: boolean; placement: Placement }): BrowserWindowConstructorOptions {
  const { x, y, width, height } = opts.placement;
  return {
    x,
    y,
    width,
    height,
    // Never larger than the place it opens in (a 1280×720 screen's work area is lower than 700).
    minWidth: Math.min(SMALLEST.width, width),
    minHeight: Math.min(SMALLEST.height, height),
    show: false, // shown on ready-to-show, so the user never sees a white flash
    title: 'StreetDesk 街道治理工作台',
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: opts.devTools,
    },
  };
}

/** Adds our policy to every response; the meta tag in index.html is the same policy for when no header applies. */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CSP];
  return out;
}

const hardenedSessions = new WeakSet<Session>();

/** Once per session: no permission is ever granted (no camera, notifications, geolocation…), CSP on every response. */
export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
}

export interface WindowOptions {
  preload: string;
  indexFile: string;
  devTools: boolean;
  /** A page that fails to load never becomes ready-to-show: the caller must tell the user, not leave a hidden window. */
  onLoadFailed(err: unknown): void;
  placement: Placement;
  /** The size and place to remember, as the window closes (the normal ones when maximized). */
  onClosing(placement: Placement): void;
  log: Logger;
}

/**
 * If ready-to-show never comes (a GPU driver that never paints, a renderer stuck before its first frame), a hidden
 * window would hold the single-instance lock and every later launch would only "focus" it: the user sees nothing.
 */
export const SHOW_TIMEOUT_MS = 15_000;

export function createWindow(opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow(windowOptions(opts));
  const contents = win.webContents;
  hardenSession(contents.session);

  // The app is one page with hash routes: any real navigation (a dropped file, a link to a web page) is refused.
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url, opts.indexFile)) event.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());

  let shown = false;
  let loaded = 'the page had not finished loading';
  const show = () => {
    if (shown || win.isDestroyed()) return;
    shown = true;
    if (opts.placement.maximized) win.maximize();
    win.show();
  };
  const timer = setTimeout(() => {
    if (shown || win.isDestroyed()) return;
    try {
      opts.log.error(`ready-to-show did not fire within ${SHOW_TIMEOUT_MS / 1000} s (${loaded}); showing the window anyway`);
    } finally {
      show(); // an unwritable log must not keep the window hidden
    }
  }, SHOW_TIMEOUT_MS);
  contents.on('did-finish-load', () => {
    loaded = 'the page had loaded but not painted';
  });
  contents.on('render-process-gone', (_event, details) => {
    loaded = `the renderer was gone: ${details.reason}`;
  });
  win.once('ready-to-show', () => {
    clearTimeout(timer);
    show();
  });
  win.on('close', () => {
    const { x, y, width, height } = win.getNormalBounds();
    opts.onClosing({ x, y, width, height, maximized: win.isMaximized() });
  });
  win.on('closed', () => clearTimeout(timer));
  win.loadURL(appPageUrl(opts.indexFile)).catch(opts.onLoadFailed);
  return win;
}
