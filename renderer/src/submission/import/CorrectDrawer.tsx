import { Alert, Button, Drawer, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { FieldValue } from '../../../../main/api/submission/contract';
import type { ApiOutput } from '../../api/types';
import { useApiMutation } from '../../api/queries';
import { sub } from '../../i18n/submission';

const r = sub.records;
type Rec = ApiOutput<'submission.listRecords'>['rows'][number];
type Field = Rec['fields'][number];

/** One consolidated record in full; the fields a copy may have corrected here are editable. */
export function CorrectDrawer({ record, onClose }: { record: Rec; onClose: () => void }) {
  const [changes, setChanges] = useState<Record<string, FieldValue>>({});
  const saving = useApiMutation('submission.correctRecord', { quiet: true });
  const fieldErrors = Object.fromEntries((saving.error?.body.fields ?? []).map((f) => [f.path.replace(/^changes\./, ''), f.message]));
  const value = (f: Field) => (f.key in changes ? changes[f.key]! : f.value);
  const set = (key: string, v: FieldValue) => setChanges((c) => ({ ...c, [key]: v }));
  const save = (payload: Record<string, FieldValue> | null) =>
    saving.mutate({ unitCode: record.unitCode, table: record.table, recordId: record.recordId, changes: payload }, { onSuccess: onClose });

  return (
    <Drawer opened onClose={onClose} position="right" size="md" title={r.correctTitle}>
      <Stack gap="xs">
        <Text size="xs" c="dimmed">{r.correctHint}</Text>
        {record.fields.map((f) =>
          f.editable && !record.removed ? (
            <FieldInput key={f.key} field={f} value={value(f)} error={fieldErrors[f.key]} onChange={(v) => set(f.key, v)} />
          ) : (
            <Group key={f.key} gap="xs" wrap="nowrap">
              <Text size="sm" c="dimmed" w={90}>{f.label}</Text>
              <Text size="sm">{f.display}</Text>
            </Group>
          ),
        )}
        {saving.isError && !saving.error.body.fields?.length && <Alert color="red">{saving.error.message}</Alert>}
        <Group justify="flex-end" mt="sm">
          {record.corrected && <Button variant="default" onClick={() => save(null)}>{r.dropCorrection}</Button>}
          <Button onClick={() => save(changes)} disabled={Object.keys(changes).length === 0} loading={saving.isPending}>{r.save}</Button>
        </Group>
      </Stack>
    </Drawer>
  );
}

function FieldInput({ field, value, error, onChange }: { field: Field; value: FieldValue; error?: string; onChange: (v: FieldValue) => void }) {
  const label = field.corrected ? `${field.label}（${r.corrected}）` : field.label;
  if (typeof field.value === 'boolean') return <Switch label={label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} />;
  if (field.options) return <Select label={label} data={field.options} value={value === null ? null : String(value)} error={error} onChange={(v) => onChange(v)} />;
  if (typeof field.value === 'number') {
    return <NumberInput label={label} value={typeof value === 'number' ? value : ''} error={error} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
  }
  return <TextInput label={label} value={value === null ? '' : String(value)} error={error} onChange={(e) => onChange(e.currentTarget.value || null)} />;
}
