import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileHeader, SQLITE_MAGIC } from '../file-header';
import { CIPHER, openFile, type Db } from '../open';
import { makePrivate } from './private-files';

/** Whether a file is a plain SQLite file (its header readable), as opposed to an encrypted one. */
export function isPlainSqlite(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size < 16) return false;
  return fileHeader(file, 16).toString('latin1') === SQLITE_MAGIC;
}

const MASK = (1n << 64n) - 1n;

/**
 * Every table's row count and a digest of its rows that does not depend on their order (the sum of each row's
 * SHA-256 prefix): the proof that a conversion kept every row and every value.
 */
export function tableChecksums(db: Db): Record<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const sums: Record<string, string> = {};
  for (const table of tables) {
    let count = 0;
    let sum = 0n;
    for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw().iterate() as IterableIterator<unknown[]>) {
      const text = JSON.stringify(row.map((v) => (Buffer.isBuffer(v) ? `blob:${v.toString('hex')}` : v)));
      sum = (sum + createHash('sha256').update(text).digest().readBigUInt64BE(0)) & MASK;
      count++;
    }
    sums[table] = `${count}:${sum.toString(16)}`;
  }
  return sums;
}

/** Checksums of a file, opened read-only (with its key when encrypted). */
export function fileChecksums(file: string, key?: Buffer): Record<string, string> {
  const db = openFile(file, { readonly: true, key });
  try {
    return tableChecksums(db);
  } finally {
    db.close();
  }
}

export class ConversionCheckError extends Error {
  constructor(detail: string) {
    super(`加密后的数据与原数据不一致（${detail}），没有替换原来的文件，数据没有改动。请联系技术支持。`);
    this.name = 'ConversionCheckError';
  }
}

/**
 * Encrypts a plain, stand-alone (rollback-journal) SQLite file where it lies with SQLite3MC's rekey, then proves
 * the result: it opens with the key, passes quick_check and holds the same rows as `expected` (checksums taken
 * before). Meant for a copy, never for the live file: a failure leaves only a copy to throw away.
 */
export function encryptCopy(file: string, key: Buffer, expected: Record<string, string>): void {
  const db = openFile(file);
  try {
    db.pragma('journal_mode = DELETE'); // SQLite3MC cannot rekey a plain file in WAL mode
    db.pragma(`cipher = '${CIPHER}'`);
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
  makePrivate(file);
  const check = openFile(file, { readonly: true, key });
  try {
    const problems = (check.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).filter((r) => r !== 'ok');
    if (problems.length > 0) throw new ConversionCheckError(problems[0]!);
    const actual = tableChecksums(check);
    const differing = Object.keys({ ...expected, ...actual }).filter((t) => expected[t] !== actual[t]);
    if (differing.length > 0) throw new ConversionCheckError(`表 ${differing.slice(0, 3).join('、')}`);
  } finally {
    check.close();
  }
}
