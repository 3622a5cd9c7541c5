import type { ColumnKind } from '../types';

/**
 * The workbook's one style sheet, fixed: a register needs a handful of looks (title, the unit lines, the
 * header, data and 合计 cells per column kind), so they are written once with known indexes instead of being
 * collected cell by cell.
 */

const KINDS: ColumnKind[] = ['text', 'date', 'int', 'tenths', 'money', 'percent'];

/** Custom number formats (ids from 164, as the format reserves lower ones for built-ins). */
const CUSTOM = { date: 164, money: 165, percent: 166, tenths: 167 } as const;
const DATA_FMT: Record<ColumnKind, number> = {
  text: 49 /* @ */, date: CUSTOM.date, int: 1 /* 0 */, tenths: CUSTOM.tenths, money: CUSTOM.money, percent: CUSTOM.percent,
};
// Totals of int columns may be averages (4.3 stars): General shows them without forcing decimals.
const TOTAL_FMT: Record<ColumnKind, number> = { ...DATA_FMT, int: 0 };

const HORIZONTAL: Record<ColumnKind, string> = { text: 'left', date: 'center', int: 'right', tenths: 'right', money: 'right', percent: 'right' };

export const STYLE = {
  title: 1,
  meta: 2,
  header: 3,
  data: (k: ColumnKind) => 4 + KINDS.indexOf(k),
  total: (k: ColumnKind) => 4 + KINDS.length + KINDS.indexOf(k),
  /** A cell with an error in it (the import's 核对结果): red fill, dark red text. */
  error: 4 + 2 * KINDS.length,
  /** Text about an error (the outcome and explanation of a row that has one). */
  errorText: 5 + 2 * KINDS.length,
};

/** Fonts: 0 the default, 1 宋体 10, 2 宋体 10 bold, 3 宋体 16 bold, 4 宋体 10 dark red. Fills: 0 and 1 are required, 2 grey, 3 light red. Borders: 1 thin grid. */
const xf = (o: { fmt?: number; font: number; fill?: number; border?: number; h: string; wrap?: boolean }) =>
  `<xf numFmtId="${o.fmt ?? 0}" fontId="${o.font}" fillId="${o.fill ?? 0}" borderId="${o.border ?? 0}" xfId="0"` +
  `${o.fmt ? ' applyNumberFormat="1"' : ''} applyFont="1"${o.fill ? ' applyFill="1"' : ''}${o.border ? ' applyBorder="1"' : ''}` +
  ` applyAlignment="1"><alignment horizontal="${o.h}" vertical="center"${o.wrap ? ' wrapText="1"' : ''}/></xf>`;

export function stylesXml(): string {
  const cellXfs = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
    xf({ font: 3, h: 'center' }),
    xf({ font: 1, h: 'left' }),
    xf({ font: 2, fill: 2, border: 1, h: 'center', wrap: true }),
    ...KINDS.map((k) => xf({ fmt: DATA_FMT[k], font: 1, border: 1, h: HORIZONTAL[k], wrap: k === 'text' })),
    ...KINDS.map((k) => xf({ fmt: TOTAL_FMT[k], font: 2, border: 1, h: HORIZONTAL[k], wrap: k === 'text' })),
    xf({ fmt: DATA_FMT.text, font: 4, fill: 3, border: 1, h: 'left', wrap: true }),
    xf({ fmt: DATA_FMT.text, font: 4, border: 1, h: 'left', wrap: true }),
  ];
  const font = (size: number, bold: boolean, colour = '') =>
    `<font>${bold ? '<b/>' : ''}<sz val="${size}"/>${colour ? `<color rgb="${colour}"/>` : ''}<name val="宋体"/><family val="3"/><charset val="134"/></font>`;
  const edge = (side: string) => `<${side} style="thin"><color rgb="FF808080"/></${side}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<numFmts count="4"><numFmt numFmtId="${CUSTOM.date}" formatCode="yyyy-mm-dd"/>` +
    `<numFmt numFmtId="${CUSTOM.money}" formatCode="&quot;¥&quot;#,##0.00"/><numFmt numFmtId="${CUSTOM.percent}" formatCode="0.0%"/>` +
    `<numFmt numFmtId="${CUSTOM.tenths}" formatCode="0.0"/></numFmts>` +
    `<fonts count="5"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>${font(10, false)}${font(10, true)}${font(16, true)}${font(10, false, 'FF9C0006')}</fonts>` +
    '<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill>' +
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>' +
    `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${['left', 'right', 'top', 'bottom'].map(edge).join('')}<diagonal/></border></borders>` +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="${cellXfs.length}">${cellXfs.join('')}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}
