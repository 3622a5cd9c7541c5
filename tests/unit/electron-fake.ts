import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of 'electron' the shell uses. The real package cannot run here (its binary is
 * never downloaded), so tests use `vi.mock('electron', () => createFakeElectron())` and drive the events by hand.
 */
type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return this;
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) fn(...args);
  }
}

export type WindowOpenHandler = (details: { url: string }) => { action: string };

export function createFakeElectron() {
  const newSession = () => ({
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  });
  const state = {
    windows: [] as FakeWindow[],
    /** The session the next window gets; replace it to observe a fresh one. */
    session: newSession(),
    newSession,
    /** The displays' work areas (the screen minus taskbar or panel); the first is the primary. */
    workAreas: [{ x: 0, y: 0, width: 1366, height: 728 }] as { x: number; y: number; width: number; height: number }[],
    /** What the next `loadURL` resolves or rejects with. */
    loadResult: (): Promise<void> => Promise.resolve(),
  };

  class FakeWebContents extends FakeEmitter {
    readonly session = state.session;
    windowOpenHandler: WindowOpenHandler | null = null;
    setWindowOpenHandler(handler: WindowOpenHandler) {
      this.windowOpenHandler = handler;
    }
  }

  class FakeWindow extends FakeEmitter {
    readonly webContents = new FakeWebContents();
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    readonly isMinimized = vi.fn(() => false);
    readonly loadURL = vi.fn((_url: string) => state.loadResult());
    readonly maximize = vi.fn();
    readonly isMaximized = vi.fn(() => false);
    readonly isDestroyed = vi.fn(() => false);
    readonly getNormalBounds = vi.fn(() => ({ x: this.options.x, y: this.options.y, width: this.options.width, height: this.options.height }));
    constructor(readonly options: Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
  }

  const paths: Record<string, string> = { appData: path.join(os.tmpdir(), 'streetdesk-fake-appdata') };
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    gotLock: true,
    getPath: vi.fn((name: string) => paths[name] ?? path.join(paths.appData!, name)),
    setPath: vi.fn((name: string, value: string) => {
      paths[name] = value;
    }),
    getAppPath: vi.fn(() => path.join(os.tmpdir(), 'streetdesk-fake-app')),
    getVersion: vi.fn(() => '0.1.0'),
    setAppUserModelId: vi.fn(),
    commandLine: { hasSwitch: vi.fn((name: string) => process.argv.includes(`--${name}`)) },
    requestSingleInstanceLock: vi.fn(() => app.gotLock),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
  });

  return {
    state,
    app,
    BrowserWindow: FakeWindow,
    ipcMain: { handle: vi.fn(), on: vi.fn() },
    screen: {
      getAllDisplays: vi.fn(() => state.workAreas.map((workArea) => ({ workArea }))),
      getPrimaryDisplay: vi.fn(() => ({ workArea: state.workAreas[0]! })),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 0 })),
      showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
    },
    shell: { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => ({ template: t })), setApplicationMenu: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(), sendSync: vi.fn() },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
export type FakeWindow = InstanceType<FakeElectron['BrowserWindow']>;
