import { Alert, Button, Checkbox, FileButton, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { FileIn } from '../../../../main/api/common/files';
import { attachmentTypes } from '../../../../main/api/fund/labels';
import { attachmentTooLarge, MAX_ATTACHMENT_BYTES } from '../../../../main/api/fund/schemas';
import { readFileBase64 } from '../../components/files';
import { fmtBytes } from '../../components/format';
import { fund } from '../../i18n/fund';
import { zh } from '../../i18n/zh-CN';

const a = fund.attachments;

/** A voucher's type and size as its row says them: 「PNG 图片 · 5 KB」. */
export const voucherKind = (f: { mime: keyof typeof attachmentTypes; bytes: number }) => `${attachmentTypes[f.mime]} · ${fmtBytes(f.bytes)}`;

/**
 * 添加附件: several files at once, each sent on its own (`store`) so one refused — too large, not a PDF, JPEG or PNG
 * — is said beside the others, which go in; the 含个人信息 tick applies to the files picked with it.
 */
export function VoucherAdd({ store }: { store: (file: FileIn, personal: boolean) => Promise<unknown> }) {
  const [personal, setPersonal] = useState(false);
  const [refusals, setRefusals] = useState<string[]>([]);
  const [reading, setReading] = useState(false);
  const resetInput = useRef<() => void>(null);
  const choose = async (files: File[]) => {
    setReading(true);
    const refused: string[] = [];
    try {
      for (const f of files) {
        if (f.size > MAX_ATTACHMENT_BYTES) refused.push(`“${f.name}”${attachmentTooLarge(f.size)}`);
        else {
          await store({ fileName: f.name, contentBase64: await readFileBase64(f) }, personal)
            .catch((err: Error & { body?: { fields?: { message: string }[] } }) => refused.push(err.body?.fields?.[0]?.message ?? `“${f.name}”：${err.message}`));
        }
      }
    } finally {
      setRefusals(refused);
      setReading(false);
      resetInput.current?.();
    }
    if (refused.length < files.length) notifications.show({ color: 'green', message: a.added(files.length - refused.length) });
  };
  return (
    <Stack gap={6}>
      {refusals.map((r) => (
        <Alert key={r} color="red" variant="light" role="alert" withCloseButton closeButtonLabel={zh.common.close} onClose={() => setRefusals((all) => all.filter((x) => x !== r))}>{r}</Alert>
      ))}
      <Group justify="space-between" align="center">
        <Checkbox size="xs" label={a.personalLabel} checked={personal} onChange={(e) => setPersonal(e.currentTarget.checked)} />
        <FileButton onChange={(files) => void choose(files)} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" multiple resetRef={resetInput}>
          {(props) => <Button {...props} size="xs" variant="light" leftSection={<IconPaperclip size={14} />} loading={reading}>{a.add}</Button>}
        </FileButton>
      </Group>
    </Stack>
  );
}
