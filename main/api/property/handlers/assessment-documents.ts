import type { Db } from '../../../../db/open';
import type { TemplateItemRow } from '../../../../db/property/templates';
import { getInstallation } from '../../../../db/settings';
import { pdfOut } from '../../../export/file-out';
import { renderDocument, type PdfParagraph, type PdfTable } from '../../../export/pdf/document';
import { chineseDate } from '../../../export/period';
import { calendarDay, DEFAULT_TIME_ZONE } from '../../common/calendar';
import { tenthsText } from '../../volunteer/tenths';
import type { ListEntry, ListSnapshot, TemplateDetail } from '../contract';
import { assessorBodies, rateKinds } from '../labels';
import { periodText, ruleText } from '../scoring';

/** The printed documents of the assessments, in the official layout of main/export/pdf (A4, bundled font). */

const pct = (permille: number) => `${tenthsText(permille)}%`;
const NUMERALS = '一二三四五六七八九';
/** 1 → 一, 10 → 十, 12 → 十二, 23 → 二十三: the headings of a sheet's categories. */
function numeral(n: number): string {
  if (n < 10) return NUMERALS[n - 1]!;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens > 1 ? NUMERALS[tens - 1] : ''}十${units ? NUMERALS[units - 1] : ''}`;
}

/** How an item is scored, in the words of a paper sheet's 评分细则 column. */
export function methodText(item: TemplateItemRow): string {
  const p = tenthsText(item.pointsTenths);
  switch (item.method) {
    case 'binary':
      return `符合得 ${p} 分，不符合得 0 分`;
    case 'deduction':
      return `每发现一处扣 ${tenthsText(item.perFindingTenths!)} 分，扣完为止（逐处记录）`;
    case 'band':
      return `${rateKinds[item.rateKind!]}达到 ${pct(item.bandFullPermille!)} 得 ${p} 分，达到 ${pct(item.bandPartPermille!)} 得 ${tenthsText(item.bandPartTenths!)} 分，低于的得 0 分`;
    case 'veto':
      return '发生即一票否决，列入黑榜';
  }
}

const file = (name: string, pdf: Buffer) => pdfOut(`${name}.pdf`, pdf);

/** A blank sheet to score on paper on site: 序号 | 检查内容 | 评分细则 | 标准分 | 得分 per category, then the total and signatures. */
export async function printBlankSheet(db: Db, t: TemplateDetail) {
  const unit = getInstallation(db)?.unitName ?? '';
  const bodies = Object.values(assessorBodies).map((b) => `□${b}`).join('　');
  const blocks: (PdfTable | PdfParagraph)[] = [
    { kind: 'paragraph', text: '小区：＿＿＿＿＿＿＿＿＿＿　物业服务企业：＿＿＿＿＿＿＿＿＿＿＿＿　考评期：＿＿＿＿＿＿' },
    { kind: 'paragraph', text: `考评主体：${bodies}` },
  ];
  t.categories.forEach((c, i) => {
    blocks.push({ kind: 'paragraph', text: `${numeral(i + 1)}、${c.name}（${tenthsText(c.pointsTenths)} 分）`, bold: true });
    blocks.push({
      kind: 'table',
      columns: [
        { header: '序号', width: 6, align: 'center' },
        { header: '检查内容', width: 32 },
        { header: '评分细则', width: 36 },
        { header: '标准分', width: 9, align: 'center' },
        { header: '得分 / 扣分情况', width: 17 },
      ],
      rows: c.items.map((item) => [
        String(item.seq), item.content, [methodText(item), item.guidance].filter(Boolean).join('\n'),
        item.method === 'veto' ? '否决项' : tenthsText(item.pointsTenths), '',
      ]),
    });
  });
  blocks.push({ kind: 'paragraph', text: `得分合计：＿＿＿＿＿＿ 分（满分 ${tenthsText(t.template.totalTenths)} 分）　　一票否决：□无　□有，事由：＿＿＿＿＿＿＿＿＿＿`, bold: true });
  const pdf = await renderDocument({
    title: t.template.name,
    subtitle: [unit, `第 ${t.template.version} 版${t.template.status === 'draft' ? '（草稿，未发布）' : ''}`],
    author: unit,
    blocks,
    signatures: ['考评人', '复核人'],
  });
  return file(`${t.template.name}-第${t.template.version}版-空白评分表`, pdf);
}

const entryRow = (e: ListEntry) => [String(e.rank), e.estateName, e.companyName, tenthsText(e.scoreTenths), e.vetoed ? '一票否决' : ''];
const LIST_COLUMNS = [
  { header: '名次', width: 8, align: 'center' as const },
  { header: '小区', width: 26 },
  { header: '物业服务企业', width: 38 },
  { header: '得分', width: 10, align: 'right' as const },
  { header: '备注', width: 14 },
];

/** The notice of a published list (or of a 更正, saying so and why), from the frozen snapshot only. */
export async function printList(db: Db, s: ListSnapshot) {
  const installation = getInstallation(db);
  const unit = installation?.unitName ?? '';
  const day = calendarDay(Date.parse(s.publishedAt), installation?.timeZone ?? DEFAULT_TIME_ZONE);
  const correction = s.revision > 1;
  const title = `${periodText(s.period)}物业服务质量考评红黑榜${correction ? '（更正）' : ''}`;
  const red = s.entries.filter((e) => e.standing === 'red');
  const black = s.entries.filter((e) => e.standing === 'black');
  const table = (rows: ListEntry[]): PdfTable | PdfParagraph =>
    rows.length ? { kind: 'table', columns: LIST_COLUMNS, rows: rows.map(entryRow) } : { kind: 'paragraph', text: '（无）' };
  const blocks: (PdfTable | PdfParagraph)[] = [];
  if (correction) blocks.push({ kind: 'paragraph', text: `更正说明（第 ${s.revision - 1} 次更正）：${s.reason}`, bold: true });
  blocks.push(
    { kind: 'paragraph', text: `根据${periodText(s.period)}物业服务质量考评结果，按照“${ruleText(s.rule)}”的规则，现将红黑榜公布如下：` },
    { kind: 'paragraph', text: `红榜（${red.length} 个）`, bold: true },
    table(red),
    { kind: 'paragraph', text: `黑榜（${black.length} 个）`, bold: true },
    table(black),
    { kind: 'paragraph', text: `全部排名（${s.entries.length} 个）`, bold: true },
    table(s.entries),
    { kind: 'paragraph', text: `${unit}\n${chineseDate(day)}` },
  );
  const pdf = await renderDocument({ title, subtitle: [unit], author: unit, blocks });
  return file(`${title}-第${s.revision}版`, pdf);
}
