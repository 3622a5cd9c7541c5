import { Badge, Button, Group, Paper, Rating, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { todayIso } from '../../../main/api/common/calendar';
import { useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { PageFooter, routePage } from '../components/PageFooter';
import { UnitSelect } from '../components/UnitSelect';
import { pm } from '../i18n/party-meetings';
import { RatingDrawer } from './meetings/RatingDrawer';

const r = pm.ratings;
/** Branches a page: a district has hundreds; SQL pages them (party.listBranchRatings). */
const PAGE = 50;

/**
 * 五星支部: each branch's stars for a year (last year by default: ratings are made after the year ends), the rated
 * first and most stars first, a page at a time, optionally of one unit's subtree.
 */
export function RatingsPage() {
  const route = useRoute();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(route.params.get('year')) || thisYear - 1;
  const orgId = route.params.get('org');
  const page = routePage(route);
  const list = useApiQuery('party.listBranchRatings', { year, orgId, offset: (page - 1) * PAGE, limit: PAGE });
  // Any other filter starts again at the first page.
  const refilter = (params: Record<string, string | null>) => setParams(route, { ...params, page: null });
  const rating = route.params.get('rate');
  const years = Array.from({ length: 8 }, (_, i) => String(thisYear - i));
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const counts = (list.data?.byStars ?? []).map((n, i) => ({ s: i + 1, n })).filter((x) => x.n).reverse();

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between" wrap="nowrap">
        <Title order={3}>{r.title}</Title>
        <Group gap="sm" wrap="nowrap">
          <Select aria-label={r.year} data={years.map((y) => ({ value: y, label: r.yearLabel(Number(y)) }))} value={String(year)} w={120}
            onChange={(y) => refilter({ year: y })} />
          <UnitSelect levels={['community_committee', 'branch']} value={orgId} onChange={(org) => refilter({ org })}
            placeholder={pm.unit.scopePlaceholder} clearable w={260} />
        </Group>
      </Group>
      {total > 0 && list.data && (
        <Group gap="sm">
          <Text fw={600} data-testid="ratings-summary">{r.rated(list.data.rated, total)}</Text>
          {counts.map((x) => <Badge key={x.s} variant="light" color="yellow" radius="sm">{r.distribution(x.s, x.n)}</Badge>)}
        </Group>
      )}
      {list.isError && <Text c="red">{list.error.message}</Text>}
      {list.data && total === 0 ? (
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
                {rows.map((b) => (
                  <Table.Tr key={b.orgId} data-testid={`rating-${b.name}`}>
                    <Table.Td>
                      <Text size="sm" fw={600}>{b.name}</Text>
                      {b.parentName && <Text size="xs" c="dimmed">{b.parentName}</Text>}
                    </Table.Td>
                    <Table.Td>
                      {b.stars ? <Rating value={b.stars} readOnly size="sm" role="img" aria-label={r.starsOf(b.stars)} /> : <Text size="sm" c="dimmed">{r.notRated}</Text>}
                    </Table.Td>
                    <Table.Td><Text size="sm" lineClamp={2} title={b.reasons ?? undefined}>{b.reasons}</Text></Table.Td>
                    <Table.Td>{b.ratedOn}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="xs" variant={b.stars ? 'default' : 'filled'} onClick={() => setParams(route, { rate: b.orgId })}>
                        {b.stars ? r.rerate : r.rate}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
      <PageFooter route={route} page={page} size={PAGE} total={total} />
      {rating && <RatingDrawer key={`${rating}-${year}`} orgId={rating} year={year} onClose={() => setParams(route, { rate: null })} />}
    </Stack>
  );
}
