import { TypedDateInput } from './TypedDateInput';

/**
 * A from/to date above a list: typed as clerks write dates (2026.7.1) or picked, kept in the address by the page.
 * Cleared by its ✕ (named for screen readers), unless the page always needs a day (`clearable={false}`).
 */
export function FilterDate({ label, value, onChange, clearable = true }: { label: string; value: string | null; onChange: (v: string | null) => void; clearable?: boolean }) {
  return (
    <TypedDateInput aria-label={label} placeholder={label} value={value} onChange={onChange} clearable={clearable} clearButtonProps={{ 'aria-label': `清除${label}` }} w={130} />
  );
}
