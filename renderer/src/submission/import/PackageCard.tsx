import { Alert, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { FileIn } from '../../../../main/api/common/files';
import { unitLevels, type UnitLevel } from '../../../../main/api/system/contract';
import type { ApiOutput } from '../../api/types';
import { useApiMutation } from '../../api/queries';
import { fmtBytes, fmtTimestamp } from '../../components/format';
import { sub } from '../../i18n/submission';
import { newJobId, shortHash } from '../files';
import { JobProgress } from '../JobProgress';
import { KeyChangeAlert } from './KeyChangeAlert';

/** A level as the manifest names it (a string on the wire), in Chinese. */
const levelName = (level: string): string => unitLevels[level as UnitLevel] ?? level;

const i = sub.import;

export interface PickedPackage extends FileIn {
  inspection: ApiOutput<'submission.inspectPackage'>;
}

/**
 * One chosen package: what is inside and what importing it would change — or why it is refused — and the import,
 * its phases on a progress bar while it runs (a district's street package takes seconds).
 */
export function PackageCard({ pkg, onRemove, onRecheck }: { pkg: PickedPackage; onRemove: () => void; onRecheck: () => void }) {
  const importing = useApiMutation('submission.importPackage', { quiet: true });
  const [jobId, setJobId] = useState<string | null>(null);
  const run = () => {
    const id = newJobId();
    setJobId(id);
    importing.mutate({ fileName: pkg.fileName, contentBase64: pkg.contentBase64, jobId: id }, { onSettled: () => setJobId(null) });
  };
  const { inspection: x } = pkg;
  const m = x.manifest;
  return (
    <Paper withBorder p="md" data-testid={`package-${pkg.fileName}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} truncate>{pkg.fileName}</Text>
            <Text size="xs" c="dimmed" ff="monospace">{fmtBytes(x.bytes)} · SHA-256 {shortHash(x.sha256)}</Text>
          </Stack>
          <Button variant="subtle" color="gray" size="xs" onClick={onRemove}>{i.remove}</Button>
        </Group>
        {x.refusal && x.keyChange ? (
          <KeyChangeAlert pkg={pkg} onAccepted={onRecheck} />
        ) : x.refusal ? (
          <Alert color="red" icon={<IconX size={18} />} title={i.refused} data-testid="package-refused">{x.refusal.message}</Alert>
        ) : (
          m && (
            <>
              <Group gap="lg">
                <Text size="sm"><Text span c="dimmed">{i.source}：</Text>{m.source.name}（{m.source.code}）</Text>
                {m.source.parent && <Text size="sm"><Text span c="dimmed">{i.parent(levelName(m.source.parent.level))}：</Text>{m.source.parent.name}（{m.source.parent.code}）</Text>}
                <Text size="sm"><Text span c="dimmed">{i.period}：</Text>{m.period}</Text>
                <Text size="sm"><Text span c="dimmed">{i.createdBy}：</Text>{m.createdBy}，{fmtTimestamp(m.createdAt)}</Text>
                <Badge variant="light" color={m.personalData === 'full' ? 'orange' : 'gray'} radius="sm">{i.personal[m.personalData]}</Badge>
              </Group>
              {x.signer && (
                <Group gap="xs" data-testid="package-key">
                  <Text size="sm"><Text span c="dimmed">{i.key}：</Text><Text span ff="monospace">{x.signer.fingerprint}</Text></Text>
                  <Badge variant="light" color={x.signer.pinnedAt ? 'green' : 'blue'} radius="sm">
                    {x.signer.pinnedAt ? i.keyPinned(fmtTimestamp(x.signer.pinnedAt)) : i.keyNew(levelName(m.source.level))}
                  </Badge>
                </Group>
              )}
              <Text size="sm"><Text span c="dimmed">{i.tables}：</Text>{m.tables.map((t) => `${t.title} ${t.rows.toLocaleString('zh-CN')} 条`).join('，')}</Text>
              <List size="xs" spacing={2} icon={<IconCheck size={14} color="var(--mantine-color-green-7)" />} aria-label={i.checks}>
                {x.checks.map((c) => <List.Item key={c}>{c}</List.Item>)}
              </List>
              {x.importedBefore && <Alert color="blue">{i.importedBefore(fmtTimestamp(x.importedBefore))}</Alert>}
              {importing.data ? (
                <Alert color="green" icon={<IconCheck size={18} />} title={i.imported} data-testid="import-result">{i.counts(importing.data.counts)}</Alert>
              ) : (
                <Group justify="space-between">
                  {x.preview && <Text size="sm"><Text span c="dimmed">{i.preview}：</Text>{i.counts(x.preview)}</Text>}
                  <Button onClick={run} loading={importing.isPending}>
                    {i.importOne}
                  </Button>
                </Group>
              )}
              {jobId && <JobProgress jobId={jobId} waiting={i.importing} />}
              {importing.isError && <Alert color="red">{importing.error.message}</Alert>}
            </>
          )
        )}
      </Stack>
    </Paper>
  );
}
