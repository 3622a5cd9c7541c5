import { describe, expect, it } from 'vitest';
import { FUND_CHAIN_ROWS, fundChainSpec } from '../../db/fund/chain';
import { chainHash, genesisHash } from '../../db/ledger/canonical';
import { fieldsOf } from '../../db/ledger/chain';
import { verifyChain } from '../../db/ledger/verify';
import type { Db } from '../../db/open';
import { fundFixture } from './fund-fixture';

/**
 * The journal as someone with the file would change it, triggers lifted first: verify names the first broken entry
 * and what happened to it, per account.
 */

type Row = Record<string, unknown> & { seq: number; hash: string };

async function journal() {
  const t = await fundFixture();
  await t.income('5,000.00', '2026-02-01');
  await t.spend('1,200.00', '2026-02-15');
  await t.income('300.00', '2026-03-01', { category: 'interest' });
  await t.spend('450.00', '2026-03-20', { category: 'inspection' });
  await t.income('2,000.00', '2026-04-01');
  const db = t.rawDb();
  const spec = fundChainSpec(t.account.id, t.account.name);
  const verify = (witnessed: { seq: number; hash: string }[] = []) => verifyChain(db, spec, { witnessed });
  const row = (seq: number) => db.prepare(`${FUND_CHAIN_ROWS} WHERE e.account_id = ? AND e.seq = ?`).get(t.account.id, seq) as Row;
  return { ...t, db, spec, verify, row };
}

const lift = (db: Db) => db.exec('DROP TRIGGER fund_entries_no_update; DROP TRIGGER fund_entries_no_delete; DROP TRIGGER fund_signoffs_no_update; DROP TRIGGER fund_accounts_opening_fixed;');

