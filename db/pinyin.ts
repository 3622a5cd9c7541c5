import { pinyin } from 'pinyin-pro';

/**
 * Sort and search keys for Chinese names. `sort` is syllables separated by spaces ("zhang san"), so that
 * 詹 (zhan) sorts before 张 (zhang) as a Chinese reader expects; `initials` ("zs") backs the range search.
 * Surname readings (单 shan, 曾 zeng) are taken for personal names.
 */
export function pinyinKeys(name: string, asPersonName = true): { sort: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: asPersonName ? 'head' : 'off' }).map((s) => s.toLowerCase().trim()).filter(Boolean);
  return {
    sort: syllables.join(' '),
    initials: syllables.map((s) => s[0]).join(''),
  };
}

/** A half-open range `[lo, hi)` matching every key that starts with `prefix`, so SQLite can use an index. */
export function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\u{10FFFF}`];
}

/** The path range of a unit's subtree (materialised paths), or of everything when no unit is given. */
export const subtreeRange = (orgPath: string | null): [string, string] => (orgPath ? prefixRange(orgPath) : ['', '\u{10FFFF}']);
