import { wordKey } from '../../import/values';

/**
 * How alike two organisation names are, as offices write them: 第一党支部 / 一支部 / 第1支部, 党总支 / 总支, the
 * community or its committee in front (幸福社区党委第一党支部 for 幸福社区第一支部), full-width characters. Used only
 * to propose a match the clerk confirms — never to apply one.
 */

const DIGITS = '零一二三四五六七八九';

/** 1–99 as written in names: 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一. */
function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

/** A name with the words that vary between registers taken out or made one form. */
export function canonicalName(name: string): string {
  return wordKey(name)
    .replace(/^(中国共产党|中共)/, '')
    .replace(/委员会$/, '')
    .replace(/\d+/g, (d) => (Number(d) < 100 ? chineseNumber(Number(d)) : d))
    .replace(/第(?=[零〇一二三四五六七八九十])/g, '')
    .replace(/党总支部|党总支|总支部/g, '总支')
    .replace(/党支部/g, '支部')
    .replace(/党小组/g, '小组');
}

/** A unit's name without its level word: 幸福社区党委 → 幸福社区 (what a register writes in front of a branch). */
const core = (canonical: string) => canonical.replace(/(党工委|党委|总支|支部)$/, '');

/** The name with any of the prefixes (the unit's ancestors, canonical) taken off its front, longest first. */
function withoutPrefixes(key: string, prefixes: readonly string[]): string {
  let out = key;
  for (let changed = true; changed; ) {
    changed = false;
    for (const p of prefixes) {
      if (p && out.length > p.length && out.startsWith(p)) {
        out = out.slice(p.length);
        changed = true;
      }
    }
  }
  return out;
}

const numerals = (key: string) => (key.match(/[零〇一二三四五六七八九十]+/g) ?? []).join(',');

const bigrams = (s: string) => Array.from({ length: Math.max(s.length - 1, 0) }, (_, i) => s.slice(i, i + 2));

/** Dice's coefficient over character pairs: 1 the same, 0 nothing in common. */
function dice(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const left = new Map<string, number>();
  for (const g of x) left.set(g, (left.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      common++;
      left.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** Below this, names are not proposed: 阳光 / 阳光花园 (0.5) are told apart; 红星机械厂 / 红星机械厂退休 (0.8) are alike. */
export const SIMILAR_ENOUGH = 0.6;

const LEVEL = /(支部|总支|小组|党工委|党委)$/;
const PLACE = /(小区|社区)$/;

/**
 * A canonical name as its level word and what tells it apart: 阳光小区支部 → 支部 + 阳光. Compared whole, names of one
 * kind share their endings (幸福小区支部 / 阳光小区支部 would be 0.6 alike); compared by what tells them apart, not.
 */
function parts(key: string) {
  const level = LEVEL.exec(key)?.[0] ?? '';
  return { level, name: key.slice(0, key.length - level.length).replace(PLACE, '') };
}

/**
 * How alike a written name is to a unit's, 0–1, given the unit's ancestors' names (either name may carry them
 * in front). Names numbered differently (第一 / 第二) are never alike, however much else they share.
 */
export function nameSimilarity(written: string, unitName: string, ancestorNames: readonly string[]): number {
  const prefixes = ancestorNames.map(canonicalName).flatMap((a) => [a, core(a)]).sort((p, q) => q.length - p.length);
  const a = withoutPrefixes(canonicalName(written), prefixes);
  const b = withoutPrefixes(canonicalName(unitName), prefixes);
  if (!a || !b || numerals(a) !== numerals(b)) return 0;
  if (a === b) return 1;
  const x = parts(a);
  const y = parts(b);
  if ((x.level && y.level && x.level !== y.level) || !x.name || !y.name) return 0;
  return dice(x.name, y.name);
}
