import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from './clock';

export interface Logger {
  info(message: string): void;
  error(message: string, err?: unknown): void;
}

/** Logs nothing (tests, and the core's worker when a test starts it). */
export const noLogger: Logger = { info: () => undefined, error: () => undefined };

/** Appends to `<dataDir>/logs/streetdesk.log`; errors also go to stderr so a developer sees them. */
export function fileLogger(dir: string, clock: Clock): Logger {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'streetdesk.log');
  const write = (level: string, text: string) =>
    fs.appendFileSync(file, `${new Date(clock.nowMs()).toISOString()} ${level} ${text}\n`);
  return {
    info: (message) => write('INFO', message),
    error: (message, err) => {
      const detail = err instanceof Error ? `${err.stack ?? err.message}` : err === undefined ? '' : String(err);
      write('ERROR', `${message} ${detail}`);
      console.error(message, err ?? '');
    },
  };
}
