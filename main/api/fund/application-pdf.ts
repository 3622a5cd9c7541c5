import type { AccountRow } from '../../../db/fund/types';
import { renderDocument, type PdfParagraph, type PdfTable } from '../../export/pdf/document';
import { chineseDate } from '../../export/period';
import { formatFen } from '../common/money';
import { noticeDays } from './applications';
import type { ApplicationDetail, ApplicationView } from './contract';
import { accountPlace, consentRules, paymentStages } from './labels';
import { formatArea, permille } from './split';

export const NOTICE_TITLES = { plan: '电梯维保基金使用方案公示', result: '电梯维保基金使用结果公示' } as const;

export interface ApplicationNoticeDocument {
  detail: ApplicationDetail;
  account: AccountRow;
  kind: keyof typeof NOTICE_TITLES;
  madeOn: string;
  unitName: string;
}

/** 66.6% from integers: tenths of a percent, rounded down, so a share printed never claims more than was counted. */
const percent = (part: number, whole: number) => {
  const p = permille(part, whole);
  return `${Math.floor(p / 10)}.${p % 10}%`;
};

const facts = (rows: [string, string][]): PdfTable => ({
  kind: 'table',
  columns: [{ header: '项目', width: 24 }, { header: '内容', width: 76 }],
  rows,
});

function voteRows(a: ApplicationView): [string, string][] {
  const v = a;
  const rows: [string, string][] = [
    ['表决规则', consentRules[a.rule]],
    ['业主总数', `${a.totalHouseholds} 户，专有部分面积 ${formatArea(a.totalArea)}`],
  ];
  if (v.votedHouseholds === null || v.votedArea === null || v.agreedHouseholds === null || v.agreedArea === null) return [...rows, ['表决结果', '尚未表决']];
  return [
    ...rows,
    ['参与表决', `${v.votedHouseholds} 户（占总户数 ${percent(v.votedHouseholds, a.totalHouseholds)}），面积 ${formatArea(v.votedArea)}（占 ${percent(v.votedArea, a.totalArea)}）`],
    ['同意', `${v.agreedHouseholds} 户（占参与户数 ${percent(v.agreedHouseholds, v.votedHouseholds)}），面积 ${formatArea(v.agreedArea)}（占参与面积 ${percent(v.agreedArea, v.votedArea)}）`],
    ['表决结果', `${a.verdict?.passed ? '通过' : '未通过'}（${chineseDate(a.voteClosedOn!)}表决截止）`],
  ];
}

const noticeLine = (from: string, to: string): PdfParagraph => ({
  kind: 'paragraph',
  text: `公示期：${chineseDate(from)}至${chineseDate(to)}，共 ${noticeDays(from, to)} 天。业主如有异议，请在公示期内以书面形式向业主委员会或社区居民委员会提出。`,
  bold: true,
});

/**
 * The per-use notices of a maintenance-fund use, posted in the lobby: the plan before works (方案公示: the works, the
 * budget, the owners' vote in households and area) and the result after the last payment (结果公示: each payment the
 * journal posted for it, against the budget), each with its 公示期 and the three parties' seals.
 */
export async function renderApplicationNotice(d: ApplicationNoticeDocument): Promise<{ pdf: Buffer; title: string }> {
  const a = d.detail.application;
  const title = NOTICE_TITLES[d.kind];
  const intro: PdfParagraph = {
    kind: 'paragraph',
    text: d.kind === 'plan'
      ? `根据《中华人民共和国民法典》第二百七十八条，经业主共同决定，拟使用${d.account.name}实施以下工程，现将方案公示如下：`
      : `${a.title}已完工并付款完毕，现将电梯维保基金的使用结果公示如下：`,
  };
  const plan = facts([
    ['申请名称', a.title],
    ['工程方案', a.works],
    ['预算金额', formatFen(a.budget)],
    ['资金来源', `${d.account.name}${d.account.bankName ? `（${d.account.bankName}）` : ''}`],
    ...voteRows(a),
    ...(a.approvedOn ? ([['批准', `${chineseDate(a.approvedOn)}${a.approvalRef ? `，${a.approvalRef}` : ''}`]] as [string, string][]) : []),
  ]);
  const counted = d.detail.payments.filter((p) => p.status === 'posted' && !p.reversed);
  const blocks = d.kind === 'plan'
    ? [intro, plan, noticeLine(a.planNoticeFrom!, a.planNoticeTo!)]
    : [
      intro,
      facts([['申请名称', a.title], ['工程方案', a.works], ['批准', a.approvedOn ? chineseDate(a.approvedOn) : '—'], ['开工日期', a.worksStartedOn ? chineseDate(a.worksStartedOn) : '—']]),
      { kind: 'paragraph', text: '付款明细（每笔均经物业服务企业和业主委员会双方签字后过账）', bold: true } satisfies PdfParagraph,
      {
        kind: 'table',
        columns: [
          { header: '笔号', width: 8, align: 'center' }, { header: '付款阶段', width: 12 }, { header: '日期', width: 15 },
          { header: '收款单位', width: 33 }, { header: '凭证号', width: 14 }, { header: '金额', width: 18, align: 'right' },
        ],
        rows: counted.map((p) => [String(p.seq), paymentStages[p.stage], p.onDate, p.counterparty ?? '', p.voucherNo ?? '', formatFen(p.amount)]),
        totalRow: ['', '合计', '', `共 ${counted.length} 笔`, '', formatFen(a.paid)],
      } satisfies PdfTable,
      {
        kind: 'paragraph',
        text: `预算 ${formatFen(a.budget)}，实际支付 ${formatFen(a.paid)}，${a.paid <= a.budget ? `结余 ${formatFen(a.budget - a.paid)}` : `超出 ${formatFen(a.paid - a.budget)}`}。`,
      } satisfies PdfParagraph,
      noticeLine(a.resultNoticeFrom!, a.resultNoticeTo!),
    ];
  const pdf = await renderDocument({
    title,
    subtitle: [accountPlace(a)],
    author: d.unitName,
    blocks: [...blocks, { kind: 'paragraph', text: `制表日期：${chineseDate(d.madeOn)}`, size: 9.5 }],
    signatures: ['物业服务企业', '业主委员会', '社区居民委员会'],
    signatureWord: '盖章',
    pageNumbers: false,
  });
  return { pdf, title };
}
