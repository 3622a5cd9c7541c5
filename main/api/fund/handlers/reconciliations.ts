import { getAccount, type AccountRow } from '../../../../db/fund/accounts';
import { bankLineEntriesOf } from '../../../../db/fund/bank-lines';
import { balanceOf } from '../../../../db/fund/balances';
import {
  bankItemsOf, confirmedBefore, getReconciliation, insertReconciliationSignoff, ledgerItemsOf, listReconciliations, markConfirmed, postedAmong,
  postedBetween, reconciliationOf, reconciliationSignoffs, saveDraft, type ReconciliationRow, type ReconciliationSignoffRow,
} from '../../../../db/fund/reconciliations';
import { getSignatory, personKey } from '../../../../db/fund/signatories';
import type { Side } from '../../../../db/fund/types';
import type { Db } from '../../../../db/open';
import { getInstallation } from '../../../../db/settings';
import { pdfOut } from '../../../export/file-out';
import { DEFAULT_TIME_ZONE } from '../../common/calendar';
import { addDays, addMonths } from '../../common/days';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { formatFen } from '../../common/money';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { fundContract, ReconciliationStatus, ReconciliationView, SavedReconciliation } from '../contract';
import { sides } from '../labels';
import { reconciliationFigures } from '../reconcile';
import type { FundSettings } from '../rules';
import { RECONCILIATION_TITLE, renderReconciliation } from '../reconciliation-pdf';
import { mustAccount } from './common';
import { assertSignerPin } from './pin-limit';

type C = typeof fundContract;

const lastDayOf = (month: string) => addDays(addMonths(`${month}-01`, 1), -1);
const nextMonth = (month: string) => addMonths(`${month}-01`, 1).slice(0, 7);
const monthWords = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/**
 * Whether an account is due a reconciliation: the month after the last one confirmed (`through`, or the opening
 * month) is to be reconciled by the setting's day of the month after it; overdue once today is past that day.
 */
export function reconciliationStatus(a: AccountRow, through: string | null, today: string, settings: FundSettings): ReconciliationStatus {
  const next = through ? nextMonth(through) : a.openedOn.slice(0, 7);
  const day = String(settings.reconciliationDueDay).padStart(2, '0');
  const dueBy = `${nextMonth(next)}-${day}`;
  return { through, next, dueBy, overdue: a.status === 'active' && today > dueBy };
}

/** The confirmations that approved the reconciliation as it stands, one per side at most (the newest). */
function validConfirmations(signoffs: ReconciliationSignoffRow[], contentHash: string): Partial<Record<Side, ReconciliationSignoffRow>> {
  const valid: Partial<Record<Side, ReconciliationSignoffRow>> = {};
  for (const s of signoffs) if (s.contentHash === contentHash && !valid[s.side]) valid[s.side] = s;
  return valid;
}

function saved(db: Db, r: ReconciliationRow): SavedReconciliation {
  const ledgerItems = ledgerItemsOf(db, r.id);
  const bankItems = bankItemsOf(db, r.id);
  const signoffs = reconciliationSignoffs(db, r.id);
  const valid = new Set(Object.values(validConfirmations(signoffs, r.contentHash)).map((s) => s.id));
  return {
    reconciliation: r, ledgerItems, bankItems,
    figures: reconciliationFigures({ ledgerBalance: r.ledgerBalance, bankBalance: r.bankBalance, ledgerItems, bankItems }),
    signoffs: signoffs.map((s) => ({ ...s, valid: valid.has(s.id) })),
    enteredLines: bankLineEntriesOf(db, r.id),
  };
}

/**
 * A month as the reconciliation screen shows it: the journal's balance at the month's end now, what may be in
 * transit (the posted entries since the last confirmed statement date, and those still in transit then), and the
 * month's saved reconciliation, with whether the journal has moved since it was saved.
 */
