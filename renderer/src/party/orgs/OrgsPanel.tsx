import { Box, Group, Paper, ScrollArea, Text } from '@mantine/core';
import { useState } from 'react';
import { setParams, useRoute } from '../../app/router';
import { EmptyState } from '../../components/EmptyState';
import { reg } from '../../i18n/party-register';
import { OrgTree } from '../OrgTree';
import { useApiQuery } from '../../api/queries';
import { useOrg } from '../../components/UnitSelect';
import { DissolveOrgModal, MoveOrgModal } from './OrgActions';
import { OrgCard, type OrgAction } from './OrgCard';
import { OrgForm } from './OrgForm';

/** The organisation tree on the left, the selected unit on the right; the selection lives in `?org=`. */
export function OrgsPanel() {
  const route = useRoute();
  const roots = useApiQuery('party.orgChildren', { parentId: null });
  const selectedId = route.params.get('org') ?? roots.data?.[0]?.id ?? null;
  const selected = useOrg(selectedId);
  // A dissolved unit (an old link) is not offered for editing: the page shows the pick-a-unit state instead.
  const org = selected.org?.status === 'active' ? selected.org : undefined;
  const isPending = roots.isPending || selected.isPending;
  const select = (id: string | null) => setParams(route, { org: id });
  const [action, setAction] = useState<OrgAction | null>(null);
  const close = () => setAction(null);

  return (
    <Group align="stretch" gap="md" wrap="nowrap" h="100%">
      <Paper withBorder w={300} style={{ display: 'flex', flexDirection: 'column', flexShrink: 0 }} component="nav" aria-label={reg.orgs.treeTitle}>
        <Text fw={600} size="sm" px="sm" py={8} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>{reg.orgs.treeTitle}</Text>
        <ScrollArea style={{ flex: 1 }} p={4}>
          <OrgTree selectedId={org?.id ?? null} onSelect={select} />
        </ScrollArea>
      </Paper>
      <Box style={{ flex: 1, minWidth: 0 }}>
        {org ? (
          <OrgCard org={org} onSelect={select} onAction={setAction} />
        ) : (
          !isPending && <Paper withBorder h="100%"><EmptyState title={reg.orgs.pick} /></Paper>
        )}
      </Box>
      {org && action === 'add' && <OrgForm mode={{ parent: org }} onClose={close} />}
      {org && action === 'edit' && <OrgForm mode={{ org }} onClose={close} />}
      {org && action === 'move' && <MoveOrgModal org={org} onClose={close} />}
      {org && action === 'dissolve' && (
        <DissolveOrgModal org={org} onClose={close} onDone={() => select(org.parentId)} />
      )}
    </Group>
  );
}
