import type { Migration } from './types';

/**
 * Voucher attachments of the fund journal (issue 11, docs/fund.md "附件"): scanned 凭证, invoices and contracts, kept
 * as BLOBs inside the data file — so they are encrypted at rest, backed up and checked with it, with no second store.
 *
 * - keyed by the SHA-256 of the content: the same file attached twice (to one entry or to several) is kept once, and
 *   the entries already list these hashes in `fund_entries.attachments` (under their content hash and the chain), so
 *   no link table is needed;
 * - the content, its hash, size and type never change (trigger); the personal-data flag may only be raised, never
 *   lowered (a file that holds an ID copy keeps holding it);
 * - a row is deleted only when no entry lists it any more (a removal from the last draft that had it) — the trigger
 *   refuses deleting one an entry still lists, whoever writes.
 *
 * Idempotent: IF NOT EXISTS and DROP/CREATE of its triggers.
 */
export const fundAttachments: Migration = {
  version: 35,
  name: 'fund_attachments',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS fund_attachments (
        sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        file_name  TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
        mime       TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/jpeg', 'image/png')),
        bytes      INTEGER NOT NULL CHECK (bytes BETWEEN 1 AND 5242880),
        content    BLOB NOT NULL CHECK (length(content) = bytes),
        personal   INTEGER NOT NULL DEFAULT 0 CHECK (personal IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        operator   TEXT NOT NULL
      ) STRICT;

      DROP TRIGGER IF EXISTS fund_attachments_content_fixed;
      CREATE TRIGGER fund_attachments_content_fixed
      BEFORE UPDATE OF sha256, mime, bytes, content ON fund_attachments
      BEGIN SELECT RAISE(ABORT, '附件内容保存后不能修改'); END;

      DROP TRIGGER IF EXISTS fund_attachments_personal_kept;
      CREATE TRIGGER fund_attachments_personal_kept
      BEFORE UPDATE OF personal ON fund_attachments WHEN NEW.personal < OLD.personal
      BEGIN SELECT RAISE(ABORT, '含个人信息的附件不能取消标记'); END;

      DROP TRIGGER IF EXISTS fund_attachments_listed_kept;
      CREATE TRIGGER fund_attachments_listed_kept
      BEFORE DELETE ON fund_attachments
      WHEN EXISTS (SELECT 1 FROM fund_entries e, json_each(e.attachments) j WHERE j.value = OLD.sha256)
      BEGIN SELECT RAISE(ABORT, '还有流水引用这个附件，不能删除'); END;
    `);
  },
};
