import type { Db } from '../../db/open';
import { getOrg } from '../../db/party/orgs';
import { insertActivity, insertApplication, insertParticipant, markRecorded } from '../../db/volunteer/activities';
import { insertHonour } from '../../db/volunteer/honours';
import { entryWriter, type EntryInput } from '../../db/volunteer/ledger';
import { personRanking } from '../../db/volunteer/rankings';
import { pointsForHours, ruleOn } from '../../db/volunteer/rules';
import { BASE_POINT_MEETINGS } from '../../db/volunteer/service-record';
import { insertRedemption } from '../../db/volunteer/shop';
import { newId } from '../../db/ids';
import { meetingTypes } from '../../main/api/party/labels';
import { pick } from './people';
import { addDays, dateIn, int, type Rand } from './seed-plan';
import type { BranchPool, VolunteerSeed } from './seed-volunteer';
import * as W from './seed-volunteer-words';

/**
 * Three years of service and points, month by month so each person's balance is known before they spend it:
 * each branch's activities (recorded and credited under the rule of their date; the last fortnight's partly left
 * to credit, next month's planned), base points for the members present at 支部党员大会 / 党课 / 主题党日,
 * donations, redemptions, and a few reversed entries.
 */

export interface PointCounts {
  activities: number;
  participants: number;
  entries: number;
  redemptions: number;
  honours: number;
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const monthKey = (n: number) => `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
const monthEnd = (key: string) => addDays(`${addDays(`${key}-28`, 4).slice(0, 7)}-01`, -1);

/** Up to `n` different people from a pool, in random order. */
function sample(r: Rand, pool: string[], n: number): string[] {
  const picked = new Set<string>();
  while (picked.size < Math.min(n, pool.length)) picked.add(pool[Math.floor(r() * pool.length)]!);
  return [...picked];
}

export function writeServiceAndPoints(
  db: Db, r: Rand, people: VolunteerSeed, items: { id: string; price: number }[], today: string, operator: string,
): PointCounts {
  const counts: PointCounts = { activities: 0, participants: 0, entries: 0, redemptions: 0, honours: 0 };
  const balance = new Map<string, number>();
  const write = entryWriter(db);
  const entry = (e: Omit<EntryInput, 'orgId' | 'ruleId' | 'reversesId'> & { ruleId?: string | null; reversesId?: string | null }) => {
    counts.entries++;
    balance.set(e.volunteerId, (balance.get(e.volunteerId) ?? 0) + e.amount);
    const full = { ruleId: null, reversesId: null, ...e, orgId: people.orgOf.get(e.volunteerId)! };
    return write(full, operator, `${e.onDate}T10:00:00.000Z`);
  };
  const recent = addDays(today, -14);
  const postOf = new Map((db.prepare("SELECT code, id FROM volunteer_posts WHERE code IS NOT NULL").all() as { code: string; id: string }[]).map((p) => [p.code, p.id]));

  const activity = (pool: BranchPool, onDate: string, planned: boolean) => {
    const postCode = pick(r, Object.keys(W.ACTIVITY_TITLES));
    const [start, end] = pick(r, W.TIMES);
    const organiser = r() < 0.8 ? pool.branchId : pool.communityOrgId;
    const title = pick(r, W.ACTIVITY_TITLES[postCode]!);
    const postId = postOf.get(postCode)!;
    const id = insertActivity(db, {
      title, postId: pool.customPostId && r() < 0.2 ? pool.customPostId : postId, onDate, startTime: start, endTime: end,
      place: pick(r, ['社区党群服务中心', '小区广场', '楼院', '社区养老驿站']), organiserOrgId: organiser,
      capacity: r() < 0.3 ? 40 : null, description: null,
    }, operator);
    counts.activities++;
    const length = Math.round(((minutes(end) - minutes(start)) / 60) * 2) * 5;
    const who = sample(r, pool.volunteers, int(r, 10, 40));
    const credit = !planned && !(onDate > recent && r() < 0.4);
    const rule = ruleOn(db, onDate);
    let credited = 0;
    who.forEach((volunteerId, seq) => {
      const present = !planned && r() < 0.92;
      const hours = present ? Math.max(5, length + (r() < 0.15 ? pick(r, [-5, 5, 10]) : 0)) : 0;
      insertParticipant(db, { activityId: id, volunteerId, walkIn: !planned && r() < 0.08, attendance: planned ? 'pending' : present ? 'present' : 'absent', hours, seq });
      counts.participants++;
      if (!present || !credit) return;
      const points = pointsForHours(rule, hours).points;
      const e = { volunteerId, onDate, category: 'service' as const, amount: points, hours, reason: `参加“${title}”服务 ${hours / 10} 小时`, sourceKind: 'activity' as const, sourceId: id, ruleId: rule.id };
      const entryId = entry(e);
      credited++;
      // Now and then hours were typed wrong and the entry reversed (if the points were not spent meanwhile).
      if (r() < 0.003 && (balance.get(volunteerId) ?? 0) >= points) {
        entry({ ...e, amount: -points, hours: -hours, reason: '冲正：工时登记有误', reversesId: entryId });
      }
    });
    if (planned) return;
    markRecorded(db, id, organiser, operator, `${onDate}T12:00:00.000Z`);
    if (credit) insertApplication(db, 'activity', id, rule.id, credited, operator);
  };

  const meetingsOf = db.prepare(
    `SELECT mt.id, mt.held_on AS heldOn, mt.type, mt.topic, a.member_id AS memberId
     FROM meetings mt JOIN meeting_attendance a ON a.meeting_id = mt.id AND a.status = 'present' AND a.member_id IS NOT NULL
     WHERE mt.held_on BETWEEN ? AND ? AND mt.type IN (${BASE_POINT_MEETINGS.map(() => '?').join(', ')}) ORDER BY mt.id, a.seq`,
  );
  const creditMeetings = (from: string, to: string) => {
    const rows = meetingsOf.all(from, to, ...BASE_POINT_MEETINGS) as { id: string; heldOn: string; type: keyof typeof meetingTypes; topic: string; memberId: string }[];
    const byMeeting = new Map<string, typeof rows>();
    for (const x of rows) byMeeting.set(x.id, [...(byMeeting.get(x.id) ?? []), x]);
    for (const [meetingId, present] of byMeeting) {
      const m = present[0]!;
      // The last three weeks' meetings are partly still to credit (the home page lists them).
      if (m.heldOn > addDays(today, -21) && r() < 0.5) continue;
      const rule = ruleOn(db, m.heldOn);
      for (const p of present) {
        entry({ volunteerId: people.byMember.get(p.memberId)!, onDate: m.heldOn, category: 'base', amount: rule.meetingBasePoints, hours: 0,
          reason: `参加${meetingTypes[m.type]}“${m.topic}”`, sourceKind: 'meeting', sourceId: meetingId, ruleId: rule.id });
      }
      insertApplication(db, 'meeting', meetingId, rule.id, present.length, operator);
    }
  };

  const last = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
  for (let n = last - 35; n <= last; n++) {
    const key = monthKey(n);
    const end = monthEnd(key) < today ? monthEnd(key) : today;
    for (const pool of people.pools) {
      for (let k = pick(r, [0, 1, 1, 2, 2]); k > 0; k--) activity(pool, dateIn(r, `${key}-01`, end), false);
    }
    creditMeetings(`${key}-01`, end);
    for (const pool of people.pools) {
      for (const volunteerId of pool.volunteers) {
        const x = r();
        if (x < 0.008) {
          entry({ volunteerId, onDate: dateIn(r, `${key}-01`, end), category: 'contribution', amount: int(r, 1, 10) * 50, hours: 0,
            reason: pick(r, W.DONATIONS), sourceKind: 'donation', sourceId: null });
        } else if (x < 0.016) {
          const item = pick(r, items);
          if ((balance.get(volunteerId) ?? 0) < item.price) continue;
          const redemptionId = newId();
          const onDate = end;
          const entryId = entry({ volunteerId, onDate, category: 'redeem', amount: -item.price, hours: 0, reason: '积分超市兑换', sourceKind: 'redemption', sourceId: redemptionId });
          insertRedemption(db, { id: redemptionId, itemId: item.id, volunteerId, quantity: 1, points: item.price, entryId, onDate }, operator);
          counts.redemptions++;
        }
      }
    }
  }
  // Next month's plans, signed up for; and the shop's shelves as they stand now.
  for (const pool of people.pools) {
    for (let k = int(r, 0, 2); k > 0; k--) activity(pool, dateIn(r, addDays(today, 1), addDays(today, 30)), true);
  }
  for (const item of items) db.prepare('UPDATE redemption_items SET stock = ? WHERE id = ?').run(int(r, 0, 120), item.id);
  return counts;
}

/** Last year's honours in each community, drawn from its ranking: 党员先锋 for members, 社区之星 for residents. */
export function writeHonours(db: Db, people: VolunteerSeed, year: number, today: string, operator: string): number {
  let n = 0;
  const awardedOn = `${year + 1}-01-15` < today ? `${year + 1}-01-15` : today;
  for (const communityId of new Set(people.pools.map((p) => p.communityOrgId))) {
    const path = getOrg(db, communityId)!.path;
    for (const top of personRanking(db, { year, quarter: 0, orgPath: path, offset: 0, limit: 3 }).rows) {
      insertHonour(db, {
        volunteerId: top.volunteerId, title: top.kind === 'member' ? 'vanguard' : 'star', year, quarter: null, orgId: communityId,
        awardedOn, points: top.earned, note: null,
      }, operator);
      n++;
    }
  }
  return n;
}
