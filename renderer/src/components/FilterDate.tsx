import { DateInput } from '@mantine/dates';
import { parseLooseDate } from '../../../main/api/common/identifiers';

/**
 * A from/to date above a list: typed as clerks write dates (2026.7.1) or picked, kept in the address by the page.
 * Cleared by its ✕ (named for screen readers), unless the page always needs a day (`clearable={false}`).
 */
export function FilterDate({ label, value, onChange, clearable = true }: { label: string; value: string | null; onChange: (v: string | null) => void; clearable?: boolean }) {
  return (
    <DateInput aria-label={label} placeholder={label} value={value} onChange={onChange} valueFormat="YYYY-MM-DD"
      dateParser={parseLooseDate} clearable={clearable} clearButtonProps={{ 'aria-label': `清除${label}` }} w={130} />
  );
}
