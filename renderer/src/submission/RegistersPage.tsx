import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { FileOut } from '../../../main/api/common/files';
import { useApiMutation, useApiQuery } from '../api/queries';
import { sub } from '../i18n/submission';
import { saveFile } from '../components/files';
import { newJobId } from './files';
import { FileList } from './FileList';
import { JobProgress } from './JobProgress';
import { defaultTarget, TargetFields, useUnit, type Target } from './TargetFields';

const r = sub.registers;

/** 台账导出: one register as a spreadsheet in the layout offices expect, masked unless the user asks. */
export function RegistersPage() {
  const unit = useUnit();
  const registers = useApiQuery('submission.listRegisters', {});
  const [register, setRegister] = useState<string | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<{ file: FileOut; rows: number } | null>(null);
  const exporting = useApiMutation('submission.exportRegister', { quiet: true });
  if (!unit) return null;
  const t = target ?? defaultTarget(unit.unitLevel);
  const chosen = registers.data?.find((x) => x.key === register);
  const errors = Object.fromEntries((exporting.error?.body.fields ?? []).map((f) => [f.path, f.message]));

  const run = () => {
    if (!register) return;
    const id = newJobId();
    setJobId(id);
    setResult(null);
    exporting.mutate(
      { register, ...t, jobId: id },
      {
        onSuccess: (out) => {
          setResult(out);
          saveFile(out.file);
        },
        onSettled: () => setJobId(null),
      },
    );
  };

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} pr={4}>
      <Stack gap="md" maw={760}>
        <Title order={3}>{r.title}</Title>
        <Text size="sm" c="dimmed">{r.intro}</Text>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Select label={r.register} placeholder={r.registerPlaceholder} value={register} w={320} error={errors.register}
              data={(registers.data ?? []).filter((x) => unit.unitLevel !== 'community' || !x.multiUnitOnly).map((x) => ({ value: x.key, label: `${x.title}（${x.moduleTitle}）` }))}
              onChange={(v) => { setRegister(v); setResult(null); }} />
            <TargetFields value={t} onChange={setTarget} errors={errors} personal={chosen?.hasPersonalData ?? false} />
            <Group>
              <Button onClick={run} disabled={!register} loading={exporting.isPending}>{r.export}</Button>
            </Group>
            {jobId && <JobProgress jobId={jobId} />}
            {exporting.isError && !exporting.error.body.fields?.length && <Alert color="red">{exporting.error.message}</Alert>}
          </Stack>
        </Paper>
        {result && (
          <Stack gap="xs" data-testid="register-result">
            <Text fw={600} c="green.8">{r.done(result.rows)}</Text>
            <FileList files={[{ label: chosen?.title ?? '', file: result.file }]} />
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}
