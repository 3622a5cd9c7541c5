import { Box, Text, TextInput, UnstyledButton } from '@mantine/core';
import type { KeyboardEvent, Ref } from 'react';
import { attendanceStatuses, memberRoles } from '../../../../main/api/party/labels';
import { pm } from '../../i18n/party-meetings';
import type { Attendee, Mark } from './attendance';

const COLORS: Record<Mark | 'none', string> = { present: 'green', absent: 'red', leave: 'orange', none: 'gray' };

/** One member as a big toggle: a click or Space/Enter moves to the next state; absence asks for its reason here. */
export function AttendanceTile({ attendee: a, large, reasonError, onCycle, onKeyDown, onReason, onReasonDone, ref, tabIndex, onFocus }: {
  attendee: Attendee;
  large?: boolean;
  reasonError?: string;
  onCycle: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLButtonElement>) => void;
  onReason: (reason: string) => void;
  onReasonDone: () => void;
  ref: Ref<HTMLButtonElement>;
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
        px={large ? 'sm' : 8}
        py={large ? 10 : 4}
        onClick={onCycle}
        onKeyDown={onKeyDown}
        tabIndex={tabIndex}
        onFocus={onFocus}
        aria-label={pm.attendance.tileLabel(a.name, state)}
        data-attendee={a.memberId}
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 6 }}
      >
        <Box style={{ minWidth: 0 }}>
          <Text fw={600} truncate>{a.name}</Text>
          {(a.role || a.former) && (
            <Text size="xs" c="dimmed" truncate>{a.former ? pm.attendance.formerMember : (memberRoles[a.role as keyof typeof memberRoles] ?? a.role)}</Text>
          )}
        </Box>
        <Text size="sm" fw={700} c={a.mark ? `${color}.8` : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>{state}</Text>
      </UnstyledButton>
      {asksReason && (
        <Box px={large ? 'sm' : 8} pb={large ? 'sm' : 6}>
          <TextInput
            size={large ? 'sm' : 'xs'}
            aria-label={`${a.name}${pm.attendance.reason}`}
            placeholder={pm.attendance.reasonPlaceholder}
            value={a.reason ?? ''}
            error={reasonError}
            maxLength={100}
            onChange={(e) => onReason(e.currentTarget.value)}
            onKeyDown={(e) => {
              // Enter or Esc hands the keyboard back to the attendee list, where the secretary was.
              if (e.key === 'Enter' || e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                onReasonDone();
              }
            }}
          />
        </Box>
      )}
    </Box>
  );
}
