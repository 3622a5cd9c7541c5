import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EncryptionUnavailableError, WrongDataKeyError } from '../../db/errors';
import { openDatabase, openFile } from '../../db/open';
import { tempDir } from './helpers';

// Encryption at rest (issue 13), at the driver: SQLite3 Multiple Ciphers under better-sqlite3's API. The file and
// its WAL hold no readable byte of what was written; only the right key opens it, and every refusal is in Chinese.
const NAME = '阮烨华';
const ID = '110101199003070011';
const holds = (file: string, text: string) => fs.readFileSync(file).includes(Buffer.from(text));

function encryptedFile(key: Buffer) {
  const file = path.join(tempDir(), 'data.sqlite');
  const db = openFile(file, { key });
  db.exec('CREATE TABLE people (name TEXT, id_number TEXT)');
  db.prepare('INSERT INTO people VALUES (?, ?)').run(NAME, ID);
  return { file, db };
}

describe('an encrypted data file', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('keeps no plaintext in the file or its WAL, and reads back with its key', () => {
    const key = randomBytes(32);
    const { file, db } = encryptedFile(key);
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    for (const f of [file, `${file}-wal`]) expect({ f, name: holds(f, NAME), id: holds(f, ID) }).toEqual({ f, name: false, id: false });
    db.close();
    expect(fs.readFileSync(file).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const again = openFile(file, { key, readonly: true });
    expect(again.prepare('SELECT name, id_number AS id FROM people').get()).toEqual({ name: NAME, id: ID });
    again.close();
  });

  it('refuses a wrong key in Chinese, and so does opening it as a plain file, without changing it', async () => {
    const { file, db } = encryptedFile(randomBytes(32));
    db.close();
    const before = fs.readFileSync(file);
    expect(() => openFile(file, { key: randomBytes(32) })).toThrow(WrongDataKeyError);
    expect(() => openFile(file, { key: randomBytes(32) })).toThrow(/无法用本机保存的数据密钥解密/);
    await expect(openDatabase(file, undefined, { key: randomBytes(32) })).rejects.toThrow(WrongDataKeyError);
    await expect(openDatabase(file)).rejects.toThrow(/文件不是数据库/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('is refused in Chinese by the node:sqlite fallback, which has no cipher (nothing opened)', async () => {
    vi.stubEnv('STREETDESK_SQLITE_DRIVER', 'fallback');
    vi.resetModules();
    const onFallback = await import('../../db/open');
    const errors = await import('../../db/errors');
    const file = path.join(tempDir(), 'never.sqlite');
    expect(() => onFallback.openFile(file, { key: randomBytes(32) })).toThrow(errors.EncryptionUnavailableError);
    expect(() => onFallback.openFile(file, { key: randomBytes(32) })).toThrow(/备用数据库引擎（node:sqlite），它不能解密/);
    expect(fs.existsSync(file)).toBe(false);
    expect(new EncryptionUnavailableError(null).message).toMatch(/^数据文件已加密/);
  });
});
