import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electronModule from 'electron';
import { registerSaveFile, safeFileName, SAVE_FILE_CHANNEL, type SaveResult } from '../../main/electron/save';
import { readShellState } from '../../main/electron/shell-state';
import { isAppUrl } from '../../main/electron/window';
import type { FakeElectron } from './electron-fake';
import { quietLog, tempDir } from './helpers';

vi.mock('electron', async () => (await import('./electron-fake')).createFakeElectron());
const electron = electronModule as unknown as FakeElectron;

const indexFile = path.resolve('/opt/StreetDesk/resources/app.asar/out/renderer/index.html');
const appFrame = { senderFrame: { url: pathToFileURL(indexFile).href } };
const pdf = Buffer.from('%PDF-1.7 西里社区');
const file = { fileName: '志愿服务记录-李烨.pdf', contentBase64: pdf.toString('base64') };

let stateFile: string;
let documents: string;
let save: (event: unknown, input: unknown) => Promise<SaveResult>;

beforeEach(() => {
  vi.clearAllMocks();
  stateFile = path.join(tempDir(), 'shell-state.json');
  documents = tempDir();
  const ipcMain = { handle: vi.fn() };
  registerSaveFile(ipcMain as never, { window: () => null, stateFile, defaultDir: documents, isTrusted: (url) => isAppUrl(url, indexFile), log: quietLog });
  expect(ipcMain.handle).toHaveBeenCalledWith(SAVE_FILE_CHANNEL, expect.any(Function));
  save = ipcMain.handle.mock.calls[0]![1] as typeof save;
});

/** The user picks `target` in the next save dialog (null: cancels it) and answers the next box with `response`. */
function user(target: string | null, response = 0) {
  electron.dialog.showSaveDialog.mockResolvedValueOnce(target ? { canceled: false, filePath: target } : { canceled: true });
  electron.dialog.showMessageBox.mockResolvedValueOnce({ response });
}
const saveOptions = (call: number) => electron.dialog.showSaveDialog.mock.calls[call]![0] as { defaultPath: string; filters: { name: string; extensions: string[] }[]; title: string };
const box = (call = 0) => electron.dialog.showMessageBox.mock.calls[call]![0] as { type: string; message: string; detail: string; buttons: string[] };

describe('saving an export in the desktop app', () => {
  it("opens a save dialog named after the export, writes the bytes, confirms with 打开所在文件夹, and remembers the folder", async () => {
    const folder = tempDir();
    user(path.join(folder, '李烨.pdf'), 1);
    await expect(save(appFrame, file)).resolves.toEqual({ saved: true, path: path.join(folder, '李烨.pdf') });
    expect(saveOptions(0)).toMatchObject({ title: '保存文件', defaultPath: path.join(documents, '志愿服务记录-李烨.pdf') });
    expect(saveOptions(0).filters[0]).toEqual({ name: 'PDF 文件', extensions: ['pdf'] });
    expect(fs.readFileSync(path.join(folder, '李烨.pdf')).equals(pdf)).toBe(true);
    expect(fs.readdirSync(folder)).toEqual(['李烨.pdf']); // no temporary file left beside it
    expect(box()).toMatchObject({ type: 'info', message: '已保存“李烨.pdf”。', detail: path.join(folder, '李烨.pdf'), buttons: ['确定', '打开所在文件夹'] });
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith(path.join(folder, '李烨.pdf'));

    // The next export's dialog opens in that folder; 确定 opens nothing.
    user(path.join(folder, '汇总.xlsx'), 0);
    await save(appFrame, { fileName: '汇总.xlsx', contentBase64: 'UEsDBA==' });
    expect(saveOptions(1).defaultPath).toBe(path.join(folder, '汇总.xlsx'));
    expect(saveOptions(1).filters[0]).toEqual({ name: 'Excel 工作簿', extensions: ['xlsx'] });
    expect(electron.shell.showItemInFolder).toHaveBeenCalledTimes(1);
    expect(readShellState(stateFile).lastSaveDir).toBe(folder);
  });

  it('writes nothing and says nothing when the dialog is cancelled', async () => {
    user(null);
    await expect(save(appFrame, file)).resolves.toEqual({ saved: false, reason: 'canceled' });
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    expect(readShellState(stateFile)).toEqual({});
  });

  it('reports a failed write in Chinese, leaves no partial file, and keeps the earlier file of that name whole', async () => {
    const gone = path.join(tempDir(), '已拔出的U盘');
    user(path.join(gone, '李烨.pdf'));
    await expect(save(appFrame, file)).resolves.toEqual({ saved: false, reason: 'failed' });
    expect(box()).toMatchObject({ type: 'error', message: '“李烨.pdf”没有保存。', detail: '所选文件夹已不存在（U 盘可能已拔出）。请重新选择位置。' });
    expect(readShellState(stateFile).lastSaveDir).toBeUndefined();

    // A name taken by a folder: the rename fails after the bytes were written; the temporary file goes, the folder stays.
    const folder = tempDir();
    fs.mkdirSync(path.join(folder, '报表.pdf'));
    fs.writeFileSync(path.join(folder, '报表.pdf', '原有.txt'), '原有');
    user(path.join(folder, '报表.pdf'));
    await expect(save(appFrame, file)).resolves.toEqual({ saved: false, reason: 'failed' });
    expect(box(1)).toMatchObject({ type: 'error', message: '“报表.pdf”没有保存。' });
    expect(box(1).detail).toMatch(/^(写入文件时出错|没有权限)/);
    expect(fs.readdirSync(folder)).toEqual(['报表.pdf']);
    expect(fs.readFileSync(path.join(folder, '报表.pdf', '原有.txt'), 'utf8')).toBe('原有');
  });

  it('refuses a foreign or vanished frame and malformed input without opening any dialog', async () => {
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
    };
    for (const [event, input] of [[{ senderFrame: { url: 'https://example.com/' } }, file], [disposed, file], [appFrame, { fileName: '' }], [appFrame, null]] as const) {
      await expect(save(event, input)).resolves.toEqual({ saved: false, reason: 'refused' });
    }
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('proposes a name Windows accepts, never a path', () => {
    expect(safeFileName('..\\..\\Windows\\a:b?.pdf')).toBe('a_b_.pdf');
    expect(safeFileName('月报/2026年11月 "西里".xlsx')).toBe('2026年11月 _西里_.xlsx');
    expect(safeFileName('汇总. ')).toBe('汇总');
    expect(safeFileName('../')).toBe('导出文件');
  });
});
