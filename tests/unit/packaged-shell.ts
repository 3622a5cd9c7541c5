import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { build } from 'esbuild';
import { REPORT_PREFIX, type Report, type Request } from './packaged-electron-protocol';
import { tempDir } from './helpers';

/**
 * The packaged app's main bundle started as Electron would start it — `<app>/package.json`'s `main`, with the app
 * folder as `app.getAppPath()` — but by Node, with the strict fake `electron` of packaged-electron.ts: nothing
 * resolves from this checkout, everything the bundle needs must be in the package.
 */
export interface PackagedShell {
  /** An IPC call from the window's page, as the preload makes it: the envelope the main process answers. */
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  emit(event: string): void;
  /** What the fake saw so far (windows, loads, dialogs, opened files, members it does not stand in for). */
  reports: Report[];
  /** The process's exit code, once it has ended. */
  exited: Promise<number | null>;
  /** `app.quit()` as the 文件 → 退出 menu item does; resolves with the exit code. */
  quit(): Promise<number | null>;
  stderr(): string;
}

/** Bundles the fake to <dir>/electron/index.js: on NODE_PATH, it is what `require('electron')` finds. */
async function fakeElectronDir(): Promise<string> {
  const dir = tempDir();
  await build({
    entryPoints: [path.join(import.meta.dirname, 'packaged-electron.ts')],
    outfile: path.join(dir, 'electron/index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'error',
  });
  return dir;
}

export async function startPackagedShell(app: string, args: string[]): Promise<PackagedShell> {
  const fake = await fakeElectronDir();
  const home = tempDir();
  // From a folder outside the repository, with NODE_PATH holding only the fake.
  const child = spawn(process.execPath, [path.join(fake, 'electron/index.js'), app, ...args], {
    cwd: home,
    env: { ...process.env, NODE_PATH: fake, FAKE_ELECTRON_HOME: home, NODE_OPTIONS: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const reports: Report[] = [];
  const waiting = new Map<number, (r: Report & { kind: 'reply' }) => void>();
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.on('error', () => undefined); // a write after the app has gone: exited says so
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith(REPORT_PREFIX)) return;
    const r = JSON.parse(line.slice(REPORT_PREFIX.length)) as Report;
    if (r.kind === 'reply') waiting.get(r.id)?.(r);
    else reports.push(r);
  });
  let ended = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((ended = true), resolve(code))));
  const send = (req: Request) => ended || child.stdin.write(`${JSON.stringify(req)}\n`);
  let next = 0;
  return {
    reports,
    exited,
    stderr: () => err,
    emit: (event) => send({ kind: 'emit', event }),
    invoke(channel, ...callArgs) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, (r) => (r.error ? reject(new Error(r.error)) : resolve(r.result)));
        void exited.then((code) => reject(new Error(`the app exited (${code}) before answering ${channel}: ${err}`)));
        send({ kind: 'invoke', id, channel, args: callArgs });
      });
    },
    quit() {
      send({ kind: 'quit' });
      return exited;
    },
  };
}

/** The first report `find` matches, waiting for it; or a failure naming everything that was reported. */
export async function waitForReport<T extends Report>(shell: PackagedShell, find: (r: Report) => r is T, ms = 60_000): Promise<T> {
  const start = performance.now();
  for (;;) {
    const hit = shell.reports.find(find);
    if (hit) return hit;
    if (performance.now() - start > ms) throw new Error(`not reported within ${ms} ms: ${JSON.stringify(shell.reports)}\n${shell.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
