import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { FileOut } from '../../../main/api/common/files';
import { fmtBytes } from '../components/format';
import { sub } from '../i18n/submission';
import { saveFile } from '../components/files';

/** Produced files, each with its size, checksum (for the log and the signed summary) and a download button. */
export function FileList({ files }: { files: { label: string; file: FileOut }[] }) {
  return (
    <Stack gap="xs">
      {files.map(({ label, file }) => (
        <Paper key={file.fileName} withBorder p="sm">
          <Group justify="space-between" wrap="nowrap">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>{label}</Text>
              <Text size="sm" truncate>{file.fileName}（{fmtBytes(file.bytes)}）</Text>
              <Text size="xs" c="dimmed" ff="monospace" truncate title={file.sha256}>{sub.monthly.checksum} {file.sha256}</Text>
            </Stack>
            <Button leftSection={<IconDownload size={16} />} variant="light" onClick={() => saveFile(file)} aria-label={`${sub.monthly.download}${label}`}>
              {sub.monthly.download}
            </Button>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
