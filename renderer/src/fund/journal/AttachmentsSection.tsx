import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { mayDo } from '../../../../main/api/common/roles';
import { callApi, useApiMutation, useRole } from '../../api/queries';
import { confirmDelete } from '../../components/confirmDelete';
import { saveFile } from '../../components/files';
import { SectionTitle } from '../../components/SectionTitle';
import { fund } from '../../i18n/fund';
import type { EntryDetail } from '../types';
import { VoucherAdd, voucherKind } from './VoucherAdd';

const a = fund.attachments;
type AttachmentInfo = EntryDetail['attachments'][number];

/** One voucher: its name, type, size and flag; download (a personal one for 审核人 and 管理员 only), remove on a draft. */
function AttachmentRow({ entryId, file, editable, mayOpenPersonal }: { entryId: string; file: AttachmentInfo; editable: boolean; mayOpenPersonal: boolean }) {
  const remove = useApiMutation('fund.removeAttachment', { quiet: true });
  const personal = useApiMutation('fund.downloadPersonalAttachment', { quiet: true });
  const ref = { entryId, sha256: file.sha256 };
  const download = () =>
    (file.personal ? personal.mutateAsync(ref) : callApi('fund.downloadAttachment', ref)).then(saveFile, (err: Error) =>
      notifications.show({ color: 'red', message: err.message, autoClose: 8000 }));
  return (
    <Paper withBorder p="xs" data-testid="attachment-row">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="sm" fw={600} truncate="end">{file.fileName}</Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">{voucherKind(file)}</Text>
            {file.personal && <Badge size="xs" color="orange" variant="light">{a.personalBadge}</Badge>}
          </Group>
          {file.personal && !mayOpenPersonal && <Text size="xs" c="dimmed">{a.personalOnly}</Text>}
        </Stack>
        <Group gap={4} wrap="nowrap">
          {(!file.personal || mayOpenPersonal) && (
            <Button size="xs" variant="subtle" leftSection={<IconDownload size={14} />} onClick={() => void download()} aria-label={`${a.download}${file.fileName}`}>
              {a.download}
            </Button>
          )}
          {editable && (
            <Button size="xs" variant="subtle" color="red" aria-label={`${a.remove}${file.fileName}`}
              onClick={() => confirmDelete({ title: a.removeTitle, body: a.removeBody(file.fileName), confirm: a.remove, run: () => remove.mutateAsync(ref), done: a.removed })}>
              {a.remove}
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}

/**
 * 附件 of an entry: its vouchers listed; on a draft, 添加附件 (several files at once, each sent on its own, refused
 * here before reading when over the size limit, in the core's words) with the personal-data flag for the batch.
 */
export function AttachmentsSection({ detail }: { detail: EntryDetail }) {
  const add = useApiMutation('fund.addAttachment', { quiet: true });
  const role = useRole();
  const { entry, attachments } = detail;
  // Adding and removing are a 录入员's (or 管理员's) on a draft; every role sees the list.
  const editable = entry.status === 'draft' && !!role && mayDo(role, 'enter');
  const hasSignoffs = detail.signoffs.some((s) => s.valid);
  return (
    <Stack gap={6}>
      <SectionTitle title={a.title(attachments.length)} />
      {attachments.length === 0 && <Text size="sm" c="dimmed">{entry.status === 'draft' ? a.empty : a.emptyFixed}</Text>}
      {attachments.map((f) => (
        <AttachmentRow key={f.sha256} entryId={entry.id} file={f} editable={editable} mayOpenPersonal={!!role && mayDo(role, 'review')} />
      ))}
      {editable && <VoucherAdd store={(file, personal) => add.mutateAsync({ entryId: entry.id, personal, file })} />}
      {editable && hasSignoffs && <Text size="xs" c="dimmed">{a.voidsSignoffs}</Text>}
    </Stack>
  );
}
