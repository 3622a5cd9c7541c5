import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFile, type Db } from '../../db/open';
import { careVisitsDue } from '../../db/requests/care';
import { creditCodeProblem, idCardBirthDate, idCardGender, idCardProblem } from '../../main/api/common/identifiers';
import { DEFAULT_REQUEST_SETTINGS } from '../../main/api/requests/rules';
import { DB_FILE_NAME } from '../../main/core';
import { SEED_ADMIN, SEED_PASSWORD, SeedRefused, seedDataset, type SeedSummary } from '../../scripts/seed';
import { daysAgo, inMoment, tempDir, testClock, testCore, today } from './helpers';
import { hasPoppler, pdfText } from './pdf-text';

/** One street-scale seed (≈3 s) shared by the checks; the last test hands its folder to testCore, which removes it. */
const dir = path.join(tempDir(), 'data');
let seeded: SeedSummary;
let db: Db;

beforeAll(async () => {
  seeded = await seedDataset(dir, 'street', { clock: testClock });
  db = openFile(path.join(dir, DB_FILE_NAME), { readonly: true });
}, 180_000);

afterAll(() => {
  if (db.open) db.close();
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});

const all = <T>(sql: string, ...args: unknown[]) => db.prepare(sql).all(...args) as T[];
const share = (n: number) => n / seeded.counts.members!;

