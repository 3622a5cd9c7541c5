import type { BuildingCard, WallRow } from '../../../db/requests/types';
import { renderDocument, type PdfDocumentSpec } from '../../export/pdf/document';
import { chineseDate } from '../../export/period';
import { maskPhone } from '../common/identifiers';
import { ratings, requestSources, requestStates } from './labels';

export const CARD_TITLE = '红色小管家 · 楼栋公示';
export const WALL_TITLE = '问题墙 · 群众诉求办理情况公示';

/** The phone a public card shows: in full only where the steward agreed (亮身份), else 138****5678. */
export const cardPhone = (phone: string | null, agreed: boolean): string => (!phone ? '—' : agreed ? phone : maskPhone(phone));

const where = (c: BuildingCard) => `${c.communityName} · ${c.estateName} ${c.buildingName}`;

function cardBlocks(c: BuildingCard, footer: string): PdfDocumentSpec['blocks'] {
  const grid = c.gridName
    ? `所属网格：${c.gridName}　　网格员：${c.workerName ?? ''}${c.workerPhone ? `　电话：${c.workerPhone}` : ''}`
    : '本楼栋尚未划入网格';
  return [
    { kind: 'paragraph', text: grid, size: 12 },
    ...(c.gridOrgName ? [{ kind: 'paragraph' as const, text: `联系党组织：${c.gridOrgName}`, size: 12 }] : []),
    { kind: 'paragraph', text: '本楼栋红色小管家', bold: true, size: 13 },
    c.stewards.length === 0
      ? { kind: 'paragraph', text: '本楼栋暂无红色小管家。', size: 12 }
      : {
          kind: 'table',
          columns: [{ header: '姓名', width: 16 }, { header: '所在党组织', width: 34 }, { header: '职责', width: 24 }, { header: '联系电话', width: 26 }],
          rows: c.stewards.map((s) => [s.name, s.orgName, s.duty ?? '—', cardPhone(s.phone, s.phonePublic)]),
        },
    { kind: 'paragraph', text: '有困难、有诉求，请找本楼栋红色小管家或网格员，也可到社区党群服务中心反映（民呼必应）。', size: 12 },
    { kind: 'paragraph', text: '未经本人同意，联系电话只公示部分数字；如需联系，请通过网格员或社区转达。', size: 9.5 },
    { kind: 'paragraph', text: footer, size: 10.5 },
  ];
}

/** One card per building, each on its own page, to post at the entrance (no page numbers: each is a notice). */
export function renderBuildingCards(cards: readonly BuildingCard[], d: { unitName: string; madeOn: string }): Promise<Buffer> {
  const footer = `公示单位：${d.unitName}　　${chineseDate(d.madeOn)}`;
  const [first, ...rest] = cards;
  if (!first) throw new Error('no building to print');
  return renderDocument({
    title: CARD_TITLE,
    subtitle: [where(first)],
    author: d.unitName,
    pageNumbers: false,
    blocks: [
      ...cardBlocks(first, footer),
      ...rest.flatMap((c) => [{ kind: 'heading' as const, title: CARD_TITLE, subtitle: [where(c)] }, ...cardBlocks(c, footer)]),
    ],
  });
}

/** Where a publicised request stands, as a resident reads it: 已办结 until the return visit, then 已回访. */
const progress = (r: WallRow) => (r.state === 'evaluated' ? '已回访' : r.state === 'publicised' ? '已办结' : requestStates[r.state]);

/**
 * 问题墙/回音壁 (issue 16): the requests publicised in a period — 问题来源 / 问题内容 / 整改措施 / 进展情况 / 群众满意度.
 * The reporter is never named: the rows carry no reporter at all (db/requests/requests.ts, wallRows).
 */
export function renderProblemWall(rows: readonly WallRow[], d: { unitName: string; scopeName: string; from: string; to: string; madeOn: string; operator: string }): Promise<Buffer> {
  return renderDocument({
    title: WALL_TITLE,
    subtitle: [d.scopeName, `公示期间：${chineseDate(d.from)}至${chineseDate(d.to)}`],
    orientation: 'landscape',
    author: d.unitName,
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: '序号', width: 6, align: 'center' },
          { header: '问题来源', width: 12 },
          { header: '问题内容', width: 34 },
          { header: '整改措施', width: 26 },
          { header: '进展情况', width: 12 },
          { header: '群众满意度', width: 10 },
        ],
        rows: rows.map((r, i) => [
          String(i + 1),
          requestSources[r.source as keyof typeof requestSources] ?? r.source,
          `【${r.placeName}】${r.content}`,
          r.result ?? '',
          progress(r),
          r.rating ? ratings[r.rating as keyof typeof ratings] : '待回访',
        ]),
      },
      ...(rows.length === 0 ? [{ kind: 'paragraph' as const, text: '本期间没有公示的诉求。' }] : []),
      { kind: 'paragraph', text: '为保护群众隐私，本公示不显示反映人的姓名和联系方式。对办理结果有意见，请向社区党群服务中心反映。', size: 9.5 },
      { kind: 'paragraph', text: `制表：${d.operator}　　制表日期：${chineseDate(d.madeOn)}`, size: 9.5 },
    ],
  });
}
