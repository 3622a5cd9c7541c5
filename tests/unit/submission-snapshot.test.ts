import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { communityInstall, thisMonth } from './submission-fixture';
import { today } from './helpers';

const turn = () => new Promise((r) => setImmediate(r));

async function sheet(base64: string, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name)!;
  return Array.from({ length: ws.rowCount }, (_, r) => (ws.getRow(r + 1).values as unknown[]).slice(1).map((v) => String(v ?? '')));
}

/**
 * A monthly submission is built over many event-loop turns (a sheet, a progress report, the next sheet). Writes
 * that land meanwhile must appear in every part of it or in none: here, in none, since the build began first.
 */
describe('a submission built while the clerk goes on working', () => {
  it('shows one moment of the data in every sheet and in the package', async () => {
    const t = await communityInstall();
    const jobId = 'job-snapshot';
    const building = t.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['party'], jobId });

    // Wait until the summary is written and the registers are being written, then change what later sheets read.
    for (let i = 0; i < 10_000; i++) {
      const p = await t.call('submission.getProgress', { jobId });
      if (p?.label.startsWith('写入台账')) break;
      await turn();
    }
    await t.call('party.rateBranch', { orgId: t.branch.id, year: Number(today().slice(0, 4)), stars: 5, reasons: '本年度评定', ratedOn: today() });
    await t.member('赵六');
    await t.call('party.createMeeting', { orgId: t.branch.id, type: 'theme_day', heldOn: today(), topic: '主题党日', attendance: [], resolutions: [] });
    const out = await building;

    const ratings = await sheet(out.workbook!.contentBase64, '五星支部评定');
    expect(ratings.flat().join()).not.toContain('本年度评定');
    const members = await sheet(out.workbook!.contentBase64, '党员花名册');
    expect(members.flat()).not.toContain('赵六');
    expect(members.at(-1)!.slice(0, 2)).toEqual(['合计', '共 3 人']);
    const meetings = await sheet(out.workbook!.contentBase64, '三会一课会议台账');
    expect(meetings.flat()).not.toContain('主题党日');

    const files = unzipSync(Buffer.from(out.package!.contentBase64, 'base64'));
    const tables = Object.fromEntries((JSON.parse(strFromU8(files['manifest.json']!)).tables as { name: string; rows: number }[]).map((x) => [x.name, x.rows]));
    expect(tables).toMatchObject({ 'party.members': 3, 'party.meetings': 1, 'party.ratings': 1 });

    // The writes themselves were saved: the next submission has them.
    const next = await t.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['party'], outputs: ['package'] });
    const nextTables = JSON.parse(strFromU8(unzipSync(Buffer.from(next.package!.contentBase64, 'base64'))['manifest.json']!)).tables as { name: string; rows: number }[];
    expect(Object.fromEntries(nextTables.map((x) => [x.name, x.rows]))).toMatchObject({ 'party.members': 4, 'party.meetings': 2, 'party.ratings': 2 });
  });
});
