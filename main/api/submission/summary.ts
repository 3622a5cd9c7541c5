import { monthPeriod, type Period } from '../../export/period';
import type { Column, ModuleExport, Register, UnitData } from '../../export/types';

export interface SummaryRow {
  /** In a district's summary: the street the figures belong to (its own data and its communities'). */
  group: string;
  community: string;
  /** 本级录入, or which package the figures came from: 报送 2026年11月. */
  source: string;
  values: Record<string, number>;
}

const sourceLabel = (data: UnitData): string => (data.local ? '本级录入' : `报送 ${monthPeriod(data.period).label}`);

/**
 * The summary sheet (汇总): every module's key figures, one row per community — a community's data gives one,
 * a street's own data one per community it keeps, each consolidated community one; at a district each row
 * under its street (街道, first) — and the 合计 row
 * (percentages recomputed from the summed counts, never averaged).
 */
export function summaryRegister(modules: readonly ModuleExport[]): Register<SummaryRow> {
  const figures = modules.flatMap((m) => m.summary.figures);
  const columns: Column<SummaryRow>[] = [
    { key: 'group', header: '街道', width: 14, kind: 'text', byGroup: true, value: (r) => r.group },
    { key: 'community', header: '社区', width: 14, kind: 'text', value: (r) => r.community, total: { count: '个' } },
    { key: 'source', header: '数据来源', width: 14, kind: 'text', multiUnit: true, value: (r) => r.source },
    ...figures.map((f): Column<SummaryRow> => {
      if (f.kind === 'percent' && f.ratio) {
        const [num, den] = f.ratio;
        return {
          key: f.key, header: f.label, width: f.width ?? 8, kind: 'percent',
          value: (r) => (r.values[den] ? r.values[num]! / r.values[den]! : null),
          total: { ratio: [num, den] },
        };
      }
      const kind = f.kind === 'tenths' || f.kind === 'money' ? f.kind : 'int';
      return { key: f.key, header: f.label, width: f.width ?? 7, kind, value: (r) => r.values[f.key] ?? 0, total: 'sum' };
    }),
  ];
  return {
    key: 'summary',
    title: '月度上报汇总表',
    columns,
    *rows(data: UnitData, period: Period) {
      const merged = new Map<string, SummaryRow>();
      for (const m of modules) {
        for (const part of m.summary.compute(data, period)) {
          const row = merged.get(part.community) ?? { group: data.group ?? '', community: part.community, source: sourceLabel(data), values: {} };
          Object.assign(row.values, part.values);
          merged.set(part.community, row);
        }
      }
      yield* merged.values();
    },
  };
}
