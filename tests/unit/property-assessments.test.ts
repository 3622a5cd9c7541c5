import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openFile, type Db } from '../../db/open';
import { periodSheets } from '../../db/property/assessments';
import { listSnapshots } from '../../db/property/lists';
import type { AssessmentDetail } from '../../main/api/property/contract';
import { inMoment, tempDir } from './helpers';
import { OTHER_CREDIT_CODE, propertyFixture, today } from './property-fixture';
import { recorded } from './query-plan';
import { pdfText } from './pdf-text';


const side: Db[] = [];
afterEach(() => side.splice(0).forEach((db) => db.close()));
/** A second connection to the core's file: writes past the handlers, to prove the schema itself refuses them. */
const rawDb = (core: { services: { dbFile: string } }): Db => {
  const db = openFile(core.services.dbFile);
  side.push(db);
  return db;
};

type Call = Awaited<ReturnType<typeof propertyFixture>>['call'];

/** A sheet of 100 with one item of each method: binary 40, deduction 30 (10 a finding), band 30 (≥95% / ≥80% → 18), veto. */
const SHEET = {
  name: '物业服务质量考评表',
  totalTenths: 1000,
  categories: [
    {
      name: '基础管理', pointsTenths: 700, items: [
        { content: '服务标准公示', method: 'binary' as const, pointsTenths: 400 },
        { content: '公共区域清扫保洁', method: 'deduction' as const, pointsTenths: 300, perFindingTenths: 100 },
      ],
    },
    {
      name: '收费与否决', pointsTenths: 300, items: [
        { content: '物业费收缴率', method: 'band' as const, pointsTenths: 300, bandFullPermille: 950, bandPartPermille: 800, bandPartTenths: 180, rateKind: 'collection' as const },
        { content: '重大安全责任事故', method: 'veto' as const, pointsTenths: 0 },
      ],
    },
  ],
};

async function publishedTemplate(call: Call) {
  const draft = await call('property.createTemplate', SHEET);
  return call('property.publishTemplate', { id: draft.template.id });
}

/** The entries for a sheet: met, findings, rate, veto, in the template's item order. */
function entries(a: AssessmentDetail, v: { met: boolean; findings: string[]; rate: number; veto?: string }) {
  const [binary, deduction, band, veto] = a.template.categories.flatMap((c) => c.items);
  return [
    { itemId: binary!.id, met: v.met },
    { itemId: deduction!.id, findings: v.findings },
    { itemId: band!.id, ratePermille: v.rate },
    { itemId: veto!.id, vetoed: !!v.veto, vetoNote: v.veto ?? null },
  ];
}

/** The fixture's estate and company, plus a second estate served by a second company. */
async function twoEstates() {
  const t = await propertyFixture();
  const { call } = t;
  await call('property.createContract', { estateId: t.propertyEstate.placeId, companyId: t.company.id, startsOn: '2026-01-01' });
  const place = await call('party.createPlace', { kind: 'estate', parentId: t.community.id, name: '翠竹苑', households: 300 });
  const estate2 = await call('property.createEstate', { placeId: place.id, management: 'company' });
  const company2 = await call('property.createCompany', { name: '安居物业有限公司', creditCode: OTHER_CREDIT_CODE });
  await call('property.createContract', { estateId: estate2.placeId, companyId: company2.id, startsOn: '2026-01-01' });
  const template = await publishedTemplate(call);
  const assess = (estateId: string, companyId: string, period = '2026-Q4') => call('property.createAssessment', { period, estateId, companyId, templateId: template.template.id });
  const a1 = await assess(t.propertyEstate.placeId, t.company.id);
  const a2 = await assess(estate2.placeId, company2.id);
  const score = (a: AssessmentDetail, body: 'street' | 'owners_committee' | 'third_party', v: Parameters<typeof entries>[1]) =>
    call('property.saveAssessmentSheet', { assessmentId: a.assessment.id, body, scoredOn: today(), entries: entries(a, v) });
  return { ...t, template, a1, a2, estate2, company2, score };
}

