import { NumberInput } from '@mantine/core';
import type { ZodForm } from '../../components/useZodForm';

/** Typed in m² with at most two decimals, kept in the form as hundredths (the schema's `floorAreaHundredths`). */
export function AreaField({ form, label }: { form: ZodForm; label: string }) {
  const v = form.values.floorAreaHundredths;
  return (
    <NumberInput
      label={label}
      min={0}
      decimalScale={2}
      thousandSeparator=","
      value={typeof v === 'number' ? v / 100 : ''}
      error={form.errors.floorAreaHundredths}
      // Rounded: 12345.67 × 100 is 1234566.9999… in floating point.
      onChange={(n) => form.set('floorAreaHundredths', typeof n === 'number' ? Math.round(n * 100) : null)}
      onBlur={() => form.touch('floorAreaHundredths')}
    />
  );
}