function monthView(db: Db, a: AccountRow, month: string): ReconciliationView {
  const statementDate = lastDayOf(month);
  const previous = confirmedBefore(db, a.id, month);
  const from = previous ? addDays(previous.statementDate, 1) : `${month}-01`;
  const carried = previous ? ledgerItemsOf(db, previous.id) : [];
  const carriedIds = new Set(carried.map((i) => i.entryId));
  const candidates = [
    ...carried.map((i) => ({ ...i, carried: true })),
    ...postedBetween(db, a.id, from, statementDate).filter((i) => !carriedIds.has(i.entryId)).map((i) => ({ ...i, carried: false })),
  ];
  const r = reconciliationOf(db, a.id, month);
  const ledgerBalance = balanceOf(db, a.id, statementDate);
  return { month, statementDate, from, ledgerBalance, candidates, previousMonth: previous?.month ?? null, saved: r ? saved(db, r) : null, ledgerChanged: !!r && r.status === 'draft' && r.ledgerBalance !== ledgerBalance };
}

function mustMonth(a: AccountRow, month: string, today: string): void {
  if (lastDayOf(month) >= today) throw fieldError('month', `${monthWords(month)}还没有结束，月末之后才能对账`);
  if (lastDayOf(month) < a.openedOn) throw fieldError('month', `账户 ${a.openedOn} 开户，不能对之前月份的账`);
}

const auditedFigures = (v: SavedReconciliation) => ({
  month: v.reconciliation.month,
  bankBalance: formatFen(v.figures.bankBalance),
  ledgerBalance: formatFen(v.figures.ledgerBalance),
  difference: formatFen(v.figures.difference),
  ledgerItems: v.ledgerItems.map((i) => i.seq),
  bankItems: v.bankItems.map((b) => `${b.onDate} ${b.direction === 'income' ? '收' : '付'} ${formatFen(b.amount)} ${b.note}`),
});

export function mustReconciliation(ctx: Ctx, id: string): ReconciliationRow {
  const r = getReconciliation(ctx.db, id);
  if (!r) throw notFound('银行对账');
  return r;
}

export const reconciliationHandlers: Pick<
  Handlers<C>,
  'fund.getReconciliation' | 'fund.saveReconciliation' | 'fund.confirmReconciliation' | 'fund.printReconciliation' | 'fund.listReconciliations'
