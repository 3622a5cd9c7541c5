import type { AccountRow } from '../../../db/fund/types';
import { renderDocument } from '../../export/pdf/document';
import { chineseDate } from '../../export/period';
import { calendarDay } from '../common/calendar';
import { formatFen } from '../common/money';
import type { SavedReconciliation } from './contract';
import { accountPlace, sides } from './labels';

export const RECONCILIATION_TITLE = '银行存款余额调节表';

export interface ReconciliationDocument {
  saved: SavedReconciliation;
  account: AccountRow;
  madeOn: string;
  operator: string;
  unitName: string;
  timeZone: string;
}

const none = (rows: string[][], columns: number) => (rows.length > 0 ? rows : [['无', ...Array<string>(columns - 1).fill('')]]);

/**
 * The month's 余额调节表 as it is kept with the bank statement (docs/fund.md, 银行对账): the two sides adjusted in the
 * layout drawn on paper, the items in transit on each side, who confirmed it in the console and when — or that it is
 * still a draft — and signature blocks for the two sides to sign on paper too.
 */
export function renderReconciliation(d: ReconciliationDocument): Promise<Buffer> {
  const { reconciliation: r, figures: f, ledgerItems, bankItems, signoffs } = d.saved;
  const a = d.account;
  const month = `${r.month.slice(0, 4)}年${Number(r.month.slice(5))}月`;
  const confirmed = signoffs.filter((s) => s.valid).map((s) => `${sides[s.side]}：${s.signerName}（${calendarDay(Date.parse(s.signedAt), d.timeZone)}）`);
  const status = r.status === 'confirmed'
    ? `双方已在系统中确认：${confirmed.join('；')}。`
    : `草稿，尚未经双方确认${confirmed.length ? `（已确认：${confirmed.join('；')}）` : ''}。`;
  return renderDocument({
    title: RECONCILIATION_TITLE,
    subtitle: [accountPlace(a), `${month}（截至${chineseDate(r.statementDate)}）`],
    author: d.unitName,
    blocks: [
      { kind: 'paragraph', text: `账户：${a.name}${a.bankName ? `　开户银行：${a.bankName}` : ''}${a.bankAccount ? `　账号：${a.bankAccount}` : ''}` },
      {
        kind: 'table',
        columns: [
          { header: '项目', width: 30 }, { header: '金额', width: 20, align: 'right' },
          { header: '项目', width: 30 }, { header: '金额', width: 20, align: 'right' },
        ],
        rows: [
          ['账面余额', formatFen(f.ledgerBalance), '银行对账单余额', formatFen(f.bankBalance)],
          ['加：银行已收、账上未收', formatFen(f.bankOnlyIncome), '加：账上已收、银行未收', formatFen(f.ledgerOnlyIncome)],
          ['减：银行已付、账上未付', formatFen(f.bankOnlyExpense), '减：账上已付、银行未付', formatFen(f.ledgerOnlyExpense)],
        ],
        totalRow: ['调节后余额', formatFen(f.adjustedLedger), '调节后余额', formatFen(f.adjustedBank)],
      },
      { kind: 'paragraph', text: f.difference === 0 ? '调节后两边余额相符。' : `调节后两边相差 ${formatFen(f.difference)}，尚未对平。`, bold: true },
      { kind: 'paragraph', text: '一、账上已记、银行未记', bold: true },
      {
        kind: 'table',
        columns: [{ header: '流水', width: 10, align: 'center' }, { header: '日期', width: 16 }, { header: '摘要', width: 44 }, { header: '收入', width: 15, align: 'right' }, { header: '支出', width: 15, align: 'right' }],
        rows: none(ledgerItems.map((i) => [
          i.seq === null ? '' : `第 ${i.seq} 笔`, i.onDate, i.purpose, i.direction === 'income' ? formatFen(i.amount) : '', i.direction === 'expense' ? formatFen(i.amount) : '',
        ]), 5),
      },
      { kind: 'paragraph', text: '二、银行已记、账上未记（须在收支明细中补记入账）', bold: true },
      {
        kind: 'table',
        columns: [{ header: '日期', width: 16 }, { header: '摘要', width: 54 }, { header: '收入', width: 15, align: 'right' }, { header: '支出', width: 15, align: 'right' }],
        rows: none(bankItems.map((b) => [b.onDate, b.note, b.direction === 'income' ? formatFen(b.amount) : '', b.direction === 'expense' ? formatFen(b.amount) : '']), 4),
      },
      { kind: 'paragraph', text: status },
      { kind: 'paragraph', text: `制表：${d.operator}　　制表日期：${chineseDate(d.madeOn)}`, size: 9.5 },
    ],
    signatures: ['物业服务企业', '业主委员会'],
  });
}
