import type { Migration } from './types';

/**
 * The member list sorted by 入党日期 (issue 15: every sortable column has an index). Its order is joined_on newest
 * first, then pinyin and id, and an index serves an ORDER BY only in its own directions, so the index is declared in
 * that order: the first page then reads 100 index entries instead of sorting the register (db/party/members.ts,
 * `listMembers`).
 */
export const membersJoinedOrder: Migration = {
  version: 34,
  name: 'members_joined_order',
  up(db) {
    db.exec('CREATE INDEX IF NOT EXISTS members_joined ON members (lifecycle, joined_on DESC, name_pinyin, id)');
  },
};
