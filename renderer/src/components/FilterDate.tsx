import { DateInput } from '@mantine/dates';
import { parseLooseDate } from '../../../main/api/common/identifiers';

/** A from/to date above a list: typed as clerks write dates (2026.7.1) or picked, kept in the address by the page. */
export function FilterDate({ label, value, onChange }: { label: string; value: string | null; onChange: (v: string | null) => void }) {
  return (
    <DateInput aria-label={label} placeholder={label} value={value} onChange={onChange} valueFormat="YYYY-MM-DD"
      dateParser={parseLooseDate} clearable w={130} />
  );
}