> = {
  'fund.getReconciliation': ({ accountId, month }, ctx) => {
    const a = mustAccount(ctx.db, accountId);
    mustMonth(a, month, ctx.today);
    return monthView(ctx.db, a, month);
  },

  /**
   * Saves the month's draft whole, with the journal's balance at the month's end as it stands. Changing anything a
   * side has confirmed leaves that confirmation counting for nothing (it approved the content hash); once both have
   * confirmed the month it is final (MONTH_RECONCILED).
   */
  'fund.saveReconciliation': (input, ctx) => {
    const a = mustAccount(ctx.db, input.accountId);
    mustMonth(a, input.month, ctx.today);
    const existing = reconciliationOf(ctx.db, a.id, input.month);
    if (existing?.status === 'confirmed') {
      throw new DomainError('CONFLICT', `${monthWords(input.month)}的银行对账已于 ${existing.confirmedAt!.slice(0, 10)} 由双方确认，不能再修改`, 'MONTH_RECONCILED');
    }
    const statementDate = lastDayOf(input.month);
    const ids = [...new Set(input.ledgerItems)];
    const found = postedAmong(ctx.db, a.id, ids, statementDate);
    if (found.length !== ids.length) throw fieldError('ledgerItems', `有 ${ids.length - found.length} 笔未达账项不是本账户 ${statementDate} 前已过账的流水`);
    const late = input.bankItems.findIndex((b) => b.onDate > statementDate);
    if (late >= 0) throw fieldError(`bankItems.${late}.onDate`, `银行方未达账项的日期应在 ${statementDate} 或之前`);
    const id = existing?.id ?? input.id;
    const before = existing && saved(ctx.db, existing);
    saveDraft(ctx.db, {
      id, accountId: a.id, month: input.month, statementDate, bankBalance: input.bankBalance, ledgerBalance: balanceOf(ctx.db, a.id, statementDate),
      ledgerItems: ids, bankItems: input.bankItems,
    }, ctx.operator);
    const view = monthView(ctx.db, a, input.month);
    const voided = before?.signoffs.filter((s) => s.valid && !view.saved!.signoffs.find((n) => n.id === s.id)?.valid).map((s) => s.signerName);
    ctx.audit({
      action: existing ? 'update' : 'create', entity: 'fund_reconciliation', entityId: id,
      before: before && auditedFigures(before), after: { ...auditedFigures(view.saved!), ...(voided?.length ? { voidedConfirmations: voided } : {}) },
    });
    return view;
  },

  /**
   * One side confirms the month in person (their name and their own signing PIN, limited like a sign-off). Only a
   * reconciliation whose two sides agree can be confirmed, and only for the journal as it stands; the second side's
   * confirmation makes it final.
   */
  'fund.confirmReconciliation': ({ reconciliationId, signatoryId, pin }, ctx) => {
    const r = mustReconciliation(ctx, reconciliationId);
    const a = mustAccount(ctx.db, r.accountId);
    if (r.status === 'confirmed') return monthView(ctx.db, a, r.month);
    const signer = getSignatory(ctx.db, signatoryId);
    if (!signer || signer.accountId !== r.accountId || signer.status !== 'active') throw fieldError('signatoryId', '请选择本账户的签字人');
    if (!signer.pinSet) throw new DomainError('DOMAIN', `${signer.name}还没有设置签字密码`, 'PIN_NOT_SET', [{ path: 'signatoryId', message: '尚未设置签字密码' }]);
    const view = monthView(ctx.db, a, r.month);
    const current = view.saved!;
    if (view.ledgerChanged) {
      throw new DomainError('CONFLICT', `保存对账后，${r.statementDate} 的账面余额已变为 ${formatFen(view.ledgerBalance)}（有新过账的流水），请核对后重新保存`, 'LEDGER_CHANGED');
    }
    if (current.figures.difference !== 0) {
      throw new DomainError('DOMAIN', `调节后两边相差 ${formatFen(current.figures.difference)}，对平之后才能确认`, 'NOT_BALANCED');
    }
    assertSignerPin(ctx, signer, pin, '签字密码不正确，未确认', 'pin');
    const valid = validConfirmations(reconciliationSignoffs(ctx.db, r.id), r.contentHash);
    const mine = valid[signer.side];
    if (mine?.signatoryId === signatoryId) return view;
    if (mine) throw new DomainError('CONFLICT', `${sides[signer.side]}一方已由${mine.signerName}确认`, 'SIDE_SIGNED');
    const other = valid[signer.side === 'company' ? 'committee' : 'company'];
    const otherSigner = other && getSignatory(ctx.db, other.signatoryId);
    if (otherSigner && personKey(otherSigner.name) === personKey(signer.name)) {
      throw new DomainError('DOMAIN', `${signer.name}已代表另一方确认，同一人不能代表双方确认`, 'SAME_PERSON_BOTH_SIDES', [{ path: 'signatoryId', message: '同一人不能代表双方确认' }]);
    }
    const id = insertReconciliationSignoff(ctx.db, { reconciliationId: r.id, side: signer.side, signatoryId, contentHash: r.contentHash }, ctx.operator);
    const final = !!other;
    if (final) markConfirmed(ctx.db, r.id);
    ctx.audit({ action: final ? 'reconcile' : 'confirm', entity: 'fund_reconciliation', entityId: r.id, after: { signoff: id, side: signer.side, signer: signer.name, month: r.month, contentHash: r.contentHash } });
    return monthView(ctx.db, a, r.month);
  },

  /** The saved month as the 余额调节表 to print and file with the bank statement; printing is audited. */
  'fund.printReconciliation': async ({ reconciliationId }, ctx) => {
    const r = mustReconciliation(ctx, reconciliationId);
    const account = getAccount(ctx.db, r.accountId)!;
    const installation = getInstallation(ctx.db);
    const pdf = await renderReconciliation({
      saved: saved(ctx.db, r), account, madeOn: ctx.today, operator: ctx.operator,
      unitName: installation?.unitName ?? '', timeZone: installation?.timeZone ?? DEFAULT_TIME_ZONE,
    });
    ctx.audit({ action: 'print', entity: 'fund_reconciliation', entityId: r.id, after: { month: r.month, status: r.status } });
    return pdfOut(`${RECONCILIATION_TITLE}-${account.name}-${r.month}.pdf`, pdf);
  },

  'fund.listReconciliations': ({ accountId }, { db }) => {
    if (!getAccount(db, accountId)) throw fieldError('accountId', '基金账户不存在');
    return listReconciliations(db, accountId).map((r) => saved(db, r));
  },
};
