import { describe, expect, it } from 'vitest';
import { AUDIT_CHAIN, listAudit, writeAudit } from '../../db/audit';
import { verifyChain } from '../../db/ledger/verify';
import { migrations } from '../../db/migrations';
import { requests } from '../../db/migrations/015_requests';
import { requestsStewards } from '../../db/migrations/016_requests_stewards';
import { requestsWishes } from '../../db/migrations/018_requests_wishes';
import { memberSearch } from '../../db/migrations/019_member_search';
import { packageTrust } from '../../db/migrations/020_package_trust';
import { accounts } from '../../db/migrations/021_accounts';
import { importValueMaps } from '../../db/migrations/023_import_value_maps';
import { auditFilters } from '../../db/migrations/024_audit_filters';
import { auditSearch } from '../../db/migrations/025_audit_search';
import { propertyCards } from '../../db/migrations/029_property_cards';
import { membersJoinedOrder } from '../../db/migrations/034_members_joined_order';
import { orgLabelVersion } from '../../db/migrations/036_org_label_version';
import { listMembers } from '../../db/party/members';
import { recorded } from './query-plan';
import { POINTS_CHAIN } from '../../db/volunteer/points-chain';
import { AT, fileAt, only, partyData, rows, upgrade } from './upgrade-fixture';
import { inMoment } from './helpers';

