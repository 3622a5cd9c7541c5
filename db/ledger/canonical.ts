import { hash } from 'node:crypto';

/**
 * The canonical form of a ledger entry, version SDL1 — the bytes a chain hashes. Changing anything here changes
 * every hash ever written, so it is pinned by golden vectors (tests/unit/ledger-golden.test.ts); a new form gets a
 * new tag, and entries are verified with the version they were written with.
 *
 * canonical(entry) = the entry's fields in the chain's fixed order (its ChainSpec), each encoded as
 *   - null (or undefined):  the one byte `~`
 *   - a value:              `<length>:<bytes>` — the value's UTF-8 byte length in decimal, a colon, the bytes
 * and concatenated without separators: the length prefix says where a field ends, so no text (a colon, a `~`,
 * digits) can be mistaken for the next field, and null differs from the empty text (`0:`).
 * A value is written as
 *   - int:  decimal, `-` for negatives, no leading zeros or `+` (−150 → `4:-150`); a safe integer or a bigint;
 *   - date: `YYYY-MM-DD`, checked;
 *   - text: NFC-normalised (so 王 typed on two input methods hashes the same), e.g. 王芳 → `6:王芳`.
 *     Timestamps are text as stored (ISO-8601 UTC with milliseconds).
 *
 * hash_n = SHA-256(tag ‖ hash_{n−1} ‖ canonical(entry_n)), with the tag as ASCII (`SDL1`), hash_{n−1} as its
 * 32 raw bytes, and hashes stored as 64 lowercase hex digits. A chain's hash_0 is SHA-256(tag ‖ canonical([name])).
 * The entry's position (seq) is not in its canonical form: the chain from hash_0 fixes it, and leaving it out lets
 * verify tell a moved entry (its hash still matches its content) from a changed one.
 */

export const CANONICAL_VERSION = 'SDL1';

export type FieldKind = 'int' | 'date' | 'text';

export interface CanonicalField {
  kind: FieldKind;
  value: unknown;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function valueText({ kind, value }: CanonicalField): string {
  if (kind === 'int') {
    if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))) return String(value);
    throw new TypeError(`canonical int expected, got ${String(value)}`);
  }
  if (typeof value !== 'string') throw new TypeError(`canonical ${kind} expected, got ${typeof value}`);
  if (kind === 'date' && !DATE.test(value)) throw new TypeError(`canonical date expected YYYY-MM-DD, got ${value}`);
  return value.normalize('NFC');
}

/** The canonical form as text; its UTF-8 encoding is the bytes hashed. */
export function canonical(fields: readonly CanonicalField[]): string {
  let out = '';
  for (const f of fields) {
    if (f.value === null || f.value === undefined) {
      out += '~';
      continue;
    }
    const text = valueText(f);
    out += `${Buffer.byteLength(text, 'utf8')}:${text}`;
  }
  return out;
}

const TAG = Buffer.from(CANONICAL_VERSION, 'ascii');

// One-shot hashing: twice as fast as a Hash object per entry, which a million-entry ledger notices.
const sha256 = (...parts: Buffer[]) => hash('sha256', Buffer.concat([TAG, ...parts]), 'hex');

/** hash_n from hash_{n−1} (hex) and the entry's fields. */
export const chainHash = (previousHex: string, fields: readonly CanonicalField[]): string =>
  sha256(Buffer.from(previousHex, 'hex'), Buffer.from(canonical(fields), 'utf8'));

/** hash_0 of the chain called `name`. */
export const genesisHash = (name: string): string => sha256(Buffer.from(canonical([{ kind: 'text', value: name }]), 'utf8'));
