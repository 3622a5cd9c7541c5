import type { Db } from '../open';
import { subtreeRange } from '../pinyin';
import type { BranchCompliance, CompliancePage, ComplianceQuery, MeetingType } from './types';

/**
 * 三会一课 compliance counted in SQL over the kept meeting counts (org_meeting_months, migration 037): per active
 * branch of a subtree, its held meetings of the quarter and how many slots are missing, so the view filters,
 * orders by how far behind and pages without building every branch's report (issue 17).
 *
 * The facts of every branch in scope as CTEs ending in `m` (one row per branch, with `missing`) and their named
 * arguments. Every count is a primary-key seek into org_meeting_months: the branch's groups joined per month in
 * `f` (grouped per branch), the branch's own meetings joined per type and month after it. The judgement columns
 * are plain column references, so the order and filter cost nothing more (correlated subqueries instead were run
 * again at every mention).
 */
function factsSql(q: ComplianceQuery): { sql: string; args: Record<string, unknown>; columns: { type: MeetingType; keys: string[] }[] } {
  const [lo, hi] = subtreeRange(q.scopePath);
  const args: Record<string, unknown> = { lo, hi };
  q.months.forEach((m, i) => (args[`m${i}`] = m));
  const seek = (alias: string, i: number, unit: string, type: string) =>
    `LEFT JOIN org_meeting_months ${alias} ON ${alias}.month = @m${i} AND ${alias}.org_id = ${unit} AND ${alias}.type = @${type}`;
  const groupCols: string[] = [];
  const groupJoins: string[] = [];
  const ownCols: string[] = [];
  const ownJoins: string[] = [];
  const missing: string[] = [];
  // Per slot: 1 when held (a month held early counts before it is over). Held and missing slots are the ones judged so
  // far, whose share held is the dashboard's trend.
  const heldSlots: string[] = [];
  const columns: { type: MeetingType; keys: string[] }[] = [];
  q.rules.forEach((rule, r) => {
    args[`t${r}`] = rule.type;
    const monthly = q.months.map((_, i) => `r${r}_${i}`);
    if (rule.type === 'group') {
      // A month of group meetings is held when every group held one (a branch without groups owes none).
      q.months.forEach((_, i) => {
        groupJoins.push(`${seek(`g${i}`, i, 'g.id', `t${r}`)} AND g${i}.n > 0`);
        groupCols.push(`coalesce(sum(g${i}.n), 0) AS r${r}_${i}`, `count(g${i}.n) AS g${i}`);
        if (q.monthEnded[i]) missing.push(`(g${i} < groups)`);
        heldSlots.push(`(groups > 0 AND g${i} = groups)`);
      });
      columns.push({ type: rule.type, keys: monthly });
      return;
    }
    q.months.forEach((_, i) => ownJoins.push(seek(`a${r}_${i}`, i, 'f.orgId', `t${r}`)));
    const held = q.months.map((_, i) => `coalesce(a${r}_${i}.n, 0)`);
    if (rule.every === 'quarter') {
      ownCols.push(`${held.join(' + ')} AS r${r}`);
      if (q.quarterEnded) missing.push(`(r${r} = 0)`);
      heldSlots.push(`(r${r} > 0)`);
      columns.push({ type: rule.type, keys: [`r${r}`] });
      return;
    }
    held.forEach((h, i) => {
      ownCols.push(`${h} AS r${r}_${i}`);
      if (q.monthEnded[i]) missing.push(`(r${r}_${i} = 0)`);
      heldSlots.push(`(r${r}_${i} > 0)`);
    });
    columns.push({ type: rule.type, keys: monthly });
  });
  const sql = `WITH f AS MATERIALIZED (
      SELECT b.id AS orgId, b.name, b.name_pinyin AS pinyin, b.parent_id, count(g.id) AS groups${groupCols.map((c) => `, ${c}`).join('')}
      FROM orgs b LEFT JOIN orgs g ON g.parent_id = b.id AND g.status = 'active' ${groupJoins.join(' ')}
      WHERE b.level = 'branch' AND b.status = 'active' AND b.path >= @lo AND b.path < @hi
      GROUP BY b.id),
    s AS (SELECT f.*, p.name AS parentName${ownCols.map((c) => `, ${c}`).join('')}
      FROM f LEFT JOIN orgs p ON p.id = f.parent_id ${ownJoins.join(' ')}),
    m AS (SELECT s.*, ${missing.length ? missing.join(' + ') : '0'} AS missing, ${heldSlots.length ? heldSlots.join(' + ') : '0'} AS heldSlots FROM s)`;
  return { sql, args, columns };
}

/**
 * How many branches are in scope and how many of them have a missing slot (the dashboard's two figures), and over
 * all of them the slots judged so far (held, or over and missing) and those missing (the quarter's share held, on the dashboard's trend).
 */
export function complianceCounts(db: Db, q: ComplianceQuery): { branches: number; behind: number; due: number; missing: number } {
  const { sql, args } = factsSql(q);
  const row = db
    .prepare(`${sql} SELECT count(*) AS branches, coalesce(sum(missing > 0), 0) AS behind, coalesce(sum(missing + heldSlots), 0) AS due, coalesce(sum(missing), 0) AS missing FROM m`)
    .get(args);
  return row as { branches: number; behind: number; due: number; missing: number };
}

/**
 * A page of branches, the furthest behind first (then by name) or by name, with the filtered total and the
 * scope's two figures (counted over every branch before the filter, in the same statement).
 */
export function compliancePage(
  db: Db,
  q: ComplianceQuery,
  page: CompliancePage,
): { rows: BranchCompliance[]; total: number; branches: number; behind: number } {
  const { sql, args, columns } = factsSql(q);
  const order = page.order === 'behind' ? 'missing DESC, pinyin, name, orgId' : 'pinyin, name, orgId';
  const raw = db
    .prepare(
      `${sql} SELECT * FROM (SELECT *, count(*) OVER () AS allBranches, sum(missing > 0) OVER () AS allBehind FROM m)
       ${page.onlyBehind ? 'WHERE missing > 0' : ''} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: page.limit, offset: page.offset }) as Record<string, unknown>[];
  // A page past the end carries no row to read the figures from: count them then.
  const counts = raw[0] ? { branches: raw[0].allBranches as number, behind: raw[0].allBehind as number } : scopeFigures(complianceCounts(db, q));
  const rows = raw.map((r): BranchCompliance => {
    const held: BranchCompliance['held'] = {};
    for (const { type, keys } of columns) held[type] = keys.map((k) => r[k] as number);
    return {
      orgId: r.orgId as string,
      name: r.name as string,
      parentName: r.parentName as string | null,
      groups: r.groups as number,
      held,
      groupsHeld: q.months.map((_, i) => (r[`g${i}`] as number | undefined) ?? 0),
      missing: r.missing as number,
    };
  });
  return { rows, total: page.onlyBehind ? counts.behind : counts.branches, ...counts };
}

const scopeFigures = ({ branches, behind }: { branches: number; behind: number }) => ({ branches, behind });

/** The first month with a recorded meeting (the primary key's first rows), or null: before it there are no records. */
export function firstRecordedMonth(db: Db): string | null {
  return db.prepare(`SELECT min(month) FROM org_meeting_months WHERE n > 0`).pluck().get() as string | null;
}
