import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_CHAIN } from '../../db/audit';
import { verifyChain } from '../../db/ledger/verify';
import { currentVersion, latestVersion, migrate } from '../../db/migrate';
import { migrations } from '../../db/migrations';
import { elevators } from '../../db/migrations/011_elevators';
import { fundCrowdfunding } from '../../db/migrations/014_fund_crowdfunding';
import { requests } from '../../db/migrations/015_requests';
import { requestsStewards } from '../../db/migrations/016_requests_stewards';
import { requestsWishes } from '../../db/migrations/018_requests_wishes';
import { memberSearch } from '../../db/migrations/019_member_search';
import { packageTrust } from '../../db/migrations/020_package_trust';
import { accounts } from '../../db/migrations/021_accounts';
import { openFile, type Db } from '../../db/open';
import { POINTS_CHAIN } from '../../db/volunteer/points-chain';
import { inMoment, tempDir } from './helpers';

/**
 * Each migration run on a file as the app before it left it, with data in it (as Signal Desktop tests its
 * migrations): nothing that was there is lost or changed, and what the migration adds is right for the old rows.
 * When you add a migration, add its upgrade test here, with the kind of data an office's file holds.
 */

const AT = '2026-06-01T02:00:00.000Z';

function fileAt(version: number): Db {
  const db = openFile(path.join(tempDir(), 'old.sqlite'));
  inMoment(() => migrate(db, version));
  expect(currentVersion(db)).toBe(version);
  return db;
}

const upgrade = (db: Db, version = latestVersion()) => inMoment(() => migrate(db, version));
/** Every row of a table, in a stable order whatever its keys (some tables are WITHOUT ROWID). */
const rows = (db: Db, table: string) =>
  (db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const only = (keys: string[], list: Record<string, unknown>[]) => list.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));

/** A branch with members as a version-2 file holds them (active, transferred out, probationary, centre household). */
function partyData(db: Db) {
  db.prepare(`INSERT INTO orgs (id, level, kind, name, name_pinyin, path, created_at, updated_at, operator)
    VALUES ('o1', 'branch', '小区党支部', '阳光小区党支部', 'yang guang', '/o1/', ?, ?, '王芳')`).run(AT, AT);
  const member = db.prepare(`INSERT INTO members (id, name, name_pinyin, name_initials, gender, id_number, joined_on, status,
    category, org_id, lifecycle, is_centre_household, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, 'male', NULL, '2000-07-01', ?, ?, 'o1', ?, ?, ?, ?, '王芳')`);
  member.run('m1', '张三', 'zhang san', 'zs', 'full', 'community', 'active', 1, AT, AT);
  member.run('m2', '李四', 'li si', 'ls', 'full', 'community', 'active', 0, AT, AT);
  member.run('m3', '王五', 'wang wu', 'ww', 'probationary', 'in_service', 'active', 0, AT, AT);
  member.run('m4', '赵六', 'zhao liu', 'zl', 'full', 'community', 'transferred_out', 0, AT, AT);
}

