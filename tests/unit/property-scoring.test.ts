import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TemplateInput } from '../../main/api/property/assessment-schemas';
import {
  combinedScore,
  DEFAULT_ASSESSOR_WEIGHTS,
  itemScore,
  periodText,
  rankEntries,
  roundHalfUp,
  templateProblems,
  type ItemRule,
  type RankInput,
} from '../../main/api/property/scoring';
import { STARTER_TEMPLATE } from '../../main/api/property/starter-template';

const rule = (r: Partial<ItemRule> & Pick<ItemRule, 'method' | 'pointsTenths'>): ItemRule =>
  ({ perFindingTenths: null, bandFullPermille: null, bandPartPermille: null, bandPartTenths: null, ...r });

describe('an item\'s score', () => {
  it('binary: 符合 full, 不符合 0', () => {
    const item = rule({ method: 'binary', pointsTenths: 50 });
    expect(itemScore(item, { met: true })).toBe(50);
    expect(itemScore(item, { met: false })).toBe(0);
  });

  it('deduction: each finding off, never below 0 however many', () => {
    const item = rule({ method: 'deduction', pointsTenths: 50, perFindingTenths: 15 });
    expect(itemScore(item, { findings: [] })).toBe(50);
    expect(itemScore(item, { findings: ['楼道堆物'] })).toBe(35);
    expect(itemScore(item, { findings: ['a', 'b', 'c'] })).toBe(5);
    expect(itemScore(item, { findings: ['a', 'b', 'c', 'd'] })).toBe(0);
    expect(itemScore(item, { findings: Array.from({ length: 40 }, () => 'x') })).toBe(0);
  });

  it('band: full at ≥ the full rate, part at ≥ the part rate (the edges included), else 0', () => {
    const item = rule({ method: 'band', pointsTenths: 100, bandFullPermille: 950, bandPartPermille: 800, bandPartTenths: 60 });
    expect(itemScore(item, { ratePermille: 1000 })).toBe(100);
    expect(itemScore(item, { ratePermille: 950 })).toBe(100);
    expect(itemScore(item, { ratePermille: 949 })).toBe(60);
    expect(itemScore(item, { ratePermille: 800 })).toBe(60);
    expect(itemScore(item, { ratePermille: 799 })).toBe(0);
  });

  it('veto: carries no points either way', () => {
    const item = rule({ method: 'veto', pointsTenths: 0 });
    expect(itemScore(item, { vetoed: true })).toBe(0);
    expect(itemScore(item, { vetoed: false })).toBe(0);
  });

  it('is always between 0 and the item\'s standard, whatever is entered', () => {
    const items = fc.oneof(
      fc.integer({ min: 0, max: 200 }).map((p) => rule({ method: 'binary', pointsTenths: p })),
      fc.integer({ min: 1, max: 200 }).chain((p) => fc.integer({ min: 1, max: p }).map((d) => rule({ method: 'deduction', pointsTenths: p, perFindingTenths: d }))),
      fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })).chain(([p, a, b]) =>
        fc.integer({ min: 0, max: p }).map((part) => rule({ method: 'band', pointsTenths: p, bandFullPermille: Math.max(a, b), bandPartPermille: Math.min(a, b), bandPartTenths: part }))),
    );
    const entries = fc.record({ met: fc.boolean(), findings: fc.array(fc.string(), { maxLength: 60 }), ratePermille: fc.integer({ min: 0, max: 1000 }) });
    fc.assert(fc.property(items, entries, (item, entry) => {
      const s = itemScore(item, entry);
      return Number.isInteger(s) && s >= 0 && s <= item.pointsTenths;
    }));
  });
});

describe('a template\'s totals', () => {
  const item = (pointsTenths: number) => ({ method: 'binary' as const, pointsTenths });

  it('pass when items add up to their categories and categories to 100', () => {
    expect(templateProblems({ totalTenths: 1000, categories: [{ name: '基础管理', pointsTenths: 600, items: [item(300), item(300)] }, { name: '环境', pointsTenths: 400, items: [item(400)] }] })).toEqual([]);
  });

  it('refuse the 130-point sheet in circulation, naming the gap', () => {
    const categories = [300, 300, 300, 400].map((p, i) => ({ name: `类别${i + 1}`, pointsTenths: p, items: [item(p)] }));
    expect(templateProblems({ totalTenths: 1000, categories })).toEqual([
      { path: 'totalTenths', message: '各类别合计 130 分，比总分 100 分多 30 分' },
    ]);
    // Declaring the sheet out of 130 is refused too: the list's thresholds are on 100.
    expect(templateProblems({ totalTenths: 1300, categories }).map((p) => p.message)).toEqual([
      '考评表总分应为 100 分（红黑榜分数线按百分制），现为 130 分',
    ]);
  });

  it('name a category whose items fall short, in half points too, and one without items', () => {
    const problems = templateProblems({
      totalTenths: 1000,
      categories: [
        { name: '秩序维护', pointsTenths: 500, items: [item(200), item(255)] },
        { name: '设施设备', pointsTenths: 500, items: [] },
      ],
    });
    expect(problems).toEqual([
      { path: 'categories.0.pointsTenths', message: '“秩序维护”各项合计 45.5 分，比类别分值 50 分少 4.5 分' },
      { path: 'categories.1.items', message: '“设施设备”还没有考评项目' },
    ]);
  });

  it('count no points for veto items', () => {
    expect(templateProblems({ totalTenths: 1000, categories: [{ name: '全部', pointsTenths: 1000, items: [item(1000), { method: 'veto', pointsTenths: 0 }] }] })).toEqual([]);
  });

  it('hold for the starter draft', () => {
    const t = TemplateInput.parse(STARTER_TEMPLATE);
    expect(templateProblems(t)).toEqual([]);
    expect(t.categories.flatMap((c) => c.items.map((i) => i.method))).toEqual(expect.arrayContaining(['binary', 'deduction', 'band', 'veto']));
  });
});

