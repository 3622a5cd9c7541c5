import type { AttendanceDraft, RosterEntry } from './types';

/** A member's state at a meeting; `null` until the secretary marks them (unmarked people are not recorded). */
export type Mark = 'present' | 'absent' | 'leave';
export const MARKS: Mark[] = ['present', 'absent', 'leave'];

export interface Attendee {
  memberId: string;
  name: string;
  role: RosterEntry['role'];
  mark: Mark | null;
  reason: string | null;
  /** Recorded at this meeting but no longer in the unit's roster (transferred since): kept, never dropped. */
  former: boolean;
}

const isGuest = (a: AttendanceDraft) => a.status === 'guest' || !a.memberId;

/** The unit's roster with each member's mark, then anyone recorded earlier who has since left the unit. */
export function attendeesOf(roster: RosterEntry[], attendance: AttendanceDraft[]): Attendee[] {
  const marks = new Map(attendance.filter((a) => !isGuest(a)).map((a) => [a.memberId!, a]));
  const listed = roster.map((r): Attendee => {
    const a = marks.get(r.id);
    return { memberId: r.id, name: r.name, role: r.role, mark: (a?.status as Mark) ?? null, reason: a?.reason ?? null, former: false };
  });
  const inRoster = new Set(roster.map((r) => r.id));
  const former = [...marks.values()]
    .filter((a) => !inRoster.has(a.memberId!))
    .map((a): Attendee => ({ memberId: a.memberId!, name: a.name, role: null, mark: a.status as Mark, reason: a.reason ?? null, former: true }));
  return [...listed, ...former];
}

export const guestsOf = (attendance: AttendanceDraft[]) => attendance.filter(isGuest);

/** Back to the stored form: members in roster order (the order of the sign-in sheet), then guests. */
function toAttendance(attendees: Attendee[], guests: AttendanceDraft[]): AttendanceDraft[] {
  const members = attendees
    .filter((a) => a.mark)
    .map((a): AttendanceDraft => ({
      memberId: a.memberId,
      name: a.name,
      status: a.mark!,
      reason: a.mark === 'present' ? null : a.reason,
    }));
  return [...members, ...guests];
}

export function setMark(roster: RosterEntry[], attendance: AttendanceDraft[], memberId: string, mark: Mark | null) {
  const next = attendeesOf(roster, attendance).map((a) => (a.memberId === memberId ? { ...a, mark } : a));
  return toAttendance(next, guestsOf(attendance));
}

export function setReason(roster: RosterEntry[], attendance: AttendanceDraft[], memberId: string, reason: string) {
  const next = attendeesOf(roster, attendance).map((a) => (a.memberId === memberId ? { ...a, reason } : a));
  return toAttendance(next, guestsOf(attendance));
}

/** Everyone not yet marked is present: the usual case, leaving only the few absences to mark by hand. */
export function markAllPresent(roster: RosterEntry[], attendance: AttendanceDraft[]) {
  const next = attendeesOf(roster, attendance).map((a) => (a.mark ? a : { ...a, mark: 'present' as const }));
  return toAttendance(next, guestsOf(attendance));
}

export function addGuest(attendance: AttendanceDraft[], name: string): AttendanceDraft[] {
  return [...attendance, { memberId: null, name, status: 'guest', reason: null }];
}

export function removeGuest(attendance: AttendanceDraft[], guest: AttendanceDraft): AttendanceDraft[] {
  return attendance.filter((a) => a !== guest);
}

/** Keeps guests only: what survives when a meeting moves to another unit with another roster. */
export const keepGuests = (attendance: AttendanceDraft[]) => guestsOf(attendance);

/** Space/Enter walks present → absent → leave → unmarked, so any slip can be undone from the keyboard. */
export const nextMark = (m: Mark | null): Mark | null => (m === null ? 'present' : m === 'leave' ? null : MARKS[MARKS.indexOf(m) + 1]!);

export function countMarks(attendees: Attendee[]) {
  const c = { present: 0, absent: 0, leave: 0, unmarked: 0, expected: 0 };
  for (const a of attendees) {
    if (!a.former) c.expected++;
    if (a.mark) c[a.mark]++;
    else c.unmarked++;
  }
  return c;
}
