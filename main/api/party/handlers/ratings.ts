import { labelOrgNames } from '../org-names';
import { getOrg } from '../../../../db/party/orgs';
import { branchRatingsPage, findRating, ratingsOfOrg, upsertRating } from '../../../../db/party/ratings';
import { fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { partyContract } from '../contract';

type C = typeof partyContract;

export const ratingHandlers: Pick<Handlers<C>, 'party.rateBranch' | 'party.listRatings' | 'party.listBranchRatings'> = {
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

  'party.listRatings': ({ orgId }, { db }) => labelOrgNames(db, ratingsOfOrg(db, orgId)),

  'party.listBranchRatings': ({ year, orgId, offset, limit }, { db }) => {
    const scope = orgId ? getOrg(db, orgId) : null;
    if (orgId && !scope) throw notFound('党组织');
    return branchRatingsPage(db, year, scope?.path ?? null, offset, limit);
  },
};
