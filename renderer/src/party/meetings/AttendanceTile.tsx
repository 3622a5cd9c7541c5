import { Box, Text, TextInput, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent, Ref } from 'react';
import { attendanceStatuses, memberRoles } from '../../../../main/api/party/labels';
import { pm } from '../../i18n/party-meetings';
import type { Attendee, Mark } from './attendance';

const COLORS: Record<Mark | 'none', string> = { present: 'green', absent: 'red', leave: 'orange', none: 'gray' };

/**
 * One member as a big toggle: a click moves to the next state; absence asks for its reason here. The name is never
 * cut: it has the tile's width but for the two-character state, and a name longer than that wraps. An unmarked tile
 * says nothing beside the name (its dashed border and the counts above say it; the screen reader hears 未登记), so
 * 80 repetitions of 「未登记」 neither crowd the names out nor bury the few marked ones.
 */
export function AttendanceTile({ attendee: a, large, reasonError, onCycle, onKeyDown, onReason, onReasonKey, ref, reasonRef, tabIndex, onFocus }: {
  attendee: Attendee;
  large?: boolean;
  reasonError?: string;
  onCycle: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  onReason: (reason: string) => void;
  /** Enter or Esc in the reason field: the keyboard goes back to the attendee list. */
  onReasonKey: (key: 'Enter' | 'Escape') => void;
  ref: Ref<HTMLButtonElement>;
  reasonRef: Ref<HTMLInputElement>;
  tabIndex: number;
  onFocus: () => void;
}) {
  const color = COLORS[a.mark ?? 'none'];
  const state = a.mark ? attendanceStatuses[a.mark] : pm.attendance.unmarked;
  const asksReason = a.mark === 'absent' || a.mark === 'leave';
  return (
    <Box
      style={{
        border: `1px ${a.mark ? 'solid' : 'dashed'} var(--mantine-color-${color}-${a.mark ? 5 : 4})`,
        borderRadius: 6,
        background: a.mark ? `var(--mantine-color-${color}-0)` : 'var(--mantine-color-white)',
      }}
    >
      <UnstyledButton
        ref={ref}
        w="100%"
        px={large ? 10 : 8}
        py={large ? 10 : 4}
        onClick={onCycle}
        onKeyDown={onKeyDown}
        tabIndex={tabIndex}
        onFocus={onFocus}
        aria-label={pm.attendance.tileLabel(a.name, state)}
        data-attendee={a.memberId}
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 6 }}
      >
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-attendee-name>{a.name}</Text>
          {(a.role || a.former) && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{a.former ? pm.attendance.formerMember : (memberRoles[a.role as keyof typeof memberRoles] ?? a.role)}</Text>
          )}
        </Box>
        {a.mark && <Text size="sm" fw={700} lh={1.7} c={`${color}.8`} style={{ whiteSpace: 'nowrap' }}>{state}</Text>}
      </UnstyledButton>
      {asksReason && (
        <Box px={large ? 10 : 8} pb={large ? 'sm' : 6}>
          <TextInput
            ref={reasonRef}
            size={large ? 'sm' : 'xs'}
            aria-label={`${a.name}${pm.attendance.reason}`}
            placeholder={pm.attendance.reasonPlaceholder}
            value={a.reason ?? ''}
            error={reasonError}
            maxLength={100}
            onChange={(e) => onReason(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                onReasonKey(e.key);
              }
            }}
          />
        </Box>
      )}
    </Box>
  );
}
