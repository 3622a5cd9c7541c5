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
