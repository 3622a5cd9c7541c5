import { Alert, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { todayIso } from '../../../../main/api/common/calendar';
import { orgLevels } from '../../../../main/api/party/labels';
import { OrgDissolve, OrgMove } from '../../../../main/api/party/schemas';
import { useApiMutation } from '../../api/queries';
import { DateField, SelectField } from '../../components/fields';
import { reg } from '../../i18n/party-register';
import { ActionModal } from '../../components/ActionModal';
import type { OrgRow } from '../types';
import { parentLevel, type OrgIndex } from '../useOrgIndex';

const descendants = (index: OrgIndex, org: OrgRow) => index.rows.filter((r) => r.id !== org.id && r.path.startsWith(org.path)).length;

/** Moves a unit (with everything below it) under another parent of the level it belongs under. */
export function MoveOrgModal({ org, index, onClose }: { org: OrgRow; index: OrgIndex; onClose: () => void }) {
  const move = useApiMutation('party.moveOrg', { quiet: true });
  const level = parentLevel(org.level);
  const targets = index.rows
    .filter((r) => r.level === level && r.id !== org.parentId && !index.isInside(r.id, org.id))
    .map((r) => ({ value: r.id, label: index.labelOf(r.id) }));
  return (
    <ActionModal
      title={reg.move.title(org.name)}
      intro={reg.move.body(org.name, descendants(index, org), index.subtreeMembers(org.id))}
      schema={OrgMove}
      initial={{ id: org.id, newParentId: null }}
      confirmLabel={reg.move.confirm}
      fields={(form) => (
        <SelectField
          form={form}
          name="newParentId"
          label={reg.move.target}
          data={targets}
          searchable
          required
          autoFocus
          description={targets.length ? undefined : reg.move.noTarget(level ? orgLevels[level] : '')}
        />
      )}
      onSubmit={async (input) => {
        const row = await move.mutateAsync(input);
        notifications.show({ color: 'green', message: reg.move.done(row.name, index.byId.get(input.newParentId)?.name ?? '') });
      }}
      onClose={onClose}
    />
  );
}

/** Dissolves an empty unit; the handler refuses while members or child units remain, and says so here. */
export function DissolveOrgModal({ org, index, onClose, onDone }: {
  org: OrgRow;
  index: OrgIndex;
  onClose: () => void;
  onDone: () => void;
}) {
  const dissolve = useApiMutation('party.dissolveOrg', { quiet: true });
  const children = descendants(index, org);
  const members = index.subtreeMembers(org.id);
  return (
    <ActionModal
      title={reg.dissolve.title(org.name)}
      intro={
        <Stack gap="xs">
          <Text size="sm">{reg.dissolve.body(org.name)}</Text>
          <Text size="sm" c="dimmed">{reg.dissolve.rule}</Text>
          {(children > 0 || members > 0) && (
            <Alert color="yellow" variant="light" p="xs"><Text size="sm">{reg.dissolve.blocked(children, members)}</Text></Alert>
          )}
        </Stack>
      }
      schema={OrgDissolve}
      initial={{ id: org.id, on: todayIso() }}
      confirmLabel={reg.dissolve.confirm}
      danger
      fields={(form) => <DateField form={form} name="on" label={reg.dissolve.on} required />}
      onSubmit={async (input) => {
        await dissolve.mutateAsync(input);
        notifications.show({ color: 'green', message: reg.dissolve.done(org.name) });
        onDone();
      }}
      onClose={onClose}
    />
  );
}
