import type { FileIn, FileOut } from '../../../main/api/common/files';

/**
 * Files in and out of the page, for every module: a picked file read as base64 for the API's JSON body, and
 * bytes the core produced saved — in the desktop app through its own save dialog (the export's name, the last
 * folder used, 打开所在文件夹, failures explained: main/electron/save.ts), in browser mode as a download — or printed.
 */

/** Reads a file as base64; `onProgress` gets 0–1 as the browser reads it (large files take a moment). */
export function readFileBase64(file: File, onProgress?: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    reader.onerror = () => reject(reader.error ?? new Error('读取文件失败'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/** The shell's save and print dialogs (main/electron/save.ts, print.ts) read a produced file's name and bytes. */
interface DesktopFiles {
  saveFile(file: FileIn): Promise<unknown>;
  printFile(file: FileIn): Promise<unknown>;
}
const desktop = (window as unknown as { streetdesk?: { desktop?: DesktopFiles } }).streetdesk?.desktop;

const blobUrl = ({ contentBase64, mime }: FileOut) =>
  URL.createObjectURL(new Blob([Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0))], { type: mime }));

/**
 * Prints a PDF the core drew: the desktop app hands it to the system's PDF viewer (main/electron/print.ts), browser
 * mode opens it in a new tab, where the browser's own viewer prints it. Either way with a print preview.
 */
export function printFile(file: FileOut): void {
  if (desktop) return void desktop.printFile(file);
  const url = blobUrl(file);
  window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function saveFile(file: FileOut): void {
  // The shell shows its own dialogs, for success and failure alike: nothing more to say here.
  if (desktop) return void desktop.saveFile(file);
  const url = blobUrl(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the bytes are let go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Prints it or saves it: the two things a clerk does with a PDF, offered together by PdfButtons and ActionModal. */
export const deliverFile = (file: FileOut, how: 'print' | 'save') => (how === 'print' ? printFile(file) : saveFile(file));
