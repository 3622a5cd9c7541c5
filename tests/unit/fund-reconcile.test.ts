import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { reconciliationFigures } from '../../main/api/fund/reconcile';
import { COMMITTEE_PIN, COMPANY_PIN, fundFixture } from './fund-fixture';
import { hasPoppler, pdfText } from './pdf-text';

/**
 * 银行对账 (docs/fund.md): a month's bank statement balance beside the journal's, with the items in transit on each
 * side; confirmed in person by both sides, only when the two agree, and final once confirmed. The fixture's account
 * opened 2026-01-01 with ¥10,000.00; "today" is 2026-12-02 in Beijing.
 */

type T = Awaited<ReturnType<typeof fundFixture>>;
type StatementLine = { onDate: string; direction: 'income' | 'expense'; amount: string; note: string };

/**
 * October: ¥5,000.00 in on the 5th, ¥800.00 paid on the 20th that the bank has not paid out yet, and the statement's
 * own lines the journal does not have: ¥12.34 interest in, a ¥5.00 charge out. Journal 14,200.00 on the 31st; the
 * bank 14,200.00 + 800.00 + 12.34 − 5.00 = 15,007.34.
 */
async function october(t: T) {
  await t.income('5,000.00', '2026-10-05');
  const cheque = await t.spend('800.00', '2026-10-20');
  const bankItems: StatementLine[] = [
    { onDate: '2026-10-31', direction: 'income', amount: '12.34', note: '结息' },
    { onDate: '2026-10-31', direction: 'expense', amount: '5.00', note: '账户管理费' },
  ];
  const input = { id: newId(), accountId: t.account.id, month: '2026-10', bankBalance: '15,007.34', ledgerItems: [cheque.id], bankItems };
  return { cheque, input };
}

const confirm = (t: T, reconciliationId: string, side: 'company' | 'committee') =>
  t.call('fund.confirmReconciliation', {
    reconciliationId, signatoryId: side === 'company' ? t.company.id : t.committee.id, pin: side === 'company' ? COMPANY_PIN : COMMITTEE_PIN,
  });

