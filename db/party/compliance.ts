import type { Db } from '../open';
import { subtreeRange } from '../pinyin';
import type { BranchCompliance, CompliancePage, ComplianceQuery, MeetingType } from './types';

/**
 * 三会一课 compliance counted in SQL over the kept quarter counts (org_quarter_meetings, migration 045): per active
 * branch of a subtree, its held meetings of the quarter and how many slots are missing, so the view filters,
 * orders by how far behind and pages without building every branch's report (issue 17).
 *
 * The facts of every branch in scope as CTEs ending in `m` (one row per branch, with `missing`) and their named
 * arguments. Each rule is one primary-key seek per branch — its quarter's row of that type, the branch's own meetings
 * and its groups' month by month — and the group count an index range (orgs_parent_status), materialised so its
 * mentions do not count again. The judgement columns are plain column references, so the order and filter cost
 * nothing more (correlated subqueries instead were run again at every mention).
 */
function factsSql(q: ComplianceQuery): { sql: string; args: Record<string, unknown>; columns: { type: MeetingType; keys: string[] }[] } {
  const [lo, hi] = subtreeRange(q.scopePath);
  const first = q.months[0]!;
  const args: Record<string, unknown> = { lo, hi, quarter: `${first.slice(0, 4)}-Q${(Number(first.slice(5, 7)) + 2) / 3}` };
  const cols: string[] = [];
  const joins: string[] = [];
  const missing: string[] = [];
  // Per slot: 1 when held (a month held early counts before it is over). Held and missing slots are the ones judged so
  // far, whose share held is the dashboard's trend.
  const heldSlots: string[] = [];
  const columns: { type: MeetingType; keys: string[] }[] = [];
  q.rules.forEach((rule, r) => {
    args[`t${r}`] = rule.type;
    const k = `k${r}`;
    joins.push(`LEFT JOIN org_quarter_meetings ${k} ON ${k}.quarter = @quarter AND ${k}.org_id = f.orgId AND ${k}.type = @t${r}`);
    const monthly = q.months.map((_, i) => `r${r}_${i}`);
    if (rule.type === 'group') {
      // A month of group meetings is held when every group held one (a branch without groups owes none).
      q.months.forEach((_, i) => {
        cols.push(`coalesce(${k}.cn${i + 1}, 0) AS r${r}_${i}`, `coalesce(${k}.c${i + 1}, 0) AS g${i}`);
        if (q.monthEnded[i]) missing.push(`(g${i} < groups)`);
        heldSlots.push(`(groups > 0 AND g${i} = groups)`);
      });
      columns.push({ type: rule.type, keys: monthly });
      return;
    }
    if (rule.every === 'quarter') {
      cols.push(`coalesce(${k}.n1 + ${k}.n2 + ${k}.n3, 0) AS r${r}`);
      if (q.quarterEnded) missing.push(`(r${r} = 0)`);
      heldSlots.push(`(r${r} > 0)`);
      columns.push({ type: rule.type, keys: [`r${r}`] });
      return;
    }
    q.months.forEach((_, i) => {
      cols.push(`coalesce(${k}.n${i + 1}, 0) AS r${r}_${i}`);
      if (q.monthEnded[i]) missing.push(`(r${r}_${i} = 0)`);
      heldSlots.push(`(r${r}_${i} > 0)`);
    });
    columns.push({ type: rule.type, keys: monthly });
  });
  const sql = `WITH f AS MATERIALIZED (
      SELECT b.id AS orgId, b.name, b.name_pinyin AS pinyin, b.parent_id,
             (SELECT count(*) FROM orgs g WHERE g.parent_id = b.id AND g.status = 'active') AS groups
      FROM orgs b WHERE b.level = 'branch' AND b.status = 'active' AND b.path >= @lo AND b.path < @hi),
    s AS (SELECT f.*, p.name AS parentName${cols.map((c) => `, ${c}`).join('')}
      FROM f LEFT JOIN orgs p ON p.id = f.parent_id ${joins.join(' ')}),
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
