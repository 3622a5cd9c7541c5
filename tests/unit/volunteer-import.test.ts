import { describe, expect, it } from 'vitest';
import { idNumber } from '../../scripts/lib/people';
import { today, volunteerFixture } from './volunteer-fixture';

/** The volunteer registers through the real import engine, from CSV files as a clerk's Excel "另存为 CSV" writes them. */

const csv = (lines: string[]) => ({ fileName: '台账.csv', contentBase64: Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64') });

async function importer(t: Awaited<ReturnType<typeof volunteerFixture>>, register: string) {
  const request = async (lines: string[]) => {
    const file = csv(lines);
    const a = await t.call('import.analyse', { register, file });
    return { register, file, sheet: a.sheet, headerRow: a.headerRow, mapping: a.mapping };
  };
  return {
    validate: async (lines: string[]) => t.call('import.validate', await request(lines)),
    commit: async (lines: string[]) => t.call('import.commit', await request(lines)),
  };
}

describe('importing the volunteer registers', () => {
  it('reads 所属社区 西里社区 as the community\'s party organisation, and keeps the 备注', async () => {
    const t = await volunteerFixture();
    const people = await importer(t, 'volunteer.people');
    const header = '姓名,身份证号码,所属社区,备注';
    const report = await people.validate([header, `李梅,${idNumber('130104', '1979-03-04', 41, 'female')},西里社区,周末有空`]);
    expect(report.summary).toMatchObject({ create: 1, error: 0 });
    expect(report.preview[0]!.values).toMatchObject({ unit: '西里社区党委' });
    await people.commit([header, `李梅,${idNumber('130104', '1979-03-04', 41, 'female')},西里社区,周末有空`]);
    const list = await t.call('volunteer.listVolunteers', {});
    const li = await t.call('volunteer.getVolunteer', { id: list.rows[0]!.id });
    expect(li.volunteer).toMatchObject({ note: '周末有空', orgName: '西里社区党委' });
  });

  it('lists them beside the party registers', async () => {
    const t = await volunteerFixture();
    const keys = (await t.call('import.listRegisters', {})).map((r) => r.key);
    expect(keys).toEqual(expect.arrayContaining(['volunteer.people', 'volunteer.posts', 'volunteer.opening']));
  });

  it('registers residents, and takes a row with a member\'s ID number as that member (one record)', async () => {
    const t = await volunteerFixture();
    const m = await t.member('张三');
    const resident = idNumber('130104', '1979-03-04', 41, 'female');
    const people = await importer(t, 'volunteer.people');
    const header = '姓名,身份证号码,联系电话,所属社区,特长,所属队伍';
    const report = await people.validate([header, `李梅,${resident},13912345678,西里社区党委,理发,巧手服务队`,
      `张三,${idNumber('130104', '1968-05-12', 1, 'male')},,阳光小区党支部,电工,`, '王五,,,幸福社区,,']);
    expect(report.summary).toMatchObject({ create: 2, error: 1 });
    expect(report.rows.map((r) => [r.row, r.status, r.issues])).toEqual([[4, 'error', [{ field: 'unit', message: '“幸福社区”不在组织架构中，请核对名称' }]]]);
    expect(report.preview.map((p) => p.values.name)).toEqual(['李梅', '张三（党员）']);
    await people.commit([header, `李梅,${resident},13912345678,西里社区党委,理发,巧手服务队`, `张三,${idNumber('130104', '1968-05-12', 1, 'male')},,阳光小区党支部,电工,`]);
    void m;
    const list = await t.call('volunteer.listVolunteers', {});
    expect(list.rows.map((r) => [r.name, r.kind, r.skills, r.orgName])).toEqual([
      ['李梅', 'resident', '理发', '西里社区党委'], ['张三', 'member', '电工', '阳光小区党支部'],
    ]);
  });

  it('assigns posts by ID number or a unique name, keeping a branch\'s own post to its people', async () => {
    const t = await volunteerFixture();
    const m = await t.member('赵六');
    await t.resident('孙丽');
    const other = await t.call('party.createOrg', { parentId: t.root.id, level: 'community_committee', kind: '社区党委', name: '东湖社区党委' });
    await t.call('volunteer.createPost', { orgId: other.id, name: '湖边巡查岗' });
    const posts = await importer(t, 'volunteer.posts');
    const header = '姓名,身份证号,岗位,认领日期';
    const id = idNumber('130104', '1968-05-12', 1, 'male');
    const report = await posts.validate([header, `赵六,${id},环境卫生维护岗,2025.3.1`, '孙丽,,文明劝导岗,', `赵六,${id},文明劝导岗,`, '无名氏,,文明劝导岗,']);
    expect(report.summary).toMatchObject({ create: 2, duplicate: 1, error: 1 });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([[4, 'duplicate'], [5, 'error']]);
    await posts.commit([header, `赵六,${id},环境卫生维护岗,2025.3.1`, '孙丽,,文明劝导岗,']);
    const rows = (await t.call('volunteer.listAssignments', {})).rows;
    expect(rows.find((r) => r.memberId === m.id)).toMatchObject({ postName: '环境卫生维护岗' });
    const bad = await posts.validate([header, `赵六,${id},湖边巡查岗,`]);
    expect(bad.rows[0]!.issues[0]).toMatchObject({ field: 'post', message: expect.stringContaining('其他支部的自设岗位') });
  });

  it('writes opening balances as 期初结转 entries, once: the same file again is refused row by row', async () => {
    const t = await volunteerFixture();
    const r = await t.resident('周敏', { idNumber: idNumber('130104', '1981-01-01', 7, 'female') });
    const opening = await importer(t, 'volunteer.opening');
    const lines = ['姓名,身份证号,积分类别,期初积分,结转日期,说明', `周敏,${idNumber('130104', '1981-01-01', 7, 'female')},服务分,12.5,${today},2025年度结余`, '周敏,,贡献分,3,,'];
    await opening.commit(lines);
    expect(await t.balance(r.id)).toBe(155);
    const entries = (await t.call('volunteer.listEntries', { volunteerId: r.id })).rows;
    expect(entries.map((e) => [e.sourceKind, e.category, e.amount, e.reason])).toEqual(expect.arrayContaining([
      ['opening', 'service', 125, '期初结转：2025年度结余'], ['opening', 'contribution', 30, '期初结转'],
    ]));
    const again = await opening.validate(lines);
    expect(again.summary).toMatchObject({ create: 0, skip: 2 });
    expect(await t.attempt('import.commit', { register: 'volunteer.opening', file: csv(lines), sheet: 'Sheet1', headerRow: 1, mapping: {}, options: { duplicates: 'update' } }))
      .toMatchObject({ ok: false });
    expect(await t.balance(r.id)).toBe(155);
  });
});
