import type { Db } from '../open';
import { newStamps } from '../stamps';
import type { AttachmentInfo, AttachmentMime } from './types';
export type { AttachmentInfo, AttachmentMime } from './types';

const INFO = `sha256, file_name AS fileName, mime, bytes, personal, created_at AS createdAt, operator`;
type Stored = Omit<AttachmentInfo, 'personal'> & { personal: number };
const fromDb = (r: Stored): AttachmentInfo => ({ ...r, personal: r.personal === 1 });

/**
 * Keeps a voucher by the hash of its content: the same content again is not stored twice (the first file name stays);
 * flagged personal by any upload, it stays flagged (the migration's trigger refuses lowering it).
 */
export function saveAttachment(db: Db, a: { sha256: string; fileName: string; mime: AttachmentMime; content: Uint8Array; personal: boolean }, operator: string): void {
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO fund_attachments (sha256, file_name, mime, bytes, content, personal, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (sha256) DO UPDATE SET personal = 1, updated_at = excluded.updated_at, operator = excluded.operator
       WHERE excluded.personal = 1 AND personal = 0`,
  ).run(a.sha256, a.fileName, a.mime, a.content.length, a.content, a.personal ? 1 : 0, s.created_at, s.updated_at, s.operator);
}

/** The stored vouchers among `hashes`, in their order (a hash with no stored file is left out). */
export function attachmentsOf(db: Db, hashes: readonly string[]): AttachmentInfo[] {
  if (hashes.length === 0) return [];
  const rows = db.prepare(`SELECT ${INFO} FROM fund_attachments WHERE sha256 IN (SELECT value FROM json_each(?))`).all(JSON.stringify(hashes)) as Stored[];
  const byHash = new Map(rows.map((r) => [r.sha256, fromDb(r)]));
  return hashes.flatMap((h) => byHash.get(h) ?? []);
}

export function attachmentContent(db: Db, sha256: string): (AttachmentInfo & { content: Uint8Array }) | undefined {
  const r = db.prepare(`SELECT ${INFO}, content FROM fund_attachments WHERE sha256 = ?`).get(sha256) as (Stored & { content: Uint8Array }) | undefined;
  return r && { ...fromDb(r), content: r.content };
}

/**
 * Vouchers stored before `before` that no entry lists: picked in an income form that was then closed unsaved. The
 * listed hashes are read once (entries without vouchers skipped by their '[]'), not once per voucher.
 */
export const staleUnlisted = (db: Db, before: string): string[] =>
  db.prepare(
    `SELECT sha256 FROM fund_attachments WHERE created_at < ?
       AND sha256 NOT IN (SELECT j.value FROM fund_entries e, json_each(e.attachments) j WHERE e.attachments <> '[]')`,
  ).pluck().all(before) as string[];

/** Deletes a voucher no entry lists any more (its last draft let it go); one still listed stays. */
export function dropUnlisted(db: Db, sha256: string): void {
  db.prepare(
    `DELETE FROM fund_attachments WHERE sha256 = ?
       AND NOT EXISTS (SELECT 1 FROM fund_entries e, json_each(e.attachments) j WHERE j.value = fund_attachments.sha256)`,
  ).run(sha256);
}
