import { ActionIcon, Badge, Button, Center, Group, Loader, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconChecks, IconPlus, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { pm } from '../../i18n/party-meetings';
import { AttendanceTile } from './AttendanceTile';
import {
  addGuest,
  attendeesOf,
  countMarks,
  guestsOf,
  markAllPresent,
  nextMark,
  removeGuest,
  setMark,
  setReason,
  type Mark,
} from './attendance';
import type { AttendanceDraft, RosterEntry } from './types';

const MOVES: Record<string, (i: number, cols: number) => number> = {
  ArrowRight: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowDown: (i, cols) => i + cols,
  ArrowUp: (i, cols) => i - cols,
  Home: () => 0,
  End: () => Number.MAX_SAFE_INTEGER,
};
const DIRECT: Record<string, Mark | null> = { '1': 'present', '2': 'absent', '3': 'leave', '0': null, Delete: null };

/**
 * Attendance taken from the unit's roster, shared by the meeting drawer and meeting mode (`large`):
 * a grid of toggles the keyboard can walk, the counts above it, and the non-members who sat in (列席) below.
 */
export function AttendanceEditor(props: {
  roster: RosterEntry[] | undefined;
  value: AttendanceDraft[];
  onChange: (next: AttendanceDraft[]) => void;
  cols: number;
  large?: boolean;
  /** Field errors keyed like the schema's paths (`attendance.3.reason`). */
  errors?: Record<string, string>;
  /** Put the keyboard on the first attendee once the roster is in: meeting mode starts with taking attendance. */
  autoFocus?: boolean;
}) {
  const { roster, value, onChange, cols, large, autoFocus } = props;
  const tiles = useRef<(HTMLButtonElement | null)[]>([]);
  const [guestName, setGuestName] = useState('');
  // One tile in the Tab order (the last one used); arrows move within the grid, so Tab leaves it in one step.
  const [active, setActive] = useState(0);
  const loaded = !!roster;
  useEffect(() => {
    if (autoFocus && loaded) tiles.current[0]?.focus();
  }, [autoFocus, loaded]);

  if (!roster) return <Center py="md"><Loader size="sm" /></Center>;
  const attendees = attendeesOf(roster, value);
  const c = countMarks(attendees);
  const guests = guestsOf(value);
  const indexIn = (memberId: string) => value.findIndex((a) => a.memberId === memberId && a.status !== 'guest');

  const focus = (i: number) => tiles.current[Math.max(0, Math.min(attendees.length - 1, i))]?.focus();
  const onTileKey = (i: number, memberId: string) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      focus(move(i, cols));
    } else if (e.key in DIRECT && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      onChange(setMark(roster, value, memberId, DIRECT[e.key]!));
    }
  };
  const addTypedGuest = () => {
    const name = guestName.trim();
    if (!name) return;
    onChange(addGuest(value, name));
    setGuestName('');
  };

  return (
    <Stack gap={large ? 'sm' : 'xs'}>
      <Group justify="space-between" wrap="nowrap">
        <Text size={large ? 'md' : 'sm'} fw={600} data-testid="attendance-counts">
          {pm.attendance.counts(c.present, c.absent, c.leave, c.unmarked, c.expected)}
        </Text>
        <Button
          variant="light"
          size={large ? 'sm' : 'xs'}
          leftSection={<IconChecks size={large ? 20 : 16} />}
          onClick={() => onChange(markAllPresent(roster, value))}
          disabled={c.unmarked === 0}
          title={pm.attendance.allPresentHint}
        >
          {pm.attendance.allPresent}
        </Button>
      </Group>
      {attendees.length === 0 ? (
        <Text size="sm" c="dimmed">{pm.attendance.emptyRoster}</Text>
      ) : (
        <SimpleGrid cols={cols} spacing={large ? 'sm' : 6} verticalSpacing={large ? 'sm' : 6} role="group" aria-label={pm.drawer.attendance}>
          {attendees.map((a, i) => (
            <AttendanceTile
              key={a.memberId}
              ref={(el) => {
                tiles.current[i] = el;
              }}
              attendee={a}
              large={large}
              tabIndex={i === active ? 0 : -1}
              onFocus={() => setActive(i)}
              reasonError={props.errors?.[`attendance.${indexIn(a.memberId)}.reason`]}
              onCycle={() => onChange(setMark(roster, value, a.memberId, nextMark(a.mark)))}
              onKeyDown={onTileKey(i, a.memberId)}
              onReason={(reason) => onChange(setReason(roster, value, a.memberId, reason))}
              onReasonDone={() => focus(i)}
            />
          ))}
        </SimpleGrid>
      )}
      {attendees.length > 0 && <Text size="xs" c="dimmed">{pm.attendance.keyboardHint}</Text>}
      <Group gap="xs" align="center">
        <Text size="sm" fw={600}>{pm.attendance.guests}</Text>
        {guests.map((g, i) => (
          <Badge
            key={`${g.name}-${i}`}
            variant="light"
            color="gray"
            size={large ? 'lg' : 'md'}
            rightSection={
              <ActionIcon size="xs" variant="transparent" color="gray" aria-label={pm.attendance.removeGuest(g.name)} onClick={() => onChange(removeGuest(value, g))}>
                <IconX size={12} />
              </ActionIcon>
            }
          >
            {g.name}
          </Badge>
        ))}
        <TextInput
          size={large ? 'sm' : 'xs'}
          w={large ? 260 : 200}
          aria-label={pm.attendance.addGuest}
          placeholder={pm.attendance.guestPlaceholder}
          value={guestName}
          maxLength={30}
          onChange={(e) => setGuestName(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            // Enter adds the guest here rather than moving on to the next field of the form.
            e.preventDefault();
            e.stopPropagation();
            addTypedGuest();
          }}
          rightSection={
            <ActionIcon variant="subtle" size="sm" aria-label={pm.attendance.addGuest} onClick={addTypedGuest}>
              <IconPlus size={14} />
            </ActionIcon>
          }
        />
      </Group>
    </Stack>
  );
}
