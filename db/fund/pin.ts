import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * A signer's PIN is kept only as a slow hash: scrypt with a random salt per signer, stored as
 * `scrypt$N$r$p$<salt hex>$<hash hex>` so that stronger parameters later can still check old hashes. Six digits are
 * few, so the hash is what keeps someone with a copy of the file from trying them all in a moment.
 */

const PARAMS = { N: 1 << 14, r: 8, p: 1 };
const KEY_LENGTH = 32;

const derive = (pin: string, salt: Buffer, params: typeof PARAMS) =>
  scryptSync(pin.normalize('NFC'), salt, KEY_LENGTH, { ...params, maxmem: 64 * 1024 * 1024 });

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const { N, r, p } = PARAMS;
  return ['scrypt', N, r, p, salt.toString('hex'), derive(pin, salt, PARAMS).toString('hex')].join('$');
}

/** Whether the PIN gives the stored hash (compared in constant time). */
export function pinMatches(pin: string, stored: string): boolean {
  const [scheme, N, r, p, salt, expected] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !expected) return false;
  const actual = derive(pin, Buffer.from(salt, 'hex'), { N: Number(N), r: Number(r), p: Number(p) });
  const wanted = Buffer.from(expected, 'hex');
  return actual.length === wanted.length && timingSafeEqual(actual, wanted);
}
