import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { committeeRoles } from '../../../../main/api/property/labels';
import { useApiQuery } from '../../api/queries';
import { pc } from '../../i18n/property-committees';
import type { TermView } from '../types';
import { TermBadges } from './TermBadges';

const t = pc.term;

/** One term of an estate's owners' committee: dates, warnings as badges, and the roster. */
export function TermCard({ term, onEdit }: { term: TermView; onEdit: () => void }) {
  const detail = useApiQuery('property.getTerm', { id: term.id });
  const members = detail.data?.members ?? [];
  const warn = term.state === 'reelection_due' || term.state === 'overdue';
  return (
    <Paper withBorder p="sm" component="section" aria-label={t.title(term.termNo)} data-testid={`term-${term.termNo}`}>
      <Group justify="space-between" wrap="nowrap" mb={6}>
        <Group gap="sm" align="baseline">
          <Text fw={700}>{t.title(term.termNo)}</Text>
          <Text size="sm" c="dimmed" className="num">{t.period(term.startsOn, term.endsOn)}</Text>
          <Text size="sm" c="dimmed" className="num">{t.electedOn(term.electedOn)}</Text>
        </Group>
        <Button size="compact-sm" variant="default" onClick={onEdit}>{t.edit}</Button>
      </Group>
      <Stack gap={6}>
        <TermBadges term={term} />
        {warn && <Text size="sm" c={term.state === 'overdue' ? 'red.8' : 'orange.9'}>{t.reelectionFrom(term.reelectionStartsOn)}</Text>}
        {members.length === 0 ? <Text size="sm" c="dimmed">{t.noMembers}</Text> : (
          <Group gap={6}>
            {members.map((m, i) => (
              <Badge key={m.memberId ?? `${m.name}-${i}`} variant={m.isPartyMember ? 'filled' : 'default'} color={m.isPartyMember ? 'partyRed' : undefined}
                radius="sm" size="lg" fw={500} tt="none">
                {`${m.name} · ${committeeRoles[m.role]}${m.onResidentsCommittee ? ` · ${t.cross}` : ''}`}
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
