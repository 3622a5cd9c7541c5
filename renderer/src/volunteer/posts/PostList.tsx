import { ActionIcon, Badge, Button, Group, NumberInput, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { PostInput, PostUpdate } from '../../../../main/api/volunteer/schemas';
import { useApiMutation } from '../../api/queries';
import { TextAreaField, TextField } from '../../components/fields';
import { va } from '../../i18n/volunteer-activities';
import { zh } from '../../i18n/zh-CN';
import { UnitSelect } from '../../components/UnitSelect';
import { ActionModal } from '../../components/ActionModal';
import type { PostRow } from '../types';

const t = va.posts;

function PostItem({ post, onEdit }: { post: PostRow; onEdit: () => void }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap={4} px={6} py={3} className="vt-row">
      <Text size="sm" truncate title={post.description ?? undefined}>{post.name}</Text>
      <Group gap={4} wrap="nowrap">
        <Badge variant="light" color="gray" radius="sm">{t.holders(post.holders)}</Badge>
        <ActionIcon variant="subtle" size="sm" aria-label={t.editTitle(post.name)} onClick={onEdit}><IconPencil size={14} /></ActionIcon>
      </Group>
    </Group>
  );
}

/** The "8" for the whole street and each branch's "x": renamed, added and ordered here. */
export function PostList({ posts }: { posts: PostRow[] }) {
  const [editing, setEditing] = useState<PostRow | 'new' | null>(null);
  const create = useApiMutation('volunteer.createPost', { quiet: true });
  const update = useApiMutation('volunteer.updatePost', { quiet: true });
  const standard = posts.filter((p) => p.kind === 'standard');
  const custom = posts.filter((p) => p.kind === 'custom');
  const post = editing === 'new' ? null : editing;

  return (
    <Stack gap={6} style={{ minHeight: 0, flex: 1 }}>
      <Group justify="space-between" px={6}>
        <Title order={4} fz="md">{t.title}</Title>
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>{t.add}</Button>
      </Group>
      <ScrollArea style={{ flex: 1 }}>
        <Text size="xs" c="dimmed" px={6} mt={4}>{t.standard}</Text>
        {standard.map((p) => <PostItem key={p.id} post={p} onEdit={() => setEditing(p)} />)}
        <Text size="xs" c="dimmed" px={6} mt="sm">{t.custom}</Text>
        {custom.length === 0 && <Text size="sm" c="dimmed" px={6}>{t.noCustom}</Text>}
        {custom.map((p) => (
          <div key={p.id}>
            <PostItem post={p} onEdit={() => setEditing(p)} />
            <Text size="xs" c="dimmed" px={6} mt={-4} truncate>{p.orgName}</Text>
          </div>
        ))}
      </ScrollArea>
      {editing && (
        <ActionModal
          title={post ? t.editTitle(post.name) : t.addTitle}
          intro={post ? (post.kind === 'standard' ? '' : post.orgName ?? '') : t.intro}
          schema={post ? PostUpdate : PostInput}
          initial={post ? { id: post.id, name: post.name, description: post.description ?? '', seq: post.seq } : { orgId: null, name: '', description: '', seq: 100 }}
          fields={(form) => (
            <>
              {!post && (
                <UnitSelect
                  label={t.unit}
                  placeholder={t.unitPlaceholder}
                  levels={['community_committee', 'branch']}
                  clearable
                  value={(form.values.orgId as string | null) ?? null}
                  onChange={(v) => form.set('orgId', v)}
                  error={form.errors.orgId}
                />
              )}
              <TextField form={form} name="name" label={t.name} required autoFocus />
              <TextAreaField form={form} name="description" label={t.description} minRows={2} />
              <NumberInput label={t.seq} value={Number(form.values.seq ?? 100)} onChange={(v) => form.set('seq', typeof v === 'number' ? v : 100)} min={0} max={999} w={120} />
            </>
          )}
          confirmLabel={post ? zh.common.save : t.add}
          onSubmit={(parsed) => (post ? update.mutateAsync(parsed as never) : create.mutateAsync(parsed as never))}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
