import type { Attendance, MeetingRecord } from '../../../db/party/types';
import { renderDocument, type PdfParagraph, type PdfTable } from '../../export/pdf/document';
import { chineseDate } from '../../export/period';
import { attendanceStatuses, meetingTypes, resolutionStatuses } from './labels';

export const MEETING_RECORD_TITLE = '会议记录';

/** Left to be written in by hand on the printed sheet (ideographic spaces keep their width in every font). */
const BLANK = '　'.repeat(6);
const NONE = '无';

/** Under the label of a list (出席人员：), the lines after the first start where the names do. */
const HANG = '　'.repeat(5);
/** A name takes a slot of five characters (or more slots), four slots to a 3号 line: the names stand in columns. */
const SLOT = 5;
const SLOTS_PER_LINE = 4;

/** A list of people under its label, each name whole and in its column, as a sign-in sheet has them. */
function nameColumns(label: string, names: string[]): string {
  if (names.length === 0) return `${label}：${NONE}`;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const name of names) {
    const slots = Math.ceil(([...name].length + 1) / SLOT);
    if (used && used + slots > SLOTS_PER_LINE) {
      lines.push(line);
      [line, used] = ['', 0];
    }
    line += name.padEnd(slots * SLOT, '　');
    used += slots;
  }
  lines.push(line);
  return `${label}：${lines.map((l) => l.trimEnd()).join(`\n${HANG}`)}`;
}

/** 缺席 and 请假 are both absences: one to a line, each saying which, with its reason as recorded. */
function absences(people: Attendance[]): string {
  if (people.length === 0) return `缺席人员：${NONE}`;
  return `缺席人员：${people.map((a) => `${a.name}（${attendanceStatuses[a.status]}${a.reason ? `：${a.reason}` : ''}）`).join(`\n${HANG}`)}`;
}

/**
 * The attendance as a record states it. 应到 counts the members the record lists — unmarked members are not
 * recorded (renderer/src/party/meetings/attendance.ts) — so it is what the secretary marked, not today's roster;
 * guests (列席) are no part of it.
 */
export function attendanceLine(attendance: Attendance[]): string {
  const count = (s: Attendance['status']) => attendance.filter((a) => a.status === s).length;
  const [present, absent, leave, guests] = [count('present'), count('absent'), count('leave'), count('guest')];
  return `应到 ${present + absent + leave} 人，实到 ${present} 人，缺席 ${absent + leave} 人（其中请假 ${leave} 人）${guests ? `，列席 ${guests} 人` : ''}。`;
}

const field = (label: string, value: string | null | undefined): PdfParagraph => ({ kind: 'paragraph', text: `${label}：${value || BLANK}` });
const heading = (text: string): PdfParagraph => ({ kind: 'paragraph', text, bold: true, keepWithNext: true });

function resolutionsBlock(m: MeetingRecord): PdfTable | PdfParagraph {
  if (m.resolutions.length === 0) return { kind: 'paragraph', text: NONE };
  return {
    kind: 'table',
    columns: [
      { header: '序号', width: 6, align: 'center' },
      { header: '决议内容', width: 44 },
      { header: '责任人', width: 14 },
      { header: '完成时限', width: 16 },
      { header: '办理情况', width: 16 },
    ],
    rows: m.resolutions.map((r, i) => [
      String(i + 1), r.content, r.owner ?? '', r.dueOn ?? '',
      r.status === 'done' && r.doneOn ? `${resolutionStatuses.done}\n${r.doneOn}` : resolutionStatuses[r.status],
    ]),
  };
}

/**
 * A 三会一课 meeting's record for the binder, to be signed by its host and recorder (DOMAIN.md, "Meeting record"):
 * A4 in the official layout of main/export/pdf — the unit, type, time and place, host and recorder, the attendance
 * counted and named (absences with their reasons, guests apart), the topic, what was said, and the resolutions.
 * A field left empty prints as a space to fill in by hand.
 */
export function renderMeetingRecord(m: MeetingRecord, unitName: string): Promise<Buffer> {
  const of = (...statuses: Attendance['status'][]) => m.attendance.filter((a) => statuses.includes(a.status));
  const guests = of('guest');
  // Each paragraph of the minutes as written, indented two characters as body text is.
  const minutes = (m.minutes ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  return renderDocument({
    title: MEETING_RECORD_TITLE,
    subtitle: [m.orgName],
    author: unitName,
    blocks: [
      field('会议类型', meetingTypes[m.type]),
      field('会议时间', `${chineseDate(m.heldOn)}${m.startTime ? ` ${m.startTime}` : ''}`),
      field('会议地点', m.place),
      { kind: 'paragraph', text: `主持人：${m.host || BLANK}　　记录人：${m.recorder || BLANK}` },
      // No member marked: the counts are left to be written in, not printed as 应到 0 人.
      field('出席情况', m.attendance.some((a) => a.status !== 'guest') ? attendanceLine(m.attendance) : null),
      { kind: 'paragraph', text: nameColumns('出席人员', of('present').map((a) => a.name)) },
      { kind: 'paragraph', text: absences(of('absent', 'leave')) },
      ...(guests.length ? [{ kind: 'paragraph' as const, text: nameColumns('列席人员', guests.map((a) => a.name)) }] : []),
      field('会议议题', m.topic),
      heading('会议内容'),
      ...(minutes.length ? minutes.map((text): PdfParagraph => ({ kind: 'paragraph', text: `　　${text}` })) : [{ kind: 'paragraph' as const, text: BLANK }]),
      heading('会议决议'),
      resolutionsBlock(m),
    ],
    signatures: ['主持人', '记录人'],
  });
}
