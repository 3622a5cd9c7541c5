import path from 'node:path';
import { app, ipcMain, screen, type BrowserWindow } from 'electron';
import { systemClock } from '../clock';
import { startCoreWorker, type HostedCore } from '../core-host/client';
import { bundledEntry } from '../core-host/entry';
import { DATA_FOLDER_NAME } from '../data-folder';
import { fileLogger, type Logger } from '../log';
import { showAbout, showFatal } from './dialogs';
import { checkInstallLocation } from './install-location';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { clearPrintFolder, registerPrintFile } from './print';
import { registerSaveFile } from './save';
import { placeWindow } from './placement';
import { readShellState, SHELL_STATE_FILE, updateShellState } from './shell-state';
import { createWindow, isAppUrl } from './window';

const DATA_DIR_ARG = '--data-dir=';

/** `--data-dir=DIR`, then the same env as browser mode, then userData. (Not a network drive: see main/network-drive.ts.) */
export function dataDirFrom(argv: readonly string[], env: NodeJS.ProcessEnv, userData: string): string {
  const arg = argv.find((a) => a.startsWith(DATA_DIR_ARG))?.slice(DATA_DIR_ARG.length);
  return path.resolve(arg || env.STREETDESK_DATA_DIR || userData);
}

// The same folder browser mode opens by default (main/data-folder.ts). Must happen before `ready`, when Chromium
// fixes its profile folder (and the single-instance lock lives there).
app.setPath('userData', path.join(app.getPath('appData'), DATA_FOLDER_NAME));
if (process.platform === 'win32') app.setAppUserModelId('cn.streetdesk.app'); // matches the installer's shortcuts

// getAppPath() is the folder (or app.asar) holding package.json, both under `electron .` and when packaged.
const outDir = path.join(app.getAppPath(), 'out');
const preload = path.join(outDir, 'preload', 'preload.cjs');
const indexFile = path.join(outDir, 'renderer', 'index.html');
const coreWorker = bundledEntry(path.join(outDir, 'main'));

let core: HostedCore | null = null;
let win: BrowserWindow | null = null;
let log: Logger | null = null;
let logDir: string | null = null;

/** Asks the core's worker to close the database and release the data folder, and waits until it has. */
async function closeCore(): Promise<void> {
  const closing = core;
  core = null;
  await closing?.close();
}

/**
 * Every startup failure ends here, and so does a core worker that stops while the app runs: logged if we can,
 * explained in Chinese, then a clean exit with code 1.
 */
async function fail(err: unknown, what = 'startup failed'): Promise<void> {
  try {
    log?.error(what, err);
  } catch {
    // the log folder itself may be what failed
  }
  showFatal(err, logDir);
  await closeCore();
  app.exit(1);
}

function openWindow(dataDir: string, stateFile: string, logger: Logger) {
  const placement = placeWindow(readShellState(stateFile).window, screen.getAllDisplays().map((d) => d.workArea), screen.getPrimaryDisplay().workArea);
  const remember = (window: typeof placement) => {
    try {
      updateShellState(stateFile, { window });
    } catch (err) {
      logger.error('could not remember the window place', err);
    }
  };
  win = createWindow({ preload, indexFile, devTools: !app.isPackaged, onLoadFailed: fail, placement, onClosing: remember, log: logger });
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
  checkInstallLocation(); // before anything starts: from a network share the window would only stay blank
  // The UOS store package's launcher adds it only where no sandbox can work (scripts/lib/uos-launcher.sh).
  if (app.commandLine.hasSwitch('no-sandbox')) log.info('Chromium sandbox off (--no-sandbox): this machine allows no user namespaces and chrome-sandbox is not setuid root');
  // The core runs on a thread of its own (docs/electron.md): a long import or submission leaves the window responsive.
  core = await startCoreWorker({ dataDir, clock: { kind: 'system' }, entry: coreWorker, log, onExit: (err) => void fail(err, 'core worker stopped') });
  const isTrusted = (url: string | null) => isAppUrl(url, indexFile);
  registerIpc(ipcMain, core, isTrusted, log);
  const stateFile = path.join(app.getPath('userData'), SHELL_STATE_FILE);
  registerSaveFile(ipcMain, { window: () => win, stateFile, defaultDir: app.getPath('documents'), isTrusted, log });
  const printDir = path.join(app.getPath('userData'), 'print');
  clearPrintFolder(printDir, log);
  registerPrintFile(ipcMain, { window: () => win, printDir, isTrusted, log });
  openWindow(dataDir, stateFile, log);
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
  // Quitting waits for the worker to close the database (its WAL checkpointed, the folder lock released).
  app.on('will-quit', (event: Electron.Event) => {
    if (!core) return;
    event.preventDefault();
    void closeCore().finally(() => app.quit());
  });
  process.on('unhandledRejection', (reason) => log?.error('unhandled rejection', reason));
  started = app.whenReady().then(start).catch(fail);
}
