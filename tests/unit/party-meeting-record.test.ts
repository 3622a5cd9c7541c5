import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, today } from './helpers';
import { chineseName, rng } from '../../scripts/lib/people';
import { partyFixture } from './party-fixture';
import { hasPoppler, pdfFlatText, pdfPages, pdfText } from './pdf-text';

const chinese = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, d) => `${y}年${Number(m)}月${Number(d)}日`);

/** A branch meeting as a secretary records one: most present, two away with reasons, a guest, two resolutions. */
async function recordedMeeting(present = 6) {
  const f = await partyFixture();
  const names = ['欧阳秀兰', '张建国', '李淑芬', '王志强', '赵丽华', '陈德明', '刘桂英', '周海峰'];
  const r = rng(15);
  while (names.length < present + 2) names.push(chineseName(r));
  const people = [];
  for (const name of names.slice(0, present + 2)) people.push(await f.member(name));
  const meeting = await f.call('party.createMeeting', {
    orgId: f.branch.id, type: 'general', heldOn: today(), startTime: '09:30', topic: '学习贯彻全会精神，研究楼道堆物整治',
    place: '社区党群服务中心二楼会议室', host: people[0]!.name, recorder: people[1]!.name,
    minutes: '书记传达全会精神，党员逐一交流学习体会。\n讨论3号楼楼道堆物问题，决定组织党员志愿者周末集中清理，并请物业加强日常巡查。',
    attendance: [
      ...people.slice(0, present).map((p) => ({ memberId: p.id, name: p.name, status: 'present' as const })),
      { memberId: people[present]!.id, name: people[present]!.name, status: 'leave' as const, reason: '外地出差' },
      { memberId: people[present + 1]!.id, name: people[present + 1]!.name, status: 'absent' as const, reason: '身体不适' },
      { name: '物业公司孙经理', status: 'guest' as const },
    ],
    resolutions: [
      { content: '本周六组织党员志愿者集中清理3号楼楼道堆物', owner: people[2]!.name, dueOn: today() },
      { content: '请物业公司每周巡查楼道一次，发现堆物及时劝导', owner: '物业公司' },
    ],
  });
  return { ...f, meeting, people };
}

describe('the meeting record (会议记录) on paper', () => {
  it('is offered for a saved meeting only, and its printing is logged', async () => {
    const { call, attempt, meeting } = await recordedMeeting();
    const file = await call('party.printMeeting', { id: meeting.id });
    expect(file).toMatchObject({ mime: 'application/pdf', fileName: `会议记录-阳光小区党支部-支部党员大会-${today()}.pdf` });
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const audit = await call('system.listAudit', { entity: 'meeting', entityId: meeting.id });
    expect(audit.rows[0]).toMatchObject({ action: 'print' });
    expect(await attempt('party.printMeeting', { id: 'missing' })).toMatchObject({ ok: false });
  });

  it.skipIf(!hasPoppler)('reads back every field, every name with its reason, and the two signature lines (pdftotext)', async () => {
    const { call, meeting, people } = await recordedMeeting();
    const file = await call('party.printMeeting', { id: meeting.id });
    const text = pdfText(file.contentBase64);
    const flat = pdfFlatText(file.contentBase64);
    for (const s of [
      '会议记录', '阳光小区党支部', '会议类型：支部党员大会', `会议时间：${chinese(today())}09:30`, '会议地点：社区党群服务中心二楼会议室',
      `主持人：${people[0]!.name}`, `记录人：${people[1]!.name}`,
      '应到8人，实到6人，缺席2人（其中请假1人），列席1人。',
      `缺席人员：${people[6]!.name}（请假：外地出差）${people[7]!.name}（缺席：身体不适）`, '列席人员：物业公司孙经理',
      '会议议题：学习贯彻全会精神，研究楼道堆物整治', '书记传达全会精神', '并请物业加强日常巡查。',
      '本周六组织党员志愿者集中清理3号楼楼道堆物', '请物业公司每周巡查楼道一次', '办理中',
      '主持人（签字）：', '记录人（签字）：', '日期：年月日',
    ]) expect(flat).toContain(s);
    // Every present member by name, in the order recorded, and no name broken over two lines.
    // They stand in columns, four to a line (pdftotext -layout, its runs of spaces taken as one).
    const present = people.slice(0, 6).map((p) => p.name);
    expect(text.replace(/[ \u3000]+/g, ' ')).toContain(`出席人员：${present.slice(0, 4).join(' ')}\n ${present.slice(4).join(' ')}\n`);
    const lines = text.split('\n');
    for (const p of people) expect(lines.some((l) => l.includes(p.name)), p.name).toBe(true);
    // The signature lines sit side by side on the last page, under the resolutions.
    const last = text.split('\f').filter((p) => p.trim()).at(-1)!;
    expect(last).toMatch(/主持人（签字）：\s+记录人（签字）：/);
    expect(last.indexOf('主持人（签字）')).toBeGreaterThan(last.indexOf('请物业公司'));
  });

  it.skipIf(!hasPoppler)('keeps all of a large meeting\'s names, over pages, and renders page 1 to look at (pdftoppm)', async () => {
    const { call, meeting, people } = await recordedMeeting(60);
    const file = await call('party.printMeeting', { id: meeting.id });
    const flat = pdfFlatText(file.contentBase64);
    const lines = pdfText(file.contentBase64).split('\n');
    for (const p of people) expect(lines.some((l) => l.includes(p.name)), p.name).toBe(true);
    expect(flat).toContain('应到62人，实到60人');
    const dir = tempDir();
    const pdf = path.join(dir, 'record.pdf');
    fs.writeFileSync(pdf, Buffer.from(file.contentBase64, 'base64'));
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'record')]);
    expect(fs.statSync(path.join(dir, 'record.png')).size).toBeGreaterThan(10_000);
    expect(pdfPages(file.contentBase64)).toBeGreaterThanOrEqual(1);
    // Kept for a person to open (the session that wrote this looked at page 1 this way).
    if (process.env.MEETING_RECORD_PNG) fs.copyFileSync(path.join(dir, 'record.png'), process.env.MEETING_RECORD_PNG);
  });
});
