import { Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { termStates } from '../../../main/api/property/labels';
import { useApiQuery } from '../api/queries';
import { href, setParams, useRoute } from '../app/router';
import { LinkList, Panel } from '../components/DashboardCards';
import { CommunityFilter } from '../components/CommunityFilter';
import { EmptyState } from '../components/EmptyState';
import { prop } from '../i18n/property';
import { pc } from '../i18n/property-committees';
import { EstateSelect, useEstateOptions } from './common/EstateSelect';
import { TermCard } from './committees/TermCard';
import { TermDrawer } from './committees/TermDrawer';

const p = pc.page;

/** 业委会: an estate's terms, newest first, and the street's terms due or overdue for re-election. */
export function CommitteesPage() {
  const route = useRoute();
  const estateId = route.params.get('estate');
  const communityId = route.params.get('community');
  const termParam = route.params.get('term');
  const estates = useEstateOptions();
  const warnings = useApiQuery('property.listTermWarnings', { communityId });
  const detail = useApiQuery('property.getEstate', { id: estateId ?? '' }, { enabled: !!estateId });
  const terms = detail.data?.terms ?? [];
  const openNew = () => setParams(route, { term: 'new' });

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" align="baseline">
          <Title order={3}>{p.title}</Title>
          <Text size="sm" c="dimmed">{p.intro}</Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <CommunityFilter value={communityId} onChange={(id) => setParams(route, { community: id, estate: null, term: null })} />
          <EstateSelect value={estateId} onChange={(id) => setParams(route, { estate: id, term: null })} placeholder={p.pickEstate} w={280}
            communityId={communityId} />
          <Button leftSection={<IconPlus size={16} />} onClick={openNew} disabled={!estateId}>{p.addTerm}</Button>
        </Group>
      </Group>
      <Group align="flex-start" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Stack gap="sm" style={{ flex: 1, minWidth: 0, overflow: 'auto', maxHeight: '100%' }}>
          {!estates.isPending && estates.rows.length === 0 ? (
            <Paper withBorder><EmptyState title={p.noEstates} hint={p.noEstatesHint}
              actions={<Button component="a" href={href('/property/estates', { estate: 'new' })}>{prop.estates.add}</Button>} /></Paper>
          ) : !estateId ? (
            <Paper withBorder><EmptyState title={p.pickEstate} hint={p.pickEstateHint} /></Paper>
          ) : detail.isPending ? (
            <Center py="xl"><Loader size="sm" /></Center>
          ) : terms.length === 0 ? (
            <Paper withBorder><EmptyState title={p.noTerms} hint={p.noTermsHint} actions={<Button onClick={openNew}>{p.addTerm}</Button>} /></Paper>
          ) : (
            terms.map((t) => <TermCard key={t.id} term={t} onEdit={() => setParams(route, { term: t.id })} />)
          )}
        </Stack>
        <Stack w={340} style={{ flexShrink: 0 }}>
          <Panel title={p.warnings}>
            {warnings.isPending ? <Loader size="sm" /> : (
              <LinkList empty={p.warningsNone} items={(warnings.data ?? []).map((t) => ({
                key: t.id,
                href: href('/property/committees', { estate: t.estateId }),
                label: p.warningItem(t.estateName, t.termNo),
                detail: `${termStates[t.state]} · ${p.endsOn(t.endsOn)}`,
              }))} />
            )}
          </Panel>
        </Stack>
      </Group>
      {estateId && termParam && detail.data && (
        <TermDrawer estate={detail.data.estate} termId={termParam === 'new' ? null : termParam}
          nextTermNo={Math.max(0, ...terms.map((t) => t.termNo)) + 1} onClose={() => setParams(route, { term: null })} />
      )}
    </Stack>
  );
}
