import { Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { BackupPolicyInput } from '../../../../main/api/system/schemas';
import type { BackupFolder, BackupPolicy } from '../../../../main/api/system/contract';
import { callApi, useApiMutation } from '../../api/queries';
import { NumberField } from '../../components/fields';
import { fmtBytes, fmtTimestamp } from '../../components/format';
import { useZodForm } from '../../components/useZodForm';
import { zh } from '../../i18n/zh-CN';

const t = zh.settings;
const DEFAULT_LIMIT_GB = 10;

function Fact({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={140} style={{ flexShrink: 0 }}>{label}</Text>
      <Text size="sm" style={{ wordBreak: 'break-all' }} title={hint}>{value}</Text>
    </Group>
  );
}

/** The folder at a glance: where, how many, how big, and the newest backup a damaged file would be restored from. */
export function BackupFolderFacts({ folder }: { folder: BackupFolder }) {
  const newest = folder.newestWithData;
  return (
    <Stack gap={4}>
      <Fact label={t.backupDir} value={folder.dir} />
      <Fact label={t.backupCount} value={`${folder.count} 份`} />
      <Fact label={t.backupTotal} value={fmtBytes(folder.totalBytes)} />
      <Fact
        label={t.newestWithData}
        value={newest ? `${fmtTimestamp(newest.takenAt)}（${t.reasons[newest.reason]}，${fmtBytes(newest.bytes)}）` : t.noBackupWithData}
        hint={t.newestWithDataHint}
      />
    </Stack>
  );
}

const limitText = (gb: number | null) => (gb === null ? t.unlimited : `${gb} GB`);

/** What the folder keeps, for an account that cannot change it. */
export const retentionSummary = (p: BackupPolicy): string => t.retentionSummary(p, limitText(p.maxGigabytes));

/** Resolves when the clerk confirms removing `count` backups now; rejects (nothing saved) when cancelled. */
const confirmRemoval = (count: number, bytes: number) =>
  new Promise<void>((resolve, reject) =>
    modals.openConfirmModal({
      title: t.removeTitle,
      children: <Text size="sm">{t.removeBody(count, fmtBytes(bytes))}</Text>,
      labels: { confirm: t.removeConfirm(count), cancel: zh.common.cancel },
      confirmProps: { color: 'red' },
      onConfirm: resolve,
      onCancel: () => reject(new Error('cancelled')),
    }),
  );

/**
 * The retention and the size limit (administrators). Saving applies them at once, so a change that would remove
 * backups now says how many and how much first.
 */
export function BackupRetentionForm({ policy }: { policy: BackupPolicy }) {
  const form = useZodForm(BackupPolicyInput, { ...policy });
  const save = useApiMutation('system.setBackupPolicy');
  const limit = form.values.maxGigabytes;
  const submit = form.submit(async (input) => {
    const preview = await callApi('system.previewBackupPolicy', input);
    if (preview.count > 0) await confirmRemoval(preview.count, preview.bytes);
    const { removed } = await save.mutateAsync(input);
    notifications.show({
      color: 'green',
      message: removed.count > 0 ? t.removedNotice(removed.count, fmtBytes(removed.bytes)) : zh.common.saved,
    });
  });
  return (
    <form noValidate onSubmit={(e) => (e.preventDefault(), void submit())} aria-label={t.retention}>
      <Stack gap="xs">
        <Text fw={600} size="sm">{t.retention}</Text>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
          <NumberField form={form} name="daily" label={t.keepDaily} min={1} max={60} />
          <NumberField form={form} name="weekly" label={t.keepWeekly} min={0} max={52} />
          <NumberField form={form} name="monthly" label={t.keepMonthly} min={0} max={120} />
          <NumberField form={form} name="safety" label={t.keepSafety} min={1} max={50} />
          <Stack gap={4}>
            <NumberField form={form} name="maxGigabytes" label={t.maxSize} min={1} max={10000} disabled={limit === null} />
            <Checkbox
              size="xs"
              label={t.unlimited}
              checked={limit === null}
              onChange={(e) => form.set('maxGigabytes', e.currentTarget.checked ? null : DEFAULT_LIMIT_GB)}
            />
          </Stack>
        </SimpleGrid>
        <Text size="xs" c="dimmed">{t.retentionHint}</Text>
        <Group>
          <Button type="submit" variant="light" disabled={!form.dirty} loading={form.submitting}>{t.saveRetention}</Button>
        </Group>
      </Stack>
    </form>
  );
}
