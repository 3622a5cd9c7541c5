// A strict stand-in for the `electron` module, for running the main bundle from the packaged layout under plain Node
// (packaged-shell.ts bundles this file to <dir>/electron/index.js and puts <dir> on NODE_PATH). It is also the
// launcher, as the Electron binary is: `node electron/index.js <app> [args]` reads <app>/package.json and requires its
// `main`. Each faked object implements a Pick<> of Electron 45's own typings, so every member here exists in the
// real API with that signature; reading any other member throws, and is reported to the test.
//
// Talks to the test over stdio: requests as JSON lines on stdin, reports as JSON lines on stdout written
// synchronously (an `app.exit(1)` right after an error box must not lose the box).
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { REPORT_PREFIX, type Report, type Request } from './packaged-electron-protocol';

const report = (r: Report) => fs.writeSync(1, `${REPORT_PREFIX}${JSON.stringify(r)}\n`);

/** Probes that are not API use: await checks `then`, module interop `__esModule`, JSON `toJSON`. */
const PROBES = new Set(['then', '__esModule', 'default', 'toJSON', 'inspect']);

function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      if (typeof key === 'symbol' || key in obj || PROBES.has(key)) return Reflect.get(obj, key, receiver);
      report({ kind: 'unfaked', member: `${name}.${key}` });
      throw new Error(`fake electron: ${name}.${key} is not stood in for`);
    },
  });
}

const [appDir, ...appArgs] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(appDir!, 'package.json'), 'utf8')) as { main: string; version: string; productName: string };
const home = process.env.FAKE_ELECTRON_HOME ?? os.tmpdir();
const paths = new Map<string, string>([
  ['appData', path.join(home, 'appData')],
  ['documents', path.join(home, 'Documents')],
  ['temp', path.join(home, 'temp')],
]);
paths.set('userData', path.join(paths.get('appData')!, pkg.productName));

type AppPart = Pick<Electron.App, 'setPath' | 'getPath' | 'getAppPath' | 'getVersion' | 'requestSingleInstanceLock' | 'whenReady' | 'quit' | 'exit' | 'isPackaged' | 'setAppUserModelId'>;
class FakeApp extends EventEmitter implements AppPart {
  readonly isPackaged = true;
  readonly commandLine = strict('app.commandLine', {
    hasSwitch: (name: string) => process.argv.includes(`--${name}`),
  } satisfies Pick<Electron.CommandLine, 'hasSwitch'>) as unknown as Electron.CommandLine;
  setPath(name: string, value: string) {
    paths.set(name, value);
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]) {
    const p = paths.get(name);
    if (!p) throw new Error(`fake electron: app.getPath('${name}') is not stood in for`);
    return p;
  }
  getAppPath = () => appDir!;
  getVersion = () => pkg.version;
  requestSingleInstanceLock = () => true;
  setAppUserModelId() {}
  whenReady = () => Promise.resolve();
  /** As Electron: will-quit may be prevented; if not, the process ends. */
  quit() {
    let prevented = false;
    this.emit('will-quit', strict('Event', { preventDefault: () => (prevented = true) }));
    if (!prevented) process.exit(0);
  }
  exit(code = 0): never {
    process.exit(code);
  }
}
export const app = strict('app', new FakeApp());

