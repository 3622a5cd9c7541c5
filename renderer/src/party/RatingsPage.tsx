import { Badge, Button, Group, Paper, Rating, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { todayIso } from '../../../main/api/common/calendar';
import { useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { pm } from '../i18n/party-meetings';
import { RatingDrawer } from './meetings/RatingDrawer';
import { useUnits } from '../components/UnitSelect';

const r = pm.ratings;

/** 五星支部: each branch's stars for a year (last year by default: ratings are made after the year ends). */
export function RatingsPage() {
  const route = useRoute();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(route.params.get('year')) || thisYear - 1;
  const { rows: orgs, byId, labelOf } = useUnits(['branch']);
  const ratings = useApiQuery('party.listRatings', { year });
  const branches = orgs.filter((o) => o.level === 'branch');
  const byOrg = new Map((ratings.data ?? []).map((x) => [x.orgId, x]));
  // Rated branches first, most stars first; then the ones still to rate.
  const sorted = [...branches].sort((a, b) => (byOrg.get(b.id)?.stars ?? 0) - (byOrg.get(a.id)?.stars ?? 0));
  const rating = route.params.get('rate');
  const ratingOrg = rating ? byId.get(rating) : undefined;
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i));
  const counts = [5, 4, 3, 2, 1].map((s) => ({ s, n: (ratings.data ?? []).filter((x) => x.stars === s).length })).filter((x) => x.n);

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={3}>{r.title}</Title>
        <Select aria-label={r.year} data={years.map((y) => ({ value: y, label: r.yearLabel(Number(y)) }))} value={String(year)} w={120}
          onChange={(y) => setParams(route, { year: y })} />
      </Group>
      {branches.length > 0 && (
        <Group gap="sm">
          <Text fw={600} data-testid="ratings-summary">{r.rated(byOrg.size, branches.length)}</Text>
          {counts.map((x) => <Badge key={x.s} variant="light" color="yellow" radius="sm">{r.distribution(x.s, x.n)}</Badge>)}
        </Group>
      )}
      {branches.length === 0 ? (
        <EmptyState title={r.empty} hint={r.emptyHint} />
      ) : (
        <Paper withBorder style={{ flex: 1, minHeight: 0 }}>
          <ScrollArea h="100%">
            <Table stickyHeader striped highlightOnHover verticalSpacing={6} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={240}>{r.branch}</Table.Th>
                  <Table.Th w={130}>{r.stars}</Table.Th>
                  <Table.Th>{r.reasons}</Table.Th>
                  <Table.Th w={110}>{r.ratedOn}</Table.Th>
                  <Table.Th w={110} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((b) => {
                  const x = byOrg.get(b.id);
                  const parent = b.parentId ? byId.get(b.parentId) : undefined;
                  return (
                    <Table.Tr key={b.id} data-testid={`rating-${b.name}`}>
                      <Table.Td>
                        <Text size="sm" fw={600}>{b.name}</Text>
                        {parent && <Text size="xs" c="dimmed">{parent.name}</Text>}
                      </Table.Td>
                      <Table.Td>
                        {x ? <Rating value={x.stars} readOnly size="sm" role="img" aria-label={r.starsOf(x.stars)} /> : <Text size="sm" c="dimmed">{r.notRated}</Text>}
                      </Table.Td>
                      <Table.Td><Text size="sm" lineClamp={2} title={x?.reasons}>{x?.reasons}</Text></Table.Td>
                      <Table.Td>{x?.ratedOn}</Table.Td>
                      <Table.Td ta="right">
                        <Button size="xs" variant={x ? 'default' : 'filled'} onClick={() => setParams(route, { rate: b.id })}>
                          {x ? r.rerate : r.rate}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
      {ratingOrg && ratings.data && (
        <RatingDrawer key={`${ratingOrg.id}-${year}`} orgId={ratingOrg.id} orgName={labelOf(ratingOrg.id)} year={year}
          current={byOrg.get(ratingOrg.id)} onClose={() => setParams(route, { rate: null })} />
      )}
    </Stack>
  );
}
