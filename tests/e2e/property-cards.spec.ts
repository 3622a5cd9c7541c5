import type { Page } from '@playwright/test';
import { apiCall } from './api';
import { addDays, today } from './clock';
import { expect, setUp, shot, test, type RunningApp } from './fixtures';

test.use({ actionTimeout: 15_000 });

const dialog = (page: Page, name: string | RegExp) => page.getByRole('dialog', { name });

/** 阳光物业 serving 阳光小区, two yellows on record for rectifications, and a resolution of theirs overdue by ten days. */
async function seed(app: RunningApp) {
  const community = (await apiCall(app, 'party.listPlaces', {})).find((p) => p.kind === 'community')!;
  const place = await apiCall(app, 'party.createPlace', { kind: 'estate', parentId: community.id, name: '阳光小区', households: 320 });
  await apiCall(app, 'property.createEstate', { placeId: place.id, management: 'company' });
  const company = await apiCall(app, 'property.createCompany', { name: '阳光物业服务有限公司', creditCode: '91350100M000100Y43' });
  await apiCall(app, 'property.createContract', { estateId: place.id, companyId: company.id, startsOn: addDays(today, -300) });
  await apiCall(app, 'property.createJointMeeting', {
    estateId: place.id, heldOn: addDays(today, -30), convener: '西里社区党委 张书记', attendees: [{ party: 'property_company', name: '刘经理' }], topics: ['楼道堆物'],
    resolutions: [{ content: '清理3号楼楼道堆物', responsibleParty: 'property_company', responsiblePerson: '刘经理', dueOn: addDays(today, -10) }],
  });
  for (const [due, issued] of [[-90, -80], [-40, -35]] as const) {
    await apiCall(app, 'property.issueYellowCard', {
      basis: 'rectification', companyId: company.id, dueOn: addDays(today, due), issuedOn: addDays(today, issued), reason: '消防通道堆物整改逾期',
    });
  }
  return company;
}

test('cards: a proposed yellow confirmed by the clerk, the red threshold on the home page, a red issued, a yellow withdrawn', async ({ page, app }) => {
  test.setTimeout(180_000);
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  const company = await seed(app);
  const go = (path: string) => page.goto(`${new URL(app.url).origin}/#${path}`);

  // The set-up left the window on the home page: load it again to read what the seed wrote.
  await page.reload();
  await expect(page.getByText('逾期决议待定黄牌')).toBeVisible();
  await expect(page.getByText('阳光物业服务有限公司：清理3号楼楼道堆物')).toBeVisible();

  await go(`/property/companies?company=${company.id}`);
  const drawer = dialog(page, /物业企业 · 阳光物业服务有限公司/);
  await expect(drawer.getByText('当前：黄牌')).toBeVisible();
  await expect(drawer.getByRole('button', { name: '发红牌' })).toBeDisabled();
  await drawer.getByRole('button', { name: '发黄牌', exact: true }).click();
  const yellow = dialog(page, '发黄牌');
  await expect(yellow.getByText(/决议“清理3号楼楼道堆物”时限 .* 已过/)).toBeVisible();
  await yellow.getByRole('button', { name: '发黄牌', exact: true }).click();
  await expect(yellow.getByText('请填写发牌理由')).toBeVisible();
  await yellow.getByLabel('发牌理由').fill('决议逾期十天未办结');
  await yellow.getByRole('button', { name: '发黄牌', exact: true }).click();
  await expect(yellow).toBeHidden();
  await expect(drawer.getByText('当前：应发红牌')).toBeVisible();
  await expect(drawer.getByText('逾期决议（尚未发黄牌）')).toBeHidden();

  await go('/');
  await expect(page.getByText('物业企业达到红牌线')).toBeVisible();
  await expect(page.getByText('阳光物业服务有限公司：清理3号楼楼道堆物')).toBeHidden();
  await shot(page, 'property-cards-home-todos');

  await go(`/property/companies?company=${company.id}`);
  await drawer.getByRole('button', { name: '发红牌' }).click();
  const red = dialog(page, '发红牌');
  await red.getByLabel('发牌理由').fill('一年内累计三张黄牌');
  await red.getByRole('button', { name: '发红牌' }).click();
  await expect(red).toBeHidden();
  await expect(drawer.getByText('当前：红牌')).toBeVisible();

  await drawer.getByRole('button', { name: '撤销' }).last().click();
  const withdraw = dialog(page, '撤销这张牌？');
  await withdraw.getByLabel('撤销原因').fill('企业提供了按期完成的证明');
  await withdraw.getByRole('button', { name: '撤销' }).click();
  await expect(withdraw).toBeHidden();
  await expect(drawer.getByText(new RegExp(`已撤销 ${today} \\d{2}:\\d{2} · 王芳：企业提供了按期完成的证明`))).toBeVisible();
  await shot(page, 'property-company-cards');
});
