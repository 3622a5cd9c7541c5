import { Box, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../api/queries';
import { setParams, useRoute } from '../app/router';
import { EmptyState } from '../components/EmptyState';
import { FilterSearch } from '../components/FilterSearch';
import { va } from '../i18n/volunteer-activities';
import { vol } from '../i18n/volunteer';
import { zh } from '../i18n/zh-CN';
import { UnitSelect } from '../components/UnitSelect';
import { AssignmentTable } from './posts/AssignmentTable';
import { PostList } from './posts/PostList';

const a = va.assign;

/** 服务岗位: the posts on the left, 一人一岗 on the right — members of a unit with their post, and who has none. */
export function PostsPage() {
  const route = useRoute();
  const set = (changes: Record<string, string | null>) => setParams(route, changes);
  const orgId = route.params.get('org');
  const unassignedOnly = route.params.get('unassigned') === '1';
  const [total, setTotal] = useState<number | null>(null);
  const posts = useApiQuery('volunteer.listPosts', {});
  const unassigned = useApiQuery('volunteer.listAssignments', { orgId, unassignedOnly: true, limit: 1 });
  const input = { orgId, unassignedOnly, q: route.params.get('q') ?? '' };

  return (
    <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
      <Paper withBorder w={300} p={6} style={{ display: 'flex', flexDirection: 'column', flexShrink: 0 }} component="section" aria-label={va.posts.title}>
        <PostList posts={posts.data ?? []} />
      </Paper>
      <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
        <Group gap="sm" align="baseline">
          <Title order={3}>{a.title}</Title>
          {total !== null && <Text size="sm" c="dimmed">{zh.common.people(total)}</Text>}
          <Text size="sm" c="dimmed">{a.intro}</Text>
        </Group>
        <Group gap="xs">
          <FilterSearch label={a.search} value={route.params.get('q') ?? ''} onChange={(v) => set({ q: v })} w={180} />
          <UnitSelect value={orgId} onChange={(v) => set({ org: v })} levels={['community_committee', 'branch', 'group']} placeholder={vol.common.unitScope} clearable w={260} />
          <Chip checked={unassignedOnly} onChange={(on) => set({ unassigned: on ? '1' : null })} variant="outline" color="orange">
            {a.unassignedOnly(unassigned.data?.total ?? null)}
          </Chip>
        </Group>
        <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <Box style={{ flex: 1, minHeight: 0 }}>
            <AssignmentTable
              input={input}
              posts={posts.data ?? []}
              onTotal={setTotal}
              empty={<EmptyState title={unassignedOnly ? a.allAssigned : a.empty} />}
            />
          </Box>
        </Paper>
      </Stack>
    </Group>
  );
}
