/** The months a clerk reports on: this one and the two years before it, newest first. */
export function recentMonths(today: string, count = 24): { value: string; label: string }[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return { value: d.toISOString().slice(0, 7), label: `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月` };
  });
}

export const shortHash = (sha256: string): string => `${sha256.slice(0, 12)}…`;

/** A job id for progress reports: random enough that two tabs never share one. */
export const newJobId = (): string => `job-${crypto.randomUUID()}`;
