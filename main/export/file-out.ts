import { PDF_MIME, type FileOut } from '../api/common/files';
import { safeFileName } from './format';
import { sha256Hex } from './package/write';

/** A produced file as channels return it (main/api/common/files.ts): its name made safe to save, checksum and size. */
export function fileOut(name: string, mime: string, bytes: Uint8Array): FileOut {
  return { fileName: safeFileName(name), mime, contentBase64: Buffer.from(bytes).toString('base64'), sha256: sha256Hex(bytes), bytes: bytes.length };
}

export const pdfOut = (name: string, pdf: Uint8Array): FileOut => fileOut(name, PDF_MIME, pdf);