describe('several assessor bodies', () => {
  it('combine as Σ weight × total / Σ weight in integers, over the bodies that scored', () => {
    expect(combinedScore([{ body: 'street', totalTenths: 900 }], DEFAULT_ASSESSOR_WEIGHTS)).toBe(900);
    // 30 × 90 + 20 × 80 = 4300 over 50 → 86.0
    expect(combinedScore([{ body: 'street', totalTenths: 900 }, { body: 'owners_committee', totalTenths: 800 }], DEFAULT_ASSESSOR_WEIGHTS)).toBe(860);
    expect(combinedScore([], DEFAULT_ASSESSOR_WEIGHTS)).toBeNull();
    // A body weighted 0 is not counted.
    expect(combinedScore([{ body: 'third_party', totalTenths: 500 }], { ...DEFAULT_ASSESSOR_WEIGHTS, third_party: 0 })).toBeNull();
  });

  it('round half up to a tenth of a point at the .5 boundary, and down below it', () => {
    const even = { ...DEFAULT_ASSESSOR_WEIGHTS, street: 1, owners_committee: 1 };
    // (90.0 + 90.1) / 2 = 90.05 → 90.1
    expect(combinedScore([{ body: 'street', totalTenths: 900 }, { body: 'owners_committee', totalTenths: 901 }], even)).toBe(901);
    // 2 × 90.0 + 90.1 over 3 = 90.0333 → 90.0; 90.0 + 2 × 90.1 over 3 = 90.0667 → 90.1
    const twoToOne = { ...even, street: 2 };
    expect(combinedScore([{ body: 'street', totalTenths: 900 }, { body: 'owners_committee', totalTenths: 901 }], twoToOne)).toBe(900);
    expect(combinedScore([{ body: 'street', totalTenths: 901 }, { body: 'owners_committee', totalTenths: 900 }], twoToOne)).toBe(901);
    expect(roundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUp(4, 2)).toBe(2);
    expect(roundHalfUp(149, 100)).toBe(1);
    expect(roundHalfUp(150, 100)).toBe(2);
  });
});

describe('the ranking', () => {
  const entry = (id: string, score: number, opts: Partial<RankInput> = {}): RankInput => ({
    assessmentId: id, estateId: `e-${id}`, estateName: `小区${id}`, sortKey: `xiao qu ${id}`, companyId: 'c', companyName: '物业',
    scoreTenths: score, vetoed: false, ...opts,
  });

  it('shares ranks between ties (1, 2, 2, 4) and lists them by name', () => {
    const r = rankEntries([entry('d', 700), entry('c', 880), entry('b', 880), entry('a', 955)], { mode: 'threshold', redMinPoints: 90, blackBelowPoints: 60 });
    expect(r.map((e) => [e.assessmentId, e.rank, e.standing])).toEqual([['a', 1, 'red'], ['b', 2, 'none'], ['c', 2, 'none'], ['d', 4, 'none']]);
  });

  it('thresholds: red ≥ 90, black < 60, the edges exactly; a veto is black and last whatever its score', () => {
    const r = rankEntries([entry('a', 900), entry('b', 899), entry('c', 600), entry('d', 599), entry('v', 990, { vetoed: true })], { mode: 'threshold', redMinPoints: 90, blackBelowPoints: 60 });
    expect(r.map((e) => [e.assessmentId, e.rank, e.standing])).toEqual([
      ['a', 1, 'red'], ['b', 2, 'none'], ['c', 3, 'none'], ['d', 4, 'black'], ['v', 5, 'black'],
    ]);
  });

  it('top and bottom N: ties at the edge are all in', () => {
    const entries = [entry('a', 950), entry('b', 900), entry('c', 900), entry('d', 800), entry('e', 700), entry('f', 700)];
    const r = rankEntries(entries, { mode: 'rank', redTop: 2, blackBottom: 1 });
    expect(r.map((e) => [e.assessmentId, e.rank, e.standing])).toEqual([
      ['a', 1, 'red'], ['b', 2, 'red'], ['c', 2, 'red'], ['d', 4, 'none'], ['e', 5, 'black'], ['f', 5, 'black'],
    ]);
  });

  it('is the same bytes whatever order the entries come in', () => {
    const scores = fc.array(fc.record({ score: fc.integer({ min: 0, max: 1000 }).map((s) => s - (s % 50)), vetoed: fc.boolean() }), { minLength: 1, maxLength: 30 });
    fc.assert(fc.property(scores, fc.nat(), (list, seed) => {
      const entries = list.map((s, i) => entry(String(i).padStart(2, '0'), s.score, { vetoed: s.vetoed }));
      const shuffled = [...entries].sort((a, b) => ((a.assessmentId.charCodeAt(1) * 31 + seed) % 7) - ((b.assessmentId.charCodeAt(1) * 31 + seed) % 7));
      const rule = { mode: 'threshold' as const, redMinPoints: 90, blackBelowPoints: 60 };
      const a = JSON.stringify(rankEntries(entries, rule));
      return a === JSON.stringify(rankEntries(shuffled, rule)) && a === JSON.stringify(rankEntries([...entries].reverse(), rule));
    }));
  });
});

describe('periods', () => {
  it('read as the office writes them', () => {
    expect(['2026', '2026-H1', '2026-H2', '2026-Q4', '2026-11'].map(periodText)).toEqual(['2026年度', '2026年上半年', '2026年下半年', '2026年第四季度', '2026年11月']);
  });
});
