import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { latestVersion } from '../../db/migrate';
import { complianceCounts, compliancePage } from '../../db/party/compliance';
import type { Db } from '../../db/open';
import { buildCompliance, complianceQuery, complianceRow, type ComplianceRow } from '../../main/api/party/compliance';
import type { MeetingType } from '../../db/party/types';
import { AT, fileAt } from './upgrade-fixture';

/**
 * The window's compliance view counts in SQL (db/party/compliance.ts); buildCompliance counts the same rules in
 * code for package data. On random districts — branches with and without groups, units dissolved, meetings on the
 * quarter's edges, any today — they must give every branch the same slots and missing count.
 */

const types = ['general', 'committee', 'group', 'lecture', 'theme_day'] as const;
const days = ['2026-09-30', '2026-10-01', '2026-10-31', '2026-11-01', '2026-11-30', '2026-12-15', '2026-12-31', '2027-01-01'];
const todays = ['2026-10-15', '2026-10-31', '2026-11-30', '2026-12-30', '2026-12-31', '2027-02-01', '2026-08-01'];

const district = fc.record({
  // Per community, its branches; per branch, its groups and whether it (or a group) is dissolved.
  communities: fc.array(
    fc.array(fc.record({ groups: fc.array(fc.boolean(), { maxLength: 3 }), dissolved: fc.boolean() }), { minLength: 1, maxLength: 4 }),
    { minLength: 1, maxLength: 3 },
  ),
  meetings: fc.array(fc.record({ unit: fc.nat(), type: fc.constantFrom(...types), day: fc.constantFrom(...days) }), { maxLength: 60 }),
  today: fc.constantFrom(...todays),
});

type District = typeof district extends fc.Arbitrary<infer T> ? T : never;

const names = ['阳光', '和平', '安居', '幸福', '东风', '春晖', '北辰', '翠湖'];

function write(db: Db, d: District) {
  const org = db.prepare(`INSERT INTO orgs (id, parent_id, level, kind, name, name_pinyin, path, status, created_at, updated_at, operator)
    VALUES (?, ?, ?, '党组织', ?, ?, ?, ?, ?, ?, '王芳')`);
  const units: string[] = [];
  let n = 0;
  d.communities.forEach((branches, c) => {
    const cid = `c${c}`;
    org.run(cid, null, 'community_committee', `${names[c]}社区党委`, `c${c}`, `/${cid}/`, 'active', AT, AT);
    branches.forEach((b, i) => {
      const bid = `${cid}b${i}`;
      // Names that repeat across communities and pinyin keys out of step with ids: the order is by the key.
      org.run(bid, cid, 'branch', `${names[(i * 3 + c) % names.length]}党支部`, `k${(n++ * 7) % 5}`, `/${cid}/${bid}/`, b.dissolved ? 'dissolved' : 'active', AT, AT);
      units.push(bid);
      b.groups.forEach((active, g) => {
        const gid = `${bid}g${g}`;
        org.run(gid, bid, 'group', `${g + 1}号楼党小组`, `g${g}`, `/${cid}/${bid}/${gid}/`, active ? 'active' : 'dissolved', AT, AT);
        units.push(gid);
      });
    });
  });
  const meeting = db.prepare(`INSERT INTO meetings (id, org_id, type, held_on, topic, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, '学习', ?, ?, '王芳')`);
  d.meetings.forEach((m, i) => meeting.run(`m${i}`, units[m.unit % units.length], m.type, m.day, AT, AT));
}

/** The old way: every branch and every count read out, the report built in code. */
function reference(db: Db, scope: string | null, today: string): ComplianceRow[] {
  const [lo, hi] = scope ? [scope, `${scope}\u{10FFFF}`] : ['', '\u{10FFFF}'];
  const branches = (db.prepare(`SELECT b.id, b.name, p.name AS parentName,
      (SELECT group_concat(g.id) FROM orgs g WHERE g.parent_id = b.id AND g.status = 'active') AS groupIds
    FROM orgs b LEFT JOIN orgs p ON p.id = b.parent_id
    WHERE b.level = 'branch' AND b.status = 'active' AND b.path >= ? AND b.path < ?`).all(lo, hi) as { id: string; name: string; parentName: string | null; groupIds: string | null }[])
    .map((b) => ({ ...b, groupIds: b.groupIds ? b.groupIds.split(',') : [] }));
  // From the meetings themselves, not the kept counts.
  const counts = db.prepare(`SELECT org_id AS orgId, type, substr(held_on, 1, 7) AS month, count(*) AS n FROM meetings GROUP BY 1, 2, 3`)
    .all() as { orgId: string; type: MeetingType; month: string; n: number }[];
  return buildCompliance(2026, 4, branches, counts, today).rows;
}

