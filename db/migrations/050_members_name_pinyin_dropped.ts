import type { Migration } from './types';

/**
 * `members_name_pinyin (name_pinyin)` served one search, the volunteer pages' member-name arm, which now compares
 * the pinyin without spaces through `members_pinyin_joined` as the member list does (db/volunteer/people.ts). An
 * index of random keys costs every insert one more leaf page to change and to write at the commit: at 100,000
 * members a 10,000-row import changed ~1,200 of its pages.
 */
export const membersNamePinyinDropped: Migration = {
  version: 50,
  name: 'members_name_pinyin_dropped',
  up(db) {
    db.exec('DROP INDEX members_name_pinyin;');
  },
};
