import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { residentRatings, resolutionStatuses } from '../../../../main/api/property/labels';
import { resolutionSteps } from '../../../../main/api/property/rules';
import { ExtendResolution, MoveResolution, NoticeResolution, RateResolution } from '../../../../main/api/property/schemas';
import { useApiMutation } from '../../api/queries';
import { today } from '../../app/clock';
import { ActionModal } from '../../components/ActionModal';
import { DateField, SelectField, TextField, options } from '../../components/fields';
import { pj } from '../../i18n/property-meetings';
import { KeysStayHere } from '../common/KeysStayHere';
import { ExtensionHistory } from './ExtensionHistory';
import type { ResolutionRow } from '../types';

const f = pj.follow;
const r = pj.resolutions;
type Status = ResolutionRow['status'];
type Action = { kind: 'move'; to: Status } | { kind: 'extend' } | { kind: 'notice' } | { kind: 'rate' };

const stepLabel: Partial<Record<Status, string>> = { in_progress: f.start, done: f.done, dropped: f.drop };
const statusColour: Record<Status, string> = { open: 'blue', in_progress: 'cyan', done: 'green', dropped: 'gray' };

export function ResolutionStatusBadge({ status }: { status: Status }) {
  return <Badge size="sm" radius="sm" variant="light" color={statusColour[status]}>{resolutionStatuses[status]}</Badge>;
}

/** Where a saved resolution stands and what may happen next: only the steps the rules allow are offered. */
export function ResolutionFollowUp({ row }: { row: ResolutionRow }) {
  const [action, setAction] = useState<Action | null>(null);
  const unfinished = row.status === 'open' || row.status === 'in_progress';
  const overdue = unfinished && row.dueOn < today();
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        <ResolutionStatusBadge status={row.status} />
        {overdue && <Badge size="sm" radius="sm" color="red">{pj.list.overdueColumns.late}</Badge>}
        {row.extensions > 0 && <Text size="xs" c="dimmed">{r.extended(row.extensions)}</Text>}
        {row.doneOn && <Text size="xs" c="dimmed">{r.doneOn(row.doneOn)}</Text>}
        {row.droppedReason && <Text size="xs" c="dimmed">{row.droppedReason}</Text>}
        {row.noticedOn && <Text size="xs" c="dimmed">{r.noticedOn(row.noticedOn)}</Text>}
        {row.rating && <Text size="xs" c="dimmed">{`${f.rate}：${residentRatings[row.rating]}`}</Text>}
        {resolutionSteps[row.status].map((to) => (
          <Button key={to} size="compact-xs" variant="light" color={to === 'dropped' ? 'gray' : undefined} onClick={() => setAction({ kind: 'move', to })}>
            {stepLabel[to]}
          </Button>
        ))}
        {unfinished && <Button size="compact-xs" variant="subtle" onClick={() => setAction({ kind: 'extend' })}>{f.extend}</Button>}
        {row.status === 'done' && !row.noticedOn && <Button size="compact-xs" variant="subtle" onClick={() => setAction({ kind: 'notice' })}>{f.notice}</Button>}
        {row.status === 'done' && <Button size="compact-xs" variant="subtle" onClick={() => setAction({ kind: 'rate' })}>{f.rate}</Button>}
        {action && <KeysStayHere><FollowUpModal row={row} action={action} onClose={() => setAction(null)} /></KeysStayHere>}
      </Group>
      {row.extensions > 0 && <ExtensionHistory resolutionId={row.id} />}
    </Stack>
  );
}

function FollowUpModal({ row, action, onClose }: { row: ResolutionRow; action: Action; onClose: () => void }) {
  const move = useApiMutation('property.moveResolution', { quiet: true });
  const extend = useApiMutation('property.extendResolution', { quiet: true });
  const notice = useApiMutation('property.noticeResolution', { quiet: true });
  const rate = useApiMutation('property.rateResolution', { quiet: true });
  const intro = f.moveIntro(row.content);
  const common = { intro, onClose, confirmLabel: '' };
  switch (action.kind) {
    case 'move':
      return (
        <ActionModal {...common} title={f.moveTitle(resolutionStatuses[action.to])} schema={MoveResolution} confirmLabel={stepLabel[action.to]!}
          danger={action.to === 'dropped'}
          initial={{ id: row.id, to: action.to, doneOn: action.to === 'done' ? today() : '', reason: '' }}
          fields={(form) => (action.to === 'done' ? <DateField form={form} name="doneOn" label={f.doneOn} required autoFocus />
            : action.to === 'dropped' ? <TextField form={form} name="reason" label={f.reason} required autoFocus /> : null)}
          onSubmit={(input) => move.mutateAsync(input)} />
      );
    case 'extend':
      return (
        <ActionModal {...common} title={f.extendTitle} intro={f.extendIntro(row.dueOn)} schema={ExtendResolution} confirmLabel={f.extend}
          initial={{ id: row.id, newDueOn: '', reason: '' }}
          fields={(form) => (
            <>
              <DateField form={form} name="newDueOn" label={f.newDueOn} required autoFocus />
              <TextField form={form} name="reason" label={f.extendReason} required />
            </>
          )}
          onSubmit={(input) => extend.mutateAsync(input)} />
      );
    case 'notice':
      return (
        <ActionModal {...common} title={f.noticeTitle} schema={NoticeResolution} confirmLabel={f.notice} initial={{ id: row.id, noticedOn: today() }}
          fields={(form) => <DateField form={form} name="noticedOn" label={f.noticedOn} required autoFocus />}
          onSubmit={(input) => notice.mutateAsync(input)} />
      );
    case 'rate':
      return (
        <ActionModal {...common} title={f.rateTitle} schema={RateResolution} confirmLabel={f.rate} initial={{ id: row.id, rating: row.rating ?? null }}
          fields={(form) => <SelectField form={form} name="rating" label={f.rating} data={options(residentRatings)} required autoFocus />}
          onSubmit={(input) => rate.mutateAsync(input)} />
      );
  }
}
