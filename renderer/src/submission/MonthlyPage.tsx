import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ApiOutput } from '../api/types';
import { useApiMutation, useApiQuery } from '../api/queries';
import { sub } from '../i18n/submission';
import { newJobId } from './files';
import { FileList } from './FileList';
import { JobProgress } from './JobProgress';
import { defaultTarget, TargetFields, useUnit, type Target } from './TargetFields';

const m = sub.monthly;

/** 月度上报: the month's workbook, the PDF for signing and the data package, with a progress bar by phase. */
export function MonthlyPage() {
  const unit = useUnit();
  const registers = useApiQuery('submission.listRegisters', {});
  const [target, setTarget] = useState<Target | null>(null);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [full, setFull] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [result, setResult] = useState<ApiOutput<'submission.buildMonthly'> | null>(null);
  const building = useApiMutation('submission.buildMonthly', { quiet: true });
  if (!unit) return null;
  const t = target ?? defaultTarget(unit.unitLevel);
  const modules = [...new Map((registers.data ?? []).map((x) => [x.module, x.moduleTitle]))];
  const chosen = picked ?? modules.map(([key]) => key);
  const errors = Object.fromEntries((building.error?.body.fields ?? []).map((f) => [f.path, f.message]));
  const personal = (registers.data ?? []).some((x) => chosen.includes(x.module) && x.hasPersonalData);

  const run = () => {
    const id = newJobId();
    setJobId(id);
    setResult(null);
    building.mutate({ ...t, modules: chosen, full, jobId: id }, { onSuccess: setResult, onSettled: () => setJobId(null) });
  };

  return (
    <Stack gap="md" style={{ flex: 1, minHeight: 0, overflowY: 'auto' }} pr={4}>
      <Stack gap="md" maw={820}>
        <Title order={3}>{m.title}</Title>
        <Text size="sm" c="dimmed">{m.intro}</Text>
        <Paper withBorder p="md">
          <Stack gap="sm">
            <TargetFields value={t} onChange={(v) => { setTarget(v); setResult(null); }} errors={errors} personal={personal} />
            <Checkbox.Group label={m.modules} value={chosen} onChange={setPicked} error={errors.modules}>
              <Group mt={4}>{modules.map(([key, title]) => <Checkbox key={key} value={key} label={title} />)}</Group>
            </Checkbox.Group>
            {chosen.includes('fund') && (
              <Checkbox label={m.full} description={m.fullHint} checked={full} onChange={(e) => setFull(e.currentTarget.checked)} />
            )}
            <Group>
              <Button onClick={run} loading={building.isPending} disabled={chosen.length === 0}>{m.build}</Button>
            </Group>
            {jobId && <JobProgress jobId={jobId} />}
            {building.isError && !building.error.body.fields?.length && <Alert color="red">{building.error.message}</Alert>}
          </Stack>
        </Paper>
        {result && <MonthlyResult result={result} level={t.level} />}
      </Stack>
    </Stack>
  );
}

function MonthlyResult({ result, level }: { result: ApiOutput<'submission.buildMonthly'>; level: Target['level'] }) {
  const files = [
    result.workbook && { label: m.files.workbook, file: result.workbook },
    result.pdf && { label: m.files.pdf, file: result.pdf },
    result.package && { label: m.files.package, file: result.package },
  ].filter((f) => !!f);
  const registers = Object.entries(result.rowCounts).filter(([k]) => !k.includes('.'));
  return (
    <Stack gap="sm" data-testid="monthly-result">
      <Text fw={600} c="green.8">{m.ready}</Text>
      {result.warnings.map((w) => <Alert key={w} color="yellow">{w}</Alert>)}
      <FileList files={files} />
      <Group gap="xs">
        <Text size="sm" c="dimmed">{m.rowCounts}：</Text>
        {registers.map(([title, rows]) => <Badge key={title} variant="light" radius="sm">{title} {rows.toLocaleString('zh-CN')}</Badge>)}
      </Group>
      <Text size="sm" c="dimmed">{{ district: m.districtNext, street: m.streetNext, community: m.communityNext }[level]}</Text>
    </Stack>
  );
}
