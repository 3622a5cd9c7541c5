import crypto from 'node:crypto';
import path from 'node:path';
import { startCoreWorker } from '../core-host/client';
import { sourceEntry } from '../core-host/source-entry';
import { startWebServer } from './server';

export interface BrowserModeOptions {
  dataDir: string;
  /** 0: any free port. */
  port: number;
  /** Run on a clock that starts at this instant (the e2e tests, demos of a given day); the machine's otherwise. */
  clockStart?: string;
  /** Said on the console before the URL, after the folder (e.g. "这是演示数据"). */
  banner?: string;
}

/** StreetDesk in a browser, on this computer only: the core in its worker, the HTTP transport, the printed URL. */
export async function startBrowserMode(opts: BrowserModeOptions): Promise<{ url: string; stop(): Promise<void> }> {
  // The core runs in a worker thread (docs/architecture.md, "Where the core runs"), as in the desktop app.
  const core = await startCoreWorker({
    dataDir: opts.dataDir,
    clock: opts.clockStart ? { kind: 'startingAt', iso: opts.clockStart } : { kind: 'system' },
    entry: sourceEntry(),
    // Support and the tests only: STREETDESK_ENCRYPT=off leaves new and upgraded installations plain.
    encrypt: process.env.STREETDESK_ENCRYPT !== 'off',
    onExit: (err) => {
      core.services.log.error('web: core worker stopped', err);
      console.error('StreetDesk 的数据处理部分意外停止，浏览器模式已退出。已经保存的数据不受影响。请重新运行 npm run web。');
      process.exit(1);
    },
  });
  // A fault left over from one request must not end the session for the user: every write is one transaction, so
  // the data on disk is consistent whatever was running; log it, and keep serving. (The worker does the same.)
  process.on('unhandledRejection', (err) => core.services.log.error('web: unhandled rejection', err));
  process.on('uncaughtException', (err) => core.services.log.error('web: uncaught exception', err));
  const token = crypto.randomBytes(24).toString('base64url');
  const staticDir = process.env.STREETDESK_RENDERER_DIR ?? path.resolve(import.meta.dirname, '../../out/renderer');
  const server = await startWebServer({ core, token, staticDir, port: opts.port });
  console.log(`StreetDesk 浏览器模式已启动，数据文件夹：${core.services.dataDir}`);
  if (opts.banner) console.log(opts.banner);
  console.log('在浏览器中打开下面的地址（含本次会话令牌，勿外传）：');
  console.log(server.url);
  const stop = async () => {
    await server.close();
    await core.close();
  };
  const stopAndExit = () => void stop().then(() => process.exit(0));
  process.on('SIGINT', stopAndExit);
  process.on('SIGTERM', stopAndExit);
  return { url: server.url, stop };
}
