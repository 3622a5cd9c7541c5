import { Center, Loader, Text } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { compareZh } from '../../../main/api/common/collate';
import { reg } from '../i18n/party-register';
import { SelectTree, type SelectTreeNode } from './register/SelectTree';
import { useOrg } from '../components/UnitSelect';
import { useOrgLevels, type OrgNode } from './useOrgTree';

/** The stand-in child of a unit whose level is not loaded yet: it gives the unit its chevron. */
const PENDING = ':pending';
const OPEN_ALL_UP_TO = 30;
const byName = (a: OrgNode, b: OrgNode) => compareZh(a.name, b.name);

/**
 * The organisation tree, each unit with the members of its whole subtree — the number a secretary quotes. Loaded a
 * level at a time (`party.orgChildren`): the roots, each unit the tree opens, and the selection's path
 * (`party.orgPath`), so a district clerk never downloads the whole tree. The selection is the caller's (kept in the
 * URL), so both pages and the global search agree on it.
 */
export function OrgTree(props: { selectedId: string | null; onSelect: (id: string) => void }) {
  const { path } = useOrg(props.selectedId);
  const [open, setOpen] = useState<string[]>([]);
  const onExpandedChange = useCallback((expanded: Record<string, boolean>) => {
    const ids = Object.keys(expanded).filter((id) => expanded[id] && !id.endsWith(PENDING)).sort();
    setOpen((prev) => (prev.join() === ids.join() ? prev : ids));
  }, []);
  const wanted = useMemo(() => [null, ...new Set([...path.map((o) => o.id), ...open])], [path, open]);
  const { levels, isPending } = useOrgLevels(wanted);

  const nodes = useMemo(() => {
    const build = (rows: OrgNode[]): SelectTreeNode[] =>
      [...rows].sort(byName).map((r) => {
        const below = levels.get(r.id);
        return {
          id: r.id,
          label: r.name,
          aside: (
            <Text size="xs" c="dimmed" className="num" aria-label={reg.tree.membersAria(r.subtreeMembers)}>
              {r.subtreeMembers.toLocaleString('zh-CN')}
            </Text>
          ),
          children: below ? build(below) : r.childCount > 0 ? [{ id: r.id + PENDING, label: reg.tree.loading, children: [] }] : [],
        };
      });
    return build(levels.get(null) ?? []);
  }, [levels]);

  // A street's tree opens two levels, as it always did; a district's root holds 100 communities, and opening them
  // all would ask 100 levels on the first look: there the communities stay folded until opened.
  const rootChildren = levels.get(nodes[0]?.id ?? null)?.length ?? 0;
  const openDepth = rootChildren > OPEN_ALL_UP_TO ? 1 : 2;

  if (isPending) return <Center py="md"><Loader size="sm" /></Center>;
  if (nodes.length === 0) return <Text size="sm" c="dimmed" p="sm">{reg.tree.empty}</Text>;
  return (
    <SelectTree
      nodes={nodes}
      selectedId={props.selectedId}
      onSelect={(id) => !id.endsWith(PENDING) && props.onSelect(id)}
      onExpandedChange={onExpandedChange}
      openDepth={openDepth}
      label={reg.tree.label}
    />
  );
}
