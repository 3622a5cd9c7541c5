import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from './clock';

export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

/** Logs nothing (tests, and the core's worker when a test starts it). */
export const noLogger: Logger = { info: () => undefined, error: () => undefined };

/** Past this size the log is moved to `streetdesk.log.1` (the one before is dropped): a log never fills the disk. */
export const LOG_CAP_BYTES = 20 * 1024 * 1024;

/**
 * Whether the console can still be written to. A terminal closed under browser mode (or a test runner gone) turns
 * each write to stderr into an EPIPE `error` event; unhandled, that is an uncaught exception, whose logging wrote to
 * stderr again — a loop that wrote 39 GB of log in 50 minutes. Once either stream fails, the console is left alone:
 * the log file still gets everything.
 */
let consoleWorks = true;
let consoleWatched = false;
function watchConsole(): void {
  if (consoleWatched) return;
  consoleWatched = true;
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => void (consoleWorks = false));
}

/** Appends to `<dataDir>/logs/streetdesk.log`; errors also go to stderr, while it works, so a developer sees them. */
export function fileLogger(dir: string, clock: Clock, capBytes = LOG_CAP_BYTES): Logger {
  fs.mkdirSync(dir, { recursive: true });
  watchConsole();
  const file = path.join(dir, 'streetdesk.log');
  const write = (level: string, text: string) => {
    // The size is read each time: the main thread and the core's worker append to the same file.
    if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > capBytes) fs.renameSync(file, `${file}.1`);
    fs.appendFileSync(file, `${new Date(clock.nowMs()).toISOString()} ${level} ${text}\n`);
  };
  return {
    info: (message) => write('INFO', message),
    error: (message, err) => {
      const detail = err instanceof Error ? `${err.stack ?? err.message}` : err === undefined ? '' : String(err);
      write('ERROR', `${message} ${detail}`);
      if (consoleWorks) console.error(message, err ?? '');
    },
  };
}
