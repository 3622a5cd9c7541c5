import { pinyin } from 'pinyin-pro';

/** Names seen lately and their keys: a register repeats names (张伟, 王芳…), and segmenting one costs ~10 µs. */
const recent = new Map<string, { sort: string; initials: string }>();
const RECENT_NAMES = 4096;

/**
 * Sort and search keys for Chinese names. `sort` is syllables separated by spaces ("zhang san"), so that
 * 詹 (zhan) sorts before 张 (zhang) as a Chinese reader expects; `initials` ("zs") backs the range search.
 * Surname readings (单 shan, 曾 zeng) are taken for personal names.
 */
export function pinyinKeys(name: string, asPersonName = true): { sort: string; initials: string } {
  const key = `${asPersonName ? 'p' : 'o'}${name}`;
  const known = recent.get(key);
  if (known) return { ...known };
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: asPersonName ? 'head' : 'off' }).map((s) => s.toLowerCase().trim()).filter(Boolean);
  const keys = { sort: syllables.join(' '), initials: syllables.map((s) => s[0]).join('') };
  if (recent.size >= RECENT_NAMES) recent.delete(recent.keys().next().value!);
  recent.set(key, keys);
  return { ...keys };
}

/** A half-open range `[lo, hi)` matching every key that starts with `prefix`, so SQLite can use an index. */
export function prefixRange(prefix: string): [string, string] {
  return [prefix, `${prefix}\u{10FFFF}`];
}

/** The path range of a unit's subtree (materialised paths), or of everything when no unit is given. */
export const subtreeRange = (orgPath: string | null): [string, string] => (orgPath ? prefixRange(orgPath) : ['', '\u{10FFFF}']);

/**
 * How a member search box's text is read (the member list, Ctrl+K): latin letters are pinyin — initials (zs) or the
 * full pinyin with or without spaces (zhang, zhangsan, zhang san); four or more digits (an ID's last may be X) are
 * the end or the whole of an ID number or phone; anything else is the start of a name.
 */
export type MemberQuery = { kind: 'pinyin'; key: string } | { kind: 'digits'; tail: string; whole: string } | { kind: 'name'; text: string };

export function readMemberQuery(q: string): MemberQuery | null {
  const text = q.trim();
  if (!text) return null;
  if (/^[a-z][a-z ]*$/i.test(text)) return { kind: 'pinyin', key: text.toLowerCase().replace(/ +/g, '') };
  if (/^\d{3,17}[\dXx]$/.test(text)) {
    const whole = text.toUpperCase();
    return { kind: 'digits', tail: whole.slice(-4), whole };
  }
  return { kind: 'name', text };
}

/**
 * The SQL condition for a member query on `members` as `alias`, with its arguments. Each arm is a range or an
 * equality over an index (members_initials, members_pinyin_joined, members_id_tail, members_phone_tail,
 * members_name), so SQLite answers the OR by the union of index lookups. Digits compare only stored values:
 * nothing of a matched number goes back but what the caller masks.
 */
export function memberQuerySql(mq: MemberQuery, m = 'm'): { sql: string; args: string[] } {
  if (mq.kind === 'pinyin') {
    const [lo, hi] = prefixRange(mq.key);
    const joined = `replace(${m}.name_pinyin, ' ', '')`;
    return { sql: `((${m}.name_initials >= ? AND ${m}.name_initials < ?) OR (${joined} >= ? AND ${joined} < ?))`, args: [lo, hi, lo, hi] };
  }
  if (mq.kind === 'digits') {
    const n = -mq.whole.length;
    return {
      sql: `((substr(${m}.id_number, -4) = ? AND substr(${m}.id_number, ${n}) = ?) OR (substr(${m}.phone, -4) = ? AND substr(${m}.phone, ${n}) = ?))`,
      args: [mq.tail, mq.whole, mq.tail, mq.whole],
    };
  }
  return { sql: `(${m}.name >= ? AND ${m}.name < ?)`, args: prefixRange(mq.text) };
}
