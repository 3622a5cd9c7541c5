import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { fixedToday as today } from './helpers';
import { fundFixture } from './fund-fixture';

describe('fund accounts', () => {
  it('open once per estate, on an estate, with the opening balance in fen', async () => {
    const { call, attempt, account, estate, building } = await fundFixture();
    expect(account).toMatchObject({ name: '阳光小区电梯维保基金', openingBalance: 1_000_000, balance: 1_000_000, available: 1_000_000, status: 'active' });
    expect(await attempt('fund.openAccount', { estateId: estate.id, openingBalance: '1', openedOn: '2026-01-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'estateId', message: expect.stringContaining('已有基金账户') }] } });
    expect(await attempt('fund.openAccount', { estateId: building.id, openingBalance: '1', openedOn: '2026-01-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'estateId' }] } });
    expect(await attempt('fund.openAccount', { estateId: estate.id, openingBalance: '1.234', openedOn: '2026-01-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'openingBalance', message: '开户余额最多两位小数（到分）' }] } });
    expect(await attempt('fund.openAccount', { estateId: estate.id, openingBalance: 100, openedOn: '2026-01-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'openingBalance' }] } });
    expect((await call('fund.listCategories', {})).filter((c) => c.direction === 'expense').map((c) => c.label)).toEqual(['日常维保', '维修', '大修', '年检', '其他']);
  });

  it("name only elevators of the account's estate in the register, and come back with their places", async () => {
    const { call, attempt, draft, estate, building, community } = await fundFixture();
    const mine = await call('elevator.createElevator', { estateId: estate.id, buildingId: building.id, regCode: '31104201022015060123', type: 'passenger', status: 'in_service' });
    const other = await call('party.createPlace', { kind: 'estate', parentId: community.id, name: '月光小区' });
    const otherBuilding = await call('party.createPlace', { kind: 'building', parentId: other.id, name: '1号楼' });
    const theirs = await call('elevator.createElevator', { estateId: other.id, buildingId: otherBuilding.id, regCode: '31104201022015060124', type: 'passenger', status: 'in_service' });
    const made = await draft('350.00', '2026-03-01', { elevatorIds: [mine.id] });
    expect(made.entry.elevatorIds).toEqual([mine.id]);
    // Named where the drawers show it: its place and 注册代码.
    expect(made.elevators).toEqual([{ id: mine.id, estateName: '阳光小区', buildingName: building.name, unitNo: null, carLabel: null, regCode: '31104201022015060123' }]);
    for (const ids of [[theirs.id], [mine.id, '01J0000000000000000000000X']]) {
      expect(await attempt('fund.draftExpense', { id: newId(), accountId: (await call('fund.listAccounts', {}))[0]!.id, onDate: '2026-03-01', amount: '1', purpose: '测试', category: 'routine', elevatorIds: ids }))
        .toMatchObject({ ok: false, error: { fields: [{ path: 'elevatorIds', message: expect.stringContaining('1 部电梯不在阳光小区的电梯档案中') }] } });
    }
  });

  it('keep their estate in the places register: deleting it is refused as in use, not failed', async () => {
    const { call, attempt, community } = await fundFixture();
    const bare = await call('party.createPlace', { kind: 'estate', parentId: community.id, name: '月光小区' });
    await call('fund.openAccount', { estateId: bare.id, openingBalance: '0', openedOn: '2026-01-01' });
    expect(await attempt('party.deletePlace', { id: bare.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'PLACE_IN_USE' } });
  });
});

describe('the journal', () => {
  it('posts income at once; balance and available balance (balance − open drafts)', async () => {
    const { call, account, income, draft } = await fundFixture();
    const e = await income('26,000.50', '2026-02-01', { counterparty: '阳光物业', voucherNo: '记-2026-02-001' });
    expect(e).toMatchObject({ status: 'posted', seq: 1, amount: 2_600_050, effect: 2_600_050, direction: 'income' });
    await draft('1,200.00', '2026-03-01');
    const { account: view, drafts } = await call('fund.getAccount', { id: account.id });
    expect(view).toMatchObject({ balance: 3_600_050, available: 3_480_050 });
    expect(drafts).toHaveLength(1);
    expect(await draft('40,000.00', '2026-03-02').catch((err) => err.body)).toMatchObject({ reason: 'AVAILABLE_NEGATIVE', fields: [{ path: 'overrideReason' }] });
  });

  it('posts the same request once, and refuses the same id with other content', async () => {
    const { call, attempt, account, figures } = await fundFixture();
    const input = { id: newId(), accountId: account.id, onDate: '2026-02-01', category: 'interest', amount: '12.34', purpose: '利息' };
    const [a, b] = [await call('fund.postIncome', input), await call('fund.postIncome', input)];
    expect(b).toEqual(a);
    expect((await figures()).total).toBe(1);
    expect(await attempt('fund.postIncome', { ...input, amount: '12.35' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'ID_REUSED' } });
    expect(await attempt('fund.draftExpense', { ...input, category: 'routine' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'ID_REUSED' } });
    expect((await figures()).income).toBe(1234);
  });

  it('reverses a posted entry: negated, same category, dated today; nets to zero; never twice, never a reversal', async () => {
    const { call, attempt, spend, figures } = await fundFixture();
    const expense = await spend('3,500.00', '2026-05-10', { category: 'repair' });
    const reversal = await call('fund.reverseEntry', { id: newId(), entryId: expense.id, reason: '发票重复登记' });
    expect(reversal).toMatchObject({ direction: 'expense', category: 'repair', amount: -350_000, effect: 350_000, reversesId: expense.id, onDate: today(), seq: 2 });
    const f = await figures();
    expect([f.expense, f.closing]).toEqual([0, 1_000_000]);
    // The journal says which entry reversed which, so the screen offers 冲正 only where it can be done.
    expect(f.rows.map((r) => [r.seq, r.reversedBy, r.reversesId])).toEqual([[1, reversal.id, null], [2, null, expense.id]]);
    const again = await attempt('fund.reverseEntry', { id: newId(), entryId: expense.id, reason: '再冲一次' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'ALREADY_REVERSED' } });
    expect(await attempt('fund.reverseEntry', { id: newId(), entryId: reversal.id, reason: '冲正冲正' })).toMatchObject({ ok: false, error: { reason: 'IS_REVERSAL' } });
    const onOriginal = await spend('10.00', '2026-05-11');
    expect((await call('fund.reverseEntry', { id: newId(), entryId: onOriginal.id, reason: '录错', onOriginalDate: true })).onDate).toBe('2026-05-11');
  });

  it('refuses a back-dated expense that makes an earlier day negative, though today is fine, unless a reason is recorded', async () => {
    const { call, draft, signBoth, income, figures } = await fundFixture({ openingBalance: '100.00' });
    await income('5,000.00', '2026-06-01');
    // On 2026-03-01 the account held only ¥100: a ¥500 expense dated then breaks that day.
    const d = await draft('500.00', '2026-03-01', { overrideReason: null });
    await signBoth(d.entry.id);
    const refused = await call('fund.postExpense', { entryId: d.entry.id }).catch((err) => err.body);
    expect(refused).toMatchObject({ reason: 'BALANCE_NEGATIVE', message: expect.stringContaining('2026-03-01 将为 -¥400.00') });
    expect((await call('fund.getEntry', { id: d.entry.id })).entry.status).toBe('draft');
    expect((await figures()).total).toBe(1);
    // With a recorded reason (the signers approve it with the rest), posted and audited.
    await call('fund.updateDraft', { ...d.entry, amount: '500.00', overrideReason: '物业先行垫付，6月补提' });
    await signBoth(d.entry.id);
    expect((await call('fund.postExpense', { entryId: d.entry.id })).entry.status).toBe('posted');
    const audit = await call('system.listAudit', { entity: 'fund_entry', entityId: d.entry.id, limit: 50 });
    expect(audit.rows.map((r) => r.action)).toContain('override_negative_balance');
  });

  it('keeps every amount an INTEGER column in fen, and sums exactly', async () => {
    const { rawDb, income, figures } = await fundFixture({ openingBalance: '0.10' });
    for (let i = 0; i < 30; i++) await income('0.20', '2026-02-01');
    expect((await figures()).closing).toBe(610); // 0.1 + 30 × 0.2 in floating point is 6.1000000000000005
    const db = rawDb();
    const money = [['fund_accounts', 'opening_balance'], ['fund_entries', 'amount'], ['fund_entries', 'effect']] as const;
    for (const [table, column] of money) {
      const col = (db.prepare(`SELECT type FROM pragma_table_xinfo(?) WHERE name = ?`).get(table, column) as { type: string }).type;
      expect(col, `${table}.${column}`).toBe('INTEGER');
      expect(db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE typeof(${column}) <> 'integer'`).get()).toEqual({ n: 0 });
    }
  });
});
