import { Select } from '@mantine/core';
import { periodLabel, quarterOf, quartersUpTo, reportingQuarter, type Period } from '../../../../main/api/property/figures';
import { today } from '../../app/clock';
import { pf } from '../../i18n/property-figures';

/** The quarter a figures page shows, from its `period` parameter; by default the one offices report on now. */
export function periodParam(value: string | null): Period {
  const current = quarterOf(today());
  return value && /^\d{4}-Q[1-4]$/.test(value) && value <= current ? (value as Period) : reportingQuarter(today());
}

/** The last three years of quarters, newest first, naming the current and the reporting one. */
export function PeriodSelect({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const current = quarterOf(today());
  const reporting = reportingQuarter(today());
  const data = quartersUpTo(current, 12).reverse().map((p) => ({
    value: p,
    label: `${periodLabel(p)}${p === current ? pf.period.current : p === reporting ? pf.period.reporting : ''}`,
  }));
  return (
    <Select
      aria-label={pf.period.label}
      data={data}
      value={value}
      onChange={(v) => v && onChange(v as Period)}
      allowDeselect={false}
      w={230}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
