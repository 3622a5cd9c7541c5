import { Checkbox, NumberInput, PasswordInput, Select, Textarea, TextInput, type TextInputProps } from '@mantine/core';
import { TypedDateInput } from './TypedDateInput';
import type { ZodForm } from './useZodForm';

interface Base {
  form: ZodForm;
  name: string;
  label: string;
  required?: boolean;
  description?: string;
  placeholder?: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

/**
 * Drawers and modals trap the focus and give it to `[data-autofocus]`, else to their close button: autoFocus alone
 * loses to the trap, so the first field of a form says both.
 */
const first = (autoFocus?: boolean) => (autoFocus ? { 'data-autofocus': true } : {});

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

export function TextField({ form, name, ...rest }: Base & { maxLength?: number } & Pick<TextInputProps, 'onFocus' | 'onMouseDown' | 'onMouseUp'>) {
  return (
    <TextInput
      {...rest}
      {...first(rest.autoFocus)}
      value={str(form.values[name])}
      error={form.errors[name]}
      onChange={(e) => form.set(name, e.currentTarget.value)}
      onBlur={() => form.touch(name)}
    />
  );
}

/** A password: hidden as typed (with the eye to show it), never autofilled into another account's form. */
export function PasswordField({ form, name, autoComplete = 'current-password', ...rest }: Base & { autoComplete?: 'current-password' | 'new-password' }) {
  return (
    <PasswordInput
      {...rest}
      {...first(rest.autoFocus)}
      autoComplete={autoComplete}
      value={str(form.values[name])}
      error={form.errors[name]}
      onChange={(e) => form.set(name, e.currentTarget.value)}
      onBlur={() => form.touch(name)}
    />
  );
}

export function TextAreaField({ form, name, minRows = 3, ...rest }: Base & { minRows?: number }) {
  return (
    <Textarea
      {...rest}
      {...first(rest.autoFocus)}
      autosize
      minRows={minRows}
      maxRows={12}
      value={str(form.values[name])}
      error={form.errors[name]}
      onChange={(e) => form.set(name, e.currentTarget.value)}
      onBlur={() => form.touch(name)}
    />
  );
}

export function NumberField({ form, name, min, max, ...rest }: Base & { min?: number; max?: number }) {
  const v = form.values[name];
  return (
    <NumberInput
      {...rest}
      {...first(rest.autoFocus)}
      min={min}
      max={max}
      allowDecimal={false}
      value={typeof v === 'number' ? v : ''}
      error={form.errors[name]}
      onChange={(n) => form.set(name, typeof n === 'number' ? n : null)}
      onBlur={() => form.touch(name)}
    />
  );
}

export function SelectField({
  form,
  name,
  data,
  clearable,
  searchable,
  ...rest
}: Base & { data: { value: string; label: string }[] | string[]; clearable?: boolean; searchable?: boolean }) {
  return (
    <Select
      {...rest}
      {...first(rest.autoFocus)}
      // Focused on opening, its list would open too and cover the dialog's buttons: it opens when typed into or clicked.
      openOnFocus={!rest.autoFocus}
      data={data}
      clearable={clearable}
      searchable={searchable}
      nothingFoundMessage="没有匹配的选项"
      value={(form.values[name] as string | null | undefined) ?? null}
      error={form.errors[name]}
      onChange={(v) => form.set(name, v)}
      onBlur={() => form.touch(name)}
    />
  );
}

/** A date of a form: typed as people write it or picked (`TypedDateInput`, whose Esc closes only its calendar). */
export function DateField({ form, name, ...rest }: Base) {
  return (
    <TypedDateInput
      {...rest}
      {...first(rest.autoFocus)}
      placeholder={rest.placeholder ?? '例如 2019-07-01'}
      clearable={!rest.required}
      value={str(form.values[name]) || null}
      error={form.errors[name]}
      onChange={(v) => form.set(name, v ?? '')}
      onBlur={() => form.touch(name)}
    />
  );
}

export function CheckField({ form, name, label, description }: Base) {
  return (
    <Checkbox
      label={label}
      description={description}
      checked={form.values[name] === true}
      onChange={(e) => form.set(name, e.currentTarget.checked)}
    />
  );
}

export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
