import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { LatestList, ListEntryBrief } from '../../../../main/api/property/figures-contract';
import { periodText } from '../../../../main/api/property/scoring';
import { href } from '../../app/router';
import { Panel } from '../../components/DashboardCards';
import { pa } from '../../i18n/property-assessments';
import { pf } from '../../i18n/property-figures';
import { StandingBadge } from '../assessments/StandingBadge';

const t = pf.dashboard;
const SHOWN = 5;

/** The latest published red and black list on the overview: the frozen snapshot's red and black entries. */
export function LatestListPanel({ list }: { list: LatestList | null }) {
  if (!list) {
    return (
      <Panel title={t.redBlack}>
        <Text size="sm" c="dimmed">{t.redBlackSlot}</Text>
      </Panel>
    );
  }
  const title = `${t.redBlack} · ${periodText(list.period)}${list.revision > 1 ? t.revision(list.revision) : ''}`;
  return (
    <Panel title={title} action={<Anchor href={href('/property/lists', { period: list.period })} size="sm" c="dark.6" underline="always">{t.toList}</Anchor>}>
      <Stack gap={6}>
        <Side standing="red" entries={list.red} />
        <Side standing="black" entries={list.black} />
      </Stack>
    </Panel>
  );
}

function Side({ standing, entries }: { standing: 'red' | 'black'; entries: ListEntryBrief[] }) {
  return (
    <Stack gap={2}>
      <Group gap={6}>
        <StandingBadge standing={standing} />
        <Text size="xs" c="dimmed">{t.listCount(entries.length)}</Text>
      </Group>
      {entries.length === 0 && <Text size="sm" c="dimmed">{t.listNone}</Text>}
      {entries.slice(0, SHOWN).map((e) => (
        <Group key={e.assessmentId} justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" truncate title={`${e.estateName} · ${e.companyName}`}>{`${e.rank}. ${e.estateName} · ${e.companyName}`}</Text>
          <Text size="sm" className="num" style={{ whiteSpace: 'nowrap' }}>{e.vetoed ? pa.list.vetoed : pa.points(e.scoreTenths)}</Text>
        </Group>
      ))}
      {entries.length > SHOWN && <Text size="xs" c="dimmed">{t.listMore(entries.length - SHOWN)}</Text>}
    </Stack>
  );
}
