import ExcelJS from 'exceljs';

/** An exported workbook (base64, as the API returns it) read back with exceljs. */
export async function workbookOf(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** A register sheet's data rows — below its header in row 4, the 合计 row included — keyed by header. */
export function sheetRows(ws: ExcelJS.Worksheet): Record<string, unknown>[] {
  const header = (ws.getRow(4).values as unknown[]).slice(1) as string[];
  return Array.from({ length: ws.rowCount - 4 }, (_, i) => ws.getRow(5 + i).values as unknown[]).map((v) =>
    Object.fromEntries(header.map((h, k) => [h, v[k + 1] ?? null])),
  );
}
