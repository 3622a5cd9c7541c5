import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { sides } from '../../../../main/api/fund/labels';
import { useApiQuery } from '../../api/queries';
import { fmtMoney } from '../../components/format';
import { fund } from '../../i18n/fund';
import { useCategories } from '../common/useCategories';
import type { Entry } from '../types';

const t = fund.drafts;

/** Which sides have signed the draft as it stands. */
function SideBadges({ entryId }: { entryId: string }) {
  const detail = useApiQuery('fund.getEntry', { id: entryId });
  const signed = new Set((detail.data?.signoffs ?? []).filter((s) => s.valid).map((s) => s.side));
  return (
    <Group gap={4} wrap="nowrap">
      {(Object.keys(sides) as (keyof typeof sides)[]).map((side) => (
        <Badge key={side} size="sm" variant={signed.has(side) ? 'light' : 'outline'} color={signed.has(side) ? 'green' : 'gray'}>
          {`${t.sideShort[side]} ${signed.has(side) ? t.signedBadge : t.waiting}`}
        </Badge>
      ))}
    </Group>
  );
}

/** Expense drafts waiting for sign-off: each reserves its amount until it is posted or voided. */
export function DraftList({ drafts, onOpen }: { drafts: Entry[]; onOpen: (id: string) => void }) {
  const categories = useCategories();
  if (drafts.length === 0) return null;
  return (
    <Paper withBorder p="xs" component="section" aria-label={t.title(drafts.length)}>
      <Title order={5} mb={4}>{t.title(drafts.length)}</Title>
      <Stack gap={4}>
        {drafts.map((e) => (
          <Group key={e.id} justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
              <Text size="sm" className="num" w={88}>{e.onDate}</Text>
              <Text size="sm" w={64}>{categories.label('expense', e.category)}</Text>
              <Text size="sm" className="num" fw={600} w={110}>{fmtMoney(e.amount)}</Text>
              <Text size="sm" truncate>{e.counterparty ? `${e.purpose} · ${e.counterparty}` : e.purpose}</Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <SideBadges entryId={e.id} />
              <Button size="compact-xs" variant="light" onClick={() => onOpen(e.id)} aria-label={`${t.open} ${e.purpose}`}>{t.open}</Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