describe('the fund journal as a chain per account', () => {
  it('refuses UPDATE and DELETE of posted entries and sign-offs, and a row posted outside the chain', async () => {
    const { db, call, verify, draft } = await journal();
    expect(() => db.prepare('UPDATE fund_entries SET amount = 1 WHERE seq = 2').run()).toThrow(/不能修改或删除/);
    expect(() => db.prepare('DELETE FROM fund_entries WHERE seq = 1').run()).toThrow(/不能修改或删除/);
    expect(() => db.prepare('DELETE FROM fund_signoffs').run()).toThrow(/签字记录只能追加/);
    const d = await draft('10.00', '2026-04-02');
    const forge = (seq: number, signoff: string | null) =>
      db.prepare("UPDATE fund_entries SET status = 'posted', seq = ?, hash = ?, posted_at = 'x', company_signoff_id = ?, committee_signoff_id = ? WHERE id = ?")
        .run(seq, 'a'.repeat(64), signoff, signoff, d.entry.id);
    const someSignoff = (db.prepare('SELECT id FROM fund_signoffs LIMIT 1').get() as { id: string }).id;
    expect(() => forge(9, someSignoff)).toThrow(/按顺序过账/);
    expect(() => forge(6, null)).toThrow(/双方签字/);
    expect(verify()).toMatchObject({ entries: 5, break: null, complete: true });
    expect(await call('fund.verifyAccount', { id: d.entry.accountId })).toMatchObject({ entries: 5, break: null });
  });

  it('finds a changed amount, a sign-off moved to another person, and a changed opening balance', async () => {
    const { db, verify } = await journal();
    lift(db);
    db.prepare('UPDATE fund_entries SET amount = 12000 WHERE seq = 4').run();
    expect(verify().break).toEqual({ seq: 4, kind: 'changed' });
    db.prepare('UPDATE fund_entries SET amount = 45000 WHERE seq = 4').run();
    expect(verify().break).toBeNull();
    const other = db.prepare("SELECT id FROM fund_signatories WHERE side = 'committee'").get() as { id: string };
    db.prepare("INSERT INTO fund_signatories (id, account_id, side, name, person_key, status, created_at, updated_at, operator) SELECT 'X', account_id, side, '假签名', '假签名', 'active', created_at, updated_at, operator FROM fund_signatories WHERE id = ?").run(other.id);
    db.prepare("UPDATE fund_signoffs SET signatory_id = 'X' WHERE signatory_id = ?").run(other.id);
    expect(verify().break).toEqual({ seq: 2, kind: 'changed' });
    db.prepare("UPDATE fund_signoffs SET signatory_id = ? WHERE signatory_id = 'X'").run(other.id);
    db.prepare('UPDATE fund_accounts SET opening_balance = 2000000').run();
    expect(verify().break).toEqual({ seq: 1, kind: 'changed' });
  });

  it('finds a deleted entry (missing) and an inserted one (inserted)', async () => {
    const { db, verify } = await journal();
    lift(db);
    db.prepare('DELETE FROM fund_entries WHERE seq = 5').run();
    expect(verify().break).toEqual({ seq: 5, kind: 'missing' });
    db.prepare('DELETE FROM fund_entries WHERE seq = 3').run();
    expect(verify().break).toEqual({ seq: 3, kind: 'missing' });
  });

  it('finds an entry inserted beyond the head', async () => {
    const { db, verify, row, spec } = await journal();
    lift(db);
    db.exec('DROP TRIGGER fund_entries_start_as_drafts; DROP TRIGGER fund_entries_chain_next; DROP TRIGGER fund_entries_chain_head;');
    const forged = { ...row(5), id: 'FORGED', seq: 6 };
    forged.hash = chainHash(row(5).hash, fieldsOf(spec, forged));
    db.prepare(`INSERT INTO fund_entries (id, account_id, seq, hash, on_date, direction, category, amount, purpose, elevators, attachments, status,
      request_hash, posted_at, posted_by, created_at, updated_at, operator) VALUES (@id, @account_id, @seq, @hash, @on_date, @direction, @category,
      @amount, @purpose, @elevators, @attachments, 'posted', @request_hash, @posted_at, @posted_by, @created_at, @updated_at, @operator)`).run(forged);
    expect(verify().break).toEqual({ seq: 6, kind: 'inserted' });
  });

  it('catches a consistently recomputed chain by a head recorded earlier', async () => {
    const { db, verify, row, spec, account } = await journal();
    const printed = { seq: 3, hash: row(3).hash }; // as a 公示 statement would carry it
    expect(verify([printed]).break).toBeNull();
    lift(db);
    db.exec('DROP TRIGGER fund_entries_chain_next;');
    db.prepare('UPDATE fund_entries SET amount = 100 WHERE seq = 2').run();
    let previous = genesisHash(spec.name);
    for (let seq = 1; seq <= 5; seq++) {
      previous = chainHash(previous, fieldsOf(spec, row(seq)));
      db.prepare('UPDATE fund_entries SET hash = ? WHERE account_id = ? AND seq = ?').run(previous, account.id, seq);
    }
    db.prepare('UPDATE ledger_heads SET hash = ? WHERE chain = ?').run(previous, spec.name);
    expect(verify().break).toBeNull();
    expect(verify([printed]).break).toEqual({ seq: 3, kind: 'head-mismatch' });
  });

  it('is verified by 核对数据, account by account', async () => {
    const { db, call, account } = await journal();
    const fundCheck = async () => (await call('system.checkData', {})).chains.find((c) => c.chain === `fund:${account.id}`);
    expect(await fundCheck()).toMatchObject({ label: '电梯维保基金流水（阳光小区电梯维保基金）', checked: true, entries: 5, break: null });
    lift(db);
    db.prepare("UPDATE fund_entries SET purpose = '改过的用途' WHERE seq = 3").run();
    expect(await fundCheck()).toMatchObject({ break: { seq: 3, kind: 'changed' } });
    expect((await call('system.checkData', {})).consistent).toBe(false);
  });

  it('keeps each account a chain of its own', async () => {
    const t = await journal();
    const other = await t.call('party.createPlace', { kind: 'estate', parentId: t.community.id, name: '月光小区' });
    const second = await t.call('fund.openAccount', { estateId: other.id, openingBalance: '0', openedOn: '2026-01-01' });
    const entry = await t.call('fund.postIncome', { id: '01KB0000000000000000000001', accountId: second.id, onDate: '2026-02-01', category: 'subsidy', amount: '1.00', purpose: '补贴' });
    expect(entry.seq).toBe(1);
    expect(verifyChain(t.db, fundChainSpec(second.id, second.name))).toMatchObject({ entries: 1, break: null });
    expect(t.verify()).toMatchObject({ entries: 5, break: null });
  });
});
