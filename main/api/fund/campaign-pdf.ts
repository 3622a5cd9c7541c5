import type { AccountRow } from '../../../db/fund/types';
import { renderDocument, type PdfParagraph, type PdfTable } from '../../export/pdf/document';
import { chineseDate } from '../../export/period';
import { formatFen } from '../common/money';
import type { CampaignPublicList } from './contract';
import { accountPlace, campaignSchemes } from './labels';

export const CAMPAIGN_LIST_TITLE = '电梯大修众筹缴款公示';

/** Where a household stands, in the words a lobby notice uses. */
const standing = (share: number, paid: number) => (paid >= share && share > 0 ? '已缴清' : paid > 0 ? '部分缴纳' : '未缴');

/**
 * The campaign's public list for the lobby: each household by 房号 and 姓氏 only (张*), its share and what it has paid,
 * the totals, the funding mix and the progress — never a full name, a phone or a pledge (a promise is not money).
 */
export async function renderCampaignList(d: { list: CampaignPublicList; account: AccountRow; madeOn: string; unitName: string }): Promise<Buffer> {
  const c = d.list.campaign;
  const paid = d.list.households.reduce((s, h) => s + h.paid, 0);
  const share = d.list.households.reduce((s, h) => s + h.share, 0);
  const settled = d.list.households.filter((h) => h.share > 0 && h.paid >= h.share).length;
  const table: PdfTable = {
    kind: 'table',
    columns: [
      { header: '房号', width: 22 }, { header: '业主', width: 18 }, { header: '应摊', width: 22, align: 'right' },
      { header: '已缴', width: 22, align: 'right' }, { header: '情况', width: 16, align: 'center' },
    ],
    rows: d.list.households.map((h) => [h.room, h.maskedName, formatFen(h.share), formatFen(h.paid), standing(h.share, h.paid)]),
    totalRow: ['合计', `${d.list.households.length} 户`, formatFen(share), formatFen(paid), `缴清 ${settled} 户`],
  };
  // The parts of the mix there are (a campaign of the owners alone names no subsidy of ¥0.00).
  const mix = [
    `业主出资 ${formatFen(c.ownersPart)}（${campaignSchemes[c.scheme]}）`,
    ...([['政府补贴', c.subsidyPart], ['维修资金拨付', c.grantPart], ['基金余额支付', c.balancePart]] as const).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${formatFen(v)}`),
  ];
  const progress = `${Math.floor(c.progressPermille / 10)}.${c.progressPermille % 10}%`;
  const blocks: (PdfParagraph | PdfTable)[] = [
    { kind: 'paragraph', text: `${c.title}：${c.purpose}。目标金额 ${formatFen(c.target)}，其中${mix.join('，')}。` },
    { kind: 'paragraph', text: `截至${chineseDate(d.madeOn)}，业主已缴 ${formatFen(c.paid)}，补助已到账 ${formatFen(c.grantsReceived)}，进度 ${progress}。缴款存入${d.account.name}，每笔凭收据入账。`, bold: true },
    table,
    { kind: 'paragraph', text: '为保护个人信息，名单只显示房号和姓氏。如对缴款记录有疑问，请向业主委员会或社区居民委员会查询。', size: 9.5 },
    { kind: 'paragraph', text: `制表日期：${chineseDate(d.madeOn)}`, size: 9.5 },
  ];
  return renderDocument({
    title: CAMPAIGN_LIST_TITLE,
    subtitle: [accountPlace(d.account)],
    author: d.unitName,
    blocks,
    signatures: ['业主委员会', '社区居民委员会'],
    signatureWord: '盖章',
    pageNumbers: true,
  });
}
