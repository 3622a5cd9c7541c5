/** 2026-03 → 「3月」: a month on a chart's axis. The year is said once for the whole chart, by `monthSpan`. */
export const monthLabel = (month: string): string => `${Number(month.slice(5, 7))}月`;

const full = (month: string) => `${month.slice(0, 4)}年${monthLabel(month)}`;

/**
 * The months a chart covers, for its caption: 「2025年12月至2026年11月」. Twelve 「n月」 labels alone are ambiguous
 * when they cross a new year (is 「12月」 last month or next?).
 */
export function monthSpan(months: readonly string[]): string | undefined {
  if (months.length === 0) return undefined;
  return months.length === 1 ? full(months[0]!) : `${full(months[0]!)}至${full(months.at(-1)!)}`;
}
