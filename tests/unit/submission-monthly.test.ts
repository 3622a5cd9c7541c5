import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { monthPeriod } from '../../main/export/period';
import { hasPoppler, pdfText } from './pdf-text';
import { communityInstall, packageOf, streetInstall, thisMonth } from './submission-fixture';
import { sheetRows, workbookOf } from './workbook-read';
import { rootOrg } from '../orgs';

describe('the monthly submission', () => {
  it('of a community: a workbook (summary first, a sheet per register), a PDF for signing and a package, logged', async () => {
    const t = await communityInstall();
    const jobId = 'test-monthly-job';
    const labels = new Set<string>();
    const building = t.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['party'], jobId });
    for (;;) {
      const p = await t.call('submission.getProgress', { jobId });
      if (p) labels.add(p.label);
      if (p?.done) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const out = await building;
    expect([...labels]).toContain('已完成');
    expect(await t.call('submission.getProgress', { jobId })).toMatchObject({ done: true, step: 9, total: 9 });

    const period = monthPeriod(thisMonth());
    expect(out.workbook!.fileName).toBe(`西里社区_${period.label}_月度上报.xlsx`);
    const wb = await workbookOf(out.workbook!.contentBase64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '党员花名册', '三会一课会议台账', '组织生活落实情况', '五星支部评定']);
    const summary = wb.getWorksheet('汇总')!;
    expect(summary.getCell('A1').value).toBe('西里社区月度上报汇总表');
    expect(sheetRows(summary)).toEqual([
      expect.objectContaining({ 序号: 1, 社区: '西里社区', 党支部数: 1, 在册党员: 3, 正式党员: 2, 预备党员: 1, 社区党员: 2, 在职党员: 1, 流动党员: 0, 本月会议: 1 }),
      expect.objectContaining({ 序号: '合计', 社区: '共 1 个', 在册党员: 3 }),
    ]);
    expect(out.rowCounts).toMatchObject({ 党员花名册: 3, 三会一课会议台账: 1, 'party.members': 3, 'party.orgs': 3 });

    const files = unzipSync(Buffer.from(out.package!.contentBase64, 'base64'));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'streetdesk-package', formatVersion: 3, period: thisMonth(), source: { name: '西里社区', level: 'community', code: '130104001001' }, createdBy: '李娜', personalData: 'masked' });
    expect(manifest.tables.map((x: { name: string; rows: number }) => [x.name, x.rows])).toEqual([['party.orgs', 3], ['party.members', 3], ['party.meetings', 1], ['party.ratings', 1]]);

    const log = await t.call('submission.listLog', { q: '月度' });
    expect(log.rows[0]).toMatchObject({ id: out.logId, kind: 'monthly', packageId: manifest.packageId });
    expect(log.rows[0]!.files.map((f) => f.sha256)).toEqual([out.workbook!.sha256, out.pdf!.sha256, out.package!.sha256]);
    expect((await t.call('submission.listLog', { q: out.package!.sha256.slice(0, 12) })).total).toBe(1);
    expect((await t.call('submission.listLog', { q: '没有这个' })).total).toBe(0);
  });

  it.skipIf(!hasPoppler)('puts the figures, the checksums and the signature blocks in the PDF (read back with pdftotext)', async () => {
    const t = await communityInstall();
    const out = await t.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['party'] });
    const text = pdfText(out.pdf!.contentBase64);
    const period = monthPeriod(thisMonth());
    expect(text).toContain(`西里社区${period.label}上报汇总表`);
    expect(text).toContain('填报单位（盖章）：西里社区');
    expect(text).toMatch(/在册党员/);
    expect(text).toContain('党员花名册 3 人');
    expect(text.replace(/\s+/g, '')).toContain(out.package!.sha256);
    expect(text).toMatch(/经办人（签字）.*审核人（签字）.*负责人（签字）/);
    // pdftotext drops the narrow spaces between runs of different font files.
    expect(text.replace(/\s+/g, '')).toContain('—1—');
  });

  it.skipIf(!hasPoppler)('an unmasked submission says so in every file name and in the PDF\'s title', async () => {
    const t = await communityInstall();
    const out = await t.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['party'], unmasked: true, reason: '区委组织部核对党员信息' });
    const period = monthPeriod(thisMonth());
    expect(out.workbook!.fileName).toBe(`西里社区_${period.label}_月度上报（含完整身份信息）.xlsx`);
    expect(out.pdf!.fileName).toBe(`西里社区_${period.label}_上报汇总表（含完整身份信息）.pdf`);
    expect(pdfText(out.pdf!.contentBase64).replace(/\s+/g, '')).toContain(`西里社区${period.label}上报汇总表（含完整身份信息）`);
    expect((await workbookOf(out.workbook!.contentBase64)).getWorksheet('党员花名册')!.getCell('A1').value).toBe('西里社区党员花名册（含完整身份信息）');
  });

  it('of a street: its communities by community and in total, and a package carrying each community', async () => {
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(await communityInstall()));
    const east = await communityInstall({ name: '东里社区', code: '130104001002' });
    await east.member('赵六');
    await street.call('submission.importPackage', await packageOf(east));

    const out = await street.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['party'] });
    const rows = sheetRows((await workbookOf(out.workbook!.contentBase64)).getWorksheet('汇总')!);
    expect(rows.map((r) => [r['社区'], r['数据来源'], r['在册党员']])).toEqual([
      ['东里社区', `报送 ${monthPeriod(thisMonth()).label}`, 4],
      ['西里社区', `报送 ${monthPeriod(thisMonth()).label}`, 3],
      ['共 2 个', null, 7],
    ]);
    expect(rows[2]!['支部落实率']).toBeCloseTo((Number(rows[0]!['落实支部数']) + Number(rows[1]!['落实支部数'])) / 2);
    expect(out.warnings).toEqual([]);

    const manifest = JSON.parse(strFromU8(unzipSync(Buffer.from(out.package!.contentBase64, 'base64'))['manifest.json']!));
    expect(manifest.source).toMatchObject({ level: 'street', name: '西里街道' });
    expect(manifest.units.map((u: { name: string }) => u.name)).toEqual(['西里街道', '东里社区', '西里社区']);
    expect(manifest.tables.find((x: { name: string }) => x.name === 'party.members').rows).toBe(7);
  });

  it('warns when a community has not yet sent this month\'s data', async () => {
    const street = await streetInstall();
    const { year, month } = monthPeriod(thisMonth());
    const previous = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
    await street.call('submission.importPackage', await packageOf(await communityInstall(), previous));
    const out = await street.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['party'], outputs: ['workbook'] });
    expect(out.warnings).toEqual([`西里社区尚未报送${monthPeriod(thisMonth()).label}的数据，汇总中使用的是其${monthPeriod(previous).label}的数据`]);
    expect(out.pdf).toBeNull();
  });

  it('refuses a street submission on a community installation and a community that is not one', async () => {
    const t = await communityInstall();
    expect(await t.attempt('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['party'] })).toMatchObject({ ok: false, error: { fields: [{ path: 'level' }] } });
    expect(await t.attempt('submission.buildMonthly', { level: 'community', period: '2026-13', modules: ['party'] })).toMatchObject({ ok: false, error: { fields: [{ path: 'period', message: '统计期间应为年月，例如 2026-11' }] } });
    const street = await streetInstall();
    const root = await rootOrg(street.call);
    expect(await street.attempt('submission.buildMonthly', { level: 'community', orgId: root.id, period: thisMonth(), modules: ['party'] })).toMatchObject({ ok: false, error: { fields: [{ path: 'orgId' }] } });
  });
});
