import type { Db } from '../../db/open';
import { insertMeeting, type Attendance, type MeetingType, type Resolution } from '../../db/party/meetings';
import { upsertRating } from '../../db/party/ratings';
import { pick } from './people';
import { addDays, dateIn, int, type CommunityPlan, type EstatePlan, type PlannedMember, type Rand } from './seed-plan';
import * as W from './seed-words';

/**
 * Organisational life (三会一课 + 主题党日) for the last six quarters, this one included: each required meeting is
 * held unless the branch skips it (its `missRate`), so the compliance view has gaps; then the star ratings.
 */

export interface MeetingCounts {
  meetings: number;
  attendance: number;
  resolutions: number;
  ratings: number;
}

interface Quarter {
  year: number;
  quarter: number;
  months: string[];
}

/** The current quarter and the five before it, each with its months as `YYYY-MM`. */
export function lastQuarters(today: string, n: number): Quarter[] {
  let year = Number(today.slice(0, 4));
  let quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: Quarter[] = [];
  for (let i = 0; i < n; i++) {
    const first = (quarter - 1) * 3 + 1;
    out.unshift({ year, quarter, months: [0, 1, 2].map((k) => `${year}-${String(first + k).padStart(2, '0')}`) });
    if (--quarter === 0) [year, quarter] = [year - 1, 4];
  }
  return out;
}

const monthEnd = (month: string) => addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1);

/** Present / on leave / absent: retirees mostly come, in-service members often cannot, migrants are away. */
function attend(r: Rand, m: PlannedMember, on: string): Attendance {
  const x = r();
  const old = Number(on.slice(0, 4)) - Number(m.birthDate!.slice(0, 4)) >= 80;
  // Cumulative shares: below the first is present, below the second on leave, the rest absent.
  const [present, leave] =
    m.category === 'migrant' ? [0.15, 0.3] : m.category === 'in_service' ? [0.6, 0.85] : old ? [0.7, 0.85] : [0.86, 0.93];
  if (x < present) return { memberId: m.id, name: m.name, status: 'present', reason: null };
  if (x < leave) return { memberId: m.id, name: m.name, status: 'leave', reason: pick(r, W.LEAVE_REASONS) };
  return { memberId: m.id, name: m.name, status: 'absent', reason: pick(r, W.ABSENT_REASONS[m.category]) };
}

function resolutions(r: Rand, type: MeetingType, heldOn: string, owners: string[], today: string): Resolution[] {
  if (type === 'lecture' || type === 'group') return [];
  return Array.from({ length: pick(r, [0, 0, 1, 1, 2, 3]) }, (): Resolution => {
    const dueOn = addDays(heldOn, int(r, 7, 60));
    // Most are done by their deadline; some run late and stay open (the home page lists those).
    const done = dueOn < today ? r() < 0.9 : r() < 0.2;
    const doneOn = done ? dateIn(r, heldOn, dueOn < today ? dueOn : today) : null;
    return { content: pick(r, W.RESOLUTIONS), owner: pick(r, owners), dueOn, status: done ? 'done' : 'open', doneOn };
  });
}

function branchMeetings(db: Db, r: Rand, e: EstatePlan, quarters: Quarter[], today: string, operator: string, n: MeetingCounts) {
  const everyone = e.buildings.flatMap((b) => b.members);
  const on = (date: string, ms: PlannedMember[]) =>
    ms.filter((m) => (m.transferIn?.on ?? m.joinedOn) <= date && (m.leftOn === null || m.leftOn > date));
  const committee = everyone.filter((m) => m.role === 'secretary' || m.role === 'committee');
  const host = committee.find((m) => m.role === 'secretary')?.name ?? null;
  const owners = committee.length ? committee.map((m) => m.name) : [host ?? '支部书记'];
  const recorder = committee.find((m) => m.role === 'committee')?.name ?? host;

  const hold = (orgId: string, type: MeetingType, from: string, to: string, roster: PlannedMember[], chair: string | null) => {
    if (r() < e.missRate) return;
    const heldOn = dateIn(r, from, to);
    if (heldOn > today) return;
    const attendance = on(heldOn, roster).map((m) => attend(r, m, heldOn));
    const present = attendance.filter((a) => a.status === 'present').length;
    const topic = pick<string>(r, W.TOPICS[type]);
    const res = resolutions(r, type, heldOn, owners, today);
    const place = type === 'committee' || type === 'group' ? `${e.name}党员活动室` : pick(r, ['社区党群服务中心', `${e.name}党员活动室`]);
    insertMeeting(db, {
      orgId, type, heldOn, startTime: pick(r, W.MEETING_TIMES), topic, place, host: chair, recorder,
      minutes: `会议由${chair ?? '支部书记'}主持，应到${attendance.length}人，实到${present}人。围绕“${topic}”进行了学习讨论。`,
      attendance, resolutions: res,
    }, operator);
    n.meetings++;
    n.attendance += attendance.length;
    n.resolutions += res.length;
  };

  for (const q of quarters) {
    const qFrom = `${q.months[0]}-01`;
    const qTo = monthEnd(q.months[2]!);
    hold(e.branchId, 'general', qFrom, qTo, everyone, host);
    hold(e.branchId, 'lecture', qFrom, qTo, everyone, host);
    for (const month of q.months) {
      // 支委会 early in the month to plan it; 主题党日 on a fixed-ish day mid-month.
      hold(e.branchId, 'committee', `${month}-01`, `${month}-10`, committee, host);
      hold(e.branchId, 'theme_day', `${month}-05`, `${month}-20`, everyone, host);
      for (const b of e.buildings) {
        if (!b.groupId) continue;
        const group = b.members.filter((m) => m.orgId === b.groupId);
        const leader = group.find((m) => m.role === 'group_leader')?.name ?? null;
        hold(b.groupId, 'group', `${month}-01`, monthEnd(month), group, leader);
      }
    }
  }
}

export function writeMeetings(db: Db, r: Rand, tree: CommunityPlan[], today: string, operator: string): MeetingCounts {
  const n: MeetingCounts = { meetings: 0, attendance: 0, resolutions: 0, ratings: 0 };
  const quarters = lastQuarters(today, 6);
  const year = Number(today.slice(0, 4));
  for (const c of tree) {
    for (const e of c.estates) {
      branchMeetings(db, r, e, quarters, today, operator, n);
      // A branch that keeps its organisational life tends to be rated higher.
      for (const y of [year - 2, year - 1]) {
        const base = e.missRate < 0.06 ? 5 : e.missRate < 0.12 ? 4 : 3;
        const stars = Math.max(1, Math.min(5, base + pick(r, [-1, 0, 0, 0, 1]) - (e.missRate > 0.16 ? 1 : 0)));
        const rated = dateIn(r, `${y + 1}-01-10`, `${y + 1}-02-28`);
        const ratedOn = rated < today ? rated : today;
        const reasons = W.RATING_REASONS[stars as 1 | 2 | 3 | 4 | 5];
        upsertRating(db, { orgId: e.branchId, year: y, stars, reasons, ratedOn }, operator);
        n.ratings++;
      }
    }
  }
  return n;
}
