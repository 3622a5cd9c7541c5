// at: renderer/src/leak.ts
// rejects: layers/imports (npm packages outside the UI list)
import ExcelJS from 'exceljs';
export const Workbook = ExcelJS.Workbook;
