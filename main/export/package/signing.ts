import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The installation's signing key (Ed25519, node:crypto). Each installation has its own pair, made at setup
 * (or at the first export of an installation set up before packages were signed). The private key stays in
 * the data folder (`keys/package-signing-key.pem`, owner-only: 0600 in a 0700 folder); the public key travels
 * in every package's manifest, and the street pins it at the first import (docs/package-format.md).
 */

export const KEY_FOLDER = 'keys';
export const KEY_FILE = 'package-signing-key.pem';

export interface SigningKey {
  privateKey: KeyObject;
  /** The public key as it travels: base64 of its SPKI DER (44 bytes for Ed25519). */
  publicKey: string;
  fingerprint: string;
}

/**
 * What a clerk compares between paper and screen: the first 16 bytes of the public key's SHA-256, in eight
 * groups of four hex digits (`3F2A 9C41 …`). 128 bits: no one makes a second key with the same print.
 */
export function fingerprintOf(publicKey: string): string {
  const hex = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 32).toUpperCase();
  return hex.match(/.{4}/g)!.join(' ');
}

const publicOf = (privateKey: KeyObject): string =>
  createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');

const keyPath = (dataDir: string) => path.join(dataDir, KEY_FOLDER, KEY_FILE);

/** The key if this installation has one yet. */
export function readSigningKey(dataDir: string): SigningKey | null {
  let pem: string;
  try {
    pem = fs.readFileSync(keyPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const privateKey = createPrivateKey(pem);
  const publicKey = publicOf(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** The installation's key, made now if it has none (written once, never replaced: `wx`). */
export function signingKey(dataDir: string): SigningKey {
  const existing = readSigningKey(dataDir);
  if (existing) return existing;
  const folder = path.join(dataDir, KEY_FOLDER);
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  try {
    fs.writeFileSync(keyPath(dataDir), pem, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    // Two first exports at once: the other one's key stands.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readSigningKey(dataDir)!;
    throw err;
  }
  const publicKey = publicOf(privateKey);
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

export const signBytes = (bytes: Uint8Array, key: SigningKey): string => sign(null, bytes, key.privateKey).toString('base64');

/** Whether `signature` (base64) is the holder of `publicKey`'s signature over exactly these bytes. */
export function verifyBytes(bytes: Uint8Array, signature: string, publicKey: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(publicKey, 'base64'), format: 'der', type: 'spki' });
    if (key.asymmetricKeyType !== 'ed25519') return false;
    return verify(null, bytes, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
