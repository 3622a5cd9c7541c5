import type { Direction } from '../../../db/fund/types';

/**
 * The 银行存款余额调节表 of a month, pure and shared (the screen shows the core's figures as the clerk ticks items):
 *
 *   账面余额 + 银行已收、账上未收 − 银行已付、账上未付  =  银行对账单余额 + 账上已收、银行未收 − 账上已付、银行未付
 *
 * Each side adjusted for what only the other has seen; the month is reconciled when the two agree (difference 0).
 * Amounts in integer fen. A journal item's amount is as posted: a reversal's is negative with its original's
 * direction, so an entry and its reversal both in transit cancel out.
 */

export interface ReconciliationInputs {
  ledgerBalance: number;
  bankBalance: number;
  /** Posted entries the bank statement does not show yet. */
  ledgerItems: readonly { direction: Direction; amount: number }[];
  /** Statement lines not in the journal yet (amount > 0). */
  bankItems: readonly { direction: Direction; amount: number }[];
}

export interface ReconciliationFigures {
  ledgerBalance: number;
  bankBalance: number;
  /** 银行已收、账上未收 and 银行已付、账上未付. */
  bankOnlyIncome: number;
  bankOnlyExpense: number;
  /** 账上已收、银行未收 and 账上已付、银行未付. */
  ledgerOnlyIncome: number;
  ledgerOnlyExpense: number;
  adjustedLedger: number;
  adjustedBank: number;
  /** adjustedLedger − adjustedBank: 0 when the month is reconciled. */
  difference: number;
}

const sum = (items: ReconciliationInputs['ledgerItems'], direction: Direction) =>
  items.reduce((total, i) => (i.direction === direction ? total + i.amount : total), 0);

export function reconciliationFigures(r: ReconciliationInputs): ReconciliationFigures {
  const bankOnlyIncome = sum(r.bankItems, 'income');
  const bankOnlyExpense = sum(r.bankItems, 'expense');
  const ledgerOnlyIncome = sum(r.ledgerItems, 'income');
  const ledgerOnlyExpense = sum(r.ledgerItems, 'expense');
  const adjustedLedger = r.ledgerBalance + bankOnlyIncome - bankOnlyExpense;
  const adjustedBank = r.bankBalance + ledgerOnlyIncome - ledgerOnlyExpense;
  return {
    ledgerBalance: r.ledgerBalance, bankBalance: r.bankBalance, bankOnlyIncome, bankOnlyExpense, ledgerOnlyIncome, ledgerOnlyExpense,
    adjustedLedger, adjustedBank, difference: adjustedLedger - adjustedBank,
  };
}
