import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { zh } from '../i18n/zh-CN';
import type { FileOut } from '../../../main/api/common/files';
import { deliverFile } from './files';

/**
 * 打印 and 保存 PDF side by side for a PDF the core draws on demand: printing opens the system's PDF viewer (desktop)
 * or the browser's, with its print preview; saving asks where (desktop) or downloads. `make` draws the file each time,
 * so what is printed is what the register holds now.
 */
export function PdfButtons({ make, printLabel = zh.common.print as string, saveLabel = zh.common.savePdf as string, disabled }: {
  make: () => Promise<FileOut>;
  printLabel?: string;
  saveLabel?: string;
  disabled?: boolean;
}) {
  const [busy, setBusy] = useState<'print' | 'save' | null>(null);
  const run = (how: 'print' | 'save') => {
    setBusy(how);
    make().then((file) => deliverFile(file, how)).catch(() => undefined).finally(() => setBusy(null));
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconPrinter size={16} />} loading={busy === 'print'} disabled={disabled || busy !== null} onClick={() => run('print')}>
        {printLabel}
      </Button>
      <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy === 'save'} disabled={disabled || busy !== null} onClick={() => run('save')}>
        {saveLabel}
      </Button>
    </Group>
  );
}

/**
 * ActionModal's two endings for a PDF drawn from the modal's fields: the confirm saves it (and says so), the
 * secondary prints it.
 */
export function pdfModalActions<I>(make: (input: I) => Promise<FileOut>, done: (fileName: string) => string, printLabel: string = zh.common.print) {
  return {
    onSubmit: (input: I) => make(input).then((file) => {
      deliverFile(file, 'save');
      notifications.show({ color: 'green', message: done(file.fileName) });
    }),
    secondary: { label: printLabel, icon: <IconPrinter size={16} />, onSubmit: (input: I) => make(input).then((file) => deliverFile(file, 'print')) },
  };
}
