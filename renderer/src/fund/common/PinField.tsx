import { PasswordInput } from '@mantine/core';
import type { ZodForm } from '../../components/useZodForm';

/**
 * A signer's 6-digit PIN, masked, typed by the signer. Browsers must neither remember nor suggest it: the PIN is
 * the proof that this person, not the clerk, signed.
 */
export function PinField({ form, name, label, autoFocus }: { form: ZodForm; name: string; label: string; autoFocus?: boolean }) {
  const value = form.values[name];
  return (
    <PasswordInput
      label={label}
      required
      autoFocus={autoFocus}
      // Modals give the focus to [data-autofocus] (components/fields.tsx): the signer types at once.
      {...(autoFocus ? { 'data-autofocus': true } : {})}
      autoComplete="new-password"
      inputMode="numeric"
      maxLength={6}
      value={typeof value === 'string' ? value : ''}
      error={form.errors[name]}
      onChange={(e) => form.set(name, e.currentTarget.value.replace(/\D/g, ''))}
      onBlur={() => form.touch(name)}
    />
  );
}
