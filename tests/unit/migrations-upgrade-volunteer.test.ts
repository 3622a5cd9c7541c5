import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { volunteerCounts } from '../../db/migrations/038_volunteer_counts';
import { sortIndexes } from '../../db/migrations/041_sort_indexes';
import { dropUnusedVolunteerIndexes } from '../../db/migrations/043_drop_unused_volunteer_indexes';
import { AT, fileAt, partyData, rows, upgrade } from './upgrade-fixture';

/** The upgrade tests of the volunteer module's later migrations (038 on), as migrations-upgrade.test.ts says. */
describe('upgrading a file with volunteers and points in it', () => {
  it('038 counts the volunteers, residents awaiting linking, the ranked and each unit’s points already on file, and keeps them', () => {
    const db = fileAt(migrations[migrations.indexOf(volunteerCounts) - 1]!.version);
    partyData(db); // branch o1: m1–m3 active, m4 transferred out
    db.prepare("UPDATE members SET id_number = '110101198002030027' WHERE id = 'm2'").run();
    const post = db.prepare("SELECT id FROM volunteer_posts ORDER BY seq LIMIT 1").pluck().get() as string;
    const volunteer = db.prepare(`INSERT INTO volunteers (id, member_id, name, id_number, name_pinyin, name_initials, org_id, active, post_id,
      registered_on, created_at, updated_at, operator) VALUES (?, ?, ?, ?, 'x', 'x', 'o1', ?, ?, '2026-01-01', ?, ?, '王芳')`);
    volunteer.run('v1', 'm1', null, null, 1, post, AT, AT);
    volunteer.run('v2', 'm4', null, null, 0, post, AT, AT);
    volunteer.run('v3', null, '周杰', '110101198002030027', 1, null, AT, AT); // m2's ID number: 待关联
    const person = db.prepare(`INSERT INTO points_totals (volunteer_id, year, quarter, contribution, earned) VALUES (?, ?, ?, ?, ?)`);
    person.run('v1', 2026, 0, 50, 50);
    person.run('v1', 2026, 2, 50, 50);
    person.run('v3', 2026, 0, 0, 0);
    const month = db.prepare(`INSERT INTO points_org_totals (org_id, year, month, base, contribution, hours_tenths) VALUES ('o1', ?, ?, ?, ?, ?)`);
    month.run(2026, 4, 0, 30, 20);
    month.run(2026, 5, 0, 20, 0);
    month.run(2025, 12, 10, 0, 5);
    const before = Object.fromEntries(['volunteers', 'members', 'points_totals', 'points_org_totals'].map((t) => [t, rows(db, t)]));

    upgrade(db, volunteerCounts.version);
    volunteerCounts.up(db); // again over itself (idempotent): nothing counted twice
    for (const [t, r] of Object.entries(before)) expect(rows(db, t), t).toEqual(r);
    expect(rows(db, 'volunteer_counts')).toEqual([
      { org_id: 'o1', is_member: 0, active: 1, n: 1, with_post: 0 },
      { org_id: 'o1', is_member: 1, active: 0, n: 1, with_post: 1 },
      { org_id: 'o1', is_member: 1, active: 1, n: 1, with_post: 1 },
    ]);
    expect(db.prepare('SELECT n FROM volunteer_linkable').pluck().get()).toBe(1);
    expect(rows(db, 'points_rank_counts')).toEqual([{ year: 2026, quarter: 0, ranked: 1 }, { year: 2026, quarter: 2, ranked: 1 }]);
    const unit = (year: number, quarter: number) =>
      db.prepare('SELECT base, contribution, hours_tenths FROM points_unit_totals WHERE org_id = ? AND year = ? AND quarter = ?').get('o1', year, quarter);
    expect(unit(2026, 0)).toEqual({ base: 0, contribution: 50, hours_tenths: 20 });
    expect(unit(2026, 2)).toEqual({ base: 0, contribution: 50, hours_tenths: 20 });
    expect(unit(2025, 4)).toEqual({ base: 10, contribution: 0, hours_tenths: 5 });
    expect(unit(2026, 1)).toBeUndefined();

    // From here the triggers keep them: m3 becomes a volunteer with a post, the resident is linked, m1 leaves.
    volunteer.run('v4', 'm3', null, null, 1, post, AT, AT);
    db.prepare("UPDATE volunteers SET member_id = 'm2', name = NULL, id_number = NULL WHERE id = 'v3'").run();
    db.prepare("UPDATE members SET lifecycle = 'transferred_out' WHERE id = 'm1'").run();
    expect(rows(db, 'volunteer_counts')).toEqual([
      { org_id: 'o1', is_member: 0, active: 1, n: 0, with_post: 0 },
      { org_id: 'o1', is_member: 1, active: 0, n: 2, with_post: 2 },
      { org_id: 'o1', is_member: 1, active: 1, n: 2, with_post: 1 },
    ]);
    expect(db.prepare('SELECT n FROM volunteer_linkable').pluck().get()).toBe(0);
    db.prepare("UPDATE points_totals SET contribution = 0, earned = 0 WHERE volunteer_id = 'v1' AND quarter = 2").run();
    expect(rows(db, 'points_rank_counts')).toEqual([{ year: 2026, quarter: 0, ranked: 1 }, { year: 2026, quarter: 2, ranked: 0 }]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('041 indexes the volunteer register by 登记日期 over the volunteers on file, leaving them as they were', () => {
    const db = fileAt(migrations[migrations.indexOf(sortIndexes) - 1]!.version);
    partyData(db);
    db.prepare(`INSERT INTO volunteers (id, member_id, name_pinyin, name_initials, org_id, registered_on, created_at, updated_at, operator)
      VALUES ('v1', 'm1', 'x', 'x', 'o1', '2025-03-01', ?, ?, '王芳')`).run(AT, AT);
    const before = rows(db, 'volunteers');
    upgrade(db, sortIndexes.version);
    sortIndexes.up(db);
    expect(rows(db, 'volunteers')).toEqual(before);
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM volunteers WHERE active = 1 ORDER BY registered_on DESC, name_pinyin, id`).all() as { detail: string }[];
    expect(plan.map((r) => r.detail).join(' | ')).toContain('volunteers_registered');
  });

  it('043 drops the two unread volunteer indexes, keeping every volunteer, and runs again over itself', () => {
    const db = fileAt(migrations[migrations.indexOf(dropUnusedVolunteerIndexes) - 1]!.version);
    partyData(db);
    db.prepare(`INSERT INTO volunteers (id, member_id, name, name_pinyin, name_initials, org_id, registered_on, created_at, updated_at, operator)
      VALUES ('v1', NULL, '周杰', 'zhou jie', 'zj', 'o1', '2026-01-01', ?, ?, '王芳')`).run(AT, AT);
    const indexes = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'volunteers' AND name IN ('volunteers_residents', 'volunteers_member_posts')").pluck().all();
    expect(indexes()).toHaveLength(2);
    const before = rows(db, 'volunteers');
    upgrade(db, dropUnusedVolunteerIndexes.version);
    dropUnusedVolunteerIndexes.up(db);
    expect(indexes()).toEqual([]);
    expect(rows(db, 'volunteers')).toEqual(before);
    db.close();
  });
});
