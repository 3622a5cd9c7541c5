import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { fmtBytes, fmtTimestamp } from '../../components/format';
import { zh } from '../../i18n/zh-CN';
import { BackupFolderFacts, BackupRetentionForm, retentionSummary } from './BackupRetention';

const t = zh.settings;

/**
 * Back up now, and restore any kept backup after a confirmation that says what will happen; the folder at a glance
 * and what it keeps (an administrator changes it).
 */
export function BackupsCard({ admin }: { admin: boolean }) {
  const backups = useApiQuery('system.listBackups', {});
  const settings = useApiQuery('system.getBackupSettings', {});
  const backupNow = useApiMutation('system.backupNow');
  const restore = useApiMutation('system.restoreBackup');
  const client = useQueryClient();

  const confirmRestore = (name: string, empty: boolean) =>
    modals.openConfirmModal({
      title: t.restoreTitle,
      children: <Text size="sm">{empty ? t.restoreEmptyBody(name) : t.restoreBody(name)}</Text>,
      labels: { confirm: t.restore, cancel: zh.common.cancel },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await restore.mutateAsync({ name });
        // Every screen's data came from the replaced file.
        await client.invalidateQueries();
        notifications.show({ color: 'green', message: t.restoreDone(result.keptAs), autoClose: 10000 });
      },
    });

  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={5}>{t.backups}</Title>
          <Button
            loading={backupNow.isPending}
            onClick={async () => {
              await backupNow.mutateAsync({});
              notifications.show({ color: 'green', message: t.backupDone });
            }}
          >
            {t.backupNow}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">{t.backupsIntro}</Text>
        {settings.data && (
          <>
            <BackupFolderFacts folder={settings.data.folder} />
            {admin ? (
              <BackupRetentionForm key={JSON.stringify(settings.data.policy)} policy={settings.data.policy} />
            ) : (
              <Text size="sm">{retentionSummary(settings.data.policy)}</Text>
            )}
          </>
        )}
        {backups.data?.length === 0 && <EmptyState title={t.noBackups} />}
        {!!backups.data?.length && (
          <Table striped highlightOnHover aria-label={t.backups}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.takenAt}</Table.Th>
                <Table.Th>{t.kind}</Table.Th>
                <Table.Th className="num">{t.size}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.data.map((b) => (
                <Table.Tr key={b.name}>
                  <Table.Td>{fmtTimestamp(b.takenAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge variant="light" color="gray">{t.reasons[b.reason]}</Badge>
                      {b.empty && <Badge variant="light" color="yellow" title={t.emptyBackupHint}>{t.emptyBackup}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td className="num">{fmtBytes(b.bytes)}</Table.Td>
                  <Table.Td ta="right">
                    {/* A 空库 is never the obvious choice: its restore is grey and its confirmation says what it holds. */}
                    <Button size="xs" variant="subtle" color={b.empty ? 'gray' : 'red'} onClick={() => confirmRestore(b.name, b.empty)} aria-label={`${t.restore} ${fmtTimestamp(b.takenAt)}`}>
                      {t.restore}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
