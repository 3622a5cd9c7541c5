import { NumberInput } from '@mantine/core';
import type { ZodForm } from './useZodForm';

/** An area typed in m² with at most two decimals, kept in the form as integer hundredths (the schemas' areas). */
export function AreaField({ form, name, label, required, autoFocus }: { form: ZodForm; name: string; label: string; required?: boolean; autoFocus?: boolean }) {
  const v = form.values[name];
  return (
    <NumberInput
      label={label}
      required={required}
      autoFocus={autoFocus}
      min={0}
      decimalScale={2}
      thousandSeparator=","
      value={typeof v === 'number' ? v / 100 : ''}
      error={form.errors[name]}
      // Rounded: 12345.67 × 100 is 1234566.9999… in floating point.
      onChange={(n) => form.set(name, typeof n === 'number' ? Math.round(n * 100) : null)}
      onBlur={() => form.touch(name)}
    />
  );
}
