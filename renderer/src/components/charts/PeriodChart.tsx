import { BarChart, LineChart } from '@mantine/charts';
import { Box, VisuallyHidden } from '@mantine/core';

export interface ChartSeries {
  /** The field of each point that holds this series' value. */
  key: string;
  label: string;
  /** A Mantine colour (`gray.6`, `partyRed.6`…). */
  color: string;
}

export interface PeriodChartProps {
  /** Said to screen readers with every figure; the visible title is the panel's. */
  title: string;
  /** One point per period, in order: `period` is its axis label (「3月」「2026年第3季度」). */
  points: readonly ({ period: string } & Record<string, number | string | null>)[];
  series: readonly ChartSeries[];
  kind?: 'bar' | 'line';
  /** How a value reads: on the bars, the axis, the tooltip and the screen-reader summary. */
  valueText: (value: number) => string;
  /** A fixed top of the value axis (100 for a percentage), or the data's own maximum. */
  max?: number;
  height?: number;
}

/**
 * The one chart of the window (issue 15: "charts where a secretary would rather look than read"), over
 * `@mantine/charts`. Bars carry their value so the figure reads without hovering; a line marks its points.
 * Animation is off: a figure that moves after the page has loaded reads as a change, and screenshots must be stable.
 * The figures go to screen readers as one sentence; the SVG is hidden from them, and recharts' keyboard layer is off
 * (it would put a focus stop inside a hidden element).
 */
export function PeriodChart({ title, points, series, kind = 'bar', valueText, max, height = 180 }: PeriodChartProps) {
  const data = points.map((p) => ({ ...p }));
  const chartSeries = series.map((s) => ({ name: s.key, label: s.label, color: s.color }));
  const summary = points
    .map((p) => `${p.period} ${series.map((s) => `${series.length > 1 ? s.label : ''}${text(p[s.key], valueText)}`).join('、')}`)
    .join('，');
  const common = {
    h: height,
    data,
    dataKey: 'period',
    series: chartSeries,
    valueFormatter: valueText,
    withLegend: series.length > 1,
    tickLine: 'none' as const,
    gridAxis: 'x' as const,
    yAxisProps: { domain: [0, max ?? 'auto'] as [number, number | 'auto'], width: 48 },
    'aria-hidden': true,
  };
  return (
    <Box>
      <VisuallyHidden>{`${title}：${summary}`}</VisuallyHidden>
      {kind === 'bar' ? (
        <BarChart {...common} withBarValueLabel barProps={{ isAnimationActive: false }} barChartProps={{ accessibilityLayer: false }} maxBarWidth={28} />
      ) : (
        <LineChart {...common} curveType="linear" connectNulls={false} lineProps={{ isAnimationActive: false }} lineChartProps={{ accessibilityLayer: false }} withDots />
      )}
    </Box>
  );
}

function text(v: number | string | null | undefined, valueText: (value: number) => string): string {
  return typeof v === 'number' ? valueText(v) : '—';
}