describe('a month reconciled with the bank', () => {
  it('adjusts each side for what only the other has seen, and is final once both sides confirm', async () => {
    const t = await fundFixture();
    const { input } = await october(t);
    const saved = await t.call('fund.saveReconciliation', input);
    expect(saved.saved!.figures).toEqual({
      ledgerBalance: 1_420_000, bankBalance: 1_500_734, bankOnlyIncome: 1_234, bankOnlyExpense: 500, ledgerOnlyIncome: 0, ledgerOnlyExpense: 80_000,
      adjustedLedger: 1_420_734, adjustedBank: 1_420_734, difference: 0,
    });
    const id = saved.saved!.reconciliation.id;
    expect((await confirm(t, id, 'company')).saved!.reconciliation.status).toBe('draft');
    const done = await confirm(t, id, 'committee');
    expect(done.saved!.reconciliation).toMatchObject({ status: 'confirmed', confirmedAt: expect.any(String) });
    expect(done.saved!.signoffs.map((s) => [s.signerName, s.valid])).toEqual([['陈主任', true], ['刘经理', true]]);
    const [listed] = await t.call('fund.listAccounts', {});
    expect(listed!.reconciliation).toMatchObject({ through: '2026-10', next: '2026-11', dueBy: '2026-12-10', overdue: false });

    expect(await t.attempt('fund.saveReconciliation', { ...input, bankBalance: '1.00' })).toMatchObject({ ok: false, error: { reason: 'MONTH_RECONCILED' } });
    const raw = t.rawDb();
    expect(() => raw.prepare('UPDATE fund_reconciliations SET bank_balance = 0 WHERE id = ?').run(id)).toThrow('已确认的银行对账不能修改或删除');
    expect(() => raw.prepare('DELETE FROM fund_reconciliation_items WHERE reconciliation_id = ?').run(id)).toThrow('已确认的银行对账不能修改或删除');
    expect(() => raw.prepare('DELETE FROM fund_reconciliation_signoffs').run()).toThrow('只能追加');
    const audit = await t.call('system.listAudit', { entity: 'fund_reconciliation', entityId: id, limit: 10 });
    expect(audit.rows.map((r) => r.action)).toEqual(['reconcile', 'confirm', 'create']);
  });

  it('refuses to confirm while the two sides disagree, without taking the PIN', async () => {
    const t = await fundFixture();
    const { input } = await october(t);
    const saved = await t.call('fund.saveReconciliation', { ...input, bankBalance: '15,000.00' });
    expect(saved.saved!.figures.difference).toBe(734);
    const refused = await t.attempt('fund.confirmReconciliation', { reconciliationId: saved.saved!.reconciliation.id, signatoryId: t.company.id, pin: '000000' });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'NOT_BALANCED', message: expect.stringContaining('¥7.34') } });
    const signers = (await t.call('fund.getAccount', { id: t.account.id })).signatories;
    expect(signers.find((s) => s.id === t.company.id)!.wrongPins).toBe(0);
  });

  it('an edit after a confirmation voids it, and the audit says whose', async () => {
    const t = await fundFixture();
    const { input } = await october(t);
    const id = (await t.call('fund.saveReconciliation', input)).saved!.reconciliation.id;
    await confirm(t, id, 'company');
    // Only a line's words changed: the figures still agree, but this is not what 刘经理 approved.
    const [interest, charge] = input.bankItems as [StatementLine, StatementLine];
    const edited = await t.call('fund.saveReconciliation', { ...input, bankItems: [{ ...interest, note: '第四季度结息' }, charge] });
    expect(edited.saved!.figures.difference).toBe(0);
    expect(edited.saved!.signoffs).toMatchObject([{ signerName: '刘经理', valid: false }]);
    expect((await confirm(t, id, 'committee')).saved!.reconciliation.status).toBe('draft');
    expect((await confirm(t, id, 'company')).saved!.reconciliation.status).toBe('confirmed');
    const audit = await t.call('system.listAudit', { entity: 'fund_reconciliation', entityId: id, limit: 10 });
    expect(audit.rows.find((r) => r.action === 'update')?.after).toContain('刘经理');
  });

  it('a back-dated entry posted into the month after saving must be looked at before anyone confirms', async () => {
    const t = await fundFixture();
    const { input } = await october(t);
    const id = (await t.call('fund.saveReconciliation', input)).saved!.reconciliation.id;
    await t.income('100.00', '2026-10-25');
    const view = await t.call('fund.getReconciliation', { accountId: t.account.id, month: '2026-10' });
    expect(view).toMatchObject({ ledgerBalance: 1_430_000, ledgerChanged: true });
    expect(await t.attempt('fund.confirmReconciliation', { reconciliationId: id, signatoryId: t.company.id, pin: COMPANY_PIN }))
      .toMatchObject({ ok: false, error: { reason: 'LEDGER_CHANGED', message: expect.stringContaining('¥14,300.00') } });
    // Saved again with the new entry in transit (the bank has not credited it): the sides agree again.
    const again = await t.call('fund.saveReconciliation', { ...input, ledgerItems: [...input.ledgerItems, view.candidates.find((c) => c.amount === 10_000)!.entryId] });
    expect(again).toMatchObject({ ledgerChanged: false, saved: { figures: { difference: 0, ledgerOnlyIncome: 10_000 } } });
  });

  it('the same person cannot confirm for both sides, and a wrong PIN counts towards the lock', async () => {
    const t = await fundFixture();
    const { input } = await october(t);
    const id = (await t.call('fund.saveReconciliation', input)).saved!.reconciliation.id;
    const wrong = await t.attempt('fund.confirmReconciliation', { reconciliationId: id, signatoryId: t.company.id, pin: '111111' });
    expect(wrong).toMatchObject({ ok: false, error: { reason: 'WRONG_PIN', fields: [{ path: 'pin' }] } });
    expect((await t.call('fund.getAccount', { id: t.account.id })).signatories.find((s) => s.id === t.company.id)!.wrongPins).toBe(1);
    await confirm(t, id, 'company');
    const twin = await t.call('fund.addSignatory', { accountId: t.account.id, side: 'committee', name: '刘经理二' });
    t.rawDb().prepare("UPDATE fund_signatories SET name = '刘经理', person_key = '刘经理' WHERE id = ?").run(twin.id);
    await t.call('fund.setSignatoryPin', { signatoryId: twin.id, pin: '112233' });
    expect(await t.attempt('fund.confirmReconciliation', { reconciliationId: id, signatoryId: twin.id, pin: '112233' }))
      .toMatchObject({ ok: false, error: { reason: 'SAME_PERSON_BOTH_SIDES' } });
  });

  it('refuses a month not yet over, one before the opening, and items that are not this account\'s posted entries by the month end', async () => {
    const t = await fundFixture();
    const { input } = await october(t);
    expect(await t.attempt('fund.getReconciliation', { accountId: t.account.id, month: '2026-12' })).toMatchObject({ ok: false, error: { fields: [{ path: 'month', message: expect.stringContaining('还没有结束') }] } });
    expect(await t.attempt('fund.saveReconciliation', { ...input, month: '2025-12' })).toMatchObject({ ok: false, error: { fields: [{ path: 'month' }] } });
    const later = await t.income('1.00', '2026-11-02');
    expect(await t.attempt('fund.saveReconciliation', { ...input, ledgerItems: [later.id] })).toMatchObject({ ok: false, error: { fields: [{ path: 'ledgerItems' }] } });
    const draft = await t.draft('9.00', '2026-10-10');
    expect(await t.attempt('fund.saveReconciliation', { ...input, ledgerItems: [draft.entry.id] })).toMatchObject({ ok: false, error: { fields: [{ path: 'ledgerItems' }] } });
    expect(await t.attempt('fund.saveReconciliation', { ...input, bankItems: [{ ...input.bankItems[0]!, onDate: '2026-11-01' }] }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'bankItems.0.onDate' }] } });
    expect(await t.call('fund.listReconciliations', { accountId: t.account.id })).toEqual([]);
  });

  it('offers next month what was still in transit, then what was posted since the statement date', async () => {
    const t = await fundFixture();
    const { cheque, input } = await october(t);
    const id = (await t.call('fund.saveReconciliation', input)).saved!.reconciliation.id;
    await confirm(t, id, 'company');
    await confirm(t, id, 'committee');
    const november = await t.income('300.00', '2026-11-15');
    const view = await t.call('fund.getReconciliation', { accountId: t.account.id, month: '2026-11' });
    expect(view.previousMonth).toBe('2026-10');
    expect(view.candidates.map((c) => [c.entryId, c.carried])).toEqual([[cheque.id, true], [november.id, false]]);
  });

  it.skipIf(!hasPoppler)('prints the 余额调节表 with both sides, the items in transit and who confirmed it', async () => {
    const t = await fundFixture();
    const { input } = await october(t);
    const id = (await t.call('fund.saveReconciliation', input)).saved!.reconciliation.id;
    const draft = pdfText((await t.call('fund.printReconciliation', { reconciliationId: id })).contentBase64).replace(/\s+/g, '');
    expect(draft).toContain('草稿，尚未经双方确认');
    await confirm(t, id, 'company');
    await confirm(t, id, 'committee');
    const file = await t.call('fund.printReconciliation', { reconciliationId: id });
    expect(file.fileName).toBe('银行存款余额调节表-阳光小区电梯维保基金-2026-10.pdf');
    const text = pdfText(file.contentBase64).replace(/\s+/g, '');
    for (const part of [
      '银行存款余额调节表', '2026年10月（截至2026年10月31日）', '账面余额¥14,200.00银行对账单余额¥15,007.34', '加：银行已收、账上未收¥12.34',
      '减：账上已付、银行未付¥800.00', '调节后余额¥14,207.34调节后余额¥14,207.34', '调节后两边余额相符', '第2笔2026-10-20测试', '2026-10-31账户管理费',
      '双方已在系统中确认：业主委员会：陈主任', '物业服务企业：刘经理',
    ]) expect(text).toContain(part);
    const audit = await t.call('system.listAudit', { entity: 'fund_reconciliation', entityId: id, limit: 10 });
    expect(audit.rows.filter((r) => r.action === 'print')).toHaveLength(2);
  });

  it('an account never reconciled is due from its opening month', async () => {
    const t = await fundFixture();
    const [listed] = await t.call('fund.listAccounts', {});
    expect(listed!.reconciliation).toEqual({ through: null, next: '2026-01', dueBy: '2026-02-10', overdue: true });
  });
});

