import { tenthsText } from '../../../../main/api/volunteer/tenths';
import type { MonthFigure } from '../types';
import { vol } from '../../i18n/volunteer';

const W = 560;
const H = 170;
const TOP = 18;
const BOTTOM = 22;

/**
 * Twelve months as bars (no chart library: a few SVG rectangles), each labelled with its value, so the figure
 * reads without hovering. Values are tenths; the screen reader gets the same figures as one sentence.
 */
export function MonthChart({ title, months, value, color }: { title: string; months: MonthFigure[]; value: (m: MonthFigure) => number; color: string }) {
  const values = months.map(value);
  const max = Math.max(1, ...values);
  const slot = W / months.length;
  const bar = slot * 0.6;
  const label = (m: MonthFigure) => `${Number(m.month.slice(5))}月`;
  const summary = months.map((m, i) => `${label(m)} ${tenthsText(values[i])}`).join('，');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={vol.dashboard.chartLabel(title, summary)} style={{ display: 'block' }}>
      <title>{title}</title>
      <line x1={0} x2={W} y1={H - BOTTOM} y2={H - BOTTOM} stroke="var(--mantine-color-gray-4)" />
      {months.map((m, i) => {
        const h = ((H - TOP - BOTTOM) * values[i]!) / max;
        const x = i * slot + (slot - bar) / 2;
        const y = H - BOTTOM - h;
        return (
          <g key={m.month}>
            <rect x={x} y={y} width={bar} height={h} fill={color} rx={2} />
            {values[i]! > 0 && <text x={x + bar / 2} y={y - 4} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-8)">{tenthsText(values[i])}</text>}
            <text x={x + bar / 2} y={H - 6} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-7)">{label(m)}</text>
          </g>
        );
      })}
    </svg>
  );
}