/**
 * Each migration run on a file as the app before it left it, with data in it (as Signal Desktop tests its
 * migrations): nothing that was there is lost or changed, and what the migration adds is right for the old rows.
 * When you add a migration, add its upgrade test here, with the kind of data an office's file holds.
 */

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

  it('034 orders the members already on file by 入党日期 from an index: the sorted page reads it, sorting nothing', () => {
    const previous = migrations[migrations.indexOf(membersJoinedOrder) - 1]!.version;
    const db = fileAt(previous);
    partyData(db);
    const before = rows(db, 'members');
    upgrade(db, membersJoinedOrder.version);
    membersJoinedOrder.up(db); // run again over itself (idempotent): nothing changes, nothing fails
    expect(rows(db, 'members')).toEqual(before);
    const { spy, plan } = recorded(db);
    const filter = { lifecycle: 'active', orgPath: null, category: null, status: null, role: null, centreOnly: false, q: '', sort: 'joined', offset: 0, limit: 100 } as const;
    const page = listMembers(spy, filter).rows;
    expect(page.map((m) => m.joinedOn)).toEqual([...page.map((m) => m.joinedOn)].sort().reverse());
    expect(plan(1)).toContain('INDEX members_joined');
    // The page's rowids come in index order; only the 100 rows of the page are put in order again, after.
    expect(plan(1).split('SCAN page')[0]).not.toContain('TEMP B-TREE');
    db.close();
  });

  it('036 starts the units’ label version at 0 on a file with units, and moves it with each change to orgs or places', () => {
    const db = fileAt(migrations[migrations.indexOf(orgLabelVersion) - 1]!.version);
    partyData(db);
    upgrade(db, orgLabelVersion.version);
    orgLabelVersion.up(db); // run again over itself (idempotent): the counter is not reset
    const version = () => (db.prepare('SELECT n FROM org_label_version').get() as { n: number }).n;
    expect(version()).toBe(0);
    db.prepare(`UPDATE orgs SET name = '阳光党支部' WHERE id = 'o1'`).run();
    expect(version()).toBe(1);
    db.prepare(`INSERT INTO places (id, kind, name, name_pinyin, created_at, updated_at, operator) VALUES ('p1', 'community', '西里社区', 'xi li', ?, ?, '王芳')`).run(AT, AT);
    expect(version()).toBe(2);
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

  it('024 gives the audit log its filters\' indexes and changes no entry, the chain still whole', () => {
    const db = fileAt(migrations[migrations.indexOf(auditFilters) - 1]!.version);
    inMoment(() => {
      writeAudit(db, '王芳', { action: 'create', entity: 'place', entityId: 'p1', after: { name: '西里社区' } });
      writeAudit(db, '李娜', { action: 'update', entity: 'member', entityId: 'm1', before: { name: '张三' }, after: { name: '张山' } });
    });
    const before = rows(db, 'audit_log');
    upgrade(db, auditFilters.version);
    expect(rows(db, 'audit_log')).toEqual(before);
    expect(listAudit(db, { operator: '李娜', offset: 0, limit: 10 }).rows.map((r) => r.entityId)).toEqual(['m1']);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'audit_log'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['audit_log_operator_seq', 'audit_log_action_seq', 'audit_log_entity_seq']));
    expect(verifyChain(db, AUDIT_CHAIN)).toMatchObject({ break: null, complete: true });
    db.close();
  });

  it('025 indexes the entries already logged for the search, by their values, and changes none', () => {
    const db = fileAt(migrations[migrations.indexOf(auditSearch) - 1]!.version);
    inMoment(() => {
      writeAudit(db, '王芳', { action: 'create', entity: 'place', entityId: 'p1', after: { name: '西里社区' } });
      writeAudit(db, '李娜', { action: 'update', entity: 'member', entityId: 'm1', before: { name: '张三' }, after: { name: '张山', note: '住西里社区3号楼' } });
      db.prepare("INSERT INTO audit_log (id, at, operator, action, entity, entity_id, before, after, seq, hash) SELECT 'x', at, operator, action, entity, NULL, NULL, 'not json', seq + 1, hash FROM audit_log ORDER BY seq DESC LIMIT 1").run();
    });
    const before = rows(db, 'audit_log');
    upgrade(db, auditSearch.version);
    expect(rows(db, 'audit_log')).toEqual(before);
    const found = (text: string) => listAudit(db, { text, offset: 0, limit: 10 }).rows.map((r) => r.entityId);
    expect(found('西里社区')).toEqual(['m1', 'p1']);
    expect(found('张三')).toEqual(['m1']);
    expect(found('name')).toEqual([]);
    inMoment(() => writeAudit(db, '王芳', { action: 'create', entity: 'place', entityId: 'p2', after: { name: '东里社区' } }));
    expect(found('东里')).toEqual(['p2']);
    db.close();
  });

  it('029 adds the card record beside the companies already on file, append-only by trigger', () => {
    const db = fileAt(migrations[migrations.indexOf(propertyCards) - 1]!.version);
    db.prepare(`INSERT INTO property_companies (id, name, name_pinyin, name_initials, credit_code, created_at, updated_at, operator)
                VALUES ('co1', '阳光物业', 'yangguangwuye', 'ygwy', '91350100M000100Y43', ?, ?, '王芳')`).run(AT, AT);
    const before = rows(db, 'property_companies');
    upgrade(db, propertyCards.version);
    expect(rows(db, 'property_companies')).toEqual(before);
    const card = (id: string, colour: string, basis: string, dueOn: string | null) =>
      db.prepare(`INSERT INTO property_cards (id, company_id, colour, basis, due_on, reason, issued_on, created_at, operator)
                  VALUES (?, 'co1', ?, ?, ?, '消防通道整改逾期', '2026-11-20', ?, '王芳')`).run(id, colour, basis, dueOn, AT);
    card('k1', 'yellow', 'rectification', '2026-11-01');
    expect(() => card('k2', 'red', 'rectification', '2026-11-01')).toThrow(/CHECK/);
    expect(() => card('k3', 'yellow', 'rectification', '2026-11-20')).toThrow(/CHECK/);
    expect(() => card('k4', 'yellow', 'resolution', '2026-11-01')).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE property_cards SET reason = '改' WHERE id = 'k1'").run()).toThrow('黄红牌记录不能修改');
    expect(() => db.prepare("DELETE FROM property_cards WHERE id = 'k1'").run()).toThrow('黄红牌记录不能删除');
    const withdraw = () => db.prepare("INSERT INTO property_card_withdrawals (card_id, reason, withdrawn_at, operator) VALUES ('k1', '误发', ?, '王芳')").run(AT);
    withdraw();
    expect(withdraw).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare("DELETE FROM property_card_withdrawals").run()).toThrow('撤销记录不能删除');
    db.close();
  });

  it('021 on a file before first start adds no account', () => {
    const db = fileAt(migrations[migrations.indexOf(accounts) - 1]!.version);
    upgrade(db, accounts.version);
    expect(rows(db, 'accounts')).toEqual([]);
    db.close();
  });

  it('023 keeps the layouts already remembered, with no values mapped yet', () => {
    const db = fileAt(migrations[migrations.indexOf(importValueMaps) - 1]!.version);
    db.prepare(`INSERT INTO import_mappings (register, fingerprint, header_row, mapping, used_count, updated_at, operator)
      VALUES ('party.members', 'f1', 3, '{"name":1,"branch":13}', 2, ?, '王芳')`).run(AT);
    const before = rows(db, 'import_mappings');
    upgrade(db, importValueMaps.version);
    expect(rows(db, 'import_mappings')).toEqual(before.map((r) => ({ ...r, value_map: '{}' })));
    db.close();
  });
});
