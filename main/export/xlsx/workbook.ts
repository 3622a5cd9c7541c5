import { DeflatingEntry, zipFiles, type ZipEntry } from '../package/zip';
import { Totals } from '../totals';
import type { CellValue, Column } from '../types';
import { cellOf, masked } from './cells';
import { rowHeight } from './row-height';
import { appXml, contentTypes, coreXml, rootRels, sheetPath, workbookRels, workbookXml } from './parts';
import { SheetXml, type XmlCell } from './sheet-xml';
import { STYLE, stylesXml } from './styles';

/** The lines above a register's columns, in the layout offices expect. */
export interface SheetHeading {
  /** Row 1, merged and centred: 西里社区党员花名册 */
  title: string;
  unitName: string;
  /** 2026年11月, with any note of the register (which quarter it counts). */
  periodText: string;
  preparer: string;
  /** YYYY-MM-DD */
  preparedOn: string;
}

export interface SheetOptions {
  unmasked: boolean;
  /** Called every few thousand rows (and the event loop is let through, so progress can be asked for). */
  onRows?(written: number): void;
}

const HEADER_ROW = 4;
const YIELD_EVERY = 2000;
/** A space to write in by hand on the printed sheet (ideographic spaces: they keep their width in every font). */
const BLANK = '　'.repeat(6);
const SEQ: Column<unknown> = { key: '_seq', header: '序号', width: 6, kind: 'int', value: () => null };

/** Sheet names: at most 31 characters, none of []:*?/\ and unique in the workbook. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || '表';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base.slice(0, 28)}(${i})`;
  taken.add(name);
  return name;
}

/**
 * An .xlsx of registers, each sheet in the layout offices expect: merged title, unit and period, preparer and
 * date, a frozen header with 序号 first, the rows, a 合计 row where the columns define totals, A4 landscape
 * printing fitted to the page width with the header repeated on every page and page numbers in the footer.
 *
 * The sheet XML is written directly and deflated as it is produced (Node's zlib, on the thread pool), so a
 * district's 96k-member register is read and written in about 1.3 s. exceljs' streaming writer, tried first,
 * spent 1.75 s on 100k rows alone — most of the 3 s budget before any data was read (docs/export.md).
 */
export class WorkbookBuilder {
  private readonly sheets: { name: string; entry: Promise<ZipEntry>; headerRow: number }[] = [];
  private readonly names = new Set<string>();
  private readonly created: Date;

  /** `createdAt`: the export's moment (ISO instant), written as the file's creation time. */
  constructor(private readonly creator: string, createdAt: string) {
    this.created = new Date(createdAt);
  }

  /** Writes one sheet; returns the number of data rows. */
  async addSheet<R>(name: string, heading: SheetHeading, columns: Column<R>[], rows: Iterable<R>, options: SheetOptions): Promise<number> {
    const all = [SEQ, ...(columns as Column<unknown>[])];
    const file = new DeflatingEntry(sheetPath(this.sheets.length));
    const xml = new SheetXml(
      { widths: all.map((c) => c.width + 2), headerRow: HEADER_ROW, mergedRows: [1, 2, 3], footer: '&C第 &P 页 共 &N 页' },
      (text) => file.write(text),
    );
    const line = (text: string, style: number): XmlCell[] => all.map((_, i) => ({ value: i === 0 ? text : null, style }));
    xml.row(1, line(heading.title, STYLE.title), 30);
    // As paper registers are headed (PROPERTY-ELEVATOR.md, "Printing official documents"): the seal, the reviewer and
    // the phone are left blank to be filled in by hand on the printed sheet.
    xml.row(2, line(`填报单位（盖章）：${heading.unitName}　　统计期间：${heading.periodText}`, STYLE.meta), 18);
    xml.row(3, line(`填报人：${heading.preparer}　　审核人：${BLANK}　　联系电话：${BLANK}　　填报日期：${heading.preparedOn}`, STYLE.meta), 18);
    xml.row(HEADER_ROW, all.map((c) => ({ value: c.header, style: STYLE.header })), 28);

    const totals = new Totals(all);
    const dataStyles = all.map((c) => STYLE.data(c.kind));
    let n = 0;
    for (const r of rows) {
      n++;
      const values = all.map((c, i) => (i === 0 ? n : masked(c, c.value(r), options.unmasked)));
      totals.add(values);
      xml.row(HEADER_ROW + n, this.cells(all, values, dataStyles), rowHeight(all, values));
      if (n % YIELD_EVERY === 0) {
        options.onRows?.(n);
        await file.ready();
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    if (totals.wanted && n > 0) {
      const values = totals.values();
      values[0] = '合计';
      xml.row(HEADER_ROW + n + 1, this.cells(all, values, all.map((c) => STYLE.total(c.kind))));
    }
    xml.end();
    this.sheets.push({ name: sheetName(name, this.names), entry: file.close(), headerRow: HEADER_ROW });
    options.onRows?.(n);
    return n;
  }

  /**
   * A plain table: a header row (frozen, filtered) and the rows as given, cell by cell, without the register
   * heading — the import's 核对结果, which is the clerk's own file laid out again.
   */
  addTable(name: string, layout: { widths: number[]; frozenColumns?: number }, header: string[], rows: Iterable<XmlCell[]>): void {
    const file = new DeflatingEntry(sheetPath(this.sheets.length));
    const xml = new SheetXml({ ...layout, headerRow: 1, mergedRows: [], footer: '&C第 &P 页 共 &N 页', autoFilter: true }, (text) => file.write(text));
    xml.row(1, header.map((value) => ({ value, style: STYLE.header })), 28);
    let r = 1;
    for (const cells of rows) xml.row(++r, cells);
    xml.end();
    this.sheets.push({ name: sheetName(name, this.names), entry: file.close(), headerRow: 1 });
  }

  private cells(columns: Column<unknown>[], values: CellValue[], styles: number[]): XmlCell[] {
    return columns.map((c, i) => {
      const v = values[i] ?? null;
      // A count ("共 12 人") or the 合计 label lands in a numeric column as text.
      return { value: typeof v === 'string' && c.kind !== 'text' && c.kind !== 'date' ? v : cellOf(c.kind, v), style: styles[i]! };
    });
  }

  async finish(): Promise<Buffer> {
    const sheets = await Promise.all(this.sheets.map((s) => s.entry));
    const text = (name: string, body: string): ZipEntry => ({ name, data: Buffer.from(body, 'utf8') });
    return zipFiles(
      [
        text('[Content_Types].xml', contentTypes(sheets.length)),
        text('_rels/.rels', rootRels()),
        text('docProps/core.xml', coreXml(this.creator, this.created)),
        text('docProps/app.xml', appXml()),
        text('xl/workbook.xml', workbookXml(this.sheets.map((s) => ({ name: s.name, headerRow: s.headerRow })))),
        text('xl/_rels/workbook.xml.rels', workbookRels(sheets.length)),
        text('xl/styles.xml', stylesXml()),
        ...sheets,
      ],
      this.created,
    );
  }
}
