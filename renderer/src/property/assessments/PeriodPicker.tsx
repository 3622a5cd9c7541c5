import { Autocomplete } from '@mantine/core';
import { useState } from 'react';
import { period as periodSchema } from '../../../../main/api/property/assessment-schemas';
import { periodText } from '../../../../main/api/property/scoring';
import { today } from '../../app/clock';
import { useApiQuery } from '../../api/queries';
import { pa } from '../../i18n/property-assessments';

/** The quarter today is in (2026-Q4): where a street usually starts. */
export const currentQuarter = (): string => {
  const [y, m] = today().split('-');
  return `${y}-Q${Math.ceil(Number(m) / 3)}`;
};

/** The period a page shows: one with assessments, or a new one typed as the office writes it (2026-Q4, 2026-H2…). */
export function PeriodPicker({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const periods = useApiQuery('property.listAssessmentPeriods', {});
  const [typed, setTyped] = useState(value);
  const [error, setError] = useState<string>();
  const commit = (v: string) => {
    const r = periodSchema.safeParse(v);
    if (!r.success) return setError(r.error.issues[0]?.message);
    setError(undefined);
    onChange(r.data);
  };
  const data = (periods.data ?? []).map((p) => ({ value: p.period, label: `${p.period}　${periodText(p.period)}` }));
  return (
    <Autocomplete aria-label={pa.assessments.period} w={220} placeholder={pa.assessments.periodHint} data={data} value={typed} error={error}
      leftSection={<span style={{ fontSize: 12 }}>{pa.assessments.period}</span>} leftSectionWidth={56}
      onChange={setTyped} onOptionSubmit={(v) => (setTyped(v), commit(v))} onBlur={() => commit(typed)}
      onKeyDown={(e) => e.key === 'Enter' && commit(typed)} comboboxProps={{ withinPortal: true }} />
  );
}
