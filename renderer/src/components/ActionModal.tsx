import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { useZodForm, type ZodForm } from './useZodForm';
import { zh } from '../i18n/zh-CN';

/**
 * A small confirmation with a few fields (a date, a reason): it says what will happen, validates with the
 * API's schema, and when the server refuses, shows the refusal right here rather than in a passing toast: beside
 * the field it names, or above the buttons when it names none of this form's fields.
 */
export function ActionModal<S extends z.ZodType>(props: {
  title: string;
  intro: ReactNode;
  schema: S;
  initial: Record<string, unknown>;
  fields?: (form: ZodForm) => ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onSubmit: (parsed: z.output<S>) => Promise<unknown>;
  /** A second way to finish, validated the same (打印 beside 保存 PDF): its button sits left of the confirm. */
  secondary?: { label: string; icon?: ReactNode; onSubmit: (parsed: z.output<S>) => Promise<unknown> };
  onClose: () => void;
}) {
  const form = useZodForm(props.schema, props.initial as z.input<S> & Record<string, unknown>);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [via, setVia] = useState<'confirm' | 'secondary'>('confirm');
  const finish = (how: 'confirm' | 'secondary') => form.submit(async (parsed) => {
    setRefusal(null);
    setVia(how);
    try {
      await (how === 'secondary' && props.secondary ? props.secondary.onSubmit : props.onSubmit)(parsed);
    } catch (err) {
      // Beside its field when the form has it; otherwise here (a bank line's date is not a field of its modal).
      const fields = err instanceof ApiError ? (err.body.fields ?? []) : [];
      if (err instanceof ApiError && (fields.length === 0 || fields.some((f) => !(f.path in props.initial)))) setRefusal(err.message);
      throw err;
    }
    props.onClose();
  });
  const save = finish('confirm');

  return (
    <Modal opened onClose={props.onClose} title={<Text fw={600}>{props.title}</Text>} size={460} centered closeButtonProps={{ 'aria-label': zh.common.close }}>
      {/* The modal is portalled out of the page but not out of React's tree: its submit and Ctrl+Enter would bubble on
          to a form it is opened from (the reconciliation's confirmation would save the reconciliation too). */}
      <form
        noValidate
        onSubmit={(e) => (e.preventDefault(), e.stopPropagation(), void save())}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.stopPropagation();
            void save();
          }
        }}
      >
        <Stack gap="sm">
          {typeof props.intro === 'string' ? <Text size="sm">{props.intro}</Text> : props.intro}
          {props.fields?.(form)}
          {refusal && <Alert color="red" variant="light" role="alert">{refusal}</Alert>}
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={props.onClose}>{zh.common.cancel}</Button>
            {props.secondary && (
              <Button variant="default" leftSection={props.secondary.icon} loading={form.submitting && via === 'secondary'} disabled={form.submitting}
                onClick={() => void finish('secondary')()}>
                {props.secondary.label}
              </Button>
            )}
            <Button type="submit" color={props.danger ? 'red' : undefined} loading={form.submitting && via === 'confirm'} disabled={form.submitting && via !== 'confirm'}>{props.confirmLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
