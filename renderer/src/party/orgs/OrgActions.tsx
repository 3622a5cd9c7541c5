import { Alert, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { todayIso } from '../../../../main/api/common/calendar';
import { orgLevels } from '../../../../main/api/party/labels';
import { OrgDissolve, OrgMove } from '../../../../main/api/party/schemas';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { DateField } from '../../components/fields';
import { UnitSelect } from '../../components/UnitSelect';
import { reg } from '../../i18n/party-register';
import { ActionModal } from '../../components/ActionModal';
import { parentLevel, type OrgNode } from '../useOrgTree';

/** Moves a unit (with everything below it) under another parent of the level it belongs under. */
// Not where it already is, and not inside itself (the handler refuses both too).
const notATarget = (org: OrgNode) => (o: OrgNode) => o.id === org.parentId || o.path.startsWith(org.path);

/** Moves a unit (with everything below it) under another parent of the level it belongs under, found by search. */
export function MoveOrgModal({ org, onClose }: { org: OrgNode; onClose: () => void }) {
  const move = useApiMutation('party.moveOrg', { quiet: true });
  const level = parentLevel(org.level);
  const hide = useMemo(() => notATarget(org), [org]);
  const [targetName, setTargetName] = useState('');
  // The field's own first answer (the same query): nothing left once the current parent is set aside says so.
  const first = useApiQuery('party.searchOrgs', { q: '', levels: level ? [level] : [], limit: 50 });
  const none = first.data?.filter((o) => !hide(o)).length === 0;
  return (
    <ActionModal
      title={reg.move.title(org.name)}
      intro={reg.move.body(org.name, org.descendantCount, org.subtreeMembers)}
      schema={OrgMove}
      initial={{ id: org.id, newParentId: null }}
      confirmLabel={reg.move.confirm}
      fields={(form) => (
        <UnitSelect
          label={reg.move.target}
          levels={level ? [level] : []}
          hide={hide}
          value={(form.values.newParentId as string | null) ?? null}
          onChange={(v, picked) => {
            form.set('newParentId', v);
            setTargetName(picked?.label ?? '');
          }}
          onBlur={() => form.touch('newParentId')}
          error={form.errors.newParentId}
          placeholder={reg.move.targetPlaceholder(level ? orgLevels[level] : '')}
          description={none ? reg.move.noTarget(level ? orgLevels[level] : '') : undefined}
          required
          autoFocus
          openOnFocus={false}
        />
      )}
      onSubmit={async (input) => {
        const row = await move.mutateAsync(input);
        notifications.show({ color: 'green', message: reg.move.done(row.name, targetName) });
      }}
      onClose={onClose}
    />
  );
}

/** Dissolves an empty unit; the handler refuses while members or child units remain, and says so here. */
export function DissolveOrgModal({ org, onClose, onDone }: {
  org: OrgNode;
  onClose: () => void;
  onDone: () => void;
}) {
  const dissolve = useApiMutation('party.dissolveOrg', { quiet: true });
  const children = org.descendantCount;
  const members = org.subtreeMembers;
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
