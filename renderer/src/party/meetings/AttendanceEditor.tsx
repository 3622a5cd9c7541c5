import { ActionIcon, Badge, Box, Button, Center, Group, Loader, Stack, Text, TextInput } from '@mantine/core';
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
/** Meeting mode's tiles: as many columns as fit at this width, so a five-character name fits beside its state. */
const LARGE_TILE_MIN = 150;

/** The columns a grid is laid out in now (auto-filled ones change with the window). */
const columnsOf = (grid: HTMLElement | null) => (grid ? getComputedStyle(grid).gridTemplateColumns.split(' ').filter(Boolean).length : 1);

/**
 * Attendance taken from the unit's roster, shared by the meeting drawer and meeting mode (`large`):
 * a grid of toggles the keyboard can walk, the counts above it, and the non-members who sat in (列席) below.
 * Marking by key moves on, as the sign-in sheet is read out: 1 (or Space/Enter on someone unmarked) records 出席 and
 * goes to the next person; 2 and 3 record 缺席/请假 and put the caret in the reason, whose Enter goes on to the next.
 * Space/Enter on someone marked, a click, and 0 correct in place.
 */
export function AttendanceEditor(props: {
  roster: RosterEntry[] | undefined;
  value: AttendanceDraft[];
  onChange: (next: AttendanceDraft[]) => void;
  /** Fixed columns (the drawer); without, as many as fit (meeting mode). */
  cols?: number;
  large?: boolean;
  /** Field errors keyed like the schema's paths (`attendance.3.reason`). */
  errors?: Record<string, string>;
  /** Put the keyboard on the first attendee once the roster is in: meeting mode starts with taking attendance. */
  autoFocus?: boolean;
}) {
  const { roster, value, onChange, cols, large, autoFocus } = props;
  const tiles = useRef<(HTMLButtonElement | null)[]>([]);
  const reasons = useRef<(HTMLInputElement | null)[]>([]);
  const grid = useRef<HTMLDivElement>(null);
  // A reason field that appears with the mark just given takes the caret once it is rendered.
  const reasonDue = useRef<number | null>(null);
  // Kept until that field is there: a render in between (the save status of the mark before) must not drop it.
  useEffect(() => {
    const field = reasonDue.current === null ? null : reasons.current[reasonDue.current];
    if (!field) return;
    field.focus();
    reasonDue.current = null;
  });
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

  const focus = (i: number) => {
    reasonDue.current = null;
    tiles.current[Math.max(0, Math.min(attendees.length - 1, i))]?.focus();
  };
  const mark = (i: number, a: (typeof attendees)[number], m: Mark | null, moveOn: boolean) => {
    reasonDue.current = null;
    onChange(setMark(roster, value, a.memberId, m));
    if (!moveOn) return;
    if (m === 'present') focus(i + 1);
    else if (m) {
      reasonDue.current = i;
      reasons.current[i]?.focus();
    }
  };
  const onTileKey = (i: number, a: (typeof attendees)[number]) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const move = MOVES[e.key];
    if (move) {
      e.preventDefault();
      focus(move(i, cols ?? columnsOf(grid.current)));
    } else if (e.key in DIRECT) {
      e.preventDefault();
      mark(i, a, DIRECT[e.key]!, true);
    } else if (e.key === ' ' || e.key === 'Enter') {
      // Handled here rather than as the button's click, which Space gives on key up.
      e.preventDefault();
      if (a.mark === null) mark(i, a, 'present', true);
      else mark(i, a, nextMark(a.mark), false);
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
        <Box
          ref={grid}
          role="group"
          aria-label={pm.drawer.attendance}
          style={{
            display: 'grid',
            gap: large ? 'var(--mantine-spacing-sm)' : 6,
            gridTemplateColumns: cols ? `repeat(${cols}, minmax(0, 1fr))` : `repeat(auto-fill, minmax(${LARGE_TILE_MIN}px, 1fr))`,
          }}
        >
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
              reasonRef={(el) => {
                reasons.current[i] = el;
              }}
              onKeyDown={onTileKey(i, a)}
              onReason={(reason) => onChange(setReason(roster, value, a.memberId, reason))}
              onReasonKey={(key) => focus(key === 'Enter' ? i + 1 : i)}
            />
          ))}
        </Box>
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
