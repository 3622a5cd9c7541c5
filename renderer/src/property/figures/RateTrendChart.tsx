import { permilleText } from '../../../../main/api/common/rates';
import { periodShort, SATISFACTION_TARGET_PERCENT } from '../../../../main/api/property/figures';
import { PeriodChart } from '../../components/charts/PeriodChart';
import { pf } from '../../i18n/property-figures';

/** A quarter's two rates, in tenths of a percent; null where the quarter has no figures. */
export interface RatePoint {
  period: string;
  collectionPermille: number | null;
  satisfactionPermille: number | null;
}

/** Collection and satisfaction quarter by quarter against the satisfaction target — an estate's or the street's. */
export function RateTrendChart({ title, points }: { title: string; points: readonly RatePoint[] }) {
  return (
    <PeriodChart
      kind="line"
      title={title}
      points={points.map((p) => ({ period: periodShort(p.period), collection: p.collectionPermille, satisfaction: p.satisfactionPermille }))}
      series={[
        { key: 'collection', label: pf.trend.collection, color: 'partyRed.7' },
        { key: 'satisfaction', label: pf.trend.satisfaction, color: 'blue.7' },
      ]}
      valueText={permilleText}
      max={1000}
      reference={{ value: SATISFACTION_TARGET_PERCENT * 10, label: pf.trend.target(SATISFACTION_TARGET_PERCENT) }}
      height={220}
    />
  );
}
