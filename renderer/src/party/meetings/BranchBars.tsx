import { Group, Progress, Stack, Text } from '@mantine/core';
import { twoLines } from '../../components/twoLines';
import { pm } from '../../i18n/party-meetings';
import type { PartyDashboard } from './types';

/**
 * Members per branch as bars against the largest branch: who carries the load is visible at a glance. A branch
 * named like another (幸福社区 › 第一党支部) is labelled with its community, in two lines rather than cut.
 */
export function BranchBars({ rows }: { rows: PartyDashboard['stats']['byBranch'] }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  if (rows.length === 0) return <Text size="sm" c="dimmed">{pm.dashboard.byBranchEmpty}</Text>;
  return (
    <Stack gap={6}>
      {rows.map((r) => (
        <Group key={r.orgId} gap="sm" wrap="nowrap">
          <Text w={180} title={r.orgName} style={twoLines} data-testid="branch-bar-label">{r.orgName}</Text>
          <Progress value={(r.count / max) * 100} size="lg" color="gray.6" style={{ flex: 1 }} aria-label={r.orgName} />
          <Text size="sm" w={56} className="num">{pm.dashboard.people(r.count)}</Text>
        </Group>
      ))}
    </Stack>
  );
}
