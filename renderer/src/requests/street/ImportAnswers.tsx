import { Alert, Button, FileButton, List, Stack, Text, Title } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useApiMutation } from '../../api/queries';
import type { ApiOutput } from '../../api/types';
import { readFileBase64 } from '../../components/files';
import { rq } from '../../i18n/requests';

const t = rq.street;

/** At a community: the street's answers package imported, each answer closing its request (or reported, not applied). */
export function ImportAnswers() {
  const importAnswers = useApiMutation('requests.importStreetAnswers', { quiet: true });
  const [result, setResult] = useState<ApiOutput<'requests.importStreetAnswers'> | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const choose = async (file: File | null) => {
    if (!file) return;
    setResult(null);
    setRefusal(null);
    try {
      setResult(await importAnswers.mutateAsync({ fileName: file.name, contentBase64: await readFileBase64(file) }));
    } catch (err) {
      setRefusal(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <Stack gap="md" maw={720}>
      <Title order={3}>{t.importTitle}</Title>
      <Text size="sm" c="dimmed">{t.importHint}</Text>
      <FileButton onChange={(f) => void choose(f)} accept=".sdpkg,application/zip">
        {(props) => <Button {...props} w="fit-content" leftSection={<IconFileUpload size={18} />} loading={importAnswers.isPending}>{t.importPick}</Button>}
      </FileButton>
      {refusal && <Alert color="red" title={t.importRefused}>{refusal}</Alert>}
      {result && (
        <Alert color={result.notApplied.length ? 'yellow' : 'green'} title={t.imported(result.street, result.applied.length, result.unchanged)}>
          {result.notApplied.length > 0 && <List size="sm">{result.notApplied.map((n) => <List.Item key={n.requestId}>{n.reason}</List.Item>)}</List>}
        </Alert>
      )}
    </Stack>
  );
}
