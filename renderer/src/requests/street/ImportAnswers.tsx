import { Alert, Anchor, Button, FileButton, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconFileUpload, IconKey } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { FileIn } from '../../../../main/api/common/files';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/queries';
import { href } from '../../app/router';
import type { ApiOutput } from '../../api/types';
import { readFileBase64 } from '../../components/files';
import { rq } from '../../i18n/requests';
import { sub } from '../../i18n/submission';
import { newJobId } from '../../submission/files';
import { JobProgress } from '../../submission/JobProgress';

const t = rq.street;

/**
 * At a community: the street's answers package imported, each answer closing its request (or reported, not
 * applied). A package refused for the street's changed key (the street reinstalled) offers the administrator's
 * acceptance right there — the message names both fingerprints — and is imported again once accepted. While
 * it runs, its phases show on the submission's progress bar.
 */
export function ImportAnswers() {
  const importAnswers = useApiMutation('requests.importStreetAnswers', { quiet: true });
  const acceptKey = useApiMutation('requests.acceptStreetKeyChange', { quiet: true });
  const [result, setResult] = useState<ApiOutput<'requests.importStreetAnswers'> | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; keyChanged: boolean; file: FileIn } | null>(null);
  const [accepted, setAccepted] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // Cleared after each choice, so the same file chosen again (a re-import) is read again.
  const reset = useRef<() => void>(null);
  const run = async (file: FileIn) => {
    setResult(null);
    setRefusal(null);
    const id = newJobId();
    setJobId(id);
    try {
      setResult(await importAnswers.mutateAsync({ ...file, jobId: id }));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setRefusal({ message, keyChanged: err instanceof ApiError && err.body.reason === 'PACKAGE_KEY_CHANGED', file });
    } finally {
      setJobId(null);
    }
  };
  const choose = async (file: File | null) => {
    if (!file) return;
    setAccepted(null);
    const picked = { fileName: file.name, contentBase64: await readFileBase64(file) };
    reset.current?.();
    await run(picked);
  };
  const accept = async (file: FileIn) => {
    try {
      const out = await acceptKey.mutateAsync(file);
      setAccepted(out.unitName);
      await run(file);
    } catch (err) {
      setRefusal({ message: err instanceof Error ? err.message : String(err), keyChanged: false, file });
    }
  };
  return (
    <Stack gap="md" maw={720}>
      <Title order={3}>{t.importTitle}</Title>
      <Text size="sm" c="dimmed">{t.importHint}</Text>
      <FileButton resetRef={reset} onChange={(f) => void choose(f)} accept=".sdpkg,application/zip">
        {(props) => <Button {...props} w="fit-content" leftSection={<IconFileUpload size={18} />} loading={importAnswers.isPending}>{t.importPick}</Button>}
      </FileButton>
      {jobId && <JobProgress jobId={jobId} waiting={sub.import.importing} />}
      {accepted && <Alert color="blue" icon={<IconKey size={18} />}>{sub.import.keyAccepted(accepted)}</Alert>}
      {refusal && (
        <Alert color="red" title={refusal.keyChanged ? sub.import.keyChanged : t.importRefused} icon={refusal.keyChanged ? <IconKey size={18} /> : undefined} data-testid="answers-refused">
          <Stack gap="xs">
            <Text size="sm">{refusal.message}</Text>
            {refusal.keyChanged && (
              <Group justify="flex-end">
                <Button color="red" variant="light" loading={acceptKey.isPending} onClick={() => void accept(refusal.file)}>{sub.import.keyAccept}</Button>
              </Group>
            )}
          </Stack>
        </Alert>
      )}
      {result && (
        <Alert color={result.notApplied.length ? 'yellow' : 'green'} title={t.imported(result.street, result.applied.length, result.unchanged)} data-testid="answers-imported">
          <Stack gap="xs">
            {result.applied.length > 0 && (
              <List size="sm">
                {result.applied.map((a) => (
                  <List.Item key={a.id}><Anchor size="sm" href={href('/requests/ledger', { request: a.id })}>{t.closed(a.content)}</Anchor></List.Item>
                ))}
              </List>
            )}
            {result.notApplied.length > 0 && <List size="sm">{result.notApplied.map((n) => <List.Item key={n.requestId}>{n.reason}</List.Item>)}</List>}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
