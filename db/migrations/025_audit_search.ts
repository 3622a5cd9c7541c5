import type { Migration } from './types';

/**
 * The audit page's free-text search (issue 15): a trigram index over each entry's values — the record's id and
 * every value of its before and after, not their JSON keys (searching 「name」 would match every entry). Trigrams
 * find any substring of three characters or more (a three-character name, a place, the last digits of a phone as
 * logged) through the index, and the text is kept beside it so that a one- or two-character query (a two-character
 * name) scans these values rather than the JSON. The log is append-only, so an insert trigger is all that feeds it;
 * rowid is the entry's seq (OR REPLACE: a seq written again — only by hand, past the append-only triggers, as the
 * tamper tests do — takes the index row over instead of failing). Entries logged before the migration are indexed
 * here once.
 * IF NOT EXISTS, and the backfill only when the table is new: tests/unit/accounts.test.ts runs the migrations after
 * 021 again on a file rewound to before it.
 */
const searchText = (row: string) => `concat_ws(' ', ${row}.entity_id,
  (SELECT group_concat(value, ' ') FROM json_tree(CASE WHEN json_valid(${row}.before) THEN ${row}.before END) WHERE atom IS NOT NULL),
  (SELECT group_concat(value, ' ') FROM json_tree(CASE WHEN json_valid(${row}.after) THEN ${row}.after END) WHERE atom IS NOT NULL))`;

export const auditSearch: Migration = {
  version: 25,
  name: 'audit_search',
  up(db) {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'audit_search'").get();
    db.exec(`
      CREATE VIRTUAL TABLE IF NOT EXISTS audit_search USING fts5(body, tokenize = 'trigram');
      CREATE TRIGGER IF NOT EXISTS audit_log_search AFTER INSERT ON audit_log BEGIN
        INSERT OR REPLACE INTO audit_search (rowid, body) VALUES (new.seq, ${searchText('new')});
      END;
    `);
    if (!exists) db.exec(`INSERT INTO audit_search (rowid, body) SELECT seq, ${searchText('a')} FROM audit_log a`);
  },
};
