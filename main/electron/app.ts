import path from 'node:path';
import { app, ipcMain, type BrowserWindow } from 'electron';
import { createCore, type Core } from '../core';
import { systemClock } from '../clock';
import { fileLogger, type Logger } from '../log';
import { showAbout, showFatal } from './dialogs';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { createWindow, isAppUrl } from './window';

const DATA_DIR_ARG = '--data-dir=';

/** `--data-dir=DIR`, then the same env as browser mode, then userData. (Not a network drive: see main/network-drive.ts.) */
export function dataDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const arg = argv.find((a) => a.startsWith(DATA_DIR_ARG))?.slice(DATA_DIR_ARG.length);
  return path.resolve(arg || env.STREETDESK_DATA_DIR || userData);
}

// A fixed ASCII folder: productName is Chinese and may change, and the user's data must not move with it.
// Must happen before `ready`, when Chromium fixes its profile folder (and the single-instance lock lives there).
app.setPath('userData', path.join(app.getPath('appData'), 'StreetDesk'));
if (process.platform === 'win32') app.setAppUserModelId('cn.streetdesk.app'); // matches the installer's shortcuts

// getAppPath() is the folder (or app.asar) holding package.json, both under `electron .` and when packaged.
const outDir = path.join(app.getAppPath(), 'out');
const preload = path.join(outDir, 'preload', 'preload.cjs');
const indexFile = path.join(outDir, 'renderer', 'index.html');

let core: Core | null = null;
let win: BrowserWindow | null = null;
let log: Logger | null = null;
let logDir: string | null = null;

function closeCore() {
  core?.close();
  core = null;
}

/** Every startup failure ends here: logged if we can, explained in Chinese, then a clean exit with code 1. */
function fail(err: unknown): void {
  try {
    log?.error('startup failed', err);
  } catch {
    // the log folder itself may be what failed
  }
  showFatal(err, logDir);
  closeCore();
  app.exit(1);
}

function openWindow(dataDir: string) {
  win = createWindow({ preload, indexFile, devTools: !app.isPackaged, onLoadFailed: fail });
  win.on('closed', () => {
    win = null;
  });
  win.webContents.on('render-process-gone', (_event, details) => {
    log?.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  installMenu({ isPackaged: app.isPackaged, onAbout: () => void showAbout(win, dataDir) });
}

async function start(): Promise<void> {
  const dataDir = dataDirFrom(process.argv, process.env, app.getPath('userData'));
  const dir = path.join(dataDir, 'logs');
  log = fileLogger(dir, systemClock);
  logDir = dir;
  log.info(`StreetDesk ${app.getVersion()} (Electron ${process.versions.electron ?? '?'}) starting; data ${dataDir}`);
  core = await createCore({ dataDir, log, clock: systemClock });
  registerIpc(ipcMain, core, (url) => isAppUrl(url, indexFile), log);
  openWindow(dataDir);
}

/** Resolves once startup has finished or failed (tests await it). */
export let started: Promise<void> = Promise.resolve();

if (!app.requestSingleInstanceLock()) {
  // The running window comes forward instead. The core's folder lock refuses a second process on the same data
  // folder anyway (also browser mode, or another user's app); this lock only makes a second launch friendly.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', closeCore);
  process.on('unhandledRejection', (reason) => log?.error('unhandled rejection', reason));
  started = app.whenReady().then(start).catch(fail);
}
