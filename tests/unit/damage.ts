import fs from 'node:fs';

/** SQLite's default page size, which every StreetDesk file uses. */
export const PAGE = 4096;

/** Writes seeded pseudo-random bytes over whole pages (1-based, as SQLite numbers them), as a failing disk would. */
export function scribblePages(file: string, pages: number[], seed = 8): void {
  let x = seed;
  const noise = Buffer.alloc(PAGE);
  const fd = fs.openSync(file, 'r+');
  try {
    for (const page of pages) {
      for (let i = 0; i < PAGE; i++) {
        x = (x * 1103515245 + 12345) >>> 0;
        noise[i] = x >>> 24;
      }
      fs.writeSync(fd, noise, 0, PAGE, (page - 1) * PAGE);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** `count` distinct page numbers from 2 (page 1 is the header) to `pageCount`, the same every run. */
export function somePages(pageCount: number, count: number, seed = 20261201): number[] {
  const chosen = new Set<number>();
  let x = seed;
  while (chosen.size < Math.min(count, pageCount - 1)) {
    x = (x * 1103515245 + 12345) >>> 0;
    chosen.add(2 + (x % (pageCount - 1)));
  }
  return [...chosen];
}

/**
 * Rewrites `text` where the table `table` stores it (not in its indexes), in place and of the same length: the
 * b-trees stay well formed, so the opening quick_check passes, but an index over that column no longer matches
 * its table — what only the full integrity_check finds. The file must be closed (checkpointed) and plain.
 */
export function alterTableText(file: string, table: string, text: string, replacement: string, pagesOf: (table: string) => number[]): void {
  if (Buffer.byteLength(text) !== Buffer.byteLength(replacement)) throw new Error('the replacement must keep the length');
  const pages = new Set(pagesOf(table));
  const bytes = fs.readFileSync(file);
  const needle = Buffer.from(text);
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) {
    if (!pages.has(Math.floor(at / PAGE) + 1)) continue;
    const fd = fs.openSync(file, 'r+');
    try {
      fs.writeSync(fd, Buffer.from(replacement), 0, needle.length, at);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  throw new Error(`${text} not found in ${table}'s pages`);
}