const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
/** Listeners for `ipcRenderer.sendSync` messages: they answer by setting the event's returnValue. */
const syncListeners = new Map<string, (event: { returnValue?: unknown }, ...args: unknown[]) => void>();
export const ipcMain = strict('ipcMain', {
  handle(channel: string, listener: (event: Electron.IpcMainInvokeEvent, ...args: unknown[]) => unknown) {
    if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`); // as Electron
    handlers.set(channel, listener as (event: unknown, ...args: unknown[]) => unknown);
  },
  on(channel: string, listener: (event: Electron.IpcMainEvent, ...args: unknown[]) => void): Electron.IpcMain {
    syncListeners.set(channel, listener as (event: { returnValue?: unknown }, ...args: unknown[]) => void);
    return ipcMain as unknown as Electron.IpcMain;
  },
} satisfies Pick<Electron.IpcMain, 'handle' | 'on'>);

const session = strict('session', {
  setPermissionRequestHandler() {},
  setPermissionCheckHandler() {},
  webRequest: strict('session.webRequest', { onHeadersReceived() {} } satisfies Pick<Electron.WebRequest, 'onHeadersReceived'>) as unknown as Electron.WebRequest,
} satisfies Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'webRequest'>);

class FakeWebContents extends EventEmitter implements Pick<Electron.WebContents, 'session' | 'setWindowOpenHandler'> {
  readonly session = session as unknown as Electron.Session;
  url: string | null = null;
  setWindowOpenHandler() {}
}

const windows: FakeWindow[] = [];
type WindowPart = Pick<Electron.BrowserWindow, 'loadURL' | 'show' | 'maximize' | 'isMaximized' | 'isMinimized' | 'restore' | 'focus' | 'isDestroyed' | 'getNormalBounds'>;
class FakeWindow extends EventEmitter implements WindowPart {
  readonly webContents = strict('webContents', new FakeWebContents());
  constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
    super();
    report({ kind: 'window', options: JSON.parse(JSON.stringify(options)) as Record<string, unknown> });
    windows.push(this);
    return strict('BrowserWindow', this);
  }
  async loadURL(href: string) {
    this.webContents.url = href;
    report({ kind: 'load', url: href });
  }
  show() {
    report({ kind: 'show' });
  }
  maximize() {}
  isMaximized = () => false;
  isMinimized = () => false;
  restore() {}
  focus() {}
  isDestroyed = () => false;
  getNormalBounds = () => ({ x: this.options.x ?? 0, y: this.options.y ?? 0, width: this.options.width ?? 800, height: this.options.height ?? 600 });
}
export const BrowserWindow = FakeWindow;

/** One 1366×768 screen with a 40 px taskbar. */
const display = strict('Display', { workArea: { x: 0, y: 0, width: 1366, height: 728 } });
export const screen = strict('screen', {
  getAllDisplays: () => [display as Electron.Display],
  getPrimaryDisplay: () => display as Electron.Display,
} satisfies Pick<Electron.Screen, 'getAllDisplays' | 'getPrimaryDisplay'>);

export const Menu = strict('Menu', {
  buildFromTemplate: () => strict('Menu instance', {}),
  setApplicationMenu() {},
});

const boxOptions = (args: unknown[]) => (args.at(-1) ?? {}) as Electron.MessageBoxOptions;
export const dialog = strict('dialog', {
  showErrorBox(title: string, content: string) {
    report({ kind: 'dialog', title, message: content });
  },
  async showMessageBox(...args: unknown[]) {
    const o = boxOptions(args);
    report({ kind: 'dialog', title: o.title ?? '', message: [o.message, o.detail].filter(Boolean).join('\n') });
    return { response: 0, checkboxChecked: false };
  },
  showSaveDialog: async () => ({ canceled: true, filePath: '' }),
});

export const shell = strict('shell', {
  async openPath(p: string) {
    report({ kind: 'openPath', path: p });
    return '';
  },
  showItemInFolder() {},
} satisfies Pick<Electron.Shell, 'openPath' | 'showItemInFolder'>);

async function serve(req: Request): Promise<void> {
  if (req.kind === 'quit') return app.quit();
  if (req.kind === 'emit') return void windows.forEach((w) => w.emit(req.event));
  // The sender is the page the window loaded, as Chromium reports it.
  const senderFrame = () => strict('WebFrameMain', { url: windows[0]?.webContents.url ?? '' });
  const listener = syncListeners.get(req.channel);
  if (listener) {
    const event: { senderFrame: unknown; returnValue?: unknown } = { senderFrame: senderFrame() };
    listener(event, ...req.args);
    return void report({ kind: 'reply', id: req.id, result: event.returnValue });
  }
  const handler = handlers.get(req.channel);
  if (!handler) return void report({ kind: 'reply', id: req.id, error: `no handler for ${req.channel}` });
  const event = strict('IpcMainInvokeEvent', { senderFrame: senderFrame() });
  try {
    report({ kind: 'reply', id: req.id, result: await handler(event, ...req.args) });
  } catch (err) {
    report({ kind: 'reply', id: req.id, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  }
}

// The launcher: as Electron does with an app folder, after this module is in place for `require('electron')`.
if (require.main === module) {
  process.argv = [process.argv[0]!, ...appArgs];
  readline.createInterface({ input: process.stdin }).on('line', (line) => void serve(JSON.parse(line) as Request));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded as Electron loads an app: CommonJS
  require(path.join(appDir!, pkg.main));
}
