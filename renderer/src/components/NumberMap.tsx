import { NumberInput, SimpleGrid } from '@mantine/core';
import type { ZodForm } from './useZodForm';

/**
 * A form field holding a record of whole numbers, one input per key (a weight per assessor body, a deadline per
 * level), in a row; each input's error is the schema's own at `<name>.<key>`.
 */
export function NumberMap<K extends string>({ form, name, labels, min, max }: {
  form: ZodForm;
  name: string;
  labels: Record<K, string>;
  min: number;
  max: number;
}) {
  const values = form.values[name] as Record<K, number | null>;
  const keys = Object.keys(labels) as K[];
  return (
    <SimpleGrid cols={keys.length}>
      {keys.map((k) => (
        <NumberInput key={k} label={labels[k]} min={min} max={max} allowDecimal={false} value={values[k] ?? ''}
          error={form.errors[`${name}.${k}`]} onChange={(v) => form.set(name, { ...values, [k]: typeof v === 'number' ? v : null })} />
      ))}
    </SimpleGrid>
  );
}
