import fs from 'node:fs';

/** The magic string a plain SQLite file starts with (an encrypted one starts with its cipher's salt instead). */
export const SQLITE_MAGIC = 'SQLite format 3\0';

/** The first `bytes` bytes of a file, read without opening it as a database (it may be damaged or encrypted). */
export function fileHeader(file: string, bytes: number): Buffer {
  const header = Buffer.alloc(bytes);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, bytes, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header;
}
