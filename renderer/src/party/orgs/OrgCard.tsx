import { Anchor, Badge, Button, Divider, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconArrowsMove, IconBan, IconPencil, IconPlus, IconUsers } from '@tabler/icons-react';
import { childLevel, orgLevels } from '../../../../main/api/party/labels';
import { href } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { fmtTimestamp } from '../../components/format';
import { reg } from '../../i18n/party-register';
import { zh } from '../../i18n/zh-CN';
import { Facts } from '../../components/Facts';
import { compareZh } from '../../../../main/api/common/collate';
import { useApiQuery } from '../../api/queries';
import type { OrgNode } from '../useOrgTree';

export type OrgAction = 'add' | 'edit' | 'move' | 'dissolve';

/** The selected unit: who leads it, how many members it holds, what sits below it, and what can be done to it. */
export function OrgCard({ org, onSelect, onAction }: {
  org: OrgNode;
  onSelect: (id: string) => void;
  onAction: (action: OrgAction) => void;
}) {
  const level = useApiQuery('party.orgChildren', { parentId: org.id });
  const children = [...(level.data ?? [])].sort((a, b) => compareZh(a.name, b.name));
  const below = childLevel[org.level];
  const isRoot = !org.parentId;
  const total = org.subtreeMembers;

  return (
    <Paper withBorder p="md" h="100%" style={{ overflow: 'auto' }} component="section" aria-label={org.name}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Badge variant="light" radius="sm">{orgLevels[org.level]}</Badge>
              {org.kind !== orgLevels[org.level] && <Badge variant="outline" color="gray" radius="sm">{org.kind}</Badge>}
            </Group>
            <Title order={3}>{org.name}</Title>
          </Stack>
          <Group gap="xs" wrap="nowrap">
            {below && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => onAction('add')}>{reg.orgs.addChild}</Button>
            )}
            <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => onAction('edit')}>{zh.common.edit}</Button>
            {!isRoot && (
              <>
                <Button variant="default" leftSection={<IconArrowsMove size={16} />} onClick={() => onAction('move')}>{reg.orgs.move}</Button>
                <Button variant="default" color="red" leftSection={<IconBan size={16} />} onClick={() => onAction('dissolve')}>{reg.orgs.dissolve}</Button>
              </>
            )}
          </Group>
        </Group>

        <Facts
          items={[
            [reg.orgs.secretary, org.secretaryName],
            [
              reg.orgs.members,
              <Group gap="sm" key="m">
                <Text size="sm" span>{reg.orgs.membersValue(org.memberCount, total)}</Text>
                {total > 0 && (
                  <Anchor size="sm" href={href('/party/members', { org: org.id })}>
                    <Group gap={2} component="span"><IconUsers size={14} />{reg.orgs.openMembers}</Group>
                  </Anchor>
                )}
              </Group>,
            ],
            [reg.orgs.place, org.placeName],
            [reg.orgs.establishedOn, org.establishedOn],
            [reg.orgs.updated, reg.orgs.updatedValue(fmtTimestamp(org.updatedAt), org.operator)],
          ]}
        />
        {isRoot && <Text size="xs" c="dimmed">{reg.orgs.rootHint}</Text>}

        <Divider />
        <Stack gap="xs">
          <Text fw={600}>{reg.orgs.children(org.childCount)}</Text>
          {!below && <Text size="sm" c="dimmed">{reg.orgs.lowest}</Text>}
          {below && org.childCount === 0 && (
            <EmptyState
              title={reg.orgs.noChildren(orgLevels[below])}
              actions={<Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => onAction('add')}>{reg.orgs.addChild}</Button>}
            />
          )}
          {children.map((c) => (
            <UnstyledButton key={c.id} onClick={() => onSelect(c.id)} className="vt-row" px="xs" py={6} style={{ borderRadius: 4 }}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate>{c.name}</Text>
                  <Text size="xs" c="dimmed" truncate>{[c.kind, c.placeName].filter(Boolean).join(' · ')}</Text>
                </Group>
                <Text size="sm" c="dimmed" className="num" style={{ flexShrink: 0 }}>
                  {reg.orgs.childSummary(c.secretaryName, c.subtreeMembers)}
                </Text>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
