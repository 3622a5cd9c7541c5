import { z } from 'zod';
import { applicationsIn } from '../../../../db/fund/applications';
import { exportReconciliations, type ReconciliationExportRow } from '../../../../db/fund/export-procedures';
import { reconciliationHash } from '../../../../db/fund/reconciliations';
import type { Side } from '../../../../db/fund/types';
import type { ApplicationRow } from '../../../../db/fund/types-applications';
import { count, day, fen, maybe, placed, sha256, stamp, text } from '../../../export/record-fields';
import type { PackageTable } from '../../../export/types';
import { id, keysOf } from '../../common/fields';
import { communityOf } from '../../property/export/tables';
import { applicationStatuses, consentRules, reconciliationStatuses } from '../labels';
import { reconciliationFigures, type ReconciliationFigures } from '../reconcile';

/**
 * The fund's procedures in data packages, beside its accounts and journal (tables.ts): the maintenance-fund use
 * applications (维修资金使用申请) and the monthly bank reconciliations (银行对账). Sent whole (coverage 'all', like
 * the journal: there are a few a year per account, and an application runs across months). Read-only at the street,
 * like the journal: the community corrects and sends again.
 */

const nullableText = (max: number) => maybe(text(max));
/** Hundredths of a m²: an estate's area passes `count`'s bound. */
const area = z.number().int().min(0).max(10_000_000_000);

/** An application as db/fund/applications.ts reads it (paid and pending from the journal, as of the package), placed by name. */
export type ApplicationExport = Omit<ApplicationRow, 'communityName' | 'buildingName' | 'operator'> & { community: string };

export const applicationsTable: PackageTable<ApplicationExport> = {
  name: 'fund.applications',
  title: '维修资金使用申请',
  schema: z.object({
    id,
    accountId: id,
    accountName: text(200),
    ...placed,
    title: text(200).min(1),
    works: text(2000),
    budget: fen.min(1),
    rule: z.enum(keysOf(consentRules)),
    totalHouseholds: count,
    totalArea: area,
    votedHouseholds: maybe(count),
    votedArea: maybe(area),
    agreedHouseholds: maybe(count),
    agreedArea: maybe(area),
    voteClosedOn: maybe(day),
    planNoticeFrom: maybe(day),
    planNoticeTo: maybe(day),
    objections: count,
    objectionReply: nullableText(2000),
    approvedOn: maybe(day),
    approvalRef: nullableText(200),
    worksStartedOn: maybe(day),
    resultNoticeFrom: maybe(day),
    resultNoticeTo: maybe(day),
    endReason: nullableText(1000),
    status: z.enum(keysOf(applicationStatuses)),
    paid: fen,
    pending: fen.min(0),
    lastPaidOn: maybe(day),
    createdAt: stamp,
    updatedAt: stamp,
  }),
  fields: {
    accountId: '账户', accountName: '账户名称', estateName: '小区名称', community: '所属社区', title: '申请事项', works: '工程内容',
    budget: '预算（分）', rule: '表决规则', totalHouseholds: '业主总户数', totalArea: '总建筑面积（0.01 m²）', votedHouseholds: '参与表决户数',
    votedArea: '参与表决面积（0.01 m²）', agreedHouseholds: '同意户数', agreedArea: '同意面积（0.01 m²）', voteClosedOn: '表决截止日期',
    planNoticeFrom: '方案公示开始', planNoticeTo: '方案公示结束', objections: '异议件数', objectionReply: '异议答复', approvedOn: '批准日期',
    approvalRef: '批准文号', worksStartedOn: '开工日期', resultNoticeFrom: '结果公示开始', resultNoticeTo: '结果公示结束', endReason: '未通过或撤回的原因',
    status: '状态', paid: '已付（分）', pending: '待签字付款（分）', lastPaidOn: '最后付款日期', createdAt: '录入时间', updatedAt: '最后修改',
  },
  listFields: ['title', 'estateName', 'status', 'budget', 'paid'],
  labels: { status: applicationStatuses, rule: consentRules },
  refs: { accountId: 'fund.accounts' },
  readOnly: true,
  coverage: () => 'all',
  read: (db, scope) =>
    applicationsIn(db, communityOf(scope)).map(({ communityName, buildingName: _building, operator: _operator, ...g }) => ({ ...g, community: communityName })),
};

/** A reconciliation as a package carries it: its content (what the confirmations approved), figures and the two confirmations that count. */
export type ReconciliationExport = Omit<ReconciliationExportRow, 'ledgerItems' | 'bankItems' | 'signoffs' | 'operator'> &
  Omit<ReconciliationFigures, 'ledgerBalance' | 'bankBalance'> & {
    /** JSON: the entries in transit ({ entryId, seq, onDate, direction, amount, purpose }) and the statement's own lines. */
    ledgerItems: string;
    bankItems: string;
    companySignerName: string | null;
    companySignedAt: string | null;
    committeeSignerName: string | null;
    committeeSignedAt: string | null;
  };

