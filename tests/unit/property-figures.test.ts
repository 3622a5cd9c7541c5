import fc from 'fast-check';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { estatesWithoutFigures, FEES, feeSums, latestPeriod, SURVEYS, surveySums } from '../../db/property/figures';
import { currentRosterShapes } from '../../db/property/overview';
import { combined, permille, permilleText, reaches } from '../../main/api/common/rates';
import { quarterOf, quartersUpTo, reportingQuarter, shiftQuarter } from '../../main/api/property/figures';
import { inMoment, tempDir } from './helpers';
import { propertyFixture, today } from './property-fixture';

/** The fixture's street with a second estate, 明珠花园 (1,200 households), given a profile. */
async function figuresFixture() {
  const t = await propertyFixture();
  const place = await t.call('party.createPlace', { kind: 'estate', parentId: t.community.id, name: '明珠花园', households: 1200 });
  const other = await t.call('property.createEstate', { placeId: place.id, management: 'self' });
  const auditCount = async () => (await t.call('system.listAudit', {})).total;
  const sunny = t.propertyEstate.placeId;
  return { ...t, sunny, pearl: other.placeId, auditCount };
}

const survey = (estateId: string, over: Record<string, unknown> = {}) => ({
  estateId, households: 420, sampleSize: 100, reached: 80, satisfied: 50, mostlySatisfied: 22, unsatisfied: 8, ...over,
});

describe('rates in integers', () => {
  it('are tenths of a percent, halves up, and 100.0% only when the whole is reached', () => {
    expect(permille({ num: 9, den: 10 })).toBe(900);
    expect(permille({ num: 1, den: 8 })).toBe(125);
    expect(permille({ num: 2, den: 3 })).toBe(667);
    expect(permille({ num: 1, den: 3 })).toBe(333);
    // The half: 0.05% reads 0.1%, 0.0499…% reads 0.0%.
    expect(permille({ num: 1, den: 2000 })).toBe(1);
    expect(permille({ num: 1, den: 2001 })).toBe(0);
    // The top: one fen unpaid of ¥20.00 is 99.95% — it reads 99.9%, not 100.0%; 100.0% only when nothing is unpaid.
    expect(permille({ num: 1999, den: 2000 })).toBe(999);
    expect(permille({ num: 199_999, den: 200_000 })).toBe(999);
    expect(permille({ num: 2000, den: 2000 })).toBe(1000);
    expect(permille({ num: 0, den: 5 })).toBe(0);
    expect(permille({ num: 0, den: 0 })).toBeNull();
    expect([504, 0, 1000, 999, 5].map(permilleText)).toEqual(['50.4%', '0.0%', '100.0%', '99.9%', '0.5%']);
    expect(permilleText(null)).toBe('—');
  });

  it('compare with a target exactly, not on the rounded figure', () => {
    expect(reaches({ num: 9, den: 10 }, 90)).toBe(true);
    expect(reaches({ num: 8999, den: 10000 }, 90)).toBe(false);
    // 89.96% is shown as 90.0% and still does not meet 90%: the standard is asked of the counts.
    expect(permille({ num: 89996, den: 100000 })).toBe(900);
    expect(reaches({ num: 89996, den: 100000 }, 90)).toBe(false);
    expect(reaches({ num: 0, den: 0 }, 0)).toBe(false);
  });

  it('are within half a tenth of the exact share for any amounts, street-sized sums included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 45 }), fc.integer({ min: 0, max: 1000 }), (den, share) => {
        const num = Math.floor((den * share) / 1000);
        const p = BigInt(permille({ num, den })!);
        // |p/1000 − num/den| ≤ 1/2000, or the cap just below the whole (then it is within a tenth).
        const error = p * 2n * BigInt(den) - BigInt(num) * 2000n;
        const capped = p === 999n && num < den && BigInt(num) * 2000n >= 1999n * BigInt(den);
        return capped || (error <= BigInt(den) && error > -BigInt(den) - 1n);
      }),
    );
  });

  it('over several estates lie between the estates\' own rates, whatever the amounts (a weighted share, not a mean)', () => {
    const row = fc.integer({ min: 1, max: 10 ** 10 }).chain((den) => fc.record({ num: fc.integer({ min: 0, max: den }), den: fc.constant(den) }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const street = combined(rows);
        const rates = rows.map(permille) as number[];
        // Exactly: min(num/den) ≤ Σnum/Σden ≤ max(num/den), so the rounded rate is within the rounded extremes.
        const p = permille(street)!;
        return p >= Math.min(...rates) && p <= Math.max(...rates);
      }),
    );
  });

  it('over several estates are Σ numerators / Σ denominators (10,000 fen at 90% and 1,000,000 at 50% → 50.4%, not 70%)', () => {
    const share = combined([{ num: 9_000, den: 10_000 }, { num: 500_000, den: 1_000_000 }]);
    expect(share).toEqual({ num: 509_000, den: 1_010_000 });
    expect(permilleText(permille(share))).toBe('50.4%');
  });
});

