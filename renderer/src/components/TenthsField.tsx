import { NumberInput } from '@mantine/core';
import type { ZodForm } from './useZodForm';

/**
 * Points or hours typed as people write them (2.5), held in the form as the API's integer tenths (25), so the
 * form and the API validate the same value with the same schema.
 */
export function TenthsField({ form, name, label, description, required, min = 0, autoFocus }: {
  form: ZodForm;
  name: string;
  label: string;
  description?: string;
  required?: boolean;
  min?: number;
  autoFocus?: boolean;
}) {
  const v = form.values[name];
  return (
    <NumberInput
      label={label}
      description={description}
      required={required}
      autoFocus={autoFocus}
      min={min}
      decimalScale={1}
      step={0.5}
      value={typeof v === 'number' ? v / 10 : ''}
      error={form.errors[name]}
      onChange={(n) => form.set(name, typeof n === 'number' ? Math.round(n * 10) : null)}
      onBlur={() => form.touch(name)}
    />
  );
}
