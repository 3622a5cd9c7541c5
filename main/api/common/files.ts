import { z } from 'zod';

/**
 * Files cross the API in two shapes, declared here once: a file the page read and sends in (`fileIn`: an import's
 * workbook, a data package), and a file the core produced and sends out (`FileOut`: every register, PDF, package
 * and report). The desktop shell's save and print dialogs take the same `fileName` + `contentBase64`. Bytes travel
 * as base64 because HTTP bodies in browser mode are JSON.
 */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const PDF_MIME = 'application/pdf';

/** A produced file: the name to save it under, its type, its bytes, and the checksum and size shown beside it. */
export interface FileOut {
  fileName: string;
  mime: string;
  contentBase64: string;
  sha256: string;
  bytes: number;
}

/** Base64 holds 3 bytes in every 4 characters. */
const base64Bytes = (contentBase64: string): number => (contentBase64.length / 4) * 3;

/**
 * A file picked in the page, at most `maxBytes` (the transport's body limit leaves room for base64's third more);
 * `tooLarge` says so in the words the page also uses when it refuses the file before reading it.
 */
export const fileIn = (maxBytes: number, tooLarge: (bytes: number) => string, missing = '请选择文件') =>
  z.object({
    fileName: z.string().trim().min(1, missing).max(255),
    contentBase64: z
      .string()
      .min(1, missing)
      .max(Math.ceil(maxBytes / 3) * 4, { error: (issue) => tooLarge(base64Bytes(String(issue.input))) }),
  });

export type FileIn = z.infer<ReturnType<typeof fileIn>>;
