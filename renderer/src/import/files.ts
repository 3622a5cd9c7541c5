/** Files in and out of the browser: a picked file as base64 (with read progress), a report as a download. */

export interface PickedFile {
  fileName: string;
  size: number;
  contentBase64: string;
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const isImportable = (name: string) => /\.(xlsx|csv|txt)$/i.test(name);

/** Reads a file as base64; `onProgress` gets 0–1 as the browser reads it (large files take a moment). */
export function readAsBase64(file: File, onProgress: (fraction: number) => void): Promise<PickedFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve({ fileName: file.name, size: file.size, contentBase64: url.slice(url.indexOf(',') + 1) });
    };
    reader.readAsDataURL(file);
  });
}

/** Saves bytes the core produced (the report workbook) through the browser's download. */
export function downloadBase64(fileName: string, contentBase64: string, type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') {
  const bytes = Uint8Array.from(atob(contentBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
