import { labelOrgNames } from '../../party/org-names';
import { listActivities } from '../../../../db/volunteer/activities';
import { deleteHonour, getHonour, honourExists, insertHonour, listHonours } from '../../../../db/volunteer/honours';
import { activeVolunteerCounts, linkableCount } from '../../../../db/volunteer/people';
import { unassignedCount } from '../../../../db/volunteer/posts';
import { earnedIn, monthlySeries, personRanking, subtreeTotals, unitRanking, yearFromMonths } from '../../../../db/volunteer/rankings';
import { pendingMeetings, pendingSince } from '../../../../db/volunteer/service-record';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { todayIso } from '../../common/calendar';
import type { Handlers } from '../../router';
import type { volunteerContract } from '../contract';
import { honourTitles, periodLabel } from '../labels';
import { mustUnit, mustVolunteer, scopePath } from './common';

type C = typeof volunteerContract;

export const rankingHandlers: Pick<
  Handlers<C>,
  | 'volunteer.ranking'
  | 'volunteer.unitRanking'
  | 'volunteer.unitTotals'
  | 'volunteer.listHonours'
  | 'volunteer.awardHonour'
  | 'volunteer.revokeHonour'
  | 'volunteer.getDashboard'
> = {
  'volunteer.ranking': (input, { db }) => {
    const page = personRanking(db, { ...input, orgPath: scopePath(db, input.orgId) });
    return { ...page, rows: labelOrgNames(db, page.rows) };
  },

  'volunteer.unitRanking': ({ year, quarter, level, orgId }, { db }) => unitRanking(db, level, scopePath(db, orgId), year, quarter),

  'volunteer.unitTotals': ({ orgId, year, quarter }, { db }) => subtreeTotals(db, mustUnit(db, orgId, 'orgId', '党组织').path, year, quarter),

  'volunteer.listHonours': (input, { db }) => labelOrgNames(db, listHonours(db, input)),

  /** An honour for a period, with the points the person earned in it kept as its ground. */
  'volunteer.awardHonour': (input, { db, operator, audit }) => {
    const v = mustVolunteer(db, input.volunteerId);
    mustUnit(db, input.orgId, 'orgId', '评选单位');
    if (input.title === 'vanguard' && v.kind !== 'member') throw fieldError('title', '“党员先锋”只评给党员志愿者');
    if (honourExists(db, input)) {
      throw new DomainError('CONFLICT', `${v.name}已获得${periodLabel(input.year, input.quarter)}“${honourTitles[input.title]}”`, 'HONOUR_EXISTS');
    }
    const id = insertHonour(db, { ...input, points: earnedIn(db, v.id, input.year, input.quarter ?? 0) }, operator);
    const row = getHonour(db, id)!;
    audit({ action: 'award', entity: 'volunteer_honour', entityId: id, after: row });
    return row;
  },

  'volunteer.revokeHonour': ({ id }, { db, audit }) => {
    const before = getHonour(db, id);
    if (!before) throw notFound('荣誉记录');
    deleteHonour(db, id);
    audit({ action: 'delete', entity: 'volunteer_honour', entityId: id, before });
    return null;
  },

  'volunteer.getDashboard': ({ orgId }, { db }) => {
    const orgPath = scopePath(db, orgId);
    const today = todayIso();
    const year = Number(today.slice(0, 4));
    // The last twelve months include every month of this year so far: the year's totals come from them.
    const months = monthlySeries(db, orgPath, today.slice(0, 7));
    return {
      year,
      volunteers: activeVolunteerCounts(db, orgPath),
      unassignedMembers: unassignedCount(db, orgPath),
      thisYear: yearFromMonths(months, year),
      months,
      top: labelOrgNames(db, personRanking(db, { year, quarter: 0, orgPath, offset: 0, limit: 10 }).rows),
      upcoming: listActivities(db, { orgPath, from: today, to: null, status: 'planned', ascending: true, offset: 0, limit: 5 }).rows,
      pendingMeetings: pendingMeetings(db, pendingSince(today), 1).total,
      linkable: linkableCount(db),
    };
  },
};
