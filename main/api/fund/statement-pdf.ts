import type { ChainHead } from '../../../db/ledger/chain';
import type { ExpenseLine, Signature, StatementData } from '../../../db/fund/statement';
import { renderDocument } from '../../export/pdf/document';
import { chineseDate } from '../../export/period';
import { calendarDay } from '../common/calendar';
import { formatFen } from '../common/money';
import { accountPlace } from './labels';

export const STATEMENT_TITLE = '电梯维保基金收支情况公示';

/** The head as every statement and 账目校验 print it: 第 N 笔 · 校验码 and the first 16 hex digits. */
export const headText = (head: ChainHead): string =>
  head.seq === 0 ? '尚无过账流水' : `第 ${head.seq} 笔 · 校验码 ${head.hash.slice(0, 16)}`;

export interface StatementDocument {
  statement: StatementData;
  account: { name: string; estateName: string; buildingName: string | null; communityName: string; bankName: string | null; bankAccount: string | null };
  head: ChainHead;
  notice: { from: string; to: string };
  madeOn: string;
  operator: string;
  unitName: string;
  timeZone: string;
}

const signed = (s: Signature | null, zone: string) => (s ? `${s.name}\n${calendarDay(Date.parse(s.signedAt), zone)}` : '—');

/** The voucher number and how many vouchers are attached: the count, never the files (some hold personal data). */
const voucherOf = (l: ExpenseLine): string => [l.voucherNo, l.attachments ? `附件 ${l.attachments} 张` : '无附件'].filter(Boolean).join('\n');

function purposeOf(l: ExpenseLine): string {
  const mark = l.reverses !== null ? '【冲正】' : '';
  const reversed = l.reversedBy ? `\n（已冲正：第 ${l.reversedBy.seq} 笔，${l.reversedBy.onDate}）` : '';
  return `${mark}${l.categoryLabel} · ${l.purpose}${reversed}${l.counterparty ? `\n对方单位：${l.counterparty}` : ''}`;
}

/**
 * The statement posted in the lobby (DOMAIN.md, issue 11): A4 in the official layout of main/export/pdf — the
 * period's opening, income by category, every expense with purpose, voucher and both sign-offs, reversals marked,
 * closing, the chain head as 账目校验 shows it, the 公示期, and blocks for the three parties to seal.
 */
export function renderStatement(d: StatementDocument): Promise<Buffer> {
  const s = d.statement;
  const a = d.account;
  const bank = [a.bankName && `开户银行：${a.bankName}`, a.bankAccount && `账号：${a.bankAccount}`].filter(Boolean).join('　');
  const incomeTotal = s.incomeByCategory.reduce((n, c) => n + c.entries, 0);
  return renderDocument({
    title: STATEMENT_TITLE,
    subtitle: [accountPlace(a), `统计期间：${chineseDate(s.from)}至${chineseDate(s.to)}`],
    author: d.unitName,
    blocks: [
      { kind: 'paragraph', text: `账户：${a.name}${bank ? `　${bank}` : ''}` },
      {
        kind: 'table',
        columns: ['期初余额', '本期收入', '本期支出', '期末余额'].map((header) => ({ header, width: 1, align: 'right' as const })),
        rows: [[s.opening, s.income, s.expense, s.closing].map(formatFen)],
      },
      { kind: 'paragraph', text: '一、收入（按类别）', bold: true },
      {
        kind: 'table',
        columns: [
          { header: '类别', width: 30 },
          { header: '笔数', width: 12, align: 'right' },
          { header: '金额', width: 26, align: 'right' },
          { header: '其中冲正', width: 26, align: 'right' },
        ],
        rows: s.incomeByCategory.map((c) => [c.label, String(c.entries), formatFen(c.amount), c.reversed ? formatFen(c.reversed) : '—']),
        totalRow: ['合计', String(incomeTotal), formatFen(s.income), ''],
      },
      { kind: 'paragraph', text: '二、支出明细（每笔支出均经物业服务企业和业主委员会双方签字后过账；冲正记录无需签字）', bold: true },
      {
        kind: 'table',
        columns: [
          { header: '笔号', width: 6, align: 'center' },
          { header: '日期', width: 12 },
          { header: '类别 · 用途', width: 29 },
          { header: '凭证号', width: 13 },
          { header: '金额', width: 12, align: 'right' },
          { header: '物业签字', width: 14 },
          { header: '业委会签字', width: 14 },
        ],
        rows: s.expenses.map((l) => [
          String(l.seq), l.onDate, purposeOf(l), voucherOf(l), formatFen(l.amount), signed(l.company, d.timeZone), signed(l.committee, d.timeZone),
        ]),
        totalRow: ['', '合计', `共 ${s.expenses.length} 笔`, '', formatFen(s.expense), '', ''],
      },
      {
        kind: 'paragraph',
        text: `账目校验：${headText(d.head)}${d.head.seq === 0 ? '' : `（完整校验码 ${d.head.hash}）`}。校验码由本账户全部已过账流水依次计算，任何一笔被改动，校验码都会不同；可在“电梯维保基金 → 账目校验”中核对。`,
        size: 9.5,
      },
      {
        kind: 'paragraph',
        text: `公示期：${chineseDate(d.notice.from)}至${chineseDate(d.notice.to)}。如对公示内容有异议，请在公示期内向业主委员会或社区居民委员会反映。`,
        bold: true,
      },
      { kind: 'paragraph', text: `制表：${d.operator}　　制表日期：${chineseDate(d.madeOn)}`, size: 9.5 },
    ],
    signatures: ['物业服务企业', '业主委员会', '社区居民委员会'],
    signatureWord: '盖章',
  });
}
