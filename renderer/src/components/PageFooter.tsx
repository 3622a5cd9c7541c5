import { Group, Pagination, Text } from '@mantine/core';
import { setParams, type Route } from '../app/router';
import { zh } from '../i18n/zh-CN';

/**
 * Which rows of how many a paged list shows, and the pages to go to: the page is the route's `page` parameter, so
 * a page survives a reload and the back button. Nothing when everything fits on one page.
 */
export function PageFooter({ route, page, size, total }: { route: Route; page: number; size: number; total: number }) {
  if (total <= size) return null;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">{zh.common.pageOf((page - 1) * size + 1, Math.min(page * size, total), total)}</Text>
      <Pagination size="sm" total={Math.ceil(total / size)} value={page} onChange={(p) => setParams(route, { page: p === 1 ? null : String(p) })} />
    </Group>
  );
}

/** The route's page, 1 when it names none. */
export const routePage = (route: Route): number => Math.max(1, Number(route.params.get('page')) || 1);
