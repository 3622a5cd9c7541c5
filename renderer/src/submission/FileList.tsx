import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { PDF_MIME, type FileOut } from '../../../main/api/common/files';
import { fmtBytes } from '../components/format';
import { sub } from '../i18n/submission';
import { printFile, saveFile } from '../components/files';
import { zh } from '../i18n/zh-CN';

/**
 * Produced files, each with its size, checksum (for the log and the signed summary) and a download button; a PDF
 * (the 上报汇总表 for signing) prints from here too.
 */
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
            <Group gap="xs" wrap="nowrap">
              {file.mime === PDF_MIME && (
                <Button leftSection={<IconPrinter size={16} />} variant="default" onClick={() => printFile(file)} aria-label={`${zh.common.print}${label}`}>
                  {zh.common.print}
                </Button>
              )}
              <Button leftSection={<IconDownload size={16} />} variant="light" onClick={() => saveFile(file)} aria-label={`${sub.monthly.download}${label}`}>
                {sub.monthly.download}
              </Button>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
