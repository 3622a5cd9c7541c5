import { labelOrgNames } from '../org-names';
import { getOrg } from '../../../../db/party/orgs';
import { findRating, ratingsOfOrg, ratingsOfYear, upsertRating } from '../../../../db/party/ratings';
import { fieldError } from '../../common/errors';
import type { Handlers } from '../../router';
import type { partyContract } from '../contract';

type C = typeof partyContract;

export const ratingHandlers: Pick<Handlers<C>, 'party.rateBranch' | 'party.listRatings'> = {
  'party.rateBranch': (input, { db, operator, audit }) => {
    const org = getOrg(db, input.orgId);
    if (!org || org.level !== 'branch') throw fieldError('orgId', '五星支部评定的对象应为党支部');
    if (Number(input.ratedOn.slice(0, 4)) < input.year) throw fieldError('ratedOn', '评定日期应在评定年度之内或之后');
    const before = findRating(db, input.orgId, input.year) ?? null;
    const id = upsertRating(db, input, operator);
    const after = findRating(db, input.orgId, input.year)!;
    audit({ action: before ? 'update' : 'create', entity: 'branch_rating', entityId: id, before, after });
    return after;
  },

  'party.listRatings': ({ orgId, year }, { db, today }) => {
    return labelOrgNames(db, orgId ? ratingsOfOrg(db, orgId) : ratingsOfYear(db, year ?? Number(today.slice(0, 4))));
  },
};
