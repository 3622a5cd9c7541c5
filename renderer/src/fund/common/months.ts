/** Months as the fund's screens pick and say them: `2026-11`, 「2026年11月」. */

/** The month before the one a day falls in (the month a statement or an allocation is usually for). */
export const lastMonth = (day: string): string => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

export const monthWords = (m: string): string => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

export const isMonth = (m: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