const all = { onlyBehind: false, order: 'behind' as const, offset: 0, limit: 500 };

describe('compliance counted in SQL', () => {
  const db = fileAt(latestVersion());
  afterAll(() => db.close());

  it('gives every branch the slots and missing count the report built in code gives, within any scope (fast-check)', () => {
    fc.assert(
      fc.property(district, fc.nat(), (d, pick) => {
        db.exec('SAVEPOINT run');
        try {
          write(db, d);
          const scopes = [null, ...(db.prepare(`SELECT path FROM orgs WHERE level = 'community_committee'`).pluck().all() as string[])];
          const scope = scopes[pick % scopes.length]!;
          const q = complianceQuery(2026, 4, scope, d.today);
          const page = compliancePage(db, q, all);
          const sql = page.rows.map((b) => {
            const row = complianceRow(2026, 4, b, d.today);
            expect(b.missing).toBe(row.missing);
            return row;
          });
          const ref = reference(db, scope, d.today);
          const byId = (rows: ComplianceRow[]) => new Map(rows.map((r) => [r.orgId, r]));
          expect(byId(sql)).toEqual(byId(ref));
          expect(page).toMatchObject({ total: ref.length, branches: ref.length, behind: ref.filter((r) => r.missing > 0).length });
          // The trend's share: every slot judged so far (held or missing, not pending), and those missing.
          const judged = ref.flatMap((r) => r.items.flatMap((i) => i.slots)).filter((s) => s.state !== 'pending');
          expect(complianceCounts(db, q)).toEqual({
            branches: page.branches, behind: page.behind, due: judged.length, missing: judged.filter((s) => s.state === 'missing').length,
          });
          // The furthest behind first.
          expect(sql.map((r) => r.missing)).toEqual(ref.map((r) => r.missing).sort((a, b) => b - a));
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('pages, filters to the branches behind and orders by name, each page continuing the last', () => {
    fc.assert(
      fc.property(district, fc.integer({ min: 1, max: 4 }), fc.boolean(), fc.constantFrom('behind' as const, 'name' as const), (d, limit, onlyBehind, order) => {
        db.exec('SAVEPOINT run');
        try {
          write(db, d);
          const q = complianceQuery(2026, 4, null, d.today);
          const whole = compliancePage(db, q, { ...all, onlyBehind, order });
          const paged = [];
          for (let offset = 0; offset < whole.total + limit; offset += limit) {
            const p = compliancePage(db, q, { onlyBehind, order, offset, limit });
            expect(p).toMatchObject({ total: whole.total, branches: whole.branches, behind: whole.behind });
            paged.push(...p.rows);
          }
          expect(paged).toEqual(whole.rows);
          if (onlyBehind) {
            expect(whole.rows.every((r) => r.missing > 0)).toBe(true);
            expect(whole.total).toBe(whole.behind);
          } else expect(whole.total).toBe(whole.branches);
          const keys = db.prepare('SELECT id, name_pinyin FROM orgs').all() as { id: string; name_pinyin: string }[];
          const key = new Map(keys.map((k) => [k.id, k.name_pinyin]));
          const sorted = [...whole.rows].sort((a, b) =>
            (order === 'behind' ? b.missing - a.missing : 0) || (key.get(a.orgId)! < key.get(b.orgId)! ? -1 : key.get(a.orgId)! > key.get(b.orgId)! ? 1 : 0));
          expect(whole.rows.map((r) => [r.missing, key.get(r.orgId)])).toEqual(sorted.map((r) => [r.missing, key.get(r.orgId)]));
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 40 },
    );
  });
});