describe('the street-scale seed', () => {
  it('has the shape the issue asks for', () => {
    const c = seeded.counts;
    expect(c.communities).toBe(10);
    expect(c.estates).toBeGreaterThanOrEqual(30);
    expect(c.estates).toBeLessThanOrEqual(60);
    expect(c.buildings).toBeGreaterThanOrEqual(c.estates! * 4);
    expect(c.buildings).toBeLessThanOrEqual(c.estates! * 12);
    expect(c.households).toBeGreaterThan(7_000);
    expect(c.households).toBeLessThan(15_000);
    expect(c.branches).toBe(c.estates);
    expect(c.groups).toBeGreaterThan(0);
    expect(c.members).toBe(3_000);
    expect(share(c.probationary!)).toBeGreaterThan(0.03);
    expect(share(c.probationary!)).toBeLessThan(0.07);
    expect(share(c.inService!)).toBeGreaterThan(0.15);
    expect(share(c.inService!)).toBeLessThan(0.25);
    expect(share(c.migrant!)).toBeGreaterThan(0.03);
    expect(share(c.migrant!)).toBeLessThan(0.07);
    expect(share(c.centreHouseholds!)).toBeGreaterThan(0.03);
    expect(share(c.transferredOut!)).toBeGreaterThan(0.015);
    expect(share(c.transferredOut!)).toBeLessThan(0.045);
    expect(share(c.deceased!)).toBeGreaterThan(0.003);
    expect(share(c.deceased!)).toBeLessThan(0.02);
    expect(c.attendance).toBeGreaterThan(c.meetings! * 5);
    expect(c.ratings).toBe(c.branches! * 2);
    expect(c.overdueResolutions).toBeGreaterThan(0);
  });

  it('gives red property, the elevators and the fund a street of data', () => {
    const c = seeded.counts;
    expect(c.companies).toBe(Math.round(c.estates! / 3));
    expect(c.estateProfiles).toBe(c.estates);
    expect(c.contracts).toBeGreaterThan(c.estates!);
    expect(c.committeeTerms).toBeGreaterThan(c.estates!);
    expect(c.committeeMembers).toBeGreaterThan(c.committeeTerms! * 3);
    expect(c.jointMeetings).toBeGreaterThan(c.estates! * 6);
    expect(c.overdueJointResolutions).toBeGreaterThan(0);
    expect(c.overdueJointResolutions).toBeLessThan(c.jointResolutions! / 5);
    expect(c.surveys).toBe(c.fees);
    // Every company-managed estate (two contracts each) scored for two quarters; each quarter's list published.
    expect(c.assessments).toBe(c.contracts);
    expect(c.publishedLists).toBe(2);
    const standings = all<{ standing: string }>("SELECT json_extract(j.value, '$.standing') AS standing FROM assessment_lists l, json_each(l.entries_json) j");
    expect(new Set(standings.map((s) => s.standing))).toEqual(new Set(['red', 'black', 'none']));
    expect(c.elevators).toBeGreaterThan(300);
    expect(c.maintenance).toBeGreaterThan(c.elevators! * 20);
    expect(c.entrapments).toBeGreaterThan(0);
    expect(c.fundAccounts).toBeGreaterThan(c.estates! / 2);
    expect(c.fundEntries).toBeGreaterThan(c.fundAccounts! * 100);
    for (const { code } of all<{ code: string }>('SELECT credit_code AS code FROM property_companies')) expect(creditCodeProblem(code), code).toBeNull();
    // Some committee members come from the party register, (linked, not retyped).
    expect(all('SELECT 1 FROM committee_members WHERE member_id IS NOT NULL').length).toBeGreaterThan(0);
    // Most elevators are on schedule; some are behind (the warnings have something to show).
    const behind = all<{ id: string }>(
      `SELECT e.id FROM elevators e WHERE COALESCE((SELECT MAX(done_on) FROM elevator_maintenance m WHERE m.elevator_id = e.id
         AND m.kind = 'half_monthly' AND m.signed_by IS NOT NULL), '') < ?`, daysAgo(15 + 14),
    ).length;
    expect(behind).toBeGreaterThan(0);
    expect(behind).toBeLessThan(c.elevators! / 5);
    // Every elevator carries its newest certificate's next inspection date; some fall due within 30 days.
    expect(all('SELECT 1 FROM elevators WHERE next_inspection_on IS NULL')).toHaveLength(0);
    expect(all('SELECT 1 FROM elevators WHERE next_inspection_on <= ?', daysAgo(-30)).length).toBeGreaterThan(0);
    // No expense posted without both sign-offs, and no account below zero at its end.
    expect(all("SELECT 1 FROM fund_entries WHERE direction = 'expense' AND (company_signoff_id IS NULL OR committee_signoff_id IS NULL)")).toHaveLength(0);
    const negative = all(`SELECT a.id FROM fund_accounts a WHERE a.opening_balance + (SELECT COALESCE(SUM(CASE direction WHEN 'income' THEN amount
      ELSE -amount END), 0) FROM fund_entries e WHERE e.account_id = a.id AND e.status = 'posted') < 0`);
    expect(negative).toHaveLength(0);
  });

  it('gives a few accounts a maintenance-fund use application at each stage, its payments posted with both sign-offs and within its budget', () => {
    const c = seeded.counts;
    expect(c.fundApplications).toBeGreaterThanOrEqual(5);
    expect(c.fundApplications).toBeLessThan(c.fundAccounts! / 3);
    const stages = all<{ status: string }>('SELECT DISTINCT status FROM fund_grant_applications').map((x) => x.status);
    expect(new Set(stages)).toEqual(new Set(['proposed', 'noticed', 'approved', 'closed', 'rejected']));
    const paid = all<{ status: string; budget: number; paid: number; payments: number; unsigned: number }>(
      `SELECT g.status, g.budget, SUM(e.amount) AS paid, COUNT(*) AS payments,
         SUM(e.status <> 'posted' OR e.company_signoff_id IS NULL OR e.committee_signoff_id IS NULL OR e.category <> 'overhaul') AS unsigned
       FROM fund_grant_applications g JOIN fund_grant_payments p ON p.application_id = g.id JOIN fund_entries e ON e.id = p.entry_id GROUP BY g.id`,
    );
    expect(paid.some((a) => a.status === 'closed' && a.payments === 2)).toBe(true);
    for (const a of paid) {
      expect(a.unsigned).toBe(0);
      expect(a.paid).toBeLessThanOrEqual(a.budget);
    }
    // A finished one was paid in months the bank reconciliation confirmed: the confirmed months still agree with the journal.
    const stale = all(`SELECT x.id FROM fund_reconciliations x WHERE x.status = 'confirmed' AND x.ledger_balance <>
      (SELECT a.opening_balance FROM fund_accounts a WHERE a.id = x.account_id) + (SELECT COALESCE(SUM(e.effect), 0) FROM fund_entries e
        WHERE e.account_id = x.account_id AND e.status = 'posted' AND e.on_date <= x.statement_date)`);
    expect(stale).toHaveLength(0);
  });

  it('gives 民呼必应 five years of a street: grids within 300 households, requests at every stage, some overdue', () => {
    const c = seeded.counts;
    expect(c.requests).toBe(c.communities! * 2_000);
    expect(c.requestSteps).toBeGreaterThan(c.requests! * 4);
    expect(c.overdueRequests).toBeGreaterThan(0);
    expect(c.overdueRequests).toBeLessThan(c.openRequests!);
    expect(c.stewards).toBeGreaterThan(c.buildings! / 5);
    expect(c.wishes).toBe(c.communities! * 60);
    // A grid is buildings in order within 300 households; only a building bigger than that stands alone.
    const grids = all<{ households: number; buildings: number }>(`SELECT SUM(p.households) AS households, COUNT(*) AS buildings
      FROM grid_buildings gb JOIN places p ON p.id = gb.building_id GROUP BY gb.grid_id`);
    for (const g of grids) expect(g.households <= 300 || g.buildings === 1, JSON.stringify(g)).toBe(true);
    expect(grids.reduce((n, g) => n + g.buildings, 0)).toBe(c.buildings);
    const states = new Set(all<{ state: string }>('SELECT DISTINCT state FROM requests').map((r) => r.state));
    expect(states).toEqual(new Set(['reported', 'sorted', 'not_accepted', 'assigned', 'supervised', 'done', 'publicised', 'evaluated']));
    // Every request's row agrees with its last step (the seed goes through the repository's steps).
    expect(all('SELECT r.id FROM requests r WHERE r.state IS NOT (SELECT to_state FROM request_steps s WHERE s.request_id = r.id ORDER BY seq DESC LIMIT 1)')).toHaveLength(0);
  });

  it('gives 重点关爱户 of every colour, most paired with a member and visited on time, some now past their interval', () => {
    const c = seeded.counts;
    expect(c.careHouseholds).toBeGreaterThan(c.communities! * 10);
    expect(c.careVisits).toBeGreaterThan(c.careHouseholds! * 3);
    const colours = all<{ colour: string; n: number }>('SELECT colour, COUNT(*) AS n FROM care_households GROUP BY colour');
    expect(colours.map((x) => x.colour).sort()).toEqual(['green', 'red', 'yellow']);
    expect(all("SELECT id FROM care_households WHERE member_id IS NOT NULL").length).toBeGreaterThan(c.careHouseholds! / 2);
    const due = inMoment(() => careVisitsDue(db, today(), DEFAULT_REQUEST_SETTINGS.careVisitDays));
    expect(due).toBeGreaterThan(0);
    expect(due).toBeLessThan(c.careHouseholds! / 3);
    // Every ID number seeded is one the form would take.
    for (const { id_number } of all<{ id_number: string }>('SELECT id_number FROM care_households WHERE id_number IS NOT NULL')) {
      expect(inMoment(() => idCardProblem(id_number)), id_number).toBeNull();
    }
  });

  it('gives every member a valid ID number that agrees with their birth date, gender and joining age', () => {
    type Row = { id_number: string; birth_date: string; gender: string; joined_on: string; status: string; full_on: string | null };
    const members = all<Row>('SELECT id_number, birth_date, gender, joined_on, status, full_on FROM members');
    expect(members).toHaveLength(3_000);
    const adult = (birth: string) => `${Number(birth.slice(0, 4)) + 18}${birth.slice(4)}`;
    const recent = daysAgo(430);
    for (const m of members) {
      expect(inMoment(() => idCardProblem(m.id_number)), m.id_number).toBeNull();
      expect(idCardBirthDate(m.id_number)).toBe(m.birth_date);
      expect(idCardGender(m.id_number)).toBe(m.gender);
      expect(m.birth_date >= '1940-01-01' && m.birth_date <= '2003-12-31').toBe(true);
      expect(m.joined_on >= adult(m.birth_date) && m.joined_on <= today()).toBe(true);
      if (m.status === 'probationary') expect([m.joined_on >= recent, m.full_on]).toEqual([true, null]);
    }
  });

  it('keeps the organisation tree consistent: paths, places, one secretary and two committee members a branch', () => {
    const orgs = all<{ id: string; parent_id: string | null; path: string; level: string; place_kind: string | null }>(
      'SELECT o.id, o.parent_id, o.path, o.level, p.kind AS place_kind FROM orgs o LEFT JOIN places p ON p.id = o.place_id',
    );
    const byId = new Map(orgs.map((o) => [o.id, o]));
    const placeOf = { street_committee: null, community_committee: 'community', branch: 'estate', group: 'building' };
    for (const o of orgs) {
      const parent = o.parent_id ? byId.get(o.parent_id)! : null;
      expect(o.path).toBe(`${parent?.path ?? '/'}${o.id}/`);
      expect(o.place_kind).toBe(placeOf[o.level as keyof typeof placeOf]);
    }
    const roles = all<{ secretaries: number; committee: number }>(
      `SELECT SUM(m.role = 'secretary') AS secretaries, SUM(m.role = 'committee') AS committee
       FROM orgs b LEFT JOIN members m ON m.org_id = b.id AND m.lifecycle = 'active' WHERE b.level = 'branch' GROUP BY b.id`,
    );
    expect(roles.every((r) => r.secretaries === 1 && r.committee === 2)).toBe(true);
    const leaders = all<{ n: number }>(
      `SELECT COUNT(m.id) AS n FROM orgs g LEFT JOIN members m ON m.org_id = g.id AND m.role = 'group_leader'
       WHERE g.level = 'group' GROUP BY g.id`,
    );
    expect(leaders.every((l) => l.n === 1)).toBe(true);
    // Every member who left has the history entry that says so.
    const unexplained = all(`SELECT id FROM members m WHERE lifecycle <> 'active' AND NOT EXISTS
      (SELECT 1 FROM member_events e WHERE e.member_id = m.id AND e.kind IN ('transfer_out', 'deceased'))`);
    expect(unexplained).toHaveLength(0);
  });

  it('is the same data on every run', async () => {
    const other = path.join(tempDir(), 'data');
    try {
      await seedDataset(other, 'street', { clock: testClock });
      const fingerprint = (d: Db) => [
        d.prepare('SELECT name, id_number, birth_date, joined_on, category, role FROM members ORDER BY id_number LIMIT 500').all(),
        d.prepare('SELECT name, credit_code FROM property_companies ORDER BY credit_code').all(),
        d.prepare('SELECT reg_code, installed_on FROM elevators ORDER BY reg_code').all(),
        d.prepare("SELECT on_date, direction, category, amount, purpose FROM fund_entries ORDER BY on_date, amount, purpose").all(),
      ];
      const again = openFile(path.join(other, DB_FILE_NAME), { readonly: true });
      expect(fingerprint(again)).toEqual(fingerprint(db));
      again.close();
    } finally {
      fs.rmSync(path.dirname(other), { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a folder that already has data, in Chinese', async () => {
    await expect(seedDataset(dir, 'street', { clock: testClock })).rejects.toThrow(SeedRefused);
    await expect(seedDataset(dir, 'street', { clock: testClock })).rejects.toThrow(/已有数据/);
  });

  // Last: testCore removes the folder afterwards.
  it('serves the generated register through the API: initials search, compliance with gaps, the street\'s 上报汇总表', async () => {
    db.close();
    const { call } = await testCore({ dataDir: dir, setUp: false });
    // The seeded street's administrator signs in, as `npm run demo` prints.
    await call('system.signIn', { name: SEED_ADMIN, password: SEED_PASSWORD });
    const someone = (await call('party.listMembers', { offset: 1234, limit: 1 })).rows[0]!;
    const initials = (await import('../../db/pinyin')).pinyinKeys(someone.name).initials;
    const found = await call('party.listMembers', { q: initials, limit: 500 });
    expect(found.rows.map((r) => r.id)).toContain(someone.id);
    expect(found.rows.every((r) => r.lifecycle === 'active')).toBe(true);

    const day = today();
    const lastQuarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) || 4;
    const year = Number(day.slice(0, 4)) - (lastQuarter === 4 ? 1 : 0);
    const report = await call('party.getCompliance', { year, quarter: lastQuarter, limit: 500 });
    const behind = report.rows.filter((r) => r.missing > 0).length;
    expect(report.rows).toHaveLength(seeded.counts.branches!);
    expect(behind).toBeGreaterThan(0);
    expect(behind).toBeLessThan(report.rows.length);

    // 核对数据 walks every fund account's chain to its end and finds each intact.
    const check = await call('system.checkData', {});
    const fund = check.chains.filter((ch) => ch.chain.startsWith('fund:'));
    expect(fund).toHaveLength(seeded.counts.fundAccounts!);
    expect(fund.every((ch) => ch.checked && ch.break === null)).toBe(true);
    expect(fund.reduce((s, ch) => s + ch.entries, 0)).toBe(seeded.counts.fundEntries);
    expect(check.consistent).toBe(true);

    // Every month reconciled with the bank holds the journal's balance at its end; a few accounts have last month to do.
    const accounts = await call('fund.listAccounts', {});
    const [first] = accounts;
    const reconciled = await call('fund.listReconciliations', { accountId: first!.id });
    expect(reconciled.length).toBeGreaterThan(50);
    for (const r of reconciled) {
      const journal = await call('fund.listJournal', { accountId: first!.id, from: r.reconciliation.statementDate, to: r.reconciliation.statementDate, limit: 1 });
      expect(r.reconciliation.ledgerBalance).toBe(journal.closing);
    }
    const overdue = accounts.filter((a) => a.reconciliation.overdue).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue).toBeLessThan(accounts.length / 2);

    // The street's 上报汇总表 as it is signed: its figures whole and written one way, the signatures with the last.
    if (!hasPoppler) return console.warn('没有 pdftotext：街道规模的上报汇总表 PDF 未核对');
    const modules = ['party', 'volunteer', 'property', 'fund', 'elevator', 'requests'];
    const built = await call('submission.buildMonthly', { level: 'street', period: today().slice(0, 7), modules });
    const pages = pdfText(built.pdf!.contentBase64).split('\f').filter((p) => p.trim());
    const rows = pages.flatMap((p) => p.split('\n')).filter((l) => /^\s*(合计|\d+)\s+\S+社区|^\s*合计\s+共/.test(l));
    expect(rows.length).toBeGreaterThan(50);
    // A figure broken over two lines of its cell leaves pieces (2,87 and 8, 1462 and .0, 43.2 and %) that are no figures.
    const FIGURE = /^-?¥?\d{1,3}(,\d{3})*(\.\d+)?%?$/;
    for (const l of rows) for (const token of l.trim().split(/\s+/).filter((t) => /^[-¥\d,.%]+$/.test(t))) expect(token, l).toMatch(FIGURE);
    const last = pages.at(-1)!;
    expect(last).toMatch(/合计\s+共 10 个/);
    expect(last).toMatch(/经办人（签字）.*审核人（签字）.*负责人（签字）/);
    // A module's title stays with its table: no page ends on one.
    for (const p of pages) {
      const lines = p.split('\n').map((l) => l.trim()).filter((l) => l && !/^—\s*\d+\s*—$/.test(l));
      expect(['党组织', '志愿服务', '红色物业', '电梯维保基金', '电梯档案', '民呼必应']).not.toContain(lines.at(-1));
    }
  }, 120_000);
});
