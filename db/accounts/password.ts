import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Everything derived from an account's password, in one place (issue 13):
 * - the stored hash: scrypt with a random salt per account, kept as `scrypt$N$r$p$<salt hex>$<hash hex>`, so the
 *   parameters travel with each hash and stronger ones later still check old hashes;
 * - `passwordKey`: the hook for encryption at rest (a later session) — the key that will wrap the database's data
 *   key, derived from the same password with a salt of its own (never the login hash's, so the stored hash tells
 *   nothing about the wrapping key).
 * The minimum length is the schemas' (main/api/system/schemas.ts). The fund's signers' PINs are another idea (db/fund/pin.ts): a signer's sign-off, not a clerk's login.
 */

/** 32 MiB of memory and about 0.1 s a check: slow for someone trying a copied file's hashes, quick for a sign-in. */
export const SCRYPT_PARAMS = { N: 1 << 15, r: 8, p: 1 } as const;
type ScryptParams = { N: number; r: number; p: number };
const KEY_LENGTH = 32;

const derive = (password: string, salt: Buffer, params: ScryptParams) =>
  scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem: 128 * params.N * params.r * 2 });

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const { N, r, p } = SCRYPT_PARAMS;
  return ['scrypt', N, r, p, salt.toString('hex'), derive(password, salt, SCRYPT_PARAMS).toString('hex')].join('$');
}

/** Whether the password gives the stored hash (compared in constant time); a malformed hash matches nothing. */
export function passwordMatches(password: string, stored: string): boolean {
  const [scheme, N, r, p, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  if (!Number.isInteger(params.N) || !Number.isInteger(params.r) || !Number.isInteger(params.p)) return false;
  const actual = derive(password, Buffer.from(salt, 'hex'), params);
  const wanted = Buffer.from(expected, 'hex');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}

/**
 * The key an account's password gives for wrapping the data key (encryption at rest, not used yet): scrypt over the
 * password with the wrapping's own salt and parameters, which are stored beside the wrapped key.
 */
export function passwordKey(password: string, salt: Buffer, params: ScryptParams = SCRYPT_PARAMS): Buffer {
  return derive(password, salt, params);
}

/**
 * The growing delay after failed sign-ins, as data: the first `FREE_ATTEMPTS` wrong passwords cost nothing, each
 * further one doubles the wait from 5 s up to 15 minutes. The clock is the request's, so tests move it instead of
 * sleeping.
 */
export const FREE_ATTEMPTS = 3;
export const delayAfterFailures = (failures: number): number =>
  failures < FREE_ATTEMPTS ? 0 : Math.min(5 * 2 ** (failures - FREE_ATTEMPTS), 900);
