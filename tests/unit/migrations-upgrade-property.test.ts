import { describe, expect, it } from 'vitest';
import { migrations } from '../../db/migrations';
import { elevators } from '../../db/migrations/011_elevators';
import { fundCrowdfunding } from '../../db/migrations/014_fund_crowdfunding';
import { fundCampaignSchemes } from '../../db/migrations/033_fund_campaign_schemes';
import { fundAttachments } from '../../db/migrations/035_fund_attachments';
import { fundGrantApplications } from '../../db/migrations/026_fund_grant_applications';
import { fundReconciliation } from '../../db/migrations/022_fund_reconciliation';
import { AT, fileAt, fundAccountData, only, partyData, rows, upgrade } from './upgrade-fixture';

/** The upgrade tests of red property, the elevator register and its fund (008–014, 022, 027), as migrations-upgrade.test.ts says. */
describe('upgrading a file with red property, the elevators and the fund in it', () => {
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
    fundAccountData(db);
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

  it('014 adds fee allocations and crowd-funding beside an account and its journal already on file', () => {
    const previous = migrations[migrations.indexOf(fundCrowdfunding) - 1]!.version;
    const db = fileAt(previous);
    fundAccountData(db);
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

  it('022 adds bank reconciliations beside an account, its signatories and its journal already on file', () => {
    const previous = migrations[migrations.indexOf(fundReconciliation) - 1]!.version;
    const db = fileAt(previous);
    fundAccountData(db);
    db.prepare(`INSERT INTO fund_signatories (id, account_id, side, name, person_key, pin_hash, status, created_at, updated_at, operator)
      VALUES ('s1', 'f1', 'company', '刘经理', '刘经理', 'scrypt$16384$8$1$00$00', 'active', ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO fund_entries (id, account_id, on_date, direction, category, amount, purpose, elevators, attachments, status, request_hash, created_at, updated_at, operator)
      VALUES ('n1', 'f1', '2026-10-30', 'income', 'fee_allocation', 2583374, '物业费提取', '[]', '[]', 'draft', 'h', ?, ?, '王芳')`).run(AT, AT);
    const tables = ['fund_accounts', 'fund_signatories', 'fund_entries', 'ledger_heads'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, fundReconciliation.version);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    const reconcile = db.prepare(`INSERT INTO fund_reconciliations (id, account_id, month, statement_date, bank_balance, ledger_balance, content_hash, status, confirmed_at, created_at, updated_at, operator)
      VALUES (?, 'f1', ?, '2026-10-31', 100000, 100000, ?, ?, ?, ?, ?, '王芳')`);
    expect(() => reconcile.run('r0', '2026-10', 'a'.repeat(64), 'confirmed', null, AT, AT)).toThrow(/CHECK/);
    reconcile.run('r1', '2026-10', 'a'.repeat(64), 'draft', null, AT, AT);
    expect(() => reconcile.run('r2', '2026-10', 'a'.repeat(64), 'draft', null, AT, AT)).toThrow(/UNIQUE/);
    const item = db.prepare(`INSERT INTO fund_reconciliation_items (reconciliation_id, position, side, entry_id, on_date, direction, amount, note) VALUES ('r1', ?, ?, ?, ?, ?, ?, ?)`);
    expect(() => item.run(0, 'ledger', 'n1', '2026-10-31', null, null, null)).toThrow(/CHECK/);
    expect(() => item.run(0, 'bank', null, '2026-10-31', 'income', 0, '结息')).toThrow(/CHECK/);
    item.run(0, 'ledger', 'n1', null, null, null, null);
    item.run(1, 'bank', null, '2026-10-31', 'income', 1234, '结息');
    db.prepare("UPDATE fund_reconciliations SET status = 'confirmed', confirmed_at = ? WHERE id = 'r1'").run(AT);
    expect(() => item.run(2, 'bank', null, '2026-10-31', 'expense', 500, '手续费')).toThrow(/不能修改或删除/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
  it('027 adds maintenance-fund use applications and bank lines entered beside an account and its journal already on file, their facts held by CHECKs', () => {
    const previous = migrations[migrations.indexOf(fundGrantApplications) - 1]!.version;
    const db = fileAt(previous);
    fundAccountData(db);
    db.prepare(`INSERT INTO fund_entries (id, account_id, on_date, direction, category, amount, purpose, elevators, attachments, status, request_hash, created_at, updated_at, operator)
      VALUES ('n1', 'f1', '2026-11-10', 'expense', 'overhaul', 50000, '大修', '[]', '[]', 'draft', 'h', ?, ?, '王芳')`).run(AT, AT);
    const tables = ['fund_accounts', 'fund_entries', 'ledger_heads'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, fundGrantApplications.version);
    for (const t of tables) expect(rows(db, t), t).toEqual(before[t]);
    const application = db.prepare(`INSERT INTO fund_grant_applications (id, account_id, title, works, budget, rule, total_households, total_area,
      voted_households, voted_area, agreed_households, agreed_area, vote_closed_on, status, created_at, updated_at, operator)
      VALUES (?, 'f1', '电梯大修', '更换曳引机', 100000, 'use', 300, 3000000, ?, ?, ?, ?, ?, ?, ?, ?, '王芳')`);
    // Half a tally, more agreeing than voting, more voting than there are, a notice step without its dates: refused.
    expect(() => application.run('g0', 200, 2000000, null, null, null, 'proposed', AT, AT)).toThrow(/CHECK/);
    expect(() => application.run('g0', 200, 2000000, 201, 1, '2026-10-20', 'proposed', AT, AT)).toThrow(/CHECK/);
    expect(() => application.run('g0', 301, 2000000, 1, 1, '2026-10-20', 'proposed', AT, AT)).toThrow(/CHECK/);
    expect(() => application.run('g0', 200, 2000000, 150, 1500000, '2026-10-20', 'noticed', AT, AT)).toThrow(/CHECK/);
    application.run('g1', 200, 2000000, 150, 1500000, '2026-10-20', 'proposed', AT, AT);
    const link = db.prepare(`INSERT INTO fund_grant_payments (entry_id, application_id, stage, created_at, operator) VALUES ('n1', 'g1', ?, ?, '王芳')`);
    expect(() => link.run('deposit', AT)).toThrow(/CHECK/);
    link.run('first', AT);
    expect(() => link.run('final', AT)).toThrow(/UNIQUE/);
    expect(() => db.prepare("DELETE FROM fund_grant_payments WHERE entry_id = 'n1'").run()).toThrow(/只能追加/);
    db.prepare(`INSERT INTO fund_reconciliations (id, account_id, month, statement_date, bank_balance, ledger_balance, content_hash, status, created_at, updated_at, operator)
      VALUES ('r1', 'f1', '2026-10', '2026-10-31', 100000, 100000, ?, 'draft', ?, ?, '王芳')`).run('a'.repeat(64), AT, AT);
    const line = db.prepare(`INSERT INTO fund_bank_line_entries (entry_id, reconciliation_id, on_date, direction, amount, note, created_at, operator)
      VALUES (?, 'r1', '2026-10-31', ?, ?, '手续费', ?, '王芳')`);
    expect(() => line.run('n1', 'expense', 0, AT)).toThrow(/CHECK/);
    expect(() => line.run('n1', 'charge', 500, AT)).toThrow(/CHECK/);
    line.run('n1', 'expense', 500, AT);
    expect(() => db.prepare("UPDATE fund_bank_line_entries SET amount = 1").run()).toThrow(/只能追加/);
    db.prepare("UPDATE fund_grant_applications SET status = 'withdrawn', end_reason = '暂缓' WHERE id = 'g1'").run();
    expect(() => db.prepare("UPDATE fund_grant_applications SET status = 'proposed' WHERE id = 'g1'").run()).toThrow(/不能修改或删除/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
  it('033 widens the campaign schemes by rebuilding fund_campaigns under its households, payments and grants, and runs twice unchanged', () => {
    const previous = migrations[migrations.indexOf(fundCampaignSchemes) - 1]!.version;
    const db = fileAt(previous);
    fundAccountData(db);
    db.prepare(`INSERT INTO fund_entries (id, account_id, on_date, direction, category, amount, purpose, elevators, attachments, status, request_hash, created_at, updated_at, operator)
      VALUES ('n1', 'f1', '2026-11-10', 'income', 'crowdfunding', 50000, '众筹', '[]', '[]', 'draft', 'h', ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO fund_campaigns (id, account_id, title, purpose, target, owners_part, subsidy_part, grant_part, balance_part, scheme, status, created_at, updated_at, operator)
      VALUES ('k1', 'f1', '3号楼电梯大修', '更换曳引机', 1000000, 900000, 100000, 0, 0, 'area', 'open', ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO fund_campaign_households (id, campaign_id, position, room, owner_name, area_hundredths, share, created_at, updated_at, operator)
      VALUES ('h1', 'k1', 0, '3-101', '张三', 8850, 900000, ?, ?, '王芳')`).run(AT, AT);
    db.prepare(`INSERT INTO fund_campaign_payments (entry_id, campaign_id, household_id, receipt_no, amount, created_at, operator) VALUES ('n1', 'k1', 'h1', 'ZC-1', 50000, ?, '王芳')`).run(AT);
    const tables = ['fund_campaigns', 'fund_campaign_households', 'fund_campaign_payments', 'fund_entries'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(db, t)]));
    upgrade(db, fundCampaignSchemes.version);
    for (const t of tables) expect(only(Object.keys(before[t]![0]!), rows(db, t)), t).toEqual(before[t]);
    expect(rows(db, 'fund_campaign_households')[0]).toMatchObject({ floor: null, weight_hundredths: null });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'fund_campaigns' AND type = 'index' AND sql IS NOT NULL").pluck().all()).toEqual(['fund_campaigns_account']);
    const schema = () => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name LIKE 'fund_campaign%' ORDER BY name").all();
    const once = schema();
    db.transaction(() => fundCampaignSchemes.up(db))();
    expect(schema()).toEqual(once);
    const campaign = db.prepare(`INSERT INTO fund_campaigns (id, account_id, title, purpose, target, owners_part, subsidy_part, grant_part, balance_part, scheme, status, created_at, updated_at, operator)
      VALUES (?, 'f1', '大修', '更换', 1000, 1000, 0, 0, 0, ?, 'open', ?, ?, '王芳')`);
    expect(() => campaign.run('k0', 'per_head', AT, AT)).toThrow(/CHECK/);
    campaign.run('k2', 'floor_area', AT, AT);
    campaign.run('k3', 'custom', AT, AT);
    const coefficient = db.prepare('INSERT INTO fund_campaign_floor_coefficients (campaign_id, floor, coefficient_hundredths) VALUES (?, ?, ?)');
    expect(() => coefficient.run('k2', 0, 100)).toThrow(/CHECK/);
    expect(() => coefficient.run('k2', 3, -1)).toThrow(/CHECK/);
    coefficient.run('k2', 3, 100);
    expect(() => coefficient.run('k2', 3, 110)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => db.prepare("UPDATE fund_campaign_households SET share = 1 WHERE id = 'h1'").run()).toThrow(/份额确定后不能修改/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('035 adds the voucher store beside the journal, its entries unchanged, and runs twice unchanged', () => {
    const previous = migrations[migrations.indexOf(fundAttachments) - 1]!.version;
    const db = fileAt(previous);
    fundAccountData(db);
    const h = 'a'.repeat(64);
    // An entry written before 035 may already name an attachment hash (the field existed, with no file behind it).
    db.prepare(`INSERT INTO fund_entries (id, account_id, on_date, direction, category, amount, purpose, elevators, attachments, status, request_hash, created_at, updated_at, operator)
      VALUES ('n1', 'f1', '2026-11-10', 'expense', 'routine', 50000, '维保', '[]', ?, 'draft', 'h', ?, ?, '王芳')`).run(JSON.stringify([h]), AT, AT);
    const before = rows(db, 'fund_entries');
    upgrade(db, fundAttachments.version);
    expect(rows(db, 'fund_entries')).toEqual(before);
    const schema = () => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'fund_attachments' ORDER BY name").all();
    const once = schema();
    db.transaction(() => fundAttachments.up(db))();
    expect(schema()).toEqual(once);
    const put = db.prepare(`INSERT INTO fund_attachments (sha256, file_name, mime, bytes, content, personal, created_at, updated_at, operator)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, '王芳')`);
    expect(() => put.run('b'.repeat(64), 'a.docx', 'application/msword', 1, Buffer.from([1]), 0, AT, AT)).toThrow(/CHECK/);
    expect(() => put.run('b'.repeat(64), 'a.pdf', 'application/pdf', 2, Buffer.from([1]), 0, AT, AT)).toThrow(/CHECK/);
    put.run(h, '身份证.jpg', 'image/jpeg', 1, Buffer.from([1]), 1, AT, AT);
    expect(() => db.prepare('UPDATE fund_attachments SET personal = 0').run()).toThrow('含个人信息的附件不能取消标记');
    expect(() => db.prepare('DELETE FROM fund_attachments').run()).toThrow('还有流水引用这个附件');
    db.close();
  });
});
