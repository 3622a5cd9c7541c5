import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { today } from './clock';
import { expect, scratchDir, setUp, startApp, still, stopStreet, streetWindow, test, type RunningApp } from './fixtures';

test.use({ actionTimeout: 15_000 });

/** A request reported at the community, sorted and handed up to the street (the ledger's own e2e types these steps). */
async function escalate(app: RunningApp, placeId: string, content: string, handlerName: string) {
  const r = await apiCall(app, 'requests.report', { reportedOn: today, source: 'grid_round', reporterName: '张秀兰', reporterPhone: '13812345678', placeId, content });
  await apiCall(app, 'requests.step', { id: r.id, to: 'sorted', category: 'facilities', urgency: 'urgent' } as never);
  await apiCall(app, 'requests.step', { id: r.id, to: 'assigned', handlerKind: 'street', handlerName } as never);
  return r.id;
}

/** Clicks a download button and keeps the file. */
async function saveDownload(page: Page, button: string, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test('街道受理: a request handed up arrives in the package, is answered at the street, and closes at the community by the answers package', async ({ page, app }) => {
  test.setTimeout(240_000);
  const files = scratchDir('files');
  const street = await startApp(scratchDir('street'));
  let streetUi: Awaited<ReturnType<typeof streetWindow>> | undefined;
  try {
    // The community: two requests handed up to the street, its monthly package to carry there.
    await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '李娜' });
    await apiCall(app, 'system.setParentUnit', { parentName: '西里街道', parentCode: '130104001' });
    const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
    const estate = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区' });
    const road = await escalate(app, estate.id, '小区南门外市政道路塌陷约两平方米，雨天积水，居民出行不便，社区无权维修，请街道协调市政部门处理', '西里街道城管科');
    await escalate(app, estate.id, '阳光小区与东侧商铺之间的消防通道长期被占用', '西里街道应急办');
    const monthly = await apiCall(app, 'submission.buildMonthly', { level: 'community', period: today.slice(0, 7), modules: ['requests'], outputs: ['package'] });
    const pkg = path.join(files, monthly.package!.fileName);
    fs.writeFileSync(pkg, Buffer.from(monthly.package!.contentBase64, 'base64'));

    // The street imports it; 街道受理 lists both, awaiting an answer.
    streetUi = await streetWindow(page);
    const sp = streetUi.page;
    await setUp(sp, street, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
    await sp.getByRole('link', { name: '导入下级数据' }).click();
    await sp.locator('input[type=file]').setInputFiles(pkg);
    const card = sp.getByTestId(`package-${path.basename(pkg)}`);
    await card.getByRole('button', { name: '导入', exact: true }).click();
    await expect(card.getByTestId('import-result')).toBeVisible();
    await sp.getByRole('link', { name: '街道受理' }).click();
    await expect(sp.getByRole('heading', { name: '街道受理' })).toBeVisible();
    await expect(sp.getByText('共 2 件')).toBeVisible();
    const row = sp.getByRole('row').filter({ hasText: '市政道路塌陷' });
    await expect(row).toContainText('西里社区');
    await expect(row).toContainText('待答复');
    await still(sp, 'requests-street-list');

    // The answer, in the drawer: measures and who answers; saved, it shows in place of the form.
    await row.click();
    const drawer = sp.getByRole('dialog', { name: '上交街道的诉求' });
    await expect(drawer).toContainText('首次上交');
    await drawer.getByLabel('街道办理措施与答复').fill('已协调区市政所于12月5日前修复路面并疏通雨水口，修复后由城管科复查。');
    await drawer.getByLabel('答复人').fill('城管科 赵刚');
    await still(sp, 'requests-street-answer-form');
    await drawer.getByRole('button', { name: '答复', exact: true }).click();
    await expect(drawer).toContainText('答复已保存');
    await expect(drawer).toContainText('已答复（城管科 赵刚）');
    await still(sp, 'requests-street-answer-drawer');
    await drawer.getByRole('button', { name: '关闭' }).click();
    await expect(sp.getByText('共 1 件')).toBeVisible();
    await sp.locator('.mantine-SegmentedControl-root').getByText('已答复').click();
    await expect(sp.getByRole('row').filter({ hasText: '市政道路塌陷' })).toContainText('已协调区市政所');

    // The answers package for 西里社区.
    await sp.getByRole('combobox', { name: '给哪个社区' }).click();
    await sp.getByRole('option', { name: '西里社区（1 条答复）' }).click();
    const answers = await saveDownload(sp, '生成答复包', files);
    expect(path.basename(answers)).toBe('西里街道_致西里社区_街道答复.sdpkg');

    // The community imports it on its 街道受理; the request is closed with the street's answer.
    await page.getByRole('link', { name: '街道受理' }).click();
    await expect(page.getByRole('heading', { name: '导入街道答复' })).toBeVisible();
    await page.locator('input[type=file]').setInputFiles(answers);
    await expect(page.getByTestId('answers-imported')).toContainText('已导入西里街道的答复：办结 1 件');
    await expect(page.getByTestId('answers-imported')).toContainText('已办结：小区南门外市政道路塌陷约两平方米');
    await still(page, 'requests-street-community-import');
    // Again: nothing written twice.
    await page.locator('input[type=file]').setInputFiles(answers);
    await expect(page.getByTestId('answers-imported')).toContainText('办结 0 件，1 件此前已写入');

    await page.goto(`${new URL(app.url).origin}/#/requests/ledger?request=${road}`);
    const request = page.getByRole('dialog', { name: '诉求' });
    await expect(request).toContainText('已办结');
    await expect(request).toContainText('已协调区市政所于12月5日前修复路面');
    await expect(request).toContainText('西里街道答复（城管科 赵刚）');
    await still(page, 'requests-street-community-closed');

    // The street's computer reinstalled (its key gone, a new one made): its next answers package is refused for the
    // key, and the community's administrator accepts the new key where the refusal is shown, then it imports.
    fs.rmSync(path.join(street.dataDir, 'keys'), { recursive: true });
    await sp.locator('.mantine-SegmentedControl-root').getByText('待答复').click();
    await sp.getByRole('row').filter({ hasText: '消防通道' }).click();
    const second = sp.getByRole('dialog', { name: '上交街道的诉求' });
    await second.getByLabel('街道办理措施与答复').fill('已约谈商铺业主，占道物品已清除，应急办每周巡查。');
    await second.getByLabel('答复人').fill('应急办 孙磊');
    await second.getByRole('button', { name: '答复', exact: true }).click();
    await expect(second).toContainText('答复已保存');
    await second.getByRole('button', { name: '关闭' }).click();
    const rekeyed = await saveDownload(sp, '生成答复包', files);
    await page.goto(`${new URL(app.url).origin}/#/requests/street`);
    await page.locator('input[type=file]').setInputFiles(rekeyed);
    const refused = page.getByTestId('answers-refused');
    await expect(refused).toContainText('签名密钥已更换');
    await expect(refused).toContainText('请打电话向街道核对');
    await still(page, 'requests-street-community-key-changed');
    await refused.getByRole('button', { name: '核对无误，接受新密钥（管理员）' }).click();
    await expect(page.getByText('已接受西里街道的新签名密钥')).toBeVisible();
    await expect(page.getByTestId('answers-imported')).toContainText('办结 1 件，1 件此前已写入');
    expect(streetUi.errors).toEqual([]);
  } finally {
    await stopStreet(street, streetUi);
  }
});
