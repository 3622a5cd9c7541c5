import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { COMMITTEE_PIN, COMPANY_PIN, fundFixture } from './fund-fixture';

/** November saved with two lines of the bank statement the journal lacks: interest credited, a charge taken. */
async function november() {
  const t = await fundFixture();
  const view = await t.call('fund.saveReconciliation', {
    id: newId(), accountId: t.account.id, month: '2026-11', bankBalance: '10,007.34', ledgerItems: [],
    bankItems: [
      { onDate: '2026-11-21', direction: 'income', amount: '12.34', note: '第四季度结息' },
      { onDate: '2026-11-30', direction: 'expense', amount: '5.00', note: '账户管理费' },
    ],
  });
  const r = view.saved!.reconciliation;
  const enter = (index: number, category: string, id = newId()) => t.call('fund.enterBankLine', { id, reconciliationId: r.id, index, category });
  return { ...t, r, view, enter };
}

describe('a bank-only line entered into the journal from the reconciliation', () => {
  it('posts interest as income at once, with the line’s date, amount and words', async () => {
    const { enter, call, account, view } = await november();
    expect(view.saved!.figures.difference).toBe(0);
    const { entry } = await enter(0, 'interest');
    expect(entry).toMatchObject({ status: 'posted', direction: 'income', category: 'interest', onDate: '2026-11-21', amount: 1234, purpose: '银行对账 2026年11月：第四季度结息' });
    expect((await call('fund.getAccount', { id: account.id })).account.balance).toBe(1_001_234);
    const again = await call('fund.getReconciliation', { accountId: account.id, month: '2026-11' });
    expect(again.saved!.enteredLines).toEqual([expect.objectContaining({ entryId: entry.id, note: '第四季度结息', status: 'posted', seq: entry.seq })]);
    // The journal moved under the saved draft: the screen asks for it to be saved again (the line then leaves the bank side).
    expect(again.ledgerChanged).toBe(true);
  });

  it('drafts a charge as an expense that needs both sign-offs in person before it is posted', async () => {
    const { enter, call, attempt, company, committee } = await november();
    const { entry } = await enter(1, 'other');
    expect(entry).toMatchObject({ status: 'draft', direction: 'expense', amount: 500, onDate: '2026-11-30', purpose: '银行对账 2026年11月：账户管理费' });
    await call('fund.signOff', { entryId: entry.id, signatoryId: company.id, pin: COMPANY_PIN });
    expect(await attempt('fund.postExpense', { entryId: entry.id })).toMatchObject({ ok: false, error: { reason: 'SIGNOFF_MISSING' } });
    await call('fund.signOff', { entryId: entry.id, signatoryId: committee.id, pin: COMMITTEE_PIN });
    expect((await call('fund.postExpense', { entryId: entry.id })).entry.status).toBe('posted');
  });

  it('enters a line once: a retry returns the entry, another request is refused until a draft of it is voided', async () => {
    const { enter, call, attempt, r } = await november();
    const id = newId();
    const first = await enter(1, 'other', id);
    expect(await enter(1, 'other', id)).toEqual(first);
    expect(await attempt('fund.enterBankLine', { id: newId(), reconciliationId: r.id, index: 1, category: 'other' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'BANK_LINE_ENTERED', message: expect.stringContaining('待签字的草稿') } });
    await call('fund.voidDraft', { entryId: first.entry.id, reason: '类别选错' });
    expect((await enter(1, 'routine')).entry).toMatchObject({ status: 'draft', category: 'routine' });
    expect(await attempt('fund.enterBankLine', { id: newId(), reconciliationId: r.id, index: 2, category: 'other' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'index' }] } });
    expect(await attempt('fund.enterBankLine', { id: newId(), reconciliationId: r.id, index: 0, category: 'routine' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'category' }] } });
  });
});
