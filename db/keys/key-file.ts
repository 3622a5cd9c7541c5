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
 * opened, at the sign-in that opens it. It tells nothing without a password or the code (the names of the
 * accounts, and the unit's name for the sign-in screen, are all it shows).
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
  format: 1;
  /** Shown on the sign-in screen while the data file is still closed. */
  unitName: string;
  recovery: Wrap;
  /** By account id; the name is how a sign-in finds its wrap before the accounts table can be read. */
  accounts: Record<string, Wrap & { name: string }>;
}

export const keyFilePath = (dataDir: string): string => path.join(dataDir, KEY_FILE_NAME);

export function readKeyFile(dataDir: string): KeyFile | null {
  const file = keyFilePath(dataDir);
  if (!fs.existsSync(file)) return null;
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as KeyFile;
  if (parsed.format !== 1) throw new Error(`${file}: 无法识别的密钥文件格式 ${String(parsed.format)}`);
  return parsed;
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
