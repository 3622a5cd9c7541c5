import { idNumber } from '../../scripts/lib/people';
import { partyFixture } from './party-fixture';
import { today as todayOnTestClock } from './helpers';

export const today = todayOnTestClock();
export const thisYear = Number(today.slice(0, 4));
/** A date earlier this year (Jan 2nd, or today on Jan 1st/2nd) so it is never in the future. */
export const earlierThisYear = today > `${thisYear}-01-02` ? `${thisYear}-01-02` : today;
export const lastYear = (mmdd: string) => `${thisYear - 1}-${mmdd}`;

/**
 * The party fixture (a street, a community with a branch and a group) plus the volunteer module's helpers:
 * residents, member volunteers, an activity recorded with hours, and the standard posts.
 */
export async function volunteerFixture() {
  const t = await partyFixture();
  const { call, branch, committee } = t;
  let seq = 100;
  const resident = (name: string, extra: Record<string, unknown> = {}) =>
    call('volunteer.createResident', {
      name, phone: '13912345678', orgId: committee.id, registeredOn: earlierThisYear,
      idNumber: idNumber('130104', '1980-02-03', ++seq, 'female'), ...extra,
    });
  const memberVolunteer = async (name: string) => {
    const m = await t.member(name);
    return { member: m, volunteer: await call('volunteer.addMember', { memberId: m.id, registeredOn: earlierThisYear }) };
  };
  /** Plans an activity, signs people up and records each one's hours (given in hours; the API takes tenths). */
  const activity = async (onDate: string, hours: Record<string, number>, title = '清理楼道堆物') => {
    const a = await call('volunteer.createActivity', { title, onDate, organiserOrgId: branch.id, place: '3号楼' });
    const ids = Object.keys(hours);
    await call('volunteer.signUp', { activityId: a.id, people: ids.map((volunteerId) => ({ volunteerId })) });
    return call('volunteer.recordHours', {
      activityId: a.id,
      recorderOrgId: branch.id,
      rows: ids.map((volunteerId) => ({ person: { volunteerId }, attendance: 'present' as const, hours: Math.round(hours[volunteerId]! * 10) })),
    });
  };
  /** A manual entry of `points` (whole points; the API takes tenths). */
  const award = (volunteerId: string, points: number, onDate = earlierThisYear, category: 'base' | 'service' | 'contribution' = 'contribution') =>
    call('volunteer.addEntry', { person: { volunteerId }, onDate, category, amount: Math.round(points * 10), reason: '捐赠图书', sourceKind: 'manual' });
  const balance = async (id: string) => (await call('volunteer.getVolunteer', { id })).balance;
  const posts = await call('volunteer.listPosts', {});
  // `db`: a second connection to the same file, for what the API does not show (the tables themselves).
  return { ...t, resident, memberVolunteer, activity, award, balance, posts, db: t.rawDb };
}