describe('score-sheet templates', () => {
  it('are published only when they add up; the 130-point sheet is refused with its gap and stays a draft', async () => {
    const { call, attempt } = await propertyFixture();
    const draft = await call('property.createTemplate', {
      name: '某区考评细则', totalTenths: 1000,
      categories: [300, 300, 300, 400].map((p, i) => ({ name: `类别${i + 1}`, pointsTenths: p, items: [{ content: `项目${i + 1}`, method: 'binary' as const, pointsTenths: p }] })),
    });
    expect(draft.problems).toEqual([{ path: 'totalTenths', message: '各类别合计 130 分，比总分 100 分多 30 分' }]);
    const refused = await attempt('property.publishTemplate', { id: draft.template.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'TEMPLATE_TOTALS_MISMATCH', fields: [{ path: 'totalTenths' }] } });
    if (!refused.ok) expect(refused.error.message).toContain('多 30 分');
    expect((await call('property.getTemplate', { id: draft.template.id })).template.status).toBe('draft');
  });

  it('are frozen once published: a new version is a draft copy, and the old one stays as scored', async () => {
    const { call, attempt, core } = await propertyFixture();
    const v1 = await publishedTemplate(call);
    expect(v1.template).toMatchObject({ status: 'published', version: 1 });
    expect(await attempt('property.updateTemplate', { id: v1.template.id, template: SHEET })).toMatchObject({ ok: false, error: { reason: 'TEMPLATE_PUBLISHED' } });
    expect(await attempt('property.deleteTemplate', { id: v1.template.id })).toMatchObject({ ok: false, error: { reason: 'TEMPLATE_PUBLISHED' } });
    const v2 = await call('property.newTemplateVersion', { id: v1.template.id });
    expect(v2.template).toMatchObject({ status: 'draft', version: 2, lineageId: v1.template.lineageId });
    expect(v2.categories.map((c) => c.items.length)).toEqual([2, 2]);
    expect(await attempt('property.newTemplateVersion', { id: v1.template.id })).toMatchObject({ ok: false, error: { reason: 'TEMPLATE_DRAFT_EXISTS' } });
    // Even written past the handlers, the published version's items do not change.
    const db = rawDb(core);
    expect(() => db.prepare('UPDATE assessment_items SET points_tenths = 500 WHERE template_id = ?').run(v1.template.id)).toThrow(/已发布的考评表不能修改/);
  });

  it('check each method\'s own facts in the form\'s words', async () => {
    const { attempt } = await propertyFixture();
    const bad = await attempt('property.createTemplate', {
      name: '表', totalTenths: 1000,
      categories: [{ name: '类', pointsTenths: 1000, items: [
        { content: '扣分项', method: 'deduction', pointsTenths: 50, perFindingTenths: 80 },
        { content: '分档项', method: 'band', pointsTenths: 50, bandFullPermille: 800, bandPartPermille: 900, bandPartTenths: 60, rateKind: 'collection' },
      ] }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) {
      expect(bad.error.fields).toEqual(expect.arrayContaining([
        { path: 'categories.0.items.0.perFindingTenths', message: '每次扣分不能超过标准分' },
        { path: 'categories.0.items.1.bandPartPermille', message: '部分得分比率不能高于满分比率' },
        { path: 'categories.0.items.1.bandPartTenths', message: '部分得分不能超过标准分' },
      ]));
    }
  });

  it('print as a blank A4 sheet with the columns of a paper sheet', async () => {
    const { call } = await propertyFixture();
    const t = await publishedTemplate(call);
    const file = await call('property.printBlankSheet', { id: t.template.id });
    expect(file.fileName).toBe('物业服务质量考评表-第1版-空白评分表.pdf');
    const text = pdfText(file.contentBase64);
    for (const s of ['物业服务质量考评表', '西里街道', '序号', '检查内容', '评分细则', '标准分', '一、基础管理（70 分）', '二、收费与否决', '符合得 40 分', '每发现一处扣 10 分', '物业费收缴率达到 95% 得 30 分', '一票否决', '考评人']) {
      expect(text).toContain(s);
    }
  });
});

describe('assessments', () => {
  it("carry the estate's own rates from the 收费 and 满意度 registers for a band item to start from, rounded down", async () => {
    const { call, a1, a2 } = await twoEstates();
    expect((await call('property.getAssessment', { id: a1.assessment.id })).registerRates).toEqual({ collection: null, satisfaction: null });
    // 94.95%: shown half up it would read 95.0% and fill a ≥95% band it does not reach.
    await call('property.saveFees', { period: '2026-Q4', rows: [{ estateId: a1.assessment.estateId, receivableFen: '10,000.00', unpaidFen: '505.00' }] });
    await call('property.saveFees', { period: '2026-Q3', rows: [{ estateId: a2.assessment.estateId, receivableFen: '100.00', unpaidFen: '0' }] });
    expect((await call('property.getAssessment', { id: a1.assessment.id })).registerRates).toEqual({ collection: 949, satisfaction: null });
    // Another quarter's figures are not this period's.
    expect((await call('property.getAssessment', { id: a2.assessment.id })).registerRates).toEqual({ collection: null, satisfaction: null });
  });

  it('score all four methods; deductions stop at 0; the veto is kept with its reason', async () => {
    const { a1, score } = await twoEstates();
    const s = await score(a1, 'street', { met: false, findings: ['楼道堆物', '垃圾未清', '绿化带积水', '单元门损坏'], rate: 850 });
    const sheet = s.sheets[0]!;
    expect(sheet.scores.map((x) => [x.standardTenths, x.scoreTenths])).toEqual([[400, 0], [300, 0], [300, 180], [0, 0]]);
    expect(sheet.scores[1]!.findings).toEqual(['楼道堆物', '垃圾未清', '绿化带积水', '单元门损坏']);
    expect(sheet.totalTenths).toBe(180);
    expect(s.scoreTenths).toBe(180);
    const v = await score(a1, 'street', { met: true, findings: ['楼道堆物'], rate: 960, veto: '电梯困人致伤' });
    expect(v.sheets).toHaveLength(1);
    expect(v.sheets[0]).toMatchObject({ totalTenths: 900, vetoed: true });
    expect(v.sheets[0]!.scores[3]).toMatchObject({ vetoed: true, vetoNote: '电梯困人致伤' });
    expect(v.vetoed).toBe(true);
  });

  it('keep the template version they were scored with', async () => {
    const { call, a1, template } = await twoEstates();
    const v2 = await call('property.newTemplateVersion', { id: template.template.id });
    await call('property.updateTemplate', { id: v2.template.id, template: { ...SHEET, name: '物业服务质量考评表（2027）' } });
    await call('property.publishTemplate', { id: v2.template.id });
    const again = await call('property.getAssessment', { id: a1.assessment.id });
    expect(again.assessment).toMatchObject({ templateId: template.template.id, templateVersion: 1 });
    expect(again.template.template.name).toBe('物业服务质量考评表');
  });

  it('refuse a sheet with an item missing or unanswered, and score bounds written past the handlers', async () => {
    const { a1, attempt, core, score } = await twoEstates();
    const all = entries(a1, { met: true, findings: [], rate: 1000 });
    const missing = await attempt('property.saveAssessmentSheet', { assessmentId: a1.assessment.id, body: 'street', scoredOn: today(), entries: all.slice(1) });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', reason: 'SHEET_INCOMPLETE' } });
    const unanswered = await attempt('property.saveAssessmentSheet', { assessmentId: a1.assessment.id, body: 'street', scoredOn: today(), entries: [{ itemId: all[0]!.itemId }, ...all.slice(1)] });
    expect(unanswered).toMatchObject({ ok: false, error: { fields: [{ path: 'entries.0.met', message: '第 1 项：请选择符合或不符合' }] } });
    const vetoWithoutReason = await attempt('property.saveAssessmentSheet', { assessmentId: a1.assessment.id, body: 'street', scoredOn: today(), entries: [...all.slice(0, 3), { itemId: all[3]!.itemId, vetoed: true }] });
    expect(vetoWithoutReason).toMatchObject({ ok: false, error: { fields: [{ path: 'entries.3.vetoNote', message: '一票否决须写明事由' }] } });
    const saved = await score(a1, 'street', { met: true, findings: [], rate: 1000 });
    const db = rawDb(core);
    expect(() => db.prepare('UPDATE assessment_scores SET score_tenths = standard_tenths + 1 WHERE sheet_id = ?').run(saved.sheets[0]!.id)).toThrow(/CHECK constraint/);
    expect(() => db.prepare('UPDATE assessment_scores SET score_tenths = -1 WHERE sheet_id = ?').run(saved.sheets[0]!.id)).toThrow(/CHECK constraint/);
  });

  it('are made only with a published version, for a company that served the estate, once a period', async () => {
    const { call, attempt, a1, estate2, company, template } = await twoEstates();
    const draft = await call('property.createTemplate', SHEET);
    const base = { period: '2026-Q4', estateId: estate2.placeId, companyId: a1.assessment.companyId };
    expect(await attempt('property.createAssessment', { ...base, templateId: draft.template.id })).toMatchObject({ ok: false, error: { reason: 'COMPANY_NOT_SERVING' } });
    expect(await attempt('property.createAssessment', { ...base, companyId: company.id, estateId: a1.assessment.estateId, templateId: draft.template.id })).toMatchObject({ ok: false, error: { reason: 'TEMPLATE_NOT_PUBLISHED' } });
    expect(await attempt('property.createAssessment', { ...base, companyId: company.id, estateId: a1.assessment.estateId, templateId: template.template.id })).toMatchObject({ ok: false, error: { reason: 'ASSESSMENT_EXISTS' } });
    expect(await attempt('property.createAssessment', { ...base, period: '2026-Q5', templateId: template.template.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('weigh the bodies by the settings, rounding half up to a tenth', async () => {
    const { call, a1, score } = await twoEstates();
    const settings = await call('property.getSettings', {});
    await call('property.updateSettings', { ...settings, assessorWeights: { ...settings.assessorWeights, street: 1, owners_committee: 1, third_party: 0 } });
    await score(a1, 'street', { met: true, findings: ['a', 'b', 'c'], rate: 1000 }); // 40 + 0 + 30 = 70
    const both = await score(a1, 'owners_committee', { met: true, findings: ['a'], rate: 850 }); // 40 + 20 + 18 = 78
    expect(both.scoreTenths).toBe(740);
    // A third-party sheet weighted 0 is kept but does not count.
    const third = await score(a1, 'third_party', { met: false, findings: [], rate: 0 });
    expect(third.sheets).toHaveLength(3);
    expect(third.scoreTenths).toBe(740);
  });
});

describe('the red and black list', () => {
  async function scoredPeriod() {
    const t = await twoEstates();
    // Both 90.0: a tie, sharing rank 1 and the red list.
    await t.score(t.a1, 'street', { met: true, findings: ['楼道堆物'], rate: 1000 });
    await t.score(t.a2, 'street', { met: true, findings: ['垃圾未清'], rate: 960 });
    return t;
  }

  it('ranks ties together, in pinyin order (cui before yang), and is the same bytes every time it is read', async () => {
    const { call } = await scoredPeriod();
    const r = await call('property.getRanking', { period: '2026-Q4' });
    expect(r.entries.map((e) => [e.estateName, e.rank, e.scoreTenths, e.standing])).toEqual([['翠竹苑', 1, 900, 'red'], ['阳光小区', 1, 900, 'red']]);
    const again = await call('property.getRanking', { period: '2026-Q4' });
    expect(JSON.stringify(again.entries)).toBe(JSON.stringify(r.entries));
    expect(r.ruleText).toContain('90 分及以上列入红榜');
  });

  it('publishes a frozen snapshot; a corrected score gives a 更正 revision and the original stays as it was', async () => {
    const { call, attempt, core, a1, score } = await scoredPeriod();
    const first = await call('property.publishList', { period: '2026-Q4' });
    expect(first).toMatchObject({ revision: 1, reason: null, operator: '王芳', rule: { mode: 'threshold', redMinPoints: 90, blackBelowPoints: 60 }, changed: [] });
    expect(await attempt('property.publishList', { period: '2026-Q4' })).toMatchObject({ ok: false, error: { reason: 'LIST_ALREADY_PUBLISHED' } });
    expect(await attempt('property.correctList', { period: '2026-Q4', reason: '无变化' })).toMatchObject({ ok: false, error: { reason: 'LIST_UNCHANGED' } });
    expect(await call('property.listListsToCorrect', {})).toEqual([]);
    const db = rawDb(core);
    const stored = db.prepare('SELECT * FROM assessment_lists WHERE id = ?').get(first.id);

    // The street's sheet for 阳光小区 is corrected: a veto that had been left out.
    await score(a1, 'street', { met: true, findings: ['楼道堆物'], rate: 1000, veto: '发生火灾致人受伤' });
    const pending = await call('property.getRanking', { period: '2026-Q4' });
    expect(pending.differsFromPublished).toBe(true);
    expect(await call('property.listListsToCorrect', {})).toEqual([{ period: '2026-Q4', revision: 1 }]);
    expect(pending.published[0]!.entries.find((e) => e.assessmentId === a1.assessment.id)).toMatchObject({ standing: 'red', vetoed: false });
    expect(await attempt('property.correctList', { period: '2026-Q4', reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    const corrected = await call('property.correctList', { period: '2026-Q4', reason: '补录街道考评的一票否决事项' });
    expect(corrected).toMatchObject({ revision: 2, reason: '补录街道考评的一票否决事项', changed: expect.arrayContaining([a1.assessment.id]) });
    expect(corrected.entries.map((e) => [e.estateName, e.rank, e.standing])).toEqual([['翠竹苑', 1, 'red'], ['阳光小区', 2, 'black']]);
    // The original snapshot: the same row, byte for byte.
    expect(db.prepare('SELECT * FROM assessment_lists WHERE id = ?').get(first.id)).toEqual(stored);
    const r = await call('property.getRanking', { period: '2026-Q4' });
    expect(r.published.map((p) => p.revision)).toEqual([1, 2]);
    expect(r.differsFromPublished).toBe(false);
    expect(await call('property.listListsToCorrect', {})).toEqual([]);
    expect(() => db.prepare("UPDATE assessment_lists SET entries_json = '[]' WHERE id = ?").run(first.id)).toThrow(/不能修改/);
    expect(() => db.prepare('DELETE FROM assessment_lists WHERE id = ?').run(first.id)).toThrow(/不能删除/);
    const audit = await call('system.listAudit', { entity: 'assessment_list', entityId: corrected.id });
    expect(audit.rows[0]).toMatchObject({ action: 'correct' });
    // The overview shows the list as published now — the 更正 revision, from its snapshot, not a fresh ranking.
    await score(a1, 'street', { met: true, findings: [], rate: 1000 });
    expect((await call('property.getDashboard', {})).redBlack).toMatchObject({
      period: '2026-Q4', revision: 2,
      red: [{ estateName: '翠竹苑', rank: 1 }], black: [{ estateName: '阳光小区', rank: 2, vetoed: true }],
    });
  });

  it('is stored as exactly the JSON the ranking reads, with its hash', async () => {
    const { call, core } = await scoredPeriod();
    expect((await call('property.getDashboard', {})).redBlack).toBeNull();
    const live = await call('property.getRanking', { period: '2026-Q4' });
    const first = await call('property.publishList', { period: '2026-Q4' });
    const row = rawDb(core).prepare('SELECT entries_json AS j, entries_sha256 AS h FROM assessment_lists WHERE id = ?').get(first.id) as { j: string; h: string };
    expect(row.j).toBe(JSON.stringify(live.entries));
    expect(row.h).toMatch(/^[0-9a-f]{64}$/);
    expect(first.entriesSha256).toBe(row.h);
  });

  it('follows the top/bottom N rule from the settings', async () => {
    const { call, a2, score } = await scoredPeriod();
    await score(a2, 'street', { met: false, findings: [], rate: 0 }); // 30
    const settings = await call('property.getSettings', {});
    await call('property.updateSettings', { ...settings, listRule: { mode: 'rank', redTop: 1, blackBottom: 1 } });
    const r = await call('property.getRanking', { period: '2026-Q4' });
    expect(r.entries.map((e) => [e.estateName, e.rank, e.standing])).toEqual([['阳光小区', 1, 'red'], ['翠竹苑', 2, 'black']]);
    expect(r.ruleText).toContain('排名前 1 名列入红榜');
  });

  it('refuses to publish a period with nothing scored, and prints a notice, marked 更正 for a correction', async () => {
    const { call, attempt, a1, score } = await scoredPeriod();
    expect(await attempt('property.publishList', { period: '2025' })).toMatchObject({ ok: false, error: { reason: 'NOTHING_TO_PUBLISH' } });
    const first = await call('property.publishList', { period: '2026-Q4' });
    const notice = pdfText((await call('property.printList', { id: first.id })).contentBase64);
    for (const s of ['2026年第四季度物业服务质量考评红黑榜', '红榜（2 个）', '黑榜（0 个）', '阳光小区', '翠竹苑', '90 分及以上列入红榜', '西里街道']) expect(notice).toContain(s);
    expect(notice).not.toContain('更正');
    await score(a1, 'street', { met: false, findings: ['楼道堆物'], rate: 1000 });
    const second = await call('property.correctList', { period: '2026-Q4', reason: '复核后更正阳光小区得分' });
    const file = await call('property.printList', { id: second.id });
    expect(file.fileName).toBe('2026年第四季度物业服务质量考评红黑榜（更正）-第2版.pdf');
    expect(pdfText(file.contentBase64)).toContain('更正说明（第 1 次更正）：复核后更正阳光小区得分');
  });

  it('lists the periods with their assessments and what was published', async () => {
    const { call } = await scoredPeriod();
    expect(await call('property.listAssessmentPeriods', {})).toMatchObject([{ period: '2026-Q4', assessments: 2, scored: 2, revision: 0 }]);
    await call('property.publishList', { period: '2026-Q4' });
    expect(await call('property.listAssessmentPeriods', {})).toMatchObject([{ period: '2026-Q4', revision: 1 }]);
  });
});

describe('a period across the street', () => {
  it('reads its assessments and list revisions from indexes, not table scans', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    const sheets = recorded(db);
    periodSheets(sheets.spy, '2026-Q4');
    expect(sheets.plan(0)).toMatch(/SEARCH a USING INDEX sqlite_autoindex_assessments_\d \(period=\?\)/);
    expect(sheets.plan(0)).not.toMatch(/SCAN/);
    const lists = recorded(db);
    listSnapshots(lists.spy, '2026-Q4');
    expect(lists.plan(0)).toMatch(/SEARCH assessment_lists USING INDEX sqlite_autoindex_assessment_lists_\d \(period=\?\)/);
    db.close();
  });
});

describe('the property settings', () => {
  it('saved before assessments and cards existed read back as they were, with the assessment and card defaults', async () => {
    const { call, core } = await propertyFixture();
    rawDb(core).prepare("UPDATE settings SET value = ? WHERE key = 'property.settings'").run(JSON.stringify({ reelectionLeadMonths: 3, partyRatioTargetPercent: 60, smallEstateMaxHouseholds: null }));
    await call('property.updateSettings', { reelectionLeadMonths: 3, partyRatioTargetPercent: 60, smallEstateMaxHouseholds: null });
    expect(await call('property.getSettings', {})).toEqual({
      reelectionLeadMonths: 3, partyRatioTargetPercent: 60, smallEstateMaxHouseholds: null,
      assessorWeights: { street: 30, residents_committee: 20, housing_bureau: 20, owners_committee: 20, third_party: 10 },
      listRule: { mode: 'threshold', redMinPoints: 90, blackBelowPoints: 60 },
      cardRule: { redAfterYellows: 3, windowMonths: 12 },
    });
  });

  it('refuse all weights at 0 and a black line above the red one', async () => {
    const { call, attempt } = await propertyFixture();
    const s = await call('property.getSettings', {});
    const zero = { street: 0, residents_committee: 0, housing_bureau: 0, owners_committee: 0, third_party: 0 };
    expect(await attempt('property.updateSettings', { ...s, assessorWeights: zero })).toMatchObject({ ok: false, error: { fields: [{ path: 'assessorWeights.street', message: '至少一个考评主体的权重大于 0' }] } });
    expect(await attempt('property.updateSettings', { ...s, listRule: { mode: 'threshold', redMinPoints: 60, blackBelowPoints: 70 } }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'listRule.blackBelowPoints', message: '黑榜分数线不能高于红榜分数线' }] } });
  });
});
