import { Box, Group, Text, Tree, useTree, type TreeNodeData } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { TWO_LINES_LINE_HEIGHT, twoLines } from '../../components/twoLines';

export interface SelectTreeNode {
  id: string;
  label: string;
  /** Shown right-aligned after the label (a count, a badge). */
  aside?: ReactNode;
  children: SelectTreeNode[];
}

function toData(nodes: SelectTreeNode[]): TreeNodeData[] {
  return nodes.map((n) => ({ value: n.id, label: n.label, nodeProps: { aside: n.aside }, children: toData(n.children) }));
}

/** Top levels open, and the selected node with its ancestors, so the selection and what was just added under it show. */
function defaultExpanded(nodes: SelectTreeNode[], selectedId: string | null, openDepth: number) {
  const out: Record<string, boolean> = {};
  const walk = (list: SelectTreeNode[], depth: number): boolean => {
    let containsSelected = false;
    for (const n of list) {
      const below = walk(n.children, depth + 1);
      const isSelected = n.id === selectedId;
      out[n.id] = depth < openDepth || below || isSelected;
      if (below || isSelected) containsSelected = true;
    }
    return containsSelected;
  };
  walk(nodes, 0);
  return out;
}

/**
 * A tree whose selection belongs to the caller (it lives in the URL). Click or Enter selects; the arrow keys
 * move (←/→ fold and unfold), Space folds. The chevron folds without selecting.
 */
export function SelectTree(props: {
  nodes: SelectTreeNode[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  label: string;
  openDepth?: number;
  /** Told which nodes are open, so a tree loaded a level at a time can fetch what an opened node holds. */
  onExpandedChange?: (expanded: Record<string, boolean>) => void;
}) {
  const { nodes, selectedId, onSelect, openDepth = 2, onExpandedChange } = props;
  const data = useMemo(() => toData(nodes), [nodes]);
  const [overrides, setOverrides] = useState<Record<string, boolean>>({});
  const expandedState = useMemo(
    () => ({ ...defaultExpanded(nodes, selectedId, openDepth), ...overrides }),
    [nodes, selectedId, openDepth, overrides],
  );
  const selectedState = useMemo(() => (selectedId ? [selectedId] : []), [selectedId]);
  const tree = useTree({ expandedState, onExpandedStateChange: setOverrides, selectedState });
  useEffect(() => onExpandedChange?.(expandedState), [expandedState, onExpandedChange]);

  // A selection made elsewhere (the URL, a link in the detail card) unfolds its ancestors; so does a change of
  // the data (a unit just added under the selection). Adjusted while rendering, as React advises for derived state.
  const [seen, setSeen] = useState({ selectedId, nodes });
  if (seen.selectedId !== selectedId || seen.nodes !== nodes) {
    setSeen({ selectedId, nodes });
    const opened = defaultExpanded(nodes, selectedId, 0);
    const reopen = Object.keys(opened).filter((id) => opened[id] && overrides[id] === false);
    if (reopen.length) setOverrides({ ...overrides, ...Object.fromEntries(reopen.map((id) => [id, true])) });
  }

  // The selection scrolls into view once it is drawn: on a first open from a link (?org=), only after the levels
  // along its path have come in, so the data's arrival is watched too — and once per selection, so a level opened
  // later by hand does not pull the view back to it.
  const rootRef = useRef<HTMLUListElement>(null);
  const scrolledTo = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId || scrolledTo.current === selectedId) return;
    const item = rootRef.current?.querySelector(`[data-value="${CSS.escape(selectedId)}"]`);
    if (!item) return;
    item.scrollIntoView?.({ block: 'nearest' });
    scrolledTo.current = selectedId;
  }, [selectedId, data]);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const item = (e.target as HTMLElement).closest<HTMLElement>('[role=treeitem]');
    if (e.key === 'Enter' && item?.dataset.value) {
      e.preventDefault();
      onSelect(item.dataset.value);
    }
  };

  return (
    <Tree
      ref={rootRef}
      data={data}
      tree={tree}
      expandOnClick={false}
      allowRangeSelection={false}
      levelOffset={18}
      aria-label={props.label}
      onKeyDown={onKeyDown}
      renderNode={({ node, expanded, hasChildren, elementProps, selected }) => (
        <Group
          {...elementProps}
          gap={2}
          wrap="nowrap"
          align="flex-start"
          py={5}
          pr={6}
          onClick={(e) => {
            elementProps.onClick(e);
            onSelect(node.value);
          }}
          style={{
            ...elementProps.style,
            borderRadius: 4,
            background: selected ? 'var(--mantine-primary-color-light)' : undefined,
          }}
        >
          <Box
            w={20}
            h={TWO_LINES_LINE_HEIGHT}
            style={{ display: 'flex', alignItems: 'center', justifyContent: 'center', flexShrink: 0 }}
            onClick={(e) => {
              e.stopPropagation();
              if (hasChildren) tree.toggleExpanded(node.value);
            }}
          >
            {hasChildren && (expanded ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />)}
          </Box>
          {/* A long unit (润泽小区4号楼党小组) wraps to a second line; the chevron and the count stay by its first. */}
          <Text size="sm" title={node.label as string} style={{ ...twoLines, flex: 1 }} fw={selected ? 600 : undefined} c={selected ? 'partyRed.8' : undefined}>
            {node.label}
          </Text>
          {(node.nodeProps as { aside?: ReactNode } | undefined)?.aside}
        </Group>
      )}
    />
  );
}
