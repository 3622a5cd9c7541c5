import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import {
  accountPurpose, keyFilePath, nameTag, newNameSalt, newRecoveryCode, normalizeRecoveryCode, readKeyFile, RECOVERY_PURPOSE, unwrapKey, wrapKey, writeKeyFile,
  type KeyFile,
} from '../db/keys/key-file';

/**
 * The data key in the core's memory, and its wraps in the key file (db/keys/key-file.ts). Before a sign-in has
 * opened an encrypted data file the key is unknown (the core is sealed); after, every password set or changed
 * rewraps it, so each account can open the file after the next restart. A plain installation has no key file:
 * then every method that wraps does nothing.
 */
export interface DataKeys {
  /** Whether there are wraps (the data file is encrypted, or is being encrypted). */
  encrypted(): boolean;
  /** The data key, once unlocked (null while sealed, and for a plain installation). */
  key(): Buffer | null;
  /** The unit's name as the key file keeps it, for the sign-in screen while the data is closed. */
  unitName(): string | null;
  /** The data key if `password` is this account name's; remembers it. */
  unlockAs(name: string, password: string): Buffer | null;
  /** The data key if `code` is the recovery code; remembers it. */
  unlockWithCode(code: string): Buffer | null;
  /** (Re)wraps the unlocked key for the account's password (set, changed, reset, or a first sign-in since). */
  wrapFor(account: { id: string; name: string }, password: string): void;
  /** Whether the account has a wrap (a sign-in adds a missing one). */
  hasWrap(accountId: string): boolean;
  /** A disabled account's password no longer opens the data. */
  dropWrap(accountId: string): void;
  /** A new data key with its recovery code and the first account's wrap, written to the key file. */
  create(unitName: string, account: { id: string; name: string }, password: string): { key: Buffer; recoveryCode: string };
  /** Removes the key file (an encryption that did not complete: the data file stayed plain). */
  discard(): void;
  /**
   * A new recovery code for the unlocked key: the recovery wrap is replaced, so the old code no longer opens the
   * data. Held (like the first one, `create`) until an administrator confirms having written it down.
   */
  renewRecoveryCode(): string;
  /** The recovery code not yet confirmed written down, in memory only (never on disk, in clear). */
  pendingRecoveryCode(): string | null;
  recoveryCodeWritten(): void;
  /**
   * The data file was closed (the lock, the last sign-out): the key is wiped from memory until a secret unwraps it
   * again, and a recovery code still pending with it (it opens the data as well as the key does).
   */
  forget(): void;
}

export function dataKeys(dataDir: string): DataKeys {
  let file: KeyFile | null = readKeyFile(dataDir);
  let unlocked: Buffer | null = null;
  let pending: string | null = null;
  const save = (next: KeyFile) => {
    writeKeyFile(dataDir, next);
    file = next;
  };
  const remember = (key: Buffer | null) => (key ? (unlocked = key) : null);
  return {
    encrypted: () => file !== null,
    key: () => unlocked,
    unitName: () => file?.unitName ?? null,
    unlockAs(name, password) {
      if (!file) return null;
      const tag = nameTag(name, file.nameSalt);
      const entry = Object.entries(file.accounts).find(([, w]) => w.nameTag === tag);
      return entry ? remember(unwrapKey(entry[1], password, accountPurpose(entry[0]))) : null;
    },
    unlockWithCode: (code) => (file ? remember(unwrapKey(file.recovery, normalizeRecoveryCode(code), RECOVERY_PURPOSE)) : null),
    wrapFor(account, password) {
      if (!file || !unlocked) return;
      const wrap = { nameTag: nameTag(account.name, file.nameSalt), ...wrapKey(unlocked, password, accountPurpose(account.id)) };
      save({ ...file, accounts: { ...file.accounts, [account.id]: wrap } });
    },
    hasWrap: (accountId) => Boolean(file?.accounts[accountId]),
    dropWrap(accountId) {
      if (!file?.accounts[accountId]) return;
      const { [accountId]: _, ...rest } = file.accounts;
      save({ ...file, accounts: rest });
    },
    create(unitName, account, password) {
      const key = randomBytes(32);
      const recoveryCode = newRecoveryCode();
      const nameSalt = newNameSalt();
      save({
        format: 2,
        unitName,
        nameSalt,
        recovery: wrapKey(key, recoveryCode, RECOVERY_PURPOSE),
        accounts: { [account.id]: { nameTag: nameTag(account.name, nameSalt), ...wrapKey(key, password, accountPurpose(account.id)) } },
      });
      unlocked = key;
      pending = recoveryCode;
      return { key, recoveryCode };
    },
    renewRecoveryCode() {
      if (!file || !unlocked) throw new Error('renewRecoveryCode: the data is not encrypted, or not open');
      const recoveryCode = newRecoveryCode();
      save({ ...file, recovery: wrapKey(unlocked, recoveryCode, RECOVERY_PURPOSE) });
      pending = recoveryCode;
      return recoveryCode;
    },
    pendingRecoveryCode: () => pending,
    recoveryCodeWritten: () => void (pending = null),
    discard() {
      fs.rmSync(keyFilePath(dataDir), { force: true });
      file = null;
      unlocked = null;
      pending = null;
    },
    forget() {
      unlocked?.fill(0);
      unlocked = null;
      pending = null;
    },
  };
}
