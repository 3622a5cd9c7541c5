/**
 * `npm run demo`: a generated demo street (scripts/seed.ts, street scale) in a new temporary folder, opened in
 * browser mode — every module with realistic data in one command, for a newcomer or an office deciding whether to
 * adopt StreetDesk. The folder is left in place when the server stops (its path is printed), so a second look can
 * reopen it with `npm run web -- --data-dir <folder>`; the system's temporary-file cleaning removes it in time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserMode } from '../main/web/browser-mode';
import { SEED_ADMIN, SEED_PASSWORD, seedDataset } from './seed';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-demo-'));
console.log(`正在生成演示街道（约 3,000 名党员、10 个社区），数据文件夹：${dataDir}`);
const summary = await seedDataset(dataDir, 'street');
console.log(`演示数据已生成，用时 ${(summary.elapsedMs / 1000).toFixed(1)} 秒。`);
await startBrowserMode({
  dataDir,
  port: 0,
  banner: `这是生成的演示数据，人名、身份证号与电话均为虚构；不要在这里录入真实台账。\n登录账号：${SEED_ADMIN}　密码：${SEED_PASSWORD}`,
});
