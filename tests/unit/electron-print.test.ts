import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electronModule from 'electron';
import { clearPrintFolder, PRINT_FILE_CHANNEL, registerPrintFile, type PrintResult } from '../../main/electron/print';
import { isAppUrl } from '../../main/electron/window';
import type { FakeElectron } from './electron-fake';
import { quietLog, tempDir } from './helpers';

vi.mock('electron', async () => (await import('./electron-fake')).createFakeElectron());
const electron = electronModule as unknown as FakeElectron;

// Issue 15: documents print from the app. In the desktop app a PDF export goes to the system's PDF viewer.
const indexFile = path.resolve('/opt/apps/cn.streetdesk.app/files/resources/app.asar/out/renderer/index.html');
const appFrame = { senderFrame: { url: pathToFileURL(indexFile).href } };
const pdf = Buffer.from('%PDF-1.7 志愿服务记录表 李烨');
const file = { fileName: '志愿服务记录表-李烨-2026-01-01至2026-12-02.pdf', contentBase64: pdf.toString('base64') };

let printDir: string;
let print: (event: unknown, input: unknown) => Promise<PrintResult>;
const log = { ...quietLog, error: vi.fn() };

beforeEach(() => {
  vi.clearAllMocks();
  printDir = path.join(tempDir(), 'print');
  const ipcMain = { handle: vi.fn() };
  registerPrintFile(ipcMain as never, { window: () => null, printDir, isTrusted: (url) => isAppUrl(url, indexFile), log });
  expect(ipcMain.handle).toHaveBeenCalledWith(PRINT_FILE_CHANNEL, expect.any(Function));
  print = ipcMain.handle.mock.calls[0]![1] as typeof print;
});

const box = () => electron.dialog.showMessageBox.mock.calls[0]![0] as { type: string; title: string; message: string; detail: string };

describe('printing a PDF export in the desktop app', () => {
  it("hands the PDF, under its own name, to the system's viewer (where the clerk prints it), without a dialog of ours", async () => {
    const result = await print(appFrame, file);
    expect(result).toMatchObject({ opened: true });
    const opened = (result as { path: string }).path;
    expect(electron.shell.openPath).toHaveBeenCalledWith(opened);
    expect(path.basename(opened)).toBe(file.fileName);
    expect(path.dirname(path.dirname(opened))).toBe(printDir);
    expect(fs.readFileSync(opened).equals(pdf)).toBe(true);
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
    // The same document printed again while the first is still open in the viewer: its own file.
    const again = (await print(appFrame, file)) as { path: string };
    expect(again.path).not.toBe(opened);
    expect(fs.existsSync(opened)).toBe(true);
  });

  it('gives the file a .pdf name the viewer is chosen by, and a name Windows accepts', async () => {
    const result = (await print(appFrame, { ...file, fileName: '上报汇总表:2026/11' })) as { path: string };
    expect(path.basename(result.path)).toBe('11.pdf');
    const named = (await print(appFrame, { ...file, fileName: '楼栋公示<3号楼>.PDF' })) as { path: string };
    expect(path.basename(named.path)).toBe('楼栋公示_3号楼_.pdf');
  });

  it('says in Chinese what to do when no program opens PDFs, and logs it', async () => {
    electron.shell.openPath.mockResolvedValueOnce('Failed to open path');
    await expect(print(appFrame, file)).resolves.toEqual({ opened: false, reason: 'failed' });
    expect(box()).toMatchObject({ type: 'error', title: '无法打印' });
    expect(box().detail).toContain('没有能打开 PDF 文件的程序');
    expect(box().detail).toContain('下载');
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('Failed to open path'));
  });

  it('says why when the file cannot be written, and opens nothing', async () => {
    fs.mkdirSync(path.dirname(printDir), { recursive: true });
    fs.writeFileSync(printDir, 'a file where the folder should be');
    await expect(print(appFrame, file)).resolves.toEqual({ opened: false, reason: 'failed' });
    expect(box()).toMatchObject({ type: 'error', title: '无法打印' });
    expect(electron.shell.openPath).not.toHaveBeenCalled();
  });

  it('refuses, before writing anything, a foreign or disposed frame, bad input, or bytes that are not a PDF', async () => {
    for (const [event, input] of [
      [{ senderFrame: { url: 'https://evil.example/' } }, file],
      [{ senderFrame: null }, file],
      [appFrame, { fileName: '', contentBase64: file.contentBase64 }],
      [appFrame, { fileName: 'x.pdf' }],
      [appFrame, { fileName: 'run.pdf', contentBase64: Buffer.from('MZ\x90\x00 an .exe').toString('base64') }],
    ] as const) {
      await expect(print(event, input)).resolves.toEqual({ opened: false, reason: 'refused' });
    }
    expect(fs.existsSync(printDir)).toBe(false);
    expect(electron.shell.openPath).not.toHaveBeenCalled();
    expect(electron.dialog.showMessageBox).not.toHaveBeenCalled();
  });

  it('removes what earlier prints left at the next start (they hold personal data)', async () => {
    const first = (await print(appFrame, file)) as { path: string };
    clearPrintFolder(printDir, log);
    expect(fs.existsSync(first.path)).toBe(false);
    expect(fs.readdirSync(printDir)).toEqual([]);
    clearPrintFolder(path.join(tempDir(), 'never-printed'), log); // nothing to do, no error
    expect(log.error).not.toHaveBeenCalled();
  });
});
