import { useState } from 'react';
import { TextField } from '../../components/fields';
import type { ZodForm } from '../../components/useZodForm';
import { fund } from '../../i18n/fund';

/**
 * The reason for letting the balance go below zero. Shown only once the core has asked for it (its refusal names
 * the field) or when the entry already has one: an override is the exception, never a field to fill by habit.
 */
export function OverrideReasonField({ form }: { form: ZodForm }) {
  const [asked, setAsked] = useState(Boolean(form.values.overrideReason));
  if (form.errors.overrideReason && !asked) setAsked(true);
  if (!asked) return null;
  return <TextField form={form} name="overrideReason" label={fund.entry.overrideReason} description={fund.entry.overrideHint} required />;
}
