import { BarChart, LineChart } from '@mantine/charts';
import { Box, Text } from '@mantine/core';

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
  /** What the points span, under the title (`monthSpan`: 「2025年12月至2026年11月」), said to screen readers too. */
  caption?: string;
  /** A fixed top of the value axis (100 for a percentage), or the data's own maximum. */
  max?: number;
  /** A dashed line across the chart at a target value, with its label (「目标 90%」). */
  reference?: { value: number; label: string };
  height?: number;
  /** Counts: the value axis ticks whole numbers only (no 0.5 件). */
  integer?: boolean;
  /**
   * Bars of the series stacked per period, the parts of a whole (members by category): the period's total stands
   * above each bar, where one label per part would pile up on the thin ones; the parts are in the tooltip, the legend
   * and the summary.
   */
  stacked?: boolean;
}

/**
 * The one chart of the window (issue 15: "charts where a secretary would rather look than read"), over
 * `@mantine/charts`. Bars and points carry their value so the figure reads without hovering; a gap breaks a line.
 * Animation is off: a figure that moves after the page has loaded reads as a change, and screenshots must be stable.
 * To screen readers the chart is one image whose name says every figure; recharts' keyboard layer is off (it would
 * put focus stops inside an image).
 */
export function PeriodChart({ title, caption, points, series, kind = 'bar', valueText, max, reference, height = 180, integer = false, stacked = false }: PeriodChartProps) {
  const data = points.map((p) => ({ ...p }));
  const chartSeries = series.map((s) => ({ name: s.key, label: s.label, color: s.color }));
  const totalOf = (p: (typeof points)[number]) => series.reduce((sum, s) => sum + (typeof p[s.key] === 'number' ? (p[s.key] as number) : 0), 0);
  const summary = points
    .map((p) => {
      const parts = series.map((s) => `${series.length > 1 ? s.label : ''}${text(p[s.key], valueText)}`).join('、');
      return stacked ? `${p.period} 共${valueText(totalOf(p))}：${parts}` : `${p.period} ${parts}`;
    })
    .join('，');
  const top = series.at(-1)?.key;
  const common = {
    h: height,
    data,
    dataKey: 'period',
    series: chartSeries,
    valueFormatter: valueText,
    withLegend: series.length > 1,
    tickLine: 'none' as const,
    gridAxis: 'x' as const,
    yAxisProps: { domain: [0, max ?? 'auto'] as [number, number | 'auto'], width: 48, allowDecimals: !integer },
    referenceLines: reference ? [{ y: reference.value, label: reference.label, color: 'gray.6', strokeDasharray: '4 4' }] : undefined,
  };
  return (
    <Box role="img" aria-label={`${title}${caption ? `，${caption}` : ''}：${summary}`}>
      {caption && <Text size="xs" c="dimmed" mb={4} aria-hidden>{caption}</Text>}
      {kind === 'bar' ? (
        <BarChart {...common} type={stacked ? 'stacked' : 'default'} withBarValueLabel barProps={{ isAnimationActive: false }}
          barChartProps={{ accessibilityLayer: false }} maxBarWidth={28}
          valueLabelProps={stacked ? (s) => ({ content: s.name === top ? (p) => <TotalValue {...p} text={(i) => valueText(totalOf(points[i]!))} /> : () => null }) : undefined}
        />
      ) : (
        <LineChart {...common} curveType="linear" connectNulls={false} // Two lines close together (收缴率 beside 满意率) would print their values over each other: the
          // first series says its values above its points, the others below.
          lineProps={(line) => ({ isAnimationActive: false, label: (p: PointLabelProps) => <PointValue {...p} valueText={valueText} below={line.name !== series[0]?.key} /> })}
          lineChartProps={{ accessibilityLayer: false }}
          withDots
        />
      )}
    </Box>
  );
}

function text(v: number | string | null | undefined, valueText: (value: number) => string): string {
  return typeof v === 'number' ? valueText(v) : '—';
}

interface PointLabelProps {
  x?: number | string;
  y?: number | string;
  value?: unknown;
  index?: number;
}

interface BarLabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  index?: number;
}

/** A stacked bar's total above its top part. */
function TotalValue({ x, y, width, index, text }: BarLabelProps & { text: (index: number) => string }) {
  if (typeof x !== 'number' || typeof y !== 'number' || typeof width !== 'number' || index === undefined) return null;
  return (
    <text x={x + width / 2} y={y - 6} textAnchor="middle" fontSize={12} fill="var(--mantine-color-gray-8)">
      {text(index)}
    </text>
  );
}

/** A point's value above it (below, for a line after the first), at the size of the axis labels (Mantine's point
 * labels are 8 px); none for a gap. */
function PointValue({ x, y, value, index, valueText, below }: PointLabelProps & { valueText: (value: number) => string; below: boolean }) {
  if (typeof value !== 'number' || typeof x !== 'number' || typeof y !== 'number') return <g key={index} />;
  return (
    <text key={index} x={x} y={below ? y + 18 : y - 8} textAnchor="middle" fontSize={11} fill="var(--mantine-color-gray-8)">
      {valueText(value)}
    </text>
  );
}