describe('the adjustment', () => {
  /**
   * Any set of true movements, each seen by the bank, the journal or both: the bank's balance is the opening plus
   * what it saw, the journal's the opening plus what it saw; the items in transit are what only one side saw. The
   * adjusted balances then always agree — and a statement off by any amount shows exactly that difference.
   */
  it('agrees for any split of the movements between bank and journal', () => {
    const movement = fc.record({ direction: fc.constantFrom('income' as const, 'expense' as const), amount: fc.integer({ min: 1, max: 10_000_000 }), seen: fc.constantFrom('both', 'bank', 'ledger') });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.array(movement, { maxLength: 40 }), fc.integer({ min: -1_000_000, max: 1_000_000 }), (opening, moves, error) => {
        const effect = (m: { direction: string; amount: number }) => (m.direction === 'income' ? m.amount : -m.amount);
        const total = (seen: string) => moves.filter((m) => m.seen === 'both' || m.seen === seen).reduce((s, m) => s + effect(m), opening);
        const inputs = {
          ledgerBalance: total('ledger'), bankBalance: total('bank'),
          ledgerItems: moves.filter((m) => m.seen === 'ledger'), bankItems: moves.filter((m) => m.seen === 'bank'),
        };
        expect(reconciliationFigures(inputs).difference).toBe(0);
        expect(reconciliationFigures({ ...inputs, bankBalance: inputs.bankBalance + error }).difference + error).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
