import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, type ReactNode } from 'react';
import { todayIso } from '../../../../main/api/common/calendar';
import { memberRoles } from '../../../../main/api/party/labels';
import { useApiMutation } from '../../api/queries';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { va } from '../../i18n/volunteer-activities';
import type { AssignmentRow, PostRow } from '../types';

const a = va.assign;

/** Posts a member may hold: the street's standard ones, and the custom posts of their own units (both rows carry the paths). */
function postsFor(row: AssignmentRow, posts: PostRow[]) {
  return posts.filter((p) => !p.orgPath || row.orgPath.startsWith(p.orgPath)).map((p) => ({ value: p.id, label: p.name }));
}

function PostCell({ row, posts }: { row: AssignmentRow; posts: PostRow[] }) {
  const assign = useApiMutation('volunteer.assignPosts');
  const data = useMemo(() => postsFor(row, posts), [row, posts]);
  return (
    <Select
      size="xs"
      aria-label={`${row.name} ${a.columns.post}`}
      placeholder={a.postPlaceholder}
      data={data}
      value={row.postId}
      clearable
      comboboxProps={{ withinPortal: true }}
      onChange={(postId) =>
        assign.mutate(
          { assignments: [{ person: row.volunteerId ? { volunteerId: row.volunteerId } : { memberId: row.memberId }, postId }], on: todayIso() },
          { onSuccess: () => notifications.show({ color: 'green', message: postId ? a.saved(row.name, data.find((d) => d.value === postId)?.label ?? '') : a.cleared(row.name) }) },
        )
      }
    />
  );
}

/** Active members of the chosen units with the post each holds; choosing in the list saves (一人一岗). */
export function AssignmentTable(props: {
  input: { orgId: string | null; unassignedOnly: boolean; q: string };
  posts: PostRow[];
  onTotal: (n: number) => void;
  empty: ReactNode;
}) {
  const columns: Column<AssignmentRow>[] = [
    { key: 'name', title: a.columns.name, width: 'minmax(90px, 1fr)', render: (r) => r.name },
    { key: 'role', title: a.columns.role, width: 80, render: (r) => <Text size="sm" c="dimmed" span>{r.role ? memberRoles[r.role as keyof typeof memberRoles] : ''}</Text> },
    { key: 'org', title: a.columns.org, width: 'minmax(140px, 1.4fr)', render: (r) => r.orgName },
    { key: 'post', title: a.columns.post, width: 200, render: (r) => <PostCell row={r} posts={props.posts} /> },
  ];
  return (
    <VirtualTable
      channel="volunteer.listAssignments"
      input={props.input}
      columns={columns}
      rowKey={(r) => r.memberId}
      onTotal={props.onTotal}
      empty={props.empty}
    />
  );
}
