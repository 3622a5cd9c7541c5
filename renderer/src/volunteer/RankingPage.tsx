import { ActionIcon, Badge, Box, Group, Paper, ScrollArea, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { todayIso } from '../../../main/api/common/calendar';
import { honourTitles, periodLabel, quarterNames, rankLevels } from '../../../main/api/volunteer/labels';
import { tenthsText } from '../../../main/api/volunteer/tenths';
import { useApiMutation, useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { options } from '../components/fields';
import { vp } from '../i18n/volunteer-points';
import { UnitSelect } from '../components/UnitSelect';
import { HonourModal } from './ranking/HonourModal';
import { PersonRanking, UnitRanking } from './ranking/RankTables';
import type { RankRow } from './types';

const r = vp.ranking;
type Level = keyof typeof rankLevels;

/** The year's honours beside the ranking they were drawn from. */
function Honours({ year }: { year: number }) {
  const honours = useApiQuery('volunteer.listHonours', { year });
  const revoke = useApiMutation('volunteer.revokeHonour');
  return (
    <Paper withBorder p="sm" w={280} style={{ flexShrink: 0, display: 'flex', flexDirection: 'column' }} component="section" aria-label={r.honours(`${year}年`)}>
      <Title order={5} mb="xs">{r.honours(`${year}年`)}</Title>
      <ScrollArea style={{ flex: 1 }}>
        {honours.data?.length === 0 && <Text size="sm" c="dimmed">{r.noHonours}</Text>}
        <Stack gap={6}>
          {honours.data?.map((h) => (
            <Group key={h.id} justify="space-between" wrap="nowrap" gap={4}>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="nowrap">
                  <Badge color="partyRed" variant="light" radius="sm">{honourTitles[h.title]}</Badge>
                  <Text size="sm" fw={600}>{h.name}</Text>
                </Group>
                <Text size="xs" c="dimmed" truncate>{`${periodLabel(h.year, h.quarter)} · ${h.orgName}${h.points !== null ? ` · ${tenthsText(h.points)} 分` : ''}`}</Text>
              </Stack>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`${r.revoke} ${h.name}`} onClick={() => revoke.mutate({ id: h.id })}><IconX size={14} /></ActionIcon>
            </Group>
          ))}
        </Stack>
      </ScrollArea>
    </Paper>
  );
}

/** 积分排行: people, branches or communities for a year or quarter — what the secretary looks at to choose 党员先锋 / 社区之星. */
export function RankingPage() {
  const route = useRoute();
  const p = route.params;
  const set = (changes: Record<string, string | null>) => setParams(route, changes);
  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(p.get('year') ?? thisYear);
  const quarter = Number(p.get('quarter') ?? 0);
  const level = (p.get('level') ?? 'person') as Level;
  const orgId = p.get('org');
  const [awarding, setAwarding] = useState<RankRow | null>(null);
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i));
  const empty = <EmptyState title={r.empty} />;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group gap="sm" align="baseline">
        <Title order={3}>{r.title}</Title>
        <Text size="xs" c="dimmed">{r.note}</Text>
      </Group>
      <Group gap="xs">
        <SegmentedControl aria-label={r.level} value={level} onChange={(v) => set({ level: v === 'person' ? null : v })} data={options(rankLevels)} />
        <Select aria-label={r.year} data={years} value={String(year)} onChange={(v) => set({ year: v === String(thisYear) ? null : v })} w={90} allowDeselect={false} />
        <SegmentedControl aria-label={r.quarter} value={String(quarter)} onChange={(v) => set({ quarter: v === '0' ? null : v })}
          data={Object.entries(quarterNames).map(([value, label]) => ({ value, label }))} />
        {level !== 'community_committee' && (
          <UnitSelect value={orgId} onChange={(v) => set({ org: v })} levels={['community_committee']} placeholder={r.scopeAll} clearable w={220} />
        )}
      </Group>
      <Group align="stretch" gap="sm" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Paper withBorder style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }} aria-label={`${periodLabel(year, quarter || null)}${rankLevels[level]}${r.title}`} component="section">
          <Box style={{ flex: 1, minHeight: 0 }}>
            {level === 'person'
              ? <PersonRanking year={year} quarter={quarter} orgId={orgId} onAward={setAwarding} empty={empty} />
              : <UnitRanking year={year} quarter={quarter} level={level} orgId={level === 'branch' ? orgId : null} empty={empty} />}
          </Box>
        </Paper>
        <Honours year={year} />
      </Group>
      {awarding && <HonourModal row={awarding} year={year} quarter={quarter} orgId={orgId} onClose={() => setAwarding(null)} />}
    </Stack>
  );
}
