import { Alert, Button, FileButton, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { fmtBytes } from '../components/format';
import { imp } from '../i18n/import';
import { isImportable, MAX_FILE_BYTES, type PickedFile } from './files';

/** Drag a file onto the area or pick one; the file is checked for type and size before it is read. */
export function FileStep({ file, onFile, onBack }: { file: PickedFile | null; onFile: (f: File) => void; onBack: () => void }) {
  const [over, setOver] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const take = (f: File | null | undefined) => {
    if (!f) return;
    if (!isImportable(f.name)) return setRefusal(imp.file.wrongType);
    if (f.size > MAX_FILE_BYTES) return setRefusal(imp.file.tooLarge);
    setRefusal(null);
    onFile(f);
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };

  return (
    <Stack gap="sm">
      <Paper
        withBorder
        p="xl"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        style={{ borderStyle: 'dashed', borderWidth: 2, background: over ? 'var(--mantine-color-gray-1)' : undefined }}
        aria-label={imp.file.drop}
      >
        <Stack align="center" gap="xs">
          <IconFileSpreadsheet size={40} stroke={1.3} />
          <Text fw={600}>{imp.file.drop}</Text>
          <Text size="sm" c="dimmed">{imp.file.or}</Text>
          <FileButton onChange={take} accept=".xlsx,.csv,.txt">
            {(props) => <Button {...props} leftSection={<IconUpload size={16} />}>{imp.file.pick}</Button>}
          </FileButton>
          {file && <Text size="sm">{file.fileName} · {fmtBytes(file.size)}</Text>}
          <Text size="xs" c="dimmed" ta="center" maw={520}>{imp.file.hint}</Text>
        </Stack>
      </Paper>
      {refusal && <Alert color="red" role="alert">{refusal}</Alert>}
      <Group>
        <Button variant="default" onClick={onBack}>{imp.file.back}</Button>
      </Group>
    </Stack>
  );
}