describe('quarters', () => {
  it('are the period the figures are reported for; the reporting quarter is the last one ended', () => {
    expect(quarterOf('2026-08-31')).toBe('2026-Q3');
    expect(quarterOf('2026-12-31')).toBe('2026-Q4');
    expect(shiftQuarter('2026-Q1', -1)).toBe('2025-Q4');
    expect(shiftQuarter('2025-Q4', 5)).toBe('2027-Q1');
    expect(reportingQuarter('2026-01-01')).toBe('2025-Q4');
    expect(quartersUpTo('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
  });
});

describe('fee collection', () => {
  it('consolidates the street by amounts: the issue case through the channels', async () => {
    const { call, sunny, pearl } = await figuresFixture();
    await call('property.saveFees', {
      period: '2026-Q3',
      rows: [
        { estateId: sunny, receivableFen: '100.00', unpaidFen: '10.00' },
        { estateId: pearl, receivableFen: '10,000', unpaidFen: '5,000', arrearsCollectedFen: '¥1,200.50' },
      ],
    });
    const grid = await call('property.getFeePeriod', { period: '2026-Q3' });
    expect(grid.estates.map((e) => [e.estateName, e.row?.collectionPermille])).toEqual([['明珠花园', 500], ['阳光小区', 900]]);
    expect(grid.totals).toMatchObject({
      estates: 2, receivableFen: 1_010_000, unpaidFen: 501_000, arrearsCollectedFen: 120_050, collectionPermille: 504,
    });
    // 清欠 is kept apart: it does not raise the period's rate.
    expect(grid.estates.find((e) => e.estateId === pearl)!.row!.collectionPermille).toBe(500);
    const dash = await call('property.getDashboard', {});
    expect(dash.fees).toMatchObject({ period: '2026-Q3', estates: 2, collectionPermille: 504 });
  });

  it('refuses amounts that do not add up, with Chinese field messages, and writes nothing', async () => {
    const { attempt, sunny, auditCount } = await figuresFixture();
    const before = await auditCount();
    const refused = async (row: Record<string, unknown>, period = '2026-Q3') => {
      const env = await attempt('property.saveFees', { period, rows: [{ estateId: sunny, ...row }] });
      expect(env.ok).toBe(false);
      return (env as { error: { fields: { path: string; message: string }[] } }).error.fields;
    };
    expect(await refused({ receivableFen: '100', unpaidFen: '100.01' })).toEqual([{ path: 'rows.0.unpaidFen', message: '未缴金额不能超过应收金额' }]);
    expect(await refused({ receivableFen: '0', unpaidFen: '0' })).toEqual([{ path: 'rows.0.receivableFen', message: '应收金额应大于 0' }]);
    expect(await refused({ receivableFen: '1.234', unpaidFen: '-1' })).toEqual([
      { path: 'rows.0.receivableFen', message: '应收金额最多两位小数（到分）' },
      { path: 'rows.0.unpaidFen', message: '未缴金额不能为负数' },
    ]);
    expect(await refused({ receivableFen: 100, unpaidFen: '' })).toEqual([
      { path: 'rows.0.receivableFen', message: '请填写应收金额（文字形式，例如 1,234.56）' },
      { path: 'rows.0.unpaidFen', message: '请填写未缴金额' },
    ]);
    expect(await refused({ receivableFen: '100', unpaidFen: '0' }, '2027-Q1')).toEqual([{ path: 'period', message: '统计季度不能晚于本季度' }]);
    expect(await refused({ receivableFen: '100', unpaidFen: '0' }, '2026Q3')).toEqual([{ path: 'period', message: '统计季度应写作 2026-Q3' }]);
    const stranger = await attempt('property.saveFees', {
      period: '2026-Q3', rows: [{ estateId: sunny, receivableFen: '100', unpaidFen: '0' }, { estateId: 'no-such-estate', receivableFen: '100', unpaidFen: '0' }],
    });
    // The first row is not written either: one write, all or nothing.
    expect(stranger).toMatchObject({ ok: false, error: { fields: [{ path: 'rows.1.estateId', message: '请选择已建立物业档案的小区' }] } });
    expect(await auditCount()).toBe(before);
  });
});

describe('satisfaction surveys', () => {
  it('count 满意 and 基本满意 as satisfied, of the questionnaires; coverage of the households', async () => {
    const { call, sunny, pearl } = await figuresFixture();
    // An estate not yet surveyed is listed with its households from the places register (the grid starts from them).
    const empty = await call('property.getSurveyPeriod', { period: '2026-Q3' });
    expect(empty.estates.map((e) => [e.estateName, e.households, e.row])).toEqual([['明珠花园', 1200, null], ['阳光小区', 420, null]]);
    expect(empty.totals).toMatchObject({ estates: 0, satisfactionPermille: null });
    await call('property.saveSurveys', {
      period: '2026-Q3',
      rows: [survey(sunny), survey(pearl, { households: 1200, sampleSize: 300, reached: 300, satisfied: 150, mostlySatisfied: 60, unsatisfied: 90 })],
    });
    const grid = await call('property.getSurveyPeriod', { period: '2026-Q3' });
    const sunnyRow = grid.estates.find((e) => e.estateId === sunny)!.row!;
    expect(sunnyRow).toMatchObject({ satisfactionPermille: 900, coveragePermille: 190 });
    // Street: (72 + 210) / (80 + 300) = 74.2%, not the mean of 90% and 70%; reached 380 of 1,620 households.
    expect(grid.totals).toMatchObject({ estates: 2, reached: 380, households: 1620, satisfactionPermille: 742, coveragePermille: 235 });
  });

  it('refuses counts that do not add up, field by field, and writes nothing', async () => {
    const { attempt, sunny, auditCount } = await figuresFixture();
    const before = await auditCount();
    const fields = async (over: Record<string, unknown>) => {
      const env = await attempt('property.saveSurveys', { period: '2026-Q3', rows: [survey(sunny, over)] });
      expect(env.ok).toBe(false);
      return (env as { error: { fields: { path: string; message: string }[] } }).error.fields;
    };
    expect(await fields({ sampleSize: 500 })).toEqual([{ path: 'rows.0.sampleSize', message: '抽样户数不能超过总户数（420 户）' }]);
    expect(await fields({ reached: 120, satisfied: 90, mostlySatisfied: 22 })).toEqual([{ path: 'rows.0.reached', message: '有效问卷不能超过抽样户数（100 户）' }]);
    expect(await fields({ unsatisfied: 3 })).toEqual([{ path: 'rows.0.unsatisfied', message: '满意、基本满意、不满意合计 75 份，应等于有效问卷 80 份' }]);
    expect(await fields({ reached: 0, satisfied: 0, mostlySatisfied: 0, unsatisfied: 0 })).toEqual([{ path: 'rows.0.reached', message: '有效问卷至少为 1' }]);
    expect(await fields({ households: undefined, satisfied: 2.5 })).toEqual([
      { path: 'rows.0.households', message: '请填写总户数' },
      { path: 'rows.0.satisfied', message: '满意应为整数' },
    ]);
    const twice = await attempt('property.saveSurveys', { period: '2026-Q3', rows: [survey(sunny), survey(sunny)] });
    expect(twice).toMatchObject({ ok: false, error: { fields: [{ path: 'rows.1.estateId', message: '同一小区在一个季度只登记一次' }] } });
    expect(await auditCount()).toBe(before);
  });
});

describe('corrections', () => {
  it('edit the row with an audit entry of before and after; an unchanged row is not written again; a delete keeps the row in the log', async () => {
    const { call, sunny, pearl } = await figuresFixture();
    const first = await call('property.saveFees', { period: '2026-Q3', rows: [{ estateId: sunny, receivableFen: '100', unpaidFen: '54' }] });
    expect(first).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const again = await call('property.saveFees', {
      period: '2026-Q3',
      rows: [{ estateId: sunny, receivableFen: '100.00', unpaidFen: '6' }, { estateId: pearl, receivableFen: '50', unpaidFen: '0' }],
    });
    expect(again).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(await call('property.saveFees', { period: '2026-Q3', rows: [{ estateId: sunny, receivableFen: '100', unpaidFen: '6.00' }] }))
      .toEqual({ created: 0, updated: 0, unchanged: 1 });
    const audit = (await call('system.listAudit', {})).rows.filter((r) => r.entity === 'property_fee');
    expect(audit.map((r) => r.action).sort()).toEqual(['create', 'create', 'update']);
    const update = audit.find((r) => r.action === 'update')!;
    expect(JSON.parse(update.before!)).toMatchObject({ unpaidFen: 5400 });
    expect(JSON.parse(update.after!)).toMatchObject({ unpaidFen: 600 });
    const row = (await call('property.getFeePeriod', { period: '2026-Q3' })).estates.find((e) => e.estateId === sunny)!.row!;
    await call('property.deleteFee', { id: row.id });
    expect((await call('property.getFeePeriod', { period: '2026-Q3' })).estates.find((e) => e.estateId === sunny)!.row).toBeNull();
  });

  it('keep an estate with figures from being deleted', async () => {
    const { call, attempt, pearl } = await figuresFixture();
    await call('property.saveSurveys', { period: '2026-Q3', rows: [survey(pearl, { households: 1200 })] });
    expect(await attempt('property.deleteEstate', { id: pearl })).toMatchObject({ ok: false, error: { reason: 'ESTATE_IN_USE' } });
  });
});

describe('the trend of an estate', () => {
  it('lists its quarters oldest first with both rates (凯乐花园: 46% → 94%)', async () => {
    const { call, sunny } = await figuresFixture();
    for (const [period, unpaid] of [['2026-Q1', '54'], ['2026-Q4', '6'], ['2026-Q2', '30']] as const) {
      await call('property.saveFees', { period, rows: [{ estateId: sunny, receivableFen: '100', unpaidFen: unpaid }] });
    }
    await call('property.saveSurveys', { period: '2026-Q2', rows: [survey(sunny)] });
    const trend = await call('property.getEstateTrend', { estateId: sunny });
    expect(trend.periods.map((p) => [p.period, p.collectionPermille, p.satisfactionPermille])).toEqual([
      ['2026-Q1', 460, null], ['2026-Q2', 700, 900], ['2026-Q4', 940, null],
    ]);
  });
});

describe('the overview (概览)', () => {
  it('counts estates, committees, overdue resolutions, the latest figures and the gaps against a fixture', async () => {
    const { call, sunny, pearl, residents } = await figuresFixture();
    // 阳光小区: a current term of 5 with no party members (below 50%), ending within six months → 应启动换届.
    await call('property.createTerm', {
      estateId: sunny, termNo: 1, electedOn: '2022-03-01', startsOn: '2022-03-01', endsOn: '2027-02-28', members: residents(5),
    });
    await call('property.createJointMeeting', {
      estateId: sunny, heldOn: '2026-11-01', convener: '张书记', attendees: [], topics: ['楼道堆物'],
      resolutions: [{ content: '清理楼道', responsibleParty: 'property_company', dueOn: '2026-11-15' }],
    });
    await call('property.saveFees', { period: '2026-Q2', rows: [{ estateId: sunny, receivableFen: '100', unpaidFen: '54' }] });
    await call('property.saveFees', { period: '2026-Q3', rows: [{ estateId: sunny, receivableFen: '100', unpaidFen: '10' }] });
    await call('property.saveSurveys', { period: '2026-Q1', rows: [survey(pearl, { households: 1200 })] });

    const dash = await call('property.getDashboard', {});
    expect(dash.reportingPeriod).toBe('2026-Q3');
    expect(dash.estates).toEqual({ total: 2, byManagement: { company: 1, self: 1, abandoned: 0 } });
    expect(dash.committees).toEqual({ current: 1, meets: 0, below: 1, notFormed: 0, targetPercent: 50, reelectionDue: 1, overdue: 0 });
    expect(dash.resolutions.overdue).toBe(1);
    expect(dash.resolutions.oldest.map((r) => r.content)).toEqual(['清理楼道']);
    expect(dash.fees).toMatchObject({ period: '2026-Q3', estates: 1, collectionPermille: 900 });
    expect(dash.surveys).toMatchObject({ period: '2026-Q1', estates: 1, satisfactionPermille: 900 });
    expect(dash.trend.map((p) => p.period)).toEqual(quartersUpTo('2026-Q4', 8));
    expect(dash.trend.slice(-4).map((p) => [p.collectionPermille, p.satisfactionPermille])).toEqual([[null, 900], [460, null], [900, null], [null, null]]);
    // 明珠花园 has no fee figures for 2026-Q3; 阳光小区 no survey in the four quarters to 2026-Q3.
    expect(dash.missing).toEqual({ fees: 1, surveys: 1 });
    const gaps = await call('property.listFigureGaps', {});
    expect(gaps).toMatchObject({ period: '2026-Q3', surveysSince: '2025-Q4' });
    expect(gaps.fees.map((e) => e.estateName)).toEqual(['明珠花园']);
    expect(gaps.surveys.map((e) => e.estateName)).toEqual(['阳光小区']);
    expect(today()).toBe('2026-12-02');
  });

  it('is empty but whole on a street with no estates', async () => {
    const { call } = await propertyFixture();
    await call('property.deleteEstate', { id: (await call('property.listEstates', {})).rows[0]!.placeId });
    const dash = await call('property.getDashboard', {});
    expect(dash).toMatchObject({ estates: { total: 0 }, fees: null, surveys: null, missing: { fees: 0, surveys: 0 } });
    expect(dash.trend.every((p) => p.collectionPermille === null && p.satisfactionPermille === null)).toBe(true);
  });
});

describe('the street-wide aggregates', () => {
  it('read the covering and unique indexes, not the tables', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    const plan = (sql: string, ...args: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
    const recorded: { sql: string; args: unknown[] }[] = [];
    const spy = new Proxy(db, {
      get(target, prop) {
        if (prop !== 'prepare') return Reflect.get(target, prop, target) as unknown;
        return (sql: string) => {
          const st = target.prepare(sql);
          return { all: (...a: unknown[]) => (recorded.push({ sql, args: a }), st.all(...a)), get: (...a: unknown[]) => (recorded.push({ sql, args: a }), st.get(...a)) };
        };
      },
    });
    feeSums(spy, '2025-Q1', '2026-Q4');
    surveySums(spy, '2025-Q1', '2026-Q4');
    latestPeriod(spy, FEES, '2026-Q4');
    estatesWithoutFigures(spy, SURVEYS, '2025-Q4', '2026-Q3');
    currentRosterShapes(spy, '2026-12-02');
    const [fees, surveys, latest, gaps, rosters] = recorded.map((r) => plan(r.sql, ...r.args));
    expect(fees).toMatch(/SEARCH property_fees USING COVERING INDEX property_fees_period \(period>\? AND period<\?\)/);
    expect(surveys).toMatch(/SEARCH property_surveys USING COVERING INDEX property_surveys_period \(period>\? AND period<\?\)/);
    expect(latest).toMatch(/COVERING INDEX property_fees_period/);
    expect(gaps).toMatch(/SEARCH f USING COVERING INDEX property_surveys_estate \(estate_id=\? AND period>\? AND period<\?\)/);
    for (const p of [fees, surveys, latest, gaps]) expect(p).not.toMatch(/SCAN (f|property_fees|property_surveys)\b/);
    // The current committees walk the terms once (each estate's latest is wanted); successors and rosters by index.
    expect(rosters).toMatch(/SEARCH s USING COVERING INDEX committee_terms_estate \(estate_id=\? AND starts_on>\? AND starts_on<\?\)/);
    expect(rosters).toMatch(/SEARCH m USING INDEX committee_members_term \(term_id=\?\)/);
    db.close();
  });
});
