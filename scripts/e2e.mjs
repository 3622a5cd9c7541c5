// End-to-end tests: build the UI once, then Playwright drives a real Chromium against `npm run web`'s server.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
run(process.execPath, ['scripts/build.mjs', 'renderer']);
run(path.join(root, 'node_modules/.bin/playwright'), ['test', '-c', 'tests/e2e/playwright.config.ts', ...process.argv.slice(2)]);
