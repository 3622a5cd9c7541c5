import { TextInput } from '@mantine/core';
import { formatFen, parseYuan } from '../../../main/api/common/money';
import type { ZodForm } from './useZodForm';

/**
 * An amount typed as yuan (`1,234.56`, `¥1234.5`), kept as the text the money zod field parses; on leaving the
 * field a valid amount is rewritten as ¥1,234.56, so the clerk sees what will be saved. Right-aligned, like the tables.
 */
export function MoneyField({ form, name, label, required, description, placeholder, autoFocus }: {
  form: ZodForm; name: string; label: string; required?: boolean; description?: string; placeholder?: string; autoFocus?: boolean;
}) {
  const value = form.values[name];
  const text = typeof value === 'string' ? value : '';
  return (
    <TextInput
      label={label}
      required={required}
      description={description}
      placeholder={placeholder}
      autoFocus={autoFocus}
      inputMode="decimal"
      styles={{ input: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
      value={text}
      error={form.errors[name]}
      onChange={(e) => form.set(name, e.currentTarget.value)}
      onBlur={() => {
        const parsed = text.trim() ? parseYuan(text) : null;
        if (parsed && 'fen' in parsed) form.set(name, formatFen(parsed.fen));
        form.touch(name);
      }}
    />
  );
}
