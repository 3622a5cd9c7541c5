import type { CellValue, Column } from './types';

/** The 合计 row of a register, accumulated while its rows stream past (they are never all in memory). */
export class Totals {
  private readonly sums: number[];
  private readonly counts: number[];
  private rows = 0;

  constructor(private readonly columns: Pick<Column<unknown>, 'key' | 'total'>[]) {
    this.sums = columns.map(() => 0);
    this.counts = columns.map(() => 0);
  }

  /** True when at least one column has a total, so the sheet gets a 合计 row. */
  get wanted(): boolean {
    return this.columns.some((c) => c.total);
  }

  add(values: CellValue[]): void {
    this.rows++;
    values.forEach((v, i) => {
      if (typeof v === 'number') {
        this.sums[i]! += v;
        this.counts[i]!++;
      }
    });
  }

  sumOf(key: string): number {
    const i = this.columns.findIndex((c) => c.key === key);
    return i < 0 ? 0 : this.sums[i]!;
  }

  values(): CellValue[] {
    return this.columns.map((c, i) => {
      const t = c.total;
      if (!t) return null;
      if (t === 'sum') return this.sums[i]!;
      if (t === 'average') return this.counts[i] ? Math.round((this.sums[i]! / this.counts[i]!) * 100) / 100 : null;
      if ('count' in t) return `共 ${this.rows.toLocaleString('zh-CN')} ${t.count}`;
      const den = this.sumOf(t.ratio[1]);
      return den ? this.sumOf(t.ratio[0]) / den : null;
    });
  }
}
