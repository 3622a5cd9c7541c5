import type { Page } from '@playwright/test';
import { idNumber } from '../../scripts/lib/people';
import { expect, setUp, still, test } from './fixtures';

const drawer = (page: Page) => page.getByRole('dialog');

async function save(page: Page) {
  await drawer(page).getByRole('button', { name: '保存' }).click();
  await expect(drawer(page)).toHaveCount(0);
}

test('party register: places, the organisation tree and members, entered through the UI', async ({ page, app }) => {
  await setUp(page, app, { level: 'community', name: '西里社区', code: '130104001001', operator: '王芳' });
  await page.getByRole('link', { name: '组织与地点' }).click();

  // ---- places: the community exists from setup; add an estate and a building under it
  await page.getByRole('tab', { name: '地点' }).click();
  const placeCard = page.getByRole('region', { name: '西里社区' });
  await placeCard.getByRole('button', { name: '新增小区' }).first().click();
  await drawer(page).getByLabel('名称').fill('阳光小区');
  await drawer(page).getByLabel('户数').fill('600');
  await save(page);
  await page.getByRole('tree').getByText('阳光小区').click();
  await page.getByRole('region', { name: '阳光小区' }).getByRole('button', { name: '新增楼栋' }).first().click();
  await drawer(page).getByLabel('名称').fill('3号楼');
  await drawer(page).getByLabel('单元数').fill('4');
  await drawer(page).getByLabel('户数').fill('96');
  await save(page);
  await expect(page.getByRole('tree').getByText('3号楼')).toBeVisible();
  await still(page, 'register-01-places');
  // A place in use is not deleted: the handler's reason shows in the confirmation.
  await page.getByRole('region', { name: '阳光小区' }).getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '不能删除' })).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  // ---- organisations: a branch under the community committee, a group under the branch
  await page.getByRole('tab', { name: '党组织' }).click();
  await expect(page.getByRole('heading', { name: '西里社区党委' })).toBeVisible();
  await page.getByRole('button', { name: '新增下级组织' }).first().click();
  await expect(drawer(page).getByText('新增党支部')).toBeVisible();
  await drawer(page).getByLabel('组织名称').fill('阳光小区党支部');
  await drawer(page).getByRole('combobox', { name: '关联地点' }).click();
  await page.getByRole('option', { name: /阳光小区/ }).click();
  await save(page);
  await page.getByRole('region', { name: '西里社区党委' }).getByRole('button', { name: /阳光小区党支部/ }).click();
  await expect(page.getByRole('heading', { name: '阳光小区党支部' })).toBeVisible();
  await page.getByRole('button', { name: '新增下级组织' }).first().click();
  await drawer(page).getByLabel('组织名称').fill('3号楼党小组');
  await drawer(page).getByRole('combobox', { name: '关联地点' }).click();
  await page.getByRole('option', { name: /3号楼/ }).click();
  await save(page);
  await expect(page.getByRole('tree').getByText('3号楼党小组')).toBeVisible();
  // Moving the group: only other branches can take it, and there are none yet.
  await page.getByRole('tree').getByText('3号楼党小组').click();
  await page.getByRole('button', { name: '移动到…' }).click();
  const move = page.getByRole('dialog', { name: '移动 3号楼党小组' });
  await expect(move.getByText('没有其他可以接收它的党支部')).toBeVisible();
  await move.getByRole('button', { name: '移动' }).click();
  await expect(move.getByText('请选择新的上级组织')).toBeVisible();
  await move.getByRole('button', { name: '取消' }).click();
  await page.getByRole('tree').getByText('阳光小区党支部').click();
  // Dissolving a unit that still has a group below it: refused, with the handler's words.
  await page.getByRole('button', { name: '撤销' }).click();
  const dissolve = page.getByRole('dialog', { name: '撤销 阳光小区党支部' });
  await expect(dissolve.getByText('会议记录和党员历史都会保留')).toBeVisible();
  await dissolve.getByRole('button', { name: '撤销组织' }).click();
  await expect(dissolve.getByRole('alert').filter({ hasText: '请先' })).toHaveText('阳光小区党支部下还有 1 个下级组织，请先移走或撤销');
  await dissolve.getByRole('button', { name: '取消' }).click();

  // ---- members: the empty register says what to do
  await page.getByRole('link', { name: '党员名册' }).click();
  await expect(page.getByText('还没有党员 — 导入花名册 / 新增党员 / 转入党员')).toBeVisible();
  // The tree works from the keyboard: ↓ moves, Enter selects (and the selection goes into the address).
  await page.getByRole('treeitem').first().focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('treeitem', { name: /^阳光小区党支部/ })).toHaveAttribute('aria-selected', 'true');
  const count = page.getByTestId('member-count');

  // Two members through the form; birth date and gender follow from the ID number.
  const zhangId = idNumber('130104', '1968-05-12', 3, 'male');
  await page.getByRole('button', { name: '新增党员' }).first().click();
  const form = page.getByRole('dialog', { name: '新增党员' });
  await form.getByLabel('姓名').fill('张三');
  await form.getByLabel('身份证号').fill(zhangId);
  await form.getByLabel('身份证号').blur();
  await expect(form.getByLabel('出生日期')).toHaveValue('1968-05-12');
  await expect(form.getByRole('combobox', { name: '性别' })).toHaveValue('男');
  await form.getByLabel('手机').fill('13812345678');
  await form.getByLabel('入党日期').fill('1995.7.1');
  await expect(form.getByRole('combobox', { name: '所在组织' })).toHaveValue(/阳光小区党支部/);
  await form.getByRole('combobox', { name: '职务' }).click();
  await page.getByRole('option', { name: '书记', exact: true }).click();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog', { name: '张三' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(count).toHaveText('共 1 人');

  await page.getByRole('button', { name: '新增党员' }).first().click();
  await form.getByLabel('姓名').fill('李四');
  await form.getByLabel('身份证号').fill(idNumber('130104', '1979-03-08', 7, 'female'));
  await form.getByLabel('入党日期').fill('2003年7月1日');
  await form.getByRole('combobox', { name: '党员类别' }).click();
  await page.getByRole('option', { name: '在职党员' }).click();
  await form.getByRole('button', { name: '保存' }).click();
  // An in-service member needs a work unit: the schema's message appears beside the field.
  await expect(form.getByText('在职党员请填写工作单位')).toBeVisible();
  await form.getByLabel('工作单位').fill('市第一医院');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('dialog', { name: '李四' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(count).toHaveText('共 2 人');

  // A wrong check digit: the Chinese message beside the field, nothing saved.
  const bad = idNumber('130104', '1985-10-20', 9, 'male');
  await page.getByRole('button', { name: '新增党员' }).first().click();
  await form.getByLabel('姓名').fill('王五');
  await form.getByLabel('身份证号').fill(bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1'));
  await form.getByLabel('身份证号').press('Tab');
  await expect(form.getByText('身份证号校验位不正确，请核对')).toBeVisible();
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form).toBeVisible();
  await still(page, 'register-05-member-form-error');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '放弃修改' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(count).toHaveText('共 2 人');

  // 转入党员 uses the same form, with where they come from.
  await page.getByRole('button', { name: '转入党员' }).first().click();
  const transfer = page.getByRole('dialog', { name: '转入党员' });
  await transfer.getByLabel('转出单位').fill('东城街道幸福社区党委');
  await transfer.getByLabel('姓名').fill('王五');
  await transfer.getByLabel('身份证号').fill(bad);
  await transfer.getByLabel('入党日期').fill('20100701');
  await transfer.getByRole('button', { name: '保存' }).click();
  const wang = page.getByRole('dialog', { name: '王五' });
  await expect(wang.getByText(/自 东城街道幸福社区党委 转入/)).toBeVisible();
  await expect(wang.getByText('转入', { exact: true }).first()).toBeVisible();
  // Editing keeps the masked ID number unless 修改 is pressed.
  await wang.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: '编辑 王五' });
  await expect(edit.getByRole('textbox', { name: '身份证号' })).toHaveValue(/^130104\*{8}/);
  await edit.getByLabel('住址').fill('3号楼2单元301');
  await edit.getByLabel('党员中心户').check();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(wang.getByText('3号楼2单元301')).toBeVisible();
  // A centre household keeps a list of the households it looks after.
  await wang.getByRole('button', { name: '添加一户' }).click();
  await wang.getByRole('textbox', { name: '户（楼栋-单元-室）' }).fill('3号楼2单元302');
  await wang.getByRole('textbox', { name: '户主' }).fill('赵六');
  await wang.getByRole('button', { name: '保存联系户' }).click();
  await expect(wang.getByRole('button', { name: '保存联系户' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(count).toHaveText('共 3 人');
  await still(page, 'register-03-members');

  // Transfer 李四 out: she leaves the default list and shows under 已转出, with her history.
  await page.getByRole('row', { name: /李四/ }).click();
  const li = page.getByRole('dialog', { name: '李四' });
  await li.getByRole('button', { name: '转出' }).click();
  const out = page.getByRole('dialog', { name: '转出 李四' });
  await expect(out.getByText('将移出在册名册')).toBeVisible();
  await out.getByLabel('转往单位').fill('东城街道幸福社区党委');
  await out.getByRole('button', { name: '确认转出' }).click();
  await expect(li.getByText(/转往 东城街道幸福社区党委/).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(count).toHaveText('共 2 人');
  await expect(page.getByRole('row', { name: /李四/ })).toHaveCount(0);
  await page.getByText('已转出', { exact: true }).click();
  await page.getByRole('row', { name: /李四/ }).click();
  await expect(li.getByText('转出', { exact: false }).first()).toBeVisible();
  await expect(li.getByText('登记入册')).toBeVisible();
  await still(page, 'register-06-transferred-out');
  await page.keyboard.press('Escape');
  await page.getByText('在册', { exact: true }).click();

  // Pinyin initials find 张三; the full ID number is shown on request.
  await page.getByRole('textbox', { name: '查找党员' }).fill('zs');
  await expect(page.getByRole('row', { name: /张三/ })).toBeVisible();
  await expect(count).toHaveText('共 1 人');
  await page.getByRole('row', { name: /张三/ }).click();
  const zhang = page.getByRole('dialog', { name: '张三' });
  await expect(zhang.getByTestId('idNumber-value')).toHaveText(`${zhangId.slice(0, 6)}********${zhangId.slice(14)}`);
  await zhang.getByRole('button', { name: '查看完整' }).first().click();
  const why = page.getByRole('dialog', { name: '查看完整' });
  await why.getByLabel(/^查看原因/).fill('核对组织关系转接');
  await why.getByRole('button', { name: '查看完整' }).click();
  await expect(zhang.getByTestId('idNumber-value')).toHaveText(zhangId);
  await still(page, 'register-04-member-drawer');

  // The record's address keeps the filters: closing it returns to the same search.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('textbox', { name: '查找党员' })).toHaveValue('zs');
  expect(page.url()).toContain('q=zs');

  // Back on the tree: the branch's card now names its secretary and counts its members.
  await page.getByRole('link', { name: '组织与地点' }).click();
  await page.getByRole('tree').getByText('阳光小区党支部').click();
  await expect(page.getByRole('region', { name: '阳光小区党支部' }).getByText('张三')).toBeVisible();
  await still(page, 'register-02-orgs');
});

test('a street installation starts with no places, and says what to do', async ({ page, app }) => {
  await setUp(page, app, { level: 'street', name: '西里街道', code: '130104001', operator: '王芳' });
  await page.getByRole('link', { name: '组织与地点' }).click();
  await expect(page.getByRole('heading', { name: '西里街道党工委' })).toBeVisible();
  await expect(page.getByRole('button', { name: '新增下级组织' }).first()).toBeVisible();
  await page.getByRole('tab', { name: '地点' }).click();
  await expect(page.getByText('还没有社区 — 新增社区')).toBeVisible();
  await page.getByRole('button', { name: '新增社区' }).click();
  await page.getByRole('dialog').getByLabel('名称').fill('西里社区');
  await save(page);
  await expect(page.getByRole('heading', { name: '西里社区' })).toBeVisible();
  await expect(page.getByText('还没有小区 — 新增小区')).toBeVisible();
  await still(page, 'register-07-street-places');
});
