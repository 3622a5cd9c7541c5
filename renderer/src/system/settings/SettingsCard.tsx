import { Button, Card, Group, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ZodForm } from '../../components/useZodForm';

/**
 * A module's numbers in 设置 as one form: its title, its fields, and its save button (enabled once something
 * changed). The form is named by the title, so it is found as the clerk reads it.
 */
export function SettingsCard({ title, form, onSave, saveLabel, children }: {
  title: string;
  form: ZodForm;
  onSave: () => Promise<unknown>;
  saveLabel: string;
  children: ReactNode;
}) {
  return (
    <Card withBorder>
      <form noValidate onSubmit={(e) => (e.preventDefault(), void onSave())} aria-label={title}>
        <Stack gap="sm">
          <Title order={5}>{title}</Title>
          {children}
          <Group justify="flex-end">
            <Button type="submit" disabled={!form.dirty} loading={form.submitting}>{saveLabel}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
