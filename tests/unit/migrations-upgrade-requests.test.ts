import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { requestsCare } from '../../db/migrations/028_requests_care';
import { requestsStreetAnswers } from '../../db/migrations/030_requests_street_answers';
import { requestsAnswerRounds } from '../../db/migrations/032_requests_answer_rounds';
import { listPageOrder } from '../../db/migrations/042_list_page_order';
import { AT, fileAt, partyData, rows, upgrade } from './upgrade-fixture';

/** The upgrade tests of 民呼必应's later migrations (028 on), as migrations-upgrade.test.ts says. */
describe('upgrading a file with the request ledger in it', () => {
  it('028 adds 重点关爱户 under the buildings already on file; their visits are append-only', () => {
    const previous = migrations[migrations.indexOf(requestsCare) - 1]!.version;
    const db = fileAt(previous);
    partyData(db);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
    place.run('b1', 'building', 'e1', '3号楼', AT, AT);
    const tables = ['places', 'members', 'requests'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, requestsCare.version);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);

    const household = db.prepare(`INSERT INTO care_households (id, building_id, category, colour, person_name, member_id, registered_on, created_at, updated_at, operator)
      VALUES (?, ?, 'elderly_alone', ?, '赵桂芳', 'm1', '2026-06-01', ?, ?, '王芳')`);
    expect(() => household.run('h1', 'b1', 'red', AT, AT)).not.toThrow();
    expect(() => household.run('h2', 'e1', 'red', AT, AT)).toThrow('重点关爱户只能登记在楼栋下');
    expect(() => household.run('h3', 'b1', 'purple', AT, AT)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE care_households SET closed_on = '2026-07-01' WHERE id = 'h1'").run()).toThrow(/CHECK/); // closed says why

    const visit = db.prepare(`INSERT INTO care_visits (id, household_id, visited_on, visitor_name, content, corrects_id, correction_reason, created_at, operator)
      VALUES (?, 'h1', '2026-06-02', '张三', ?, ?, ?, ?, '王芳')`);
    visit.run('v1', '送米面油', null, null, AT);
    expect(() => db.prepare("UPDATE care_visits SET content = '改' WHERE id = 'v1'").run()).toThrow('走访记录不能修改或删除');
    expect(() => db.prepare("DELETE FROM care_visits WHERE id = 'v1'").run()).toThrow('走访记录不能修改或删除');
    expect(() => visit.run('v2', '送米面油和药', 'v1', null, AT)).toThrow(/CHECK/); // a correction says why
    visit.run('v2', '送米面油和药', 'v1', '漏记了药品', AT);
    expect(() => visit.run('v3', '再改', 'v1', '又错了', AT)).toThrow(/UNIQUE/); // corrected once; correct the correction
    // 日登记 and 周汇总 read the requests closed in or after their days through requests_done.
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'requests_done'").pluck().get()).toMatch(/ON requests \(done_on\) WHERE done_on IS NOT NULL/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('030 adds the street\'s answers to escalated requests beside the consolidated copies, one per request, never edited', () => {
    const previous = migrations[migrations.indexOf(requestsStreetAnswers) - 1]!.version;
    const db = fileAt(previous);
    db.prepare(`INSERT INTO consolidated_units (code, level, name, period, package_id, package_created_at, imported_at)
      VALUES ('130104001001', 'community', '西里社区', '2026-05', 'P1', ?, ?)`).run(AT, AT);
    const before = rows(db, 'consolidated_units');
    upgrade(db, requestsStreetAnswers.version);
    requestsStreetAnswers.up(db); // idempotent: run again, nothing changes
    expect(rows(db, 'consolidated_units')).toEqual(before);
    const answer = db.prepare(`INSERT INTO request_street_answers (id, unit_code, request_id, measures, answered_by, answered_on, created_at, operator)
      VALUES (?, '130104001001', ?, ?, '赵刚', '2026-06-01', ?, '王芳')`);
    answer.run('a1', 'r1', '已修复', AT);
    expect(() => answer.run('a2', 'r1', '再答', AT)).toThrow(/UNIQUE/);
    expect(() => answer.run('a3', 'r2', '', AT)).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE request_street_answers SET measures = '改' WHERE id = 'a1'").run()).toThrow('街道答复已发出，不能修改');
    db.close();
  });

  it('032 files each answer on file under the escalation its copy is in, takes one answer per escalation, and indexes the copies handed to the street', () => {
    const previous = migrations[migrations.indexOf(requestsAnswerRounds) - 1]!.version;
    const db = fileAt(previous);
    db.prepare(`INSERT INTO consolidated_units (code, level, name, period, package_id, package_created_at, imported_at)
      VALUES ('130104001001', 'community', '西里社区', '2026-05', 'P1', ?, ?)`).run(AT, AT);
    // r1's copy was reopened once before it came up to the street; r2 has no copy left (a unit's rows may be gone).
    db.prepare(`INSERT INTO consolidated_rows (unit_code, table_name, record_id, record, source_updated_at, package_id, package_created_at, imported_at)
      VALUES ('130104001001', 'requests.requests', 'r1', ?, ?, 'P1', ?, ?)`).run(JSON.stringify({ id: 'r1', reopened: 1 }), AT, AT, AT);
    const old = db.prepare(`INSERT INTO request_street_answers (id, unit_code, request_id, measures, answered_by, answered_on, created_at, operator)
      VALUES (?, '130104001001', ?, '已修复', '赵刚', '2026-06-01', ?, '王芳')`);
    old.run('a1', 'r1', AT);
    old.run('a2', 'r2', AT);
    const before = rows(db, 'request_street_answers');
    upgrade(db, requestsAnswerRounds.version);
    requestsAnswerRounds.up(db); // idempotent: run again, nothing changes
    expect(rows(db, 'request_street_answers')).toEqual(before.map((a) => ({ ...a, round: a.id === 'a1' ? 1 : 0 })));
    const answer = db.prepare(`INSERT INTO request_street_answers (id, unit_code, request_id, round, measures, answered_by, answered_on, created_at, operator)
      VALUES (?, '130104001001', 'r1', ?, '再次答复', '赵刚', '2026-07-01', ?, '王芳')`);
    answer.run('a3', 2, AT);
    expect(() => answer.run('a4', 2, AT)).toThrow(/UNIQUE/);
    expect(() => answer.run('a5', -1, AT)).toThrow(/CHECK/);
    // 街道受理's list reads the copies handed to the street through a partial index of them.
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'consolidated_requests_street'").pluck().get()).toMatch(/WHERE table_name = 'requests.requests' AND json_extract/);
    expect(() => db.prepare("UPDATE request_street_answers SET measures = '改' WHERE id = 'a1'").run()).toThrow('街道答复已发出，不能修改');
    db.close();
  });

  it('042 orders 诉求台账 and 三会一课 by their indexes with the id (a deep page sorts nothing); the rows stay as they were', () => {
    const previous = migrations[migrations.indexOf(listPageOrder) - 1]!.version;
    const db = fileAt(previous);
    partyData(db);
    db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES ('c1', 'community', NULL, '西里社区', ?, ?, '王芳')`).run(AT, AT);
    const request = db.prepare(`INSERT INTO requests (id, reported_on, source, anonymous, place_id, content, state, created_at, updated_at, operator)
      VALUES (?, ?, 'visit', 1, 'c1', '楼道灯不亮', 'reported', ?, ?, '王芳')`);
    for (const [id, on] of [['r1', '2026-05-01'], ['r2', '2026-05-01'], ['r3', '2026-05-02']]) request.run(id, on, AT, AT);
    const meeting = db.prepare(`INSERT INTO meetings (id, org_id, type, held_on, topic, created_at, updated_at, operator) VALUES (?, 'o1', 'group', ?, '学习', ?, ?, '王芳')`);
    for (const [id, on] of [['mt1', '2026-05-01'], ['mt2', '2026-05-01']]) meeting.run(id, on, AT, AT);
    const tables = ['requests', 'meetings'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, listPageOrder.version);
    listPageOrder.up(db); // idempotent: run again, nothing changes
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const page = (table: string, where: string, order: string) => plan(`SELECT rowid FROM ${table} ${where} ORDER BY ${order} LIMIT 100 OFFSET 1000`);
    for (const [table, where, index] of [
      ['requests', "WHERE state = 'reported'", 'requests_state'], ['requests', "WHERE grid_id = 'g1'", 'requests_grid'],
      ['meetings', '', 'meetings_held'], ['meetings', "WHERE type = 'group'", 'meetings_type_held'],
    ]) {
      const p = page(table!, where!, table === 'requests' ? 'reported_on DESC, id DESC' : 'held_on DESC, id DESC');
      expect(p, `${table} ${where}`).toMatch(new RegExp(`USING COVERING INDEX ${index}`));
      expect(p, `${table} ${where}`).not.toMatch(/TEMP B-TREE/);
    }
    db.close();
  });
});
