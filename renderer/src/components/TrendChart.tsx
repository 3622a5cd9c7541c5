import { Group, Text } from '@mantine/core';
import { permilleText } from '../../../main/api/common/rates';

export interface TrendSeries {
  name: string;
  color: string;
  /** One value per label, in tenths of a percent (0–1000); null where the period has none. */
  values: (number | null)[];
}

const W = 640;
const H = 200;
const PAD = { left: 40, right: 16, top: 18, bottom: 28 };
/** Points keep clear of the axis labels and the edges, so the first and last values and periods are not cut. */
const INSET = 30;

/**
 * A small line chart of rates over periods, in SVG: no charting package for a few lines (the renderer has none,
 * and this is all the module needs). A gap in a series breaks its line; every point carries its value.
 */
export function TrendChart({ labels, series, target, label }: { labels: string[]; series: TrendSeries[]; target?: { permille: number; label: string }; label: string }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + INSET + (labels.length <= 1 ? (plotW - 2 * INSET) / 2 : (i * (plotW - 2 * INSET)) / (labels.length - 1));
  const y = (v: number) => PAD.top + plotH - (v * plotH) / 1000;
  const runs = (values: (number | null)[]) => {
    const out: [number, number][][] = [];
    let run: [number, number][] = [];
    values.forEach((v, i) => {
      if (v === null) {
        if (run.length) out.push(run);
        run = [];
      } else run.push([x(i), y(v)]);
    });
    if (run.length) out.push(run);
    return out;
  };

  const isLower = (si: number, i: number) =>
    series.some((o, oi) => oi !== si && o.values[i] !== null && o.values[i]! > series[si]!.values[i]!);

  return (
    <div>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={label} style={{ display: 'block', maxHeight: 240 }}>
        <title>{label}</title>
        {[0, 500, 1000].map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="var(--mantine-color-gray-3)" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(v) + 4} fontSize={11} textAnchor="end" fill="var(--mantine-color-gray-6)">{v / 10}%</text>
          </g>
        ))}
        {target && (
          <g>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(target.permille)} y2={y(target.permille)} stroke="var(--mantine-color-gray-5)" strokeDasharray="4 4" />
            <text x={PAD.left + 4} y={y(target.permille) - 4} fontSize={11} textAnchor="start" fill="var(--mantine-color-gray-6)">{target.label}</text>
          </g>
        )}
        {labels.map((l, i) => (
          <text key={l} x={x(i)} y={H - 8} fontSize={11} textAnchor="middle" fill="var(--mantine-color-gray-7)">{l}</text>
        ))}
        {series.map((s, si) => (
          <g key={s.name}>
            {runs(s.values).map((run, ri) => (
              <polyline key={ri} points={run.map(([px, py]) => `${px},${py}`).join(' ')} fill="none" stroke={s.color} strokeWidth={2} />
            ))}
            {s.values.map((v, i) =>
              v === null ? null : (
                <g key={i}>
                  <circle cx={x(i)} cy={y(v)} r={3.5} fill={s.color} />
                  {/* Where another series has a higher value here, this label goes below its point: two close values stay readable. */}
                  <text x={x(i)} y={isLower(si, i) ? y(v) + 16 : y(v) - 8} fontSize={11} textAnchor="middle" fill={s.color}>{permilleText(v)}</text>
                </g>
              ),
            )}
          </g>
        ))}
      </svg>
      <Group gap="md" justify="center">
        {series.map((s) => (
          <Group key={s.name} gap={6}>
            <span style={{ width: 14, height: 3, background: s.color, display: 'inline-block' }} />
            <Text size="xs">{s.name}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
