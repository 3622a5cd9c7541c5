import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { dialog, shell, type BrowserWindow, type IpcMain } from 'electron';
import type { Logger } from '../log';
import { registerFileChannel, safeFileName, writeFailureText } from './save';

/** The desktop-only channel for printing a PDF export (issue 15: documents print from the app, not only download). */
export const PRINT_FILE_CHANNEL = 'desktop:printFile';

export type PrintResult = { opened: true; path: string } | { opened: false; reason: 'failed' | 'refused' };

export interface PrintDeps {
  window: () => BrowserWindow | null;
  /** userData/print: per user, beside the data; emptied at each start. */
  printDir: string;
  isTrusted(frameUrl: string | null): boolean;
  log: Logger;
}

const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/**
 * Prints by handing the PDF to the system's own viewer (`shell.openPath`): Edge or WPS on Windows, 文档查看器 on
 * UOS, the reader on Kylin — all offline, each with its print preview, printer choice and page range, which is
 * what a clerk knows. Not a hidden window with `webContents.print()`: printing a PDF from Chromium's viewer printed
 * blank pages until Electron 32 (electron/electron#43309) and needs the PDF plugin switched on in a window of ours
 * (`plugins: true`), none of which can run here; the viewer path needs only a file and the OS.
 */
export async function printPdf(deps: PrintDeps, fileName: string, bytes: Buffer): Promise<PrintResult> {
  if (!isPdf(bytes)) {
    deps.log.error(`${PRINT_FILE_CHANNEL}: ${fileName} is not a PDF`);
    return { opened: false, reason: 'refused' };
  }
  const win = deps.window();
  const box = (o: Electron.MessageBoxOptions) => (win ? dialog.showMessageBox(win, o) : dialog.showMessageBox(o));
  // The viewer picks the file by its extension; a folder of its own, so two prints of one name never collide.
  const name = safeFileName(fileName).replace(/(\.pdf)?$/i, '.pdf');
  let file: string;
  try {
    await fsp.mkdir(deps.printDir, { recursive: true });
    file = path.join(await fsp.mkdtemp(path.join(deps.printDir, 'p-')), name);
    await fsp.writeFile(file, bytes);
  } catch (err) {
    deps.log.error(`writing ${name} for printing failed`, err);
    await box({ type: 'error', title: '无法打印', message: `“${name}”没有打开。`, detail: writeFailureText(err), buttons: ['确定'], noLink: true });
    return { opened: false, reason: 'failed' };
  }
  const error = await shell.openPath(file);
  if (error) {
    deps.log.error(`opening ${file} for printing failed: ${error}`);
    await box({
      type: 'error',
      title: '无法打印',
      message: `“${name}”没有打开。`,
      detail: `这台电脑上没有能打开 PDF 文件的程序（${error}）。请用“下载”把文件保存下来，再用 WPS 或其他 PDF 阅读器打开并打印。`,
      buttons: ['确定'],
      noLink: true,
    });
    return { opened: false, reason: 'failed' };
  }
  return { opened: true, path: file };
}

/**
 * The files earlier prints left (they hold names and masked ID numbers): removed at start. One still open in a
 * viewer on Windows cannot be, and goes next time.
 */
export function clearPrintFolder(printDir: string, log: Logger): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(printDir);
  } catch {
    return; // nothing printed yet
  }
  for (const entry of entries) {
    try {
      fs.rmSync(path.join(printDir, entry), { recursive: true, force: true });
    } catch (err) {
      log.error(`could not remove the printed file ${entry}`, err);
    }
  }
}

export function registerPrintFile(ipcMain: Pick<IpcMain, 'handle'>, deps: PrintDeps): void {
  registerFileChannel<PrintResult>(ipcMain, PRINT_FILE_CHANNEL, deps, { opened: false, reason: 'refused' }, (name, bytes) => printPdf(deps, name, bytes));
}