function reconciliationRecord({ ledgerItems, bankItems, signoffs, operator: _operator, ...r }: ReconciliationExportRow): ReconciliationExport {
  const { ledgerBalance: _l, bankBalance: _b, ...figures } = reconciliationFigures({ ...r, ledgerItems, bankItems });
  // A confirmation counts while it approved the content as it stands (db/fund/reconciliations.ts), the newest per side.
  const counting = (side: Side) => signoffs.find((s) => s.side === side && s.contentHash === r.contentHash);
  const company = counting('company');
  const committee = counting('committee');
  return {
    ...r, ...figures, ledgerItems: JSON.stringify(ledgerItems), bankItems: JSON.stringify(bankItems),
    companySignerName: company?.signerName ?? null, companySignedAt: company?.signedAt ?? null,
    committeeSignerName: committee?.signerName ?? null, committeeSignedAt: committee?.signedAt ?? null,
  };
}

const ledgerItem = z.object({ entryId: id, seq: maybe(z.number().int()), onDate: day, direction: z.enum(['income', 'expense']), amount: fen, purpose: text(1000) });
const bankItem = z.object({ onDate: day, direction: z.enum(['income', 'expense']), amount: fen.min(1), note: text(200) });
/** A JSON list of items as the schema reads it, or null when it is not one. */
function listOf<T extends z.ZodType>(json: string, item: T): z.infer<T>[] | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  const parsed = z.array(item).max(10_000).safeParse(value);
  return parsed.success ? parsed.data : null;
}

const REFUSED = '数据包未导入，请社区核对后重新报送。';

/**
 * The street's check of a reconciliation beyond its row schema: the items are what they say, the content hash is the
 * one its confirmations approved (recomputed from the package), the figures follow from balances and items, and a
 * confirmed month balances and carries both sides' confirmations.
 */
export function verifyReconciliations(records: readonly ReconciliationExport[]): string | null {
  for (const r of records) {
    const label = `电梯维保基金“${r.accountName}” ${r.month} 的银行对账`;
    const ledgerItems = listOf(r.ledgerItems, ledgerItem);
    const bankItems = listOf(r.bankItems, bankItem);
    if (!ledgerItems || !bankItems) return `${label}的未达账项格式不对，${REFUSED}`;
    const hash = reconciliationHash({ ...r, ledgerItems: ledgerItems.map((i) => i.entryId), bankItems });
    if (hash !== r.contentHash) return `${label}的内容与其校验码不符，记录被改动过，${REFUSED}`;
    const figures = reconciliationFigures({ ...r, ledgerItems, bankItems });
    if ((Object.keys(figures) as (keyof ReconciliationFigures)[]).some((k) => figures[k] !== r[k as keyof ReconciliationExport])) {
      return `${label}的调节后余额与余额和未达账项算出的不一致，${REFUSED}`;
    }
    if (r.status === 'confirmed' && (figures.difference !== 0 || !r.companySignerName || !r.committeeSignerName || !r.confirmedAt)) {
      return `${label}标为已确认，却不平衡或缺少一方的确认，${REFUSED}`;
    }
  }
  return null;
}

export const reconciliationsTable: PackageTable<ReconciliationExport> = {
  name: 'fund.reconciliations',
  title: '电梯维保基金银行对账',
  schema: z.object({
    id,
    accountId: id,
    accountName: text(200),
    ...placed,
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
    statementDate: day,
    bankBalance: fen,
    ledgerBalance: fen,
    bankOnlyIncome: fen,
    bankOnlyExpense: fen,
    ledgerOnlyIncome: fen,
    ledgerOnlyExpense: fen,
    adjustedLedger: fen,
    adjustedBank: fen,
    difference: fen,
    ledgerItems: text(2_000_000),
    bankItems: text(2_000_000),
    contentHash: sha256,
    status: z.enum(keysOf(reconciliationStatuses)),
    confirmedAt: maybe(stamp),
    companySignerName: nullableText(40),
    companySignedAt: maybe(stamp),
    committeeSignerName: nullableText(40),
    committeeSignedAt: maybe(stamp),
    createdAt: stamp,
    updatedAt: stamp,
  }),
  fields: {
    accountId: '账户', accountName: '账户名称', estateName: '小区名称', community: '所属社区', month: '对账月份', statementDate: '对账单日期',
    bankBalance: '银行对账单余额（分）', ledgerBalance: '账面余额（分）', bankOnlyIncome: '银行已收、账上未收（分）', bankOnlyExpense: '银行已付、账上未付（分）',
    ledgerOnlyIncome: '账上已收、银行未收（分）', ledgerOnlyExpense: '账上已付、银行未付（分）', adjustedLedger: '调节后账面余额（分）',
    adjustedBank: '调节后银行余额（分）', difference: '差额（分）', ledgerItems: '账上未达账项', bankItems: '银行未达账项', contentHash: '对账校验码',
    status: '状态', confirmedAt: '确认时间', companySignerName: '物业方确认人', companySignedAt: '物业方确认时间', committeeSignerName: '业委会确认人',
    committeeSignedAt: '业委会确认时间', createdAt: '录入时间', updatedAt: '最后修改',
  },
  listFields: ['month', 'accountName', 'status', 'bankBalance', 'difference'],
  labels: { status: reconciliationStatuses },
  refs: { accountId: 'fund.accounts' },
  readOnly: true,
  coverage: () => 'all',
  read: (db, scope) => exportReconciliations(db, communityOf(scope)).map(reconciliationRecord),
  verify: verifyReconciliations,
  verifiedCheck: '电梯维保基金银行对账的校验码逐月重算一致，调节后余额与未达账项相符，已确认的月份账平且有双方确认',
};
