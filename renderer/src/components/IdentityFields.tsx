import { Button, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { idCardBirthDate, idCardGender, idCardProblem, toHalfWidth } from '../../../main/api/common/identifiers';
import { TextField } from './fields';
import type { ZodForm } from './useZodForm';
import { reg } from '../i18n/party-register';

const f = reg.form;

/**
 * An edited record shows its stored number masked; "修改" opens an empty input for a new one, "不修改" goes
 * back to keeping the stored one (`keepIdNumber` / `keepPhone`), so the full number never enters the form.
 */
function Masked({ form, keep, masked, label, children }: {
  form: ZodForm;
  keep: 'keepIdNumber' | 'keepPhone';
  masked: string | undefined;
  label: string;
  children: ReactNode;
}) {
  const field = keep === 'keepIdNumber' ? 'idNumber' : 'phone';
  const keeping = (on: boolean) => () => {
    form.set(keep, on);
    form.set(field, '');
  };
  if (masked && form.values[keep] === true) {
    return (
      <TextInput
        label={label}
        value={masked}
        readOnly
        description={f.current(masked)}
        rightSectionWidth={64}
        rightSection={<Button size="compact-xs" variant="light" onClick={keeping(false)}>{f.change}</Button>}
      />
    );
  }
  return (
    <div style={{ position: 'relative' }}>
      {children}
      {masked && (
        <Button size="compact-xs" variant="subtle" pos="absolute" top={0} right={0} onClick={keeping(true)}>
          {f.keep}
        </Button>
      )}
    </div>
  );
}

/** The ID number: as the clerk leaves a valid one, the birth date and gender follow from it. */
export function IdNumberField({ form, masked }: { form: ZodForm; masked?: string }) {
  const onBlur = () => {
    const value = toHalfWidth(String(form.values.idNumber ?? '')).trim().toUpperCase();
    if (value && !idCardProblem(value)) {
      form.set('birthDate', idCardBirthDate(value));
      form.set('gender', idCardGender(value));
    }
    form.touch('idNumber');
  };
  return (
    <Masked form={form} keep="keepIdNumber" masked={masked} label={f.idNumber}>
      <TextInput
        label={f.idNumber}
        description={f.idHelp}
        value={String(form.values.idNumber ?? '')}
        error={form.errors.idNumber}
        autoComplete="off"
        onChange={(e) => form.set('idNumber', e.currentTarget.value)}
        onBlur={onBlur}
      />
    </Masked>
  );
}

export function PhoneField({ form, masked }: { form: ZodForm; masked?: string }) {
  return (
    <Masked form={form} keep="keepPhone" masked={masked} label={f.phone}>
      <TextField form={form} name="phone" label={f.phone} description={f.phoneHelp} />
    </Masked>
  );
}
