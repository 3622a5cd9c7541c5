import type { Db } from '../../../../db/open';
import { listPeriods, periodSheets } from '../../../../db/property/assessments';
import { getSnapshot, insertSnapshot, listSnapshots, type ListSnapshotRow } from '../../../../db/property/lists';
import { pinyinKeys } from '../../../../db/pinyin';
import { DomainError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { ListEntry, ListSnapshot, propertyContract, Ranking } from '../contract';
import { combinedScore, periodText, rankEntries, ruleText, type AssessorBody, type ListRule, type RankInput } from '../scoring';
import { printList } from './assessment-documents';
import { propertySettings } from './settings';

type C = typeof propertyContract;

/**
 * The period's list from the scores as they are: each assessment's weighted score (bodies weighted 0 not
 * counted), vetoed if any body's sheet vetoed it; assessments without a weighted score and no veto are not ranked.
 * Entries are built key by key, so their JSON is the same bytes for the same scores and rule.
 */
export function currentList(db: Db, period: string, rule: ListRule, weights: Readonly<Record<AssessorBody, number>>): { entries: ListEntry[]; unscored: number } {
  const groups = new Map<string, { base: Omit<RankInput, 'scoreTenths' | 'vetoed' | 'sortKey'>; sheets: { body: AssessorBody; totalTenths: number; vetoed: boolean }[] }>();
  for (const r of periodSheets(db, period)) {
    let g = groups.get(r.assessmentId);
    if (!g) {
      g = { base: { assessmentId: r.assessmentId, estateId: r.estateId, estateName: r.estateName, companyId: r.companyId, companyName: r.companyName }, sheets: [] };
      groups.set(r.assessmentId, g);
    }
    if (r.body !== null) g.sheets.push({ body: r.body, totalTenths: r.totalTenths!, vetoed: r.vetoed === 1 });
  }
  const inputs: (RankInput & { bodies: ListEntry['bodies'] })[] = [];
  let unscored = 0;
  for (const { base, sheets } of groups.values()) {
    const score = combinedScore(sheets, weights);
    const vetoed = sheets.some((s) => s.vetoed);
    if (score === null && !vetoed) {
      unscored++;
      continue;
    }
    const bodies = sheets.map((s) => ({ body: s.body, totalTenths: s.totalTenths }));
    inputs.push({ ...base, sortKey: pinyinKeys(base.estateName, false).sort, scoreTenths: score ?? 0, vetoed, bodies });
  }
  const bodiesOf = new Map(inputs.map((i) => [i.assessmentId, i.bodies]));
  const entries = rankEntries(inputs, rule).map((e): ListEntry => ({
    rank: e.rank,
    standing: e.standing,
    assessmentId: e.assessmentId,
    estateId: e.estateId,
    estateName: e.estateName,
    companyId: e.companyId,
    companyName: e.companyName,
    scoreTenths: e.scoreTenths,
    vetoed: e.vetoed,
    bodies: bodiesOf.get(e.assessmentId)!,
  }));
  return { entries, unscored };
}

const differs = (a: ListEntry, b: ListEntry | undefined) =>
  !b || a.scoreTenths !== b.scoreTenths || a.vetoed !== b.vetoed || a.standing !== b.standing || a.rank !== b.rank;

function parseSnapshots(rows: ListSnapshotRow[]): ListSnapshot[] {
  const out: ListSnapshot[] = [];
  for (const r of rows) {
    const entries = JSON.parse(r.entriesJson) as ListEntry[];
    const previous = out[out.length - 1];
    const before = new Map(previous?.entries.map((e) => [e.assessmentId, e]));
    const changed = previous
      ? [...entries.filter((e) => differs(e, before.get(e.assessmentId))).map((e) => e.assessmentId),
        ...previous.entries.filter((e) => !entries.some((x) => x.assessmentId === e.assessmentId)).map((e) => e.assessmentId)]
      : [];
    out.push({
      id: r.id, period: r.period, revision: r.revision, reason: r.reason, rule: JSON.parse(r.ruleJson) as ListRule, entries, changed,
      entriesSha256: r.entriesSha256, publishedAt: r.publishedAt, operator: r.operator,
    });
  }
  return out;
}

export function ranking(db: Db, period: string): Ranking & { ruleJson: string; entriesJson: string } {
  const { listRule: rule, assessorWeights } = propertySettings(db);
  const { entries, unscored } = currentList(db, period, rule, assessorWeights);
  const rows = listSnapshots(db, period);
  const entriesJson = JSON.stringify(entries);
  const ruleJson = JSON.stringify(rule);
  const latest = rows[rows.length - 1];
  return {
    period, rule, ruleText: ruleText(rule), entries, unscored, published: parseSnapshots(rows),
    differsFromPublished: !!latest && (latest.entriesJson !== entriesJson || latest.ruleJson !== ruleJson),
    ruleJson, entriesJson,
  };
}

function publish(db: Db, period: string, reason: string | null, operator: string): ListSnapshot {
  const r = ranking(db, period);
  if (r.entries.length === 0) throw new DomainError('CONFLICT', `${periodText(period)}还没有可以排名的考评成绩`, 'NOTHING_TO_PUBLISH');
  const revision = r.published.length + 1;
  insertSnapshot(db, { period, revision, reason, ruleJson: r.ruleJson, entriesJson: r.entriesJson }, operator);
  return parseSnapshots(listSnapshots(db, period))[revision - 1]!;
}

export const listHandlers: Pick<
  Handlers<C>,
  'property.getRanking' | 'property.listListsToCorrect' | 'property.publishList' | 'property.correctList' | 'property.printList'
> = {
  'property.getRanking': ({ period }, { db }) => {
    const { ruleJson: _r, entriesJson: _e, ...r } = ranking(db, period);
    return r;
  },

  'property.listListsToCorrect': (_, { db }) =>
    listPeriods(db).filter((p) => p.revision > 0 && ranking(db, p.period).differsFromPublished).map((p) => ({ period: p.period, revision: p.revision })),

  'property.publishList': ({ period }, { db, operator, audit }) => {
    if (listSnapshots(db, period).length > 0) {
      throw new DomainError('CONFLICT', `${periodText(period)}红黑榜已经公布；成绩有变化请发布更正`, 'LIST_ALREADY_PUBLISHED');
    }
    const after = publish(db, period, null, operator);
    audit({ action: 'publish', entity: 'assessment_list', entityId: after.id, after: { period, revision: 1, sha256: after.entriesSha256 } });
    return after;
  },

  /** A 更正 is a new revision with its reason; the earlier ones stay as they were published. */
  'property.correctList': ({ period, reason }, { db, operator, audit }) => {
    const r = ranking(db, period);
    if (r.published.length === 0) throw new DomainError('CONFLICT', `${periodText(period)}红黑榜还没有公布，直接公布即可`, 'LIST_NOT_PUBLISHED');
    if (!r.differsFromPublished) throw new DomainError('CONFLICT', '当前成绩与最近一次公布的红黑榜一致，无需更正', 'LIST_UNCHANGED');
    const after = publish(db, period, reason, operator);
    audit({ action: 'correct', entity: 'assessment_list', entityId: after.id, after: { period, revision: after.revision, reason, changed: after.changed, sha256: after.entriesSha256 } });
    return after;
  },

  'property.printList': async ({ id }, { db, audit }) => {
    const row = getSnapshot(db, id);
    if (!row) throw notFound('红黑榜');
    const snapshot = parseSnapshots(listSnapshots(db, row.period)).find((s) => s.id === id)!;
    const file = await printList(db, snapshot);
    audit({ action: 'print', entity: 'assessment_list', entityId: id, after: { period: row.period, revision: row.revision } });
    return file;
  },
};
