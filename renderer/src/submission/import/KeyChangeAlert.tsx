import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import type { FileIn } from '../../../../main/api/common/files';
import type { ApiOutput } from '../../api/types';
import { useApiMutation } from '../../api/queries';
import { fmtTimestamp } from '../../components/format';
import { sub } from '../../i18n/submission';

const i = sub.import;

/**
 * A package signed with another key than the one pinned for its unit: both fingerprints, to compare with the
 * unit's signed 上报汇总表, and the administrator's acceptance (audited); then the package is checked again.
 */
export function KeyChangeAlert({ pkg, onAccepted }: {
  pkg: FileIn & { inspection: ApiOutput<'submission.inspectPackage'> };
  onAccepted: () => void;
}) {
  const accept = useApiMutation('submission.acceptKeyChange');
  const { refusal, keyChange } = pkg.inspection;
  if (!refusal || !keyChange) return null;
  return (
    <Alert color="red" icon={<IconKey size={18} />} title={i.keyChanged} data-testid="package-key-changed">
      <Stack gap="xs">
        <Text size="sm">{refusal.message}</Text>
        <Text size="sm"><Text span c="dimmed">{i.keyPinnedWas}（{fmtTimestamp(keyChange.pinnedAt)}）：</Text><Text span ff="monospace">{keyChange.pinned}</Text></Text>
        <Text size="sm"><Text span c="dimmed">{i.keyIncoming}：</Text><Text span ff="monospace" fw={600}>{keyChange.incoming}</Text></Text>
        <Group justify="flex-end">
          <Button color="red" variant="light" loading={accept.isPending}
            onClick={() => accept.mutate({ fileName: pkg.fileName, contentBase64: pkg.contentBase64 }, { onSuccess: onAccepted })}>
            {i.keyAccept}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
