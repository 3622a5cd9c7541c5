import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { passwordKey, SCRYPT_PARAMS } from '../accounts/password';
import { writePrivateFile } from './private-files';

/**
 * The data key's wraps, beside the encrypted data file (issue 13). The data file is encrypted with a random 32-byte
 * data key; that key is never stored as it is, only wrapped (AES-256-GCM) by a key derived from each account's
 * password (`passwordKey`, scrypt with a salt of the wrap's own) and by one from the recovery code. The accounts
 * table is inside the encrypted file, so the wraps cannot be: this file is read before the data file can be
 * opened, at the sign-in that opens it. It tells nothing without a password or the code. An account's wrap is
 * found by a tag of its name (`nameTag`: scrypt with the file's own salt), not the name, so the file does not list
 * who keeps the data; the unit's name is kept in clear for the sign-in screen — it is printed on every notice the
 * office posts.
 */
export const KEY_FILE_NAME = 'streetdesk.keys.json';

interface Wrap {
  salt: string;
  N: number;
  r: number;
  p: number;
  iv: string;
  tag: string;
  wrapped: string;
}

export interface KeyFile {
  format: 2;
  /** Shown on the sign-in screen while the data file is still closed. */
  unitName: string;
  /** Hex; the salt of every account's `nameTag`. */
  nameSalt: string;
  recovery: Wrap;
  /** By account id; the tag of the name is how a sign-in finds its wrap before the accounts table can be read. */
  accounts: Record<string, Wrap & { nameTag: string }>;
}

/** The first format (until 2026-12): the accounts' names in clear. Read, and rewritten as format 2 at once. */
interface KeyFileV1 extends Omit<KeyFile, 'format' | 'nameSalt' | 'accounts'> {
  format: 1;
  accounts: Record<string, Wrap & { name: string }>;
}

// Cheap beside a password's scrypt (one per sign-in), yet each guess at a name costs a derivation, not a hash.
const NAME_TAG_PARAMS = { N: 1 << 12, r: 8, p: 1 };

/** An account name's tag in a key file: the same name (trimmed, NFC) gives the same tag under the same salt. */
export const nameTag = (name: string, nameSalt: string): string => passwordKey(name.trim(), Buffer.from(nameSalt, 'hex'), NAME_TAG_PARAMS).toString('hex');

export const newNameSalt = (): string => randomBytes(16).toString('hex');

export const keyFilePath = (dataDir: string): string => path.join(dataDir, KEY_FILE_NAME);

/** The key file, or null when there is none; one of the first format is rewritten without the names, then read. */
export function readKeyFile(dataDir: string): KeyFile | null {
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile | KeyFileV1;
  if (parsed.format === 2) return parsed;
  if (parsed.format !== 1) throw new Error(`${file}: 无法识别的密钥文件格式 ${String((parsed as { format: unknown }).format)}`);
  const nameSalt = newNameSalt();
  const accounts = Object.fromEntries(Object.entries(parsed.accounts).map(([id, { name, ...wrap }]) => [id, { ...wrap, nameTag: nameTag(name, nameSalt) }]));
  const upgraded: KeyFile = { ...parsed, format: 2, nameSalt, accounts };
  writeKeyFile(dataDir, upgraded);
  return upgraded;
}

/** Written whole under a temporary name and renamed, owner-only: a crash leaves the old file or the new one. */
export function writeKeyFile(dataDir: string, keys: KeyFile): void {
  writePrivateFile(keyFilePath(dataDir), `${JSON.stringify(keys, null, 2)}\n`);
}

/** The wrap's purpose is authenticated with it, so a wrap moved to another entry does not open. */
const aad = (purpose: string) => Buffer.from(`streetdesk-data-key:${purpose}`);

export function wrapKey(dataKey: Buffer, secret: string, purpose: string): Wrap {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', passwordKey(secret, salt), iv).setAAD(aad(purpose));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  const { N, r, p } = SCRYPT_PARAMS;
  return { salt: salt.toString('hex'), N, r, p, iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex'), wrapped: wrapped.toString('hex') };
}

/** The data key, or null when the secret is not the one the wrap was made with. */
export function unwrapKey(wrap: Wrap, secret: string, purpose: string): Buffer | null {
  const key = passwordKey(secret, Buffer.from(wrap.salt, 'hex'), { N: wrap.N, r: wrap.r, p: wrap.p });
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(wrap.iv, 'hex')).setAAD(aad(purpose));
  decipher.setAuthTag(Buffer.from(wrap.tag, 'hex'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(wrap.wrapped, 'hex')), decipher.final()]);
  } catch {
    return null;
  }
}

export const accountPurpose = (accountId: string): string => `account:${accountId}`;
export const RECOVERY_PURPOSE = 'recovery';

// Crockford's base32 without I, L, O, U: nothing to misread when it is copied by hand from the printed sheet.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 25 random characters (125 bits) in five groups: `7KQ2M-…`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(25);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]!).join('');
  return chars.match(/.{5}/g)!.join('-');
}

/** What a clerk types back: any case, spaces or dashes, O for 0 and I/L for 1 as Crockford reads them. */
export const normalizeRecoveryCode = (typed: string): string => {
  const chars = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return chars.length === 25 ? chars.match(/.{5}/g)!.join('-') : chars;
};
