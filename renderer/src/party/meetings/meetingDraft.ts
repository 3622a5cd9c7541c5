import { todayIso } from '../../../../main/api/common/calendar';
import { meetingTypes } from '../../../../main/api/party/labels';
import { pm } from '../../i18n/party-meetings';
import type { MeetingDraft, MeetingRecord, MeetingType, OrgLevel } from './types';

/** Group meetings are held by a 党小组, every other type by a 党支部 (the handler's rule, told to the pickers). */
export function typesFor(level: OrgLevel | undefined): MeetingType[] {
  if (level === 'group') return ['group'];
  if (level === 'branch') return ['general', 'committee', 'lecture', 'theme_day'];
  return [];
}

export const typeOptions = (level: OrgLevel | undefined) =>
  typesFor(level).map((t) => ({ value: t, label: meetingTypes[t] }));

export const isMeetingType = (v: string | null): v is MeetingType => !!v && v in meetingTypes;

/** "2026年11月主题党日": what secretaries call a meeting until they name its topic. */
export function defaultTopic(type: MeetingType, heldOn: string): string {
  return pm.mode.defaultTopic(Number(heldOn.slice(0, 4)), Number(heldOn.slice(5, 7)), meetingTypes[type]);
}

/** The default for a draft's type and date, '' while either is missing (the drawer's topic follows it). */
export const topicDefault = (m: { type?: MeetingType | null; heldOn?: unknown }): string =>
  m.type && /^\d{4}-\d{2}/.test(String(m.heldOn ?? '')) ? defaultTopic(m.type, String(m.heldOn)) : '';

export function newMeeting(p: { orgId: string; type: MeetingType; heldOn?: string; startTime?: string | null }): MeetingDraft {
  const heldOn = p.heldOn ?? todayIso();
  return {
    orgId: p.orgId,
    type: p.type,
    heldOn,
    startTime: p.startTime ?? null,
    topic: defaultTopic(p.type, heldOn),
    place: '',
    host: '',
    recorder: '',
    minutes: '',
    attendance: [],
    resolutions: [],
  };
}

/** A stored meeting as the forms edit it (empty strings rather than nulls in text boxes). */
export function draftOf(m: MeetingRecord): MeetingDraft {
  return {
    orgId: m.orgId,
    type: m.type,
    heldOn: m.heldOn,
    startTime: m.startTime ?? '',
    topic: m.topic,
    place: m.place ?? '',
    host: m.host ?? '',
    recorder: m.recorder ?? '',
    minutes: m.minutes ?? '',
    attendance: m.attendance.map((a) => ({ ...a })),
    resolutions: m.resolutions.map((x) => ({ ...x, owner: x.owner ?? '', dueOn: x.dueOn ?? '', doneOn: x.doneOn ?? '' })),
  };
}

/** `2026-02` → `2026-02-28`. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** A date for a meeting recorded after the fact in these months: today if it falls in them, else their last day. */
export function dateInPeriod(months: string[], today = todayIso()): string {
  if (months.includes(today.slice(0, 7))) return today;
  const end = monthEnd(months[months.length - 1]!);
  return end < today ? end : today;
}
