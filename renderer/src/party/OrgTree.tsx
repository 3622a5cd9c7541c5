import { Center, Loader, Text } from '@mantine/core';
import { useMemo } from 'react';
import { reg } from '../i18n/party-register';
import { SelectTree, type SelectTreeNode } from './register/SelectTree';
import type { OrgIndex } from './useOrgIndex';
import type { OrgRow } from './types';

/**
 * The organisation tree, each unit with the members of its whole subtree — the number a secretary quotes.
 * The selection is the caller's (kept in the URL), so both pages and the global search agree on it.
 */
export function OrgTree(props: {
  index: OrgIndex;
  loading?: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { index } = props;
  const nodes = useMemo(() => {
    const build = (rows: OrgRow[]): SelectTreeNode[] =>
      rows.map((r) => ({
        id: r.id,
        label: r.name,
        aside: (
          <Text size="xs" c="dimmed" className="num" aria-label={reg.tree.membersAria(index.subtreeMembers(r.id))}>
            {index.subtreeMembers(r.id).toLocaleString('zh-CN')}
          </Text>
        ),
        children: build(index.childrenOf(r.id)),
      }));
    return build(index.roots);
  }, [index]);

  if (props.loading) return <Center py="md"><Loader size="sm" /></Center>;
  if (nodes.length === 0) return <Text size="sm" c="dimmed" p="sm">{reg.tree.empty}</Text>;
  return <SelectTree nodes={nodes} selectedId={props.selectedId} onSelect={props.onSelect} label={reg.tree.label} />;
}
