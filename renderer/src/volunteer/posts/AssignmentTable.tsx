import { Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, type ReactNode } from 'react';
import { todayIso } from '../../../../main/api/common/calendar';
import { memberRoles } from '../../../../main/api/party/labels';
import { useApiMutation } from '../../api/queries';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { va } from '../../i18n/volunteer-activities';
import type { OrgRow } from '../../components/UnitSelect';
import type { AssignmentRow, PostRow } from '../types';

const a = va.assign;

/** Posts a member may hold: the street's standard ones, and the custom posts of their own units. */
function postsFor(row: AssignmentRow, posts: PostRow[], orgs: Map<string, OrgRow>) {
  const path = orgs.get(row.orgId)?.path ?? '';
  return posts
    .filter((p) => !p.orgId || path.startsWith(orgs.get(p.orgId)?.path ?? '\u0000'))
    .map((p) => ({ value: p.id, label: p.name }));
}

function PostCell({ row, posts, orgs }: { row: AssignmentRow; posts: PostRow[]; orgs: Map<string, OrgRow> }) {
  const assign = useApiMutation('volunteer.assignPosts');
  const data = useMemo(() => postsFor(row, posts, orgs), [row, posts, orgs]);
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
  orgs: Map<string, OrgRow>;
  onTotal: (n: number) => void;
  empty: ReactNode;
}) {
  const columns: Column<AssignmentRow>[] = [
    { key: 'name', title: a.columns.name, width: 'minmax(90px, 1fr)', render: (r) => r.name },
    { key: 'role', title: a.columns.role, width: 80, render: (r) => <Text size="sm" c="dimmed" span>{r.role ? memberRoles[r.role as keyof typeof memberRoles] : ''}</Text> },
    { key: 'org', title: a.columns.org, width: 'minmax(140px, 1.4fr)', render: (r) => r.orgName },
    { key: 'post', title: a.columns.post, width: 200, render: (r) => <PostCell row={r} posts={props.posts} orgs={props.orgs} /> },
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