describe('upgrading a file with data in it', () => {
  it('003 counts the members already on file into org_member_counts', () => {
    const db = fileAt(2);
    partyData(db);
    const before = rows(db, 'members');
    upgrade(db, 3);
    expect(rows(db, 'members')).toEqual(before);
    const counts = db.prepare('SELECT category, status, is_centre_household AS centre, n FROM org_member_counts WHERE org_id = ? ORDER BY category, status, centre').all('o1');
    expect(counts).toEqual([
      { category: 'community', status: 'full', centre: 0, n: 1 },
      { category: 'community', status: 'full', centre: 1, n: 1 },
      { category: 'in_service', status: 'probationary', centre: 0, n: 1 },
    ]);
    db.close();
  });

  it('004–006 keep the party registers as they were, and 006 gives the file its standard posts and rule', () => {
    const db = fileAt(3);
    partyData(db);
    const tables = ['orgs', 'members', 'org_member_counts'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, 6);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    expect((db.prepare('SELECT COUNT(*) AS n FROM volunteer_posts').get() as { n: number }).n).toBe(8);
    expect(db.prepare('SELECT version, points_per_hour, expiry FROM points_rules').all()).toEqual([{ version: 1, points_per_hour: 10, expiry: 'rollover' }]);
    db.close();
  });

  it('007 chains the points entries and audit entries already on file, in the order they were written', () => {
    const db = fileAt(6);
    partyData(db);
    db.prepare(`INSERT INTO volunteers (id, member_id, name_pinyin, name_initials, org_id, registered_on, created_at, updated_at, operator)
      VALUES ('v1', 'm1', 'zhang san', 'zs', 'o1', '2026-01-05', ?, ?, '王芳')`).run(AT, AT);
    const entry = db.prepare(`INSERT INTO points_entries (id, volunteer_id, org_id, on_date, year, quarter, category, amount, hours_tenths,
      reason, source_kind, reverses_id, operator, created_at) VALUES (?, 'v1', 'o1', ?, 2026, ?, ?, ?, ?, ?, ?, ?, '王芳', ?)`);
    entry.run('e1', '2026-03-02', 1, 'service', 25, 25, '清理楼道', 'manual', null, '2026-03-02T01:00:00.000Z');
    entry.run('e2', '2026-05-09', 2, 'contribution', 30, 0, '捐赠图书', 'donation', null, '2026-05-09T01:00:00.000Z');
    entry.run('e3', '2026-05-10', 2, 'contribution', -30, 0, '冲正：录错了人', 'donation', 'e2', '2026-05-10T01:00:00.000Z');
    const audit = db.prepare(`INSERT INTO audit_log (id, at, operator, action, entity, entity_id, before, after) VALUES (?, ?, '王芳', ?, ?, ?, NULL, ?)`);
    audit.run('a1', '2026-03-01T01:00:00.000Z', 'create', 'member', 'm1', '{"name":"张三"}');
    audit.run('a2', '2026-03-02T01:00:00.000Z', 'create', 'points_entry', 'e1', '{"amount":25}');
    const before = { points_entries: rows(db, 'points_entries'), audit_log: rows(db, 'audit_log') };

    upgrade(db, 7);
    for (const t of ['points_entries', 'audit_log'] as const) expect(only(Object.keys(before[t][0]!), rows(db, t)), t).toEqual(before[t]);
    expect(db.prepare('SELECT id, seq FROM points_entries ORDER BY seq').all()).toEqual([{ id: 'e1', seq: 1 }, { id: 'e2', seq: 2 }, { id: 'e3', seq: 3 }]);
    expect(db.prepare('SELECT id, seq FROM audit_log ORDER BY seq').all()).toEqual([{ id: 'a1', seq: 1 }, { id: 'a2', seq: 2 }]);
    for (const spec of [POINTS_CHAIN, AUDIT_CHAIN]) {
      expect(verifyChain(db, spec), spec.name).toMatchObject({ break: null, complete: true });
    }
    db.close();
  });

  it('008 adds the property tables beside the registers, and estates extend the places already on file', () => {
    const db = fileAt(7);
    partyData(db);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, households, created_at, updated_at, operator)
      VALUES (?, ?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', null, AT, AT);
    place.run('p1', 'estate', 'c1', '阳光小区', 420, AT, AT);
    const tables = ['places', 'orgs', 'members', 'org_member_counts', 'audit_log'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, 8);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    const profile = db.prepare(`INSERT INTO property_estates (place_id, management, created_at, updated_at, operator)
      VALUES (?, 'company', ?, ?, '王芳')`);
    profile.run('p1', AT, AT);
    expect(() => profile.run('c1', AT, AT)).toThrow('物业档案只能建立在小区上');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('009 adds the elevator fund beside the places and red property already on file, with its categories', () => {
    const db = fileAt(8);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
    place.run('b1', 'building', 'e1', '3号楼', AT, AT);
    db.prepare(`INSERT INTO property_estates (place_id, management, floor_area_hundredths, created_at, updated_at, operator)
      VALUES ('e1', 'company', 4567890, ?, ?, '王芳')`).run(AT, AT);
    const tables = ['places', 'property_estates', 'ledger_heads'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, 9);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    expect(db.prepare('SELECT direction, COUNT(*) AS n FROM fund_categories GROUP BY direction ORDER BY direction').all())
      .toEqual([{ direction: 'expense', n: 5 }, { direction: 'income', n: 6 }]);
    const account = db.prepare(`INSERT INTO fund_accounts (id, estate_id, name, opening_balance, opened_on, status, created_at, updated_at, operator)
      VALUES (?, ?, '基金', 0, '2026-01-01', 'active', ?, ?, '王芳')`);
    expect(() => account.run('f1', 'e1', AT, AT)).not.toThrow();
    expect(() => account.run('f2', 'b1', AT, AT)).toThrow(/只能开在小区上/);
    db.close();
  });

  it('010 adds assessments beside the estates and companies already on file; published lists and sheets are frozen', () => {
    const db = fileAt(9);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
    db.prepare(`INSERT INTO property_estates (place_id, management, created_at, updated_at, operator) VALUES ('e1', 'company', ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO property_companies (id, name, name_pinyin, name_initials, credit_code, created_at, updated_at, operator)
      VALUES ('k1', '阳光物业', 'yang guang wu ye', 'ygwy', '91350100M000100Y43', ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('property.settings', ?, ?)`)
      .run(JSON.stringify({ reelectionLeadMonths: 3, partyRatioTargetPercent: 60, smallEstateMaxHouseholds: null }), AT);
    const tables = ['places', 'property_estates', 'property_companies', 'settings'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, 10);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);

    db.prepare(`INSERT INTO assessment_templates (id, lineage_id, version, name, total_tenths, status, created_at, updated_at, operator)
      VALUES ('t1', 't1', 1, '考评表', 1000, 'draft', ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO assessment_categories (id, template_id, seq, name, points_tenths) VALUES ('g1', 't1', 1, '基础管理', 1000)`).run();
    db.prepare(`INSERT INTO assessment_items (id, template_id, category_id, seq, content, method, points_tenths) VALUES ('i1', 't1', 'g1', 1, '公示', 'binary', 1000)`).run();
    const assessment = db.prepare(`INSERT INTO assessments (id, period, estate_id, company_id, template_id, created_at, updated_at, operator)
      VALUES (?, ?, 'e1', 'k1', 't1', ?, ?, '王芳')`);
    expect(() => assessment.run('a1', '2026-Q4', AT, AT)).toThrow(/只能用已发布的考评表/);
    db.prepare(`UPDATE assessment_templates SET status = 'published', published_at = ? WHERE id = 't1'`).run(AT);
    expect(() => assessment.run('a1', '2026-Q5', AT, AT)).toThrow(/CHECK constraint/);
    assessment.run('a1', '2026-Q4', AT, AT);
    expect(() => db.prepare(`UPDATE assessment_items SET points_tenths = 900 WHERE id = 'i1'`).run()).toThrow(/已发布的考评表不能修改/);
    db.prepare(`INSERT INTO assessment_lists (id, period, revision, rule_json, entries_json, entries_sha256, published_at, operator)
      VALUES ('l1', '2026-Q4', 1, '{}', '[]', ?, ?, '王芳')`).run('0'.repeat(64), AT);
    expect(() => db.prepare(`UPDATE assessment_lists SET entries_json = '[1]'`).run()).toThrow(/不能修改/);
    expect(() => db.prepare(`INSERT INTO assessment_lists (id, period, revision, rule_json, entries_json, entries_sha256, published_at, operator)
      VALUES ('l2', '2026-Q4', 2, '{}', '[]', ?, ?, '王芳')`).run('0'.repeat(64), AT)).toThrow(/CHECK constraint/);
    db.close();
  });

  it('013 adds surveys and fee collection beside the estates already on file, and holds their counts together', () => {
    const db = fileAt(9);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, households, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', null, AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', 420, AT, AT);
    db.prepare(`INSERT INTO property_estates (place_id, management, created_at, updated_at, operator) VALUES ('e1', 'company', ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO committee_terms (id, estate_id, term_no, elected_on, starts_on, ends_on, created_at, updated_at, operator)
      VALUES ('t1', 'e1', 1, '2024-01-01', '2024-01-01', '2028-12-31', ?, ?, '王芳')`).run(AT, AT);
    const tables = ['places', 'property_estates', 'committee_terms'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, 13);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    const survey = db.prepare(`INSERT INTO property_surveys (id, estate_id, period, households, sample_size, reached, satisfied,
      mostly_satisfied, unsatisfied, created_at, updated_at, operator) VALUES (?, 'e1', ?, 420, ?, ?, ?, ?, ?, ?, ?, '王芳')`);
    expect(() => survey.run('s1', '2026-Q3', 100, 80, 50, 22, 8, AT, AT)).not.toThrow();
    expect(() => survey.run('s2', '2026-Q3', 100, 80, 50, 22, 8, AT, AT)).toThrow(/UNIQUE/);
    expect(() => survey.run('s3', '2026-Q2', 100, 80, 50, 22, 3, AT, AT)).toThrow(/CHECK/);
    expect(() => survey.run('s4', '2026-Q2', 500, 80, 50, 22, 8, AT, AT)).toThrow(/CHECK/);
    expect(() => survey.run('s5', '2026-Q2', 100, 120, 90, 22, 8, AT, AT)).toThrow(/CHECK/);
    expect(() => survey.run('s6', '2026-07', 100, 80, 50, 22, 8, AT, AT)).toThrow(/CHECK/);
    const fee = db.prepare(`INSERT INTO property_fees (id, estate_id, period, receivable_fen, unpaid_fen, created_at, updated_at, operator)
      VALUES (?, 'e1', '2026-Q3', ?, ?, ?, ?, '王芳')`);
    expect(() => fee.run('f1', 100_000, 100_001, AT, AT)).toThrow(/CHECK/);
    expect(() => fee.run('f2', 0, 0, AT, AT)).toThrow(/CHECK/);
    expect(() => fee.run('f3', 100_000, 6_000, AT, AT)).not.toThrow();
    expect(db.prepare('SELECT arrears_collected_fen AS a FROM property_fees').get()).toEqual({ a: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('011 adds the elevator register beside the places, red property and fund already on file', () => {
    // From the version before 011 in the list, whatever number that is once the branches have landed.
    const previous = migrations[migrations.indexOf(elevators) - 1]!.version;
    const db = fileAt(previous);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
    place.run('b1', 'building', 'e1', '3号楼', AT, AT);
    place.run('e2', 'estate', 'c1', '和平小区', AT, AT);
    db.prepare(`INSERT INTO fund_accounts (id, estate_id, name, opening_balance, opened_on, status, created_at, updated_at, operator)
      VALUES ('f1', 'e1', '基金', 100000, '2026-01-01', 'active', ?, ?, '王芳')`).run(AT, AT);
    const tables = ['places', 'fund_accounts', 'ledger_heads'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, elevators.version);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    const elevator = db.prepare(`INSERT INTO elevators (id, estate_id, building_id, reg_code, type, status, created_at, updated_at, operator)
      VALUES (?, ?, ?, ?, 'passenger', 'in_service', ?, ?, '王芳')`);
    elevator.run('v1', 'e1', 'b1', '31104201022015060123', AT, AT);
    expect(() => elevator.run('v2', 'e2', 'b1', '31104201022015060124', AT, AT)).toThrow('电梯应登记在小区的楼栋上');
    expect(db.prepare('SELECT interval_days AS d, routine_due_on AS due FROM elevators').get()).toEqual({ d: 15, due: '' });
    db.prepare(`INSERT INTO elevator_maintenance (id, elevator_id, done_on, kind, company, worker1, worker2, signed_by, signed_on, created_at, updated_at, operator)
      VALUES ('m1', 'v1', '2026-12-20', 'half_monthly', '江城电梯', '李', '赵', '陈', '2026-12-20', ?, ?, '王芳')`).run(AT, AT);
    expect(db.prepare('SELECT last_routine_on AS last, routine_due_on AS due FROM elevators').get()).toEqual({ last: '2026-12-20', due: '2027-01-04' });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('012 adds the disclosures beside an account already on file, and gives its signatories a clean wrong-PIN count', () => {
    const db = fileAt(9);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
    db.prepare(`INSERT INTO fund_accounts (id, estate_id, name, opening_balance, opened_on, status, created_at, updated_at, operator)
      VALUES ('f1', 'e1', '基金', 100000, '2026-01-01', 'active', ?, ?, '王芳')`).run(AT, AT);
    db.prepare("INSERT INTO ledger_heads (chain, seq, hash) VALUES ('fund:f1', 0, ?)").run('0'.repeat(64));
    db.prepare(`INSERT INTO fund_signatories (id, account_id, side, name, person_key, pin_hash, status, created_at, updated_at, operator)
      VALUES ('s1', 'f1', 'company', '刘经理', '刘经理', 'scrypt$16384$8$1$00$00', 'active', ?, ?, '王芳')`).run(AT, AT);
    const tables = ['fund_accounts', 'ledger_heads'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    const signersBefore = rows(db, 'fund_signatories');
    upgrade(db, 12);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    expect(rows(db, 'fund_signatories')).toEqual(signersBefore.map((r) => ({ ...r, wrong_pins: 0, locked_until: null })));
    const disclose = db.prepare(`INSERT INTO fund_disclosures (id, account_id, period_from, period_to, notice_from, notice_to, made_on, opening, income,
      expense, closing, head_seq, head_hash, file_name, file_sha256, created_at, operator)
      VALUES (?, 'f1', '2026-01-01', '2026-03-31', '2026-04-02', '2026-04-11', '2026-04-01', 100000, 0, 0, ?, ?, ?, 'a.pdf', ?, ?, '王芳')`);
    expect(() => disclose.run('d1', 100000, 0, '0'.repeat(64), 'a'.repeat(64), AT)).not.toThrow();
    expect(() => disclose.run('d2', 99999, 0, '0'.repeat(64), 'a'.repeat(64), AT)).toThrow(/CHECK/);
    expect(() => disclose.run('d3', 100000, 1, 'b'.repeat(64), 'a'.repeat(64), AT)).toThrow(/校验码与账户流水不符/);
    db.close();
  });

  it('015 adds grids and the request ledger beside the places and orgs already on file', () => {
    // From the version before 015 in the list, whatever number that is once the branches have landed.
    const previous = migrations[migrations.indexOf(requests) - 1]!.version;
    const db = fileAt(previous);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, households, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', null, AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', 420, AT, AT);
    place.run('b1', 'building', 'e1', '3号楼', 160, AT, AT);
    place.run('c2', 'community', null, '东里社区', null, AT, AT);
    const before = rows(db, 'places');
    upgrade(db, requests.version);
    expect(rows(db, 'places')).toEqual(before);
    const grid = db.prepare(`INSERT INTO grids (id, community_id, name, worker_name, created_at, updated_at, operator) VALUES (?, ?, ?, '刘晓梅', ?, ?, '王芳')`);
    grid.run('g1', 'c1', '第一网格', AT, AT);
    grid.run('g2', 'c1', '第二网格', AT, AT);
    grid.run('g3', 'c2', '东一网格', AT, AT);
    const member = db.prepare('INSERT INTO grid_buildings (building_id, grid_id) VALUES (?, ?)');
    member.run('b1', 'g1');
    expect(() => member.run('b1', 'g2')).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM grid_buildings").run();
    expect(() => member.run('b1', 'g3')).toThrow('网格只能包含本社区的楼栋');
    const request = db.prepare(`INSERT INTO requests (id, reported_on, source, anonymous, reporter_name, place_id, content, state, category, created_at, updated_at, operator)
      VALUES (?, '2026-12-02', 'visit', ?, ?, 'b1', '楼道灯不亮', ?, ?, ?, ?, '王芳')`);
    expect(() => request.run('r1', 0, '张秀兰', 'reported', null, AT, AT)).not.toThrow();
    expect(() => request.run('r2', 1, '张秀兰', 'reported', null, AT, AT)).toThrow(/CHECK/); // anonymous with a name
    expect(() => request.run('r3', 0, '张秀兰', 'assigned', 'facilities', AT, AT)).toThrow(/CHECK/); // handed over without handler or deadline
    expect(() => request.run('r4', 0, '张秀兰', 'not_accepted', 'litigation', AT, AT)).toThrow(/CHECK/); // no answer or reason
    db.prepare(`INSERT INTO request_steps (id, request_id, seq, from_state, to_state, on_day, detail, created_at, updated_at, operator)
      VALUES ('s1', 'r1', 1, NULL, 'reported', '2026-12-02', '{}', ?, ?, '王芳')`).run(AT, AT);
    expect(() => db.prepare("UPDATE request_steps SET note = 'x'").run()).toThrow('诉求的办理记录只能追加，不能修改或删除');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('016 counts reopenings on requests already on file and adds stewards of buildings', () => {
    const previous = migrations[migrations.indexOf(requestsStewards) - 1]!.version;
    const db = fileAt(previous);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
    place.run('b1', 'building', 'e1', '3号楼', AT, AT);
    db.prepare(`INSERT INTO requests (id, reported_on, source, anonymous, reporter_name, place_id, content, state, created_at, updated_at, operator)
      VALUES ('r1', '2026-12-02', 'visit', 0, '张秀兰', 'b1', '楼道灯不亮', 'reported', ?, ?, '王芳')`).run(AT, AT);
    partyData(db);
    const before = rows(db, 'requests');
    upgrade(db, requestsStewards.version);
    expect(rows(db, 'requests')).toEqual(before.map((r) => ({ ...r, reopened: 0 })));
    db.prepare(`INSERT INTO stewards (id, member_id, created_at, updated_at, operator) VALUES ('s1', 'm1', ?, ?, '王芳')`).run(AT, AT);
    expect(() => db.prepare(`INSERT INTO stewards (id, member_id, created_at, updated_at, operator) VALUES ('s2', 'm1', ?, ?, '王芳')`).run(AT, AT)).toThrow(/UNIQUE/);
    const cover = db.prepare('INSERT INTO steward_buildings (steward_id, building_id) VALUES (?, ?)');
    expect(() => cover.run('s1', 'b1')).not.toThrow();
    expect(() => cover.run('s1', 'e1')).toThrow('红色小管家只能联系楼栋');
    expect(() => db.prepare('UPDATE requests SET reopened = -1').run()).toThrow(/CHECK/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('018 adds 微心愿 beside places and members already on file, its state facts held by CHECKs', () => {
    const previous = migrations[migrations.indexOf(requestsWishes) - 1]!.version;
    const db = fileAt(previous);
    db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES ('c1', 'community', NULL, '西里社区', ?, ?, '王芳')`).run(AT, AT);
    partyData(db);
    const before = rows(db, 'members');
    upgrade(db, requestsWishes.version);
    expect(rows(db, 'members')).toEqual(before);
    const wish = db.prepare(`INSERT INTO wishes (id, kind, place_id, title, wisher_name, published_on, state, claimer_member_id, claimed_on, created_at, updated_at, operator)
      VALUES (?, 'wish', 'c1', '修扶手', ?, '2026-12-01', ?, ?, ?, ?, ?, '王芳')`);
    expect(() => wish.run('w1', '赵桂芳', 'claimed', 'm1', '2026-12-02', AT, AT)).not.toThrow();
    expect(() => wish.run('w2', null, 'open', null, null, AT, AT)).toThrow(/CHECK/); // a wish names its resident
    expect(() => wish.run('w3', '赵桂芳', 'claimed', null, null, AT, AT)).toThrow(/CHECK/); // claimed says when
    expect(() => db.prepare("UPDATE wishes SET state = 'fulfilled' WHERE id = 'w1'").run()).toThrow(/CHECK/); // without its result
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('014 adds fee allocations and crowd-funding beside an account and its journal already on file', () => {
    const previous = migrations[migrations.indexOf(fundCrowdfunding) - 1]!.version;
    const db = fileAt(previous);
    const place = db.prepare(`INSERT INTO places (id, kind, parent_id, name, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, '王芳')`);
    place.run('c1', 'community', null, '西里社区', AT, AT);
    place.run('e1', 'estate', 'c1', '阳光小区', AT, AT);
    db.prepare(`INSERT INTO fund_accounts (id, estate_id, name, opening_balance, opened_on, status, created_at, updated_at, operator)
      VALUES ('f1', 'e1', '基金', 100000, '2026-01-01', 'active', ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO fund_entries (id, account_id, on_date, direction, category, amount, purpose, elevators, attachments, status, request_hash, created_at, updated_at, operator)
      VALUES ('n1', 'f1', '2026-11-30', 'income', 'fee_allocation', 2583374, '物业费提取', '[]', '[]', 'draft', 'h', ?, ?, '王芳')`).run(AT, AT);
    const tables = ['fund_accounts', 'fund_entries', 'ledger_heads'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, fundCrowdfunding.version);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    const settings = db.prepare(`INSERT INTO fund_fee_settings (account_id, rate_fen, share_num, share_den, created_at, updated_at, operator) VALUES ('f1', 118, ?, ?, ?, ?, '王芳')`);
    expect(() => settings.run(3, 2, AT, AT)).toThrow(/CHECK/);
    settings.run(1, 1, AT, AT);
    const allocation = db.prepare(`INSERT INTO fund_fee_allocations (entry_id, account_id, month, rate_fen, area_hundredths, share_num, share_den, fee_fen, amount, created_at, operator)
      VALUES (?, 'f1', ?, 118, 2189300, 1, 1, 2583374, ?, ?, '王芳')`);
    expect(() => allocation.run('n1', '2026-11', 2583375, AT)).toThrow(/CHECK/);
    allocation.run('n1', '2026-11', 2583374, AT);
    expect(() => allocation.run('n1', '2026-12', 1, AT)).toThrow(/UNIQUE/);
    const campaign = db.prepare(`INSERT INTO fund_campaigns (id, account_id, title, purpose, target, owners_part, subsidy_part, grant_part, balance_part, scheme, status, created_at, updated_at, operator)
      VALUES (?, 'f1', '3号楼电梯大修', '更换曳引机', 1000000, ?, 100000, 0, 0, 'area', 'open', ?, ?, '王芳')`);
    expect(() => campaign.run('k1', 800000, AT, AT)).toThrow(/CHECK/);
    campaign.run('k1', 900000, AT, AT);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('019 indexes the members already on file for search by full pinyin and by the end of an ID number or phone', () => {
    const previous = migrations[migrations.indexOf(memberSearch) - 1]!.version;
    const db = fileAt(previous);
    partyData(db);
    db.prepare(`UPDATE members SET id_number = '13010419680512101X', phone = '13912345678' WHERE id = 'm1'`).run();
    const before = rows(db, 'members');
    upgrade(db, memberSearch.version);
    expect(rows(db, 'members')).toEqual(before);
    const find = (where: string, ...args: string[]) => {
      const sql = `SELECT id FROM members WHERE ${where}`;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ');
      return { ids: (db.prepare(sql).all(...args) as { id: string }[]).map((r) => r.id), plan };
    };
    expect(find(`replace(name_pinyin, ' ', '') >= ? AND replace(name_pinyin, ' ', '') < ?`, 'zhangsan', 'zhangsan\u{10FFFF}')).toEqual({ ids: ['m1'], plan: expect.stringContaining('INDEX members_pinyin_joined') });
    expect(find(`substr(id_number, -4) = ?`, '101X')).toEqual({ ids: ['m1'], plan: expect.stringContaining('INDEX members_id_tail') });
    expect(find(`substr(phone, -4) = ?`, '5678')).toEqual({ ids: ['m1'], plan: expect.stringContaining('INDEX members_phone_tail') });
    db.close();
  });

  it('020 keeps the submission log as it was (nothing refused) and adds the pinned keys', () => {
    const previous = migrations[migrations.indexOf(packageTrust) - 1]!.version;
    const db = fileAt(previous);
    db.prepare(`INSERT INTO submissions (id, direction, kind, title, period, unit_level, unit_name, unit_code, files, row_counts, result,
      unmasked, package_id, operator, at) VALUES ('s1', 'import', 'package', '数据包导入', '2026-11', 'community', '西里社区', '130104001001',
      '[]', '{"party.members":3}', '{"new":3}', 0, 'P1', '王芳', ?)`).run(AT);
    const before = rows(db, 'submissions');
    upgrade(db, packageTrust.version);
    expect(rows(db, 'submissions')).toEqual(before.map((r) => ({ ...r, refusal: null })));
    const pin = db.prepare(`INSERT INTO unit_keys (unit_code, unit_name, public_key, fingerprint, pinned_at, pinned_by, package_id, changes)
      VALUES ('130104001001', '西里社区', 'k', 'f', ?, '王芳', 'P1', ?)`);
    expect(() => pin.run(AT, -1)).toThrow(/CHECK/);
    pin.run(AT, 0);
    expect(() => pin.run(AT, 0)).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });

  it('021 makes the operator of an installation already on file its administrator, without a password', () => {
    const previous = migrations[migrations.indexOf(accounts) - 1]!.version;
    const db = fileAt(previous);
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('installation', ?, ?)`).run(
      JSON.stringify({ unitLevel: 'community', unitName: '西里社区', unitCode: '130104001001', operator: '王芳', timeZone: 'Asia/Shanghai' }), AT,
    );
    partyData(db);
    const tables = ['settings', 'members', 'orgs', 'audit_log'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, accounts.version);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    expect(only(['name', 'role', 'password_hash', 'disabled_at', 'failed_sign_ins'], rows(db, 'accounts'))).toEqual([
      { name: '王芳', role: 'admin', password_hash: null, disabled_at: null, failed_sign_ins: 0 },
    ]);
    const insert = db.prepare(`INSERT INTO accounts (id, name, role, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, '王芳')`);
    expect(() => insert.run('a2', '王芳', 'entry', AT, AT)).toThrow(/UNIQUE/);
    expect(() => insert.run('a3', '李娜', 'clerk', AT, AT)).toThrow(/CHECK/);
    db.close();
  });

  it('021 on a file before first start adds no account', () => {
    const db = fileAt(migrations[migrations.indexOf(accounts) - 1]!.version);
    upgrade(db, accounts.version);
    expect(rows(db, 'accounts')).toEqual([]);
    db.close();
  });
});
