import Database from 'better-sqlite3-multiple-ciphers';
import { readKeyFile, RECOVERY_PURPOSE, unwrapKey } from '../../db/keys/key-file';
import fs from 'node:fs';
import path from 'node:path';
import { accounts, expect, setUp, shot, test } from './fixtures';

test('back up, change something, restore the backup and get the old data back', async ({ page, app }) => {
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await page.getByRole('link', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();

  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成')).toBeVisible();
  await expect(page.getByRole('cell', { name: '手动' })).toBeVisible();

  await page.getByRole('button', { name: '新增账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('账号名称').fill('李强');
  await dialog.getByLabel('初始密码').fill('liqiang-first');
  await dialog.getByLabel('再输入一遍').fill('liqiang-first');
  await dialog.getByRole('button', { name: '创建账号' }).click();
  const accounts = page.getByRole('region', { name: '账号管理' });
  await expect(accounts.getByRole('cell', { name: '李强', exact: true })).toBeVisible();
  await shot(page, '90-settings');

  // Restore the manual backup: the account created after it is gone again.
  const manualRow = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '手动' }) });
  await manualRow.getByRole('button', { name: /恢复/ }).click();
  await expect(page.getByText('将用备份')).toBeVisible();
  await shot(page, '91-restore-confirm');
  await page.getByRole('dialog').getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText(/已恢复。原数据已另存为/)).toBeVisible();
  await expect(accounts.getByRole('cell', { name: '王芳（我）', exact: true })).toBeVisible();
  await expect(accounts.getByRole('cell', { name: '李强', exact: true })).toHaveCount(0);
  await expect(page.getByRole('cell', { name: '恢复前' })).toBeVisible();
});

test('备份 retention: the folder at a glance, and a change that removes old backups says how many first', async ({ page, app }) => {
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成')).toBeVisible();
  // Two older backups, as a folder months old holds them: copies of the one just taken under older names.
  const dir = path.join(app.dataDir, 'backups');
  const manual = fs.readdirSync(dir).find((n) => n.endsWith('-manual.sqlite'))!;
  for (const stamp of ['20260301T010000000Z', '20260101T010000000Z']) fs.copyFileSync(path.join(dir, manual), path.join(dir, `streetdesk-${stamp}-auto.sqlite`));
  await page.reload();

  const form = page.getByRole('form', { name: '保留设置' });
  await expect(page.getByText('备份份数')).toBeVisible();
  await expect(form.getByLabel('按天保留（天）')).toHaveValue('7');
  await expect(form.getByLabel('备份文件夹上限（GB）')).toHaveValue('10');
  // Days that have a backup count, not calendar days: keeping 1 leaves only today's.
  await form.getByLabel('按天保留（天）').fill('1');
  await form.getByLabel('再按周保留（周）').fill('0');
  await form.getByLabel('再按月保留（月）').fill('0');
  await form.getByRole('button', { name: '保存保留设置' }).click();
  await expect(page.getByText(/现在会删除 2 份旧备份/)).toBeVisible();
  await form.scrollIntoViewIfNeeded();
  await shot(page, '93-backup-retention-confirm');
  await page.getByRole('dialog').getByRole('button', { name: '保存并删除 2 份' }).click();
  await expect(page.getByText(/删除了 2 份旧备份/)).toBeVisible();
  expect(fs.readdirSync(dir).filter((n) => n.includes('-2026030') || n.includes('-2026010'))).toEqual([]);

  // 不限: nothing to remove, saved without asking.
  await form.getByLabel('不限').check();
  await expect(form.getByLabel('备份文件夹上限（GB）')).toBeDisabled();
  await form.getByRole('button', { name: '保存保留设置' }).click();
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await shot(page, '94-backup-retention');
});

test('核对数据: a count edited in the file is listed with both values, rebuilt after confirming, then all agrees', async ({ page, app }) => {
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('button', { name: '开始核对' }).click();
  await expect(page.getByText('数据一致')).toBeVisible();

  // Someone with the file adds a count the register does not back.
  // The data file is encrypted: its key is unwrapped with the recovery code setup showed.
  const key = unwrapKey(readKeyFile(app.dataDir)!.recovery, accounts.get(app.dataDir)!.recoveryCode!, RECOVERY_PURPOSE)!;
  const db = new Database(path.join(app.dataDir, 'streetdesk.sqlite'));
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  db.prepare("INSERT INTO org_member_counts SELECT id, 'community', 'full', 0, 5 FROM orgs LIMIT 1").run();
  db.close();

  await page.getByRole('button', { name: '开始核对' }).click();
  await expect(page.getByText('各组织党员人数：1 行与原始记录不一致')).toBeVisible();
  const row = page.getByRole('table', { name: '各组织党员人数' }).getByRole('row').nth(1);
  await expect(row).toContainText('组织 西里街道党工委');
  await expect(row).toContainText('5 → （无此行）');
  await row.scrollIntoViewIfNeeded();
  await shot(page, '92-integrity-differences');
  await page.getByRole('button', { name: '重建' }).click();
  await expect(page.getByText('按原始记录重建合计？')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '重建' }).click();
  await expect(page.getByText('已重建 1 行合计')).toBeVisible();
  await expect(page.getByText('数据一致')).toBeVisible();
});
