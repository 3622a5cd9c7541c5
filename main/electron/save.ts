import fs from 'node:fs/promises';
import path from 'node:path';
import { dialog, shell, type BrowserWindow, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { fileIn } from '../api/common/files';
import type { Logger } from '../log';
import { senderUrl } from './ipc';
import { readShellState, updateShellState } from './shell-state';

/** The one desktop-only channel: not a core call, so it is not in the contract (and not in browser mode). */
export const SAVE_FILE_CHANNEL = 'desktop:saveFile';

/**
 * What the page hands the shell for saving or printing: a produced file's name and bytes, in the API's one shape
 * for files (main/api/common/files.ts). A big street's package runs to tens of MB; a refusal is only logged.
 */
const fileInput = fileIn(256 * 1024 * 1024, () => '文件过大');

export type SaveResult = { saved: true; path: string } | { saved: false; reason: 'canceled' | 'failed' | 'refused' };

/** A name Windows accepts as one file in the chosen folder: no folder parts, no reserved characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).at(-1) ?? '';
  const clean = base.replace(/[<>:"|?*\u0000-\u001f]/g, '_').replace(/[. ]+$/, '');
  return clean || '导出文件';
}

const FILTERS: Record<string, string> = { pdf: 'PDF 文件', xlsx: 'Excel 工作簿', zip: '压缩包', csv: 'CSV 文件', json: 'JSON 文件' };

function filtersFor(fileName: string): Electron.FileFilter[] {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  return ext ? [{ name: FILTERS[ext] ?? `${ext.toUpperCase()} 文件`, extensions: [ext] }, { name: '所有文件', extensions: ['*'] }] : [];
}

/** Why a write failed, in words a clerk can act on. */
export function writeFailureText(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return '没有权限写入这个位置，或同名文件正被其他程序（如 WPS、Excel、PDF 阅读器）打开。请关闭它或换一个文件夹再保存。';
    case 'EBUSY':
      return '同名文件正被其他程序打开。请关闭它后再保存，或换一个文件名。';
    case 'ENOSPC':
      return '磁盘空间不足。请清理磁盘或换一个位置再保存。';
    case 'EROFS':
      return '这个位置是只读的（如光盘或写保护的 U 盘）。请换一个位置再保存。';
    case 'ENOENT':
      return '所选文件夹已不存在（U 盘可能已拔出）。请重新选择位置。';
    default:
      return `写入文件时出错：${err instanceof Error ? err.message : String(err)}`;
  }
}

/**
 * Writes beside the target and renames over it, so a failed write never leaves a half file — nor destroys the
 * file of the same name that was there before.
 */
async function writeWhole(target: string, bytes: Buffer): Promise<void> {
  const tmp = `${target}.${process.pid}.part`;
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

export interface SaveDeps {
  window: () => BrowserWindow | null;
  /** userData/shell-state.json: where the last folder used is remembered. */
  stateFile: string;
  /** Where the first save dialog opens (the user's Documents). */
  defaultDir: string;
  isTrusted(frameUrl: string | null): boolean;
  log: Logger;
}

/** Save dialog named after the export, opened in the last folder used; confirms with 打开所在文件夹; failures said in Chinese. */
export async function saveFile(deps: SaveDeps, fileName: string, bytes: Buffer): Promise<SaveResult> {
  const win = deps.window();
  const name = safeFileName(fileName);
  const dir = readShellState(deps.stateFile).lastSaveDir ?? deps.defaultDir;
  const options = { title: '保存文件', defaultPath: path.join(dir, name), buttonLabel: '保存', filters: filtersFor(name) };
  const { canceled, filePath } = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (canceled || !filePath) return { saved: false, reason: 'canceled' };
  const box = (o: Electron.MessageBoxOptions) => (win ? dialog.showMessageBox(win, o) : dialog.showMessageBox(o));
  try {
    await writeWhole(filePath, bytes);
  } catch (err) {
    deps.log.error(`saving ${filePath} failed`, err);
    await box({ type: 'error', title: '文件没有保存', message: `“${path.basename(filePath)}”没有保存。`, detail: writeFailureText(err), buttons: ['确定'], noLink: true });
    return { saved: false, reason: 'failed' };
  }
  updateShellState(deps.stateFile, { lastSaveDir: path.dirname(filePath) });
  const { response } = await box({
    type: 'info',
    title: '已保存',
    message: `已保存“${path.basename(filePath)}”。`,
    detail: filePath,
    buttons: ['确定', '打开所在文件夹'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  if (response === 1) shell.showItemInFolder(filePath);
  return { saved: true, path: filePath };
}

/**
 * A desktop channel that takes a file from the page (save, print): only from the app's own page and only a valid
 * file, like every contract channel; anything else is logged and answered with `refused`, before any dialog.
 */
export function registerFileChannel<R>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: string,
  deps: Pick<SaveDeps, 'isTrusted' | 'log'>,
  refused: R,
  handle: (fileName: string, bytes: Buffer) => Promise<R>,
): void {
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, raw: unknown): Promise<R> => {
    const url = senderUrl(event);
    const parsed = fileInput.safeParse(raw);
    if (!deps.isTrusted(url) || !parsed.success) {
      deps.log.error(`${channel} refused from ${url ?? '(no frame)'}`);
      return refused;
    }
    return handle(parsed.data.fileName, Buffer.from(parsed.data.contentBase64, 'base64'));
  });
}

export function registerSaveFile(ipcMain: Pick<IpcMain, 'handle'>, deps: SaveDeps): void {
  registerFileChannel<SaveResult>(ipcMain, SAVE_FILE_CHANNEL, deps, { saved: false, reason: 'refused' }, (name, bytes) => saveFile(deps, name, bytes));
}
