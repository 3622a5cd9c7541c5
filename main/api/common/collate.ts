/**
 * Chinese order for names sorted in code (SQL sorts by the stored pinyin key). One collator, built once:
 * `localeCompare(x, 'zh-CN')` builds a new one per comparison, which made sorting 400 branches take 10 ms.
 */
const zhCollator = new Intl.Collator('zh-CN', { numeric: true });

export const compareZh = (a: string, b: string): number => zhCollator.compare(a, b);
