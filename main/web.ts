import { parseArgs } from 'node:util';
import { defaultDataDir } from './data-folder';
import { startBrowserMode } from './web/browser-mode';

/**
 * `npm run web [-- --data-dir DIR] [--port N]`: StreetDesk in a browser, on this computer only. Without a folder it
 * opens the desktop app's (main/data-folder.ts), so both modes keep the same registers.
 */
async function main() {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' } },
  });
  const port = values.port ? Number(values.port) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`端口「${values.port}」无效：请写 0–65535 的整数，或不写（自动选择空闲端口）。`);
    process.exit(2);
  }
  await startBrowserMode({
    dataDir: values['data-dir'] ?? process.env.STREETDESK_DATA_DIR ?? defaultDataDir(),
    port,
    clockStart: process.env.STREETDESK_CLOCK_START,
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
