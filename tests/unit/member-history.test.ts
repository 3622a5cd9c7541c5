import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { latestVersion } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { memberEventsDate } from '../../db/migrations/044_member_events_date';
import { membersAt, type CategoryCounts } from '../../db/party/member-history';
import type { Db } from '../../db/open';
import { recorded } from './query-plan';
import { AT, fileAt, partyData, rows, upgrade } from './upgrade-fixture';

/**
 * membersAt counts back from today's kept counts over the window's movements (db/party/member-history.ts). On random
 * registers — members joining, leaving, dying and readmitted any number of times, before and inside the window, some
 * with no recorded entry, every history alternating as the API keeps it — it must give what replaying every
 * member's history forward from its beginning gives.
 */

const categories = ['community', 'in_service', 'migrant'] as const;
const eventDays = ['1999-05-01', '2025-11-30', '2025-12-01', '2026-01-31', '2026-02-01', '2026-06-15', '2026-06-30', '2026-11-30', '2026-12-02', '2026-12-20'];
const ends = ['2026-01-31', '2026-02-28', '2026-06-30', '2026-07-31', '2026-11-30', '2026-12-02'];

const register = fc.array(
  fc.record({
    category: fc.constantFrom(...categories),
    unit: fc.constantFrom('c0b0', 'c1b0'),
    // Whether the history begins with an entry (a file imported before events were kept may begin with a leaving).
    entersFirst: fc.boolean(),
    // Days of the alternating entries and leavings; same-day pairs keep their written order.
    days: fc.array(fc.constantFrom(...eventDays), { maxLength: 5 }).map((d) => d.sort()),
    died: fc.boolean(),
  }),
  { maxLength: 25 },
);

type Register = typeof register extends fc.Arbitrary<infer T> ? T : never;

function write(db: Db, reg: Register) {
  const org = db.prepare(`INSERT INTO orgs (id, parent_id, level, kind, name, name_pinyin, path, created_at, updated_at, operator)
    VALUES (?, ?, ?, '党组织', ?, ?, ?, ?, ?, '王芳')`);
  for (const c of ['c0', 'c1']) {
    org.run(c, null, 'community_committee', `${c}社区党委`, c, `/${c}/`, AT, AT);
    org.run(`${c}b0`, c, 'branch', `${c}党支部`, `${c}b`, `/${c}/${c}b0/`, AT, AT);
  }
  const member = db.prepare(`INSERT INTO members (id, name, name_pinyin, name_initials, gender, joined_on, status, category, org_id,
    lifecycle, created_at, updated_at, operator) VALUES (?, '张三', 'zhang san', 'zs', 'male', '1999-05-01', 'full', ?, ?, ?, ?, ?, '王芳')`);
  const event = db.prepare(`INSERT INTO member_events (id, member_id, kind, on_date, detail, operator, created_at) VALUES (?, ?, ?, ?, '{}', '王芳', ?)`);
  reg.forEach((m, i) => {
    const kinds = m.days.map((_, k) => ((k % 2 === 0) === m.entersFirst ? (k === 0 ? 'created' : k % 4 === 2 ? 'readmitted' : 'transfer_in') : m.died ? 'deceased' : 'transfer_out'));
    // Today's lifecycle is where the history ends (a history of nothing: on the register, as a file's first import).
    const last = kinds.at(-1);
    const lifecycle = !last || ['created', 'transfer_in', 'readmitted'].includes(last) ? 'active' : last === 'deceased' ? 'deceased' : 'transferred_out';
    member.run(`m${i}`, m.category, m.unit, lifecycle, AT, AT);
    kinds.forEach((kind, k) => event.run(`e${i}_${k}`, `m${i}`, kind, m.days[k], `2026-01-01T00:00:${String(k).padStart(2, '0')}Z`));
    // A change of status is no movement.
    event.run(`f${i}`, `m${i}`, 'became_full', '2026-06-30', AT);
  });
}

/** Forward from each member's beginning: on the register before their first event if it is a leaving, then as each event says. */
function replay(reg: Register, unit: string | null, day: string): CategoryCounts {
  const counts: CategoryCounts = { community: 0, in_service: 0, migrant: 0 };
  for (const m of reg) {
    if (unit && m.unit !== unit) continue;
    let on = m.days.length === 0 || !m.entersFirst;
    m.days.forEach((d, k) => {
      if (d <= day) on = (k % 2 === 0) === m.entersFirst;
    });
    if (on) counts[m.category]++;
  }
  return counts;
}

describe('members on the register at past days', () => {
  const db = fileAt(latestVersion());
  afterAll(() => db.close());

  it('counts back from the kept counts what replaying every history forward gives, for the street and one community (fast-check)', () => {
    fc.assert(
      fc.property(register, (reg) => {
        db.exec('SAVEPOINT run');
        try {
          write(db, reg);
          expect(membersAt(db, null, ends)).toEqual(ends.map((d) => replay(reg, null, d)));
          expect(membersAt(db, '/c1/', ends)).toEqual(ends.map((d) => replay(reg, 'c1b0', d)));
        } finally {
          db.exec('ROLLBACK TO run; RELEASE run');
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds the window’s movements by member_events_date, not by walking every history, and their members in an index', () => {
    const { spy, plan } = recorded(db);
    membersAt(spy as Db, null, ends);
    const p = plan(1);
    expect(p).toMatch(/SEARCH e USING COVERING INDEX member_events_date \(on_date>\?\)/);
    expect(p).not.toMatch(/SCAN (e|member_events)\b/);
    // Not the members' own rows (100k random pages at a district): the category from members_id_category.
    expect(p).toMatch(/SEARCH m USING COVERING INDEX members_id_category \(id=\?\)/);
  });
});

describe('upgrading to 044', () => {
  it('indexes the member events on file by date, leaving them as they were, and runs again over itself', () => {
    const previous = migrations[migrations.indexOf(memberEventsDate) - 1]!.version;
    const db = fileAt(previous);
    partyData(db);
    db.prepare(`INSERT INTO member_events (id, member_id, kind, on_date, detail, operator, created_at) VALUES ('e1', 'm4', 'transfer_out', '2026-05-01', '{}', '王芳', ?)`).run(AT);
    const before = rows(db, 'member_events');
    upgrade(db, memberEventsDate.version);
    memberEventsDate.up(db);
    expect(rows(db, 'member_events')).toEqual(before);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'member_events_date'`).pluck().get()).toBe('member_events_date');
    db.close();
  });
});
