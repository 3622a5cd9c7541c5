import { getPlace } from '../../../../db/party/places';
import {
  dissolveOrg,
  getOrg,
  insertOrg,
  moveOrg,
  orgChildren,
  orgPath,
  orgSiblingNameTaken,
  searchOrgs,
  subtreeUsage,
  updateOrg,
  type OrgLevel,
} from '../../../../db/party/orgs';
import type { OrgNode } from '../../../../db/party/types';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { partyContract } from '../contract';
import { childLevel, orgLevels } from '../labels';
import { orgLabelsOf } from '../org-names';
import { unitKindProblem, unitParentProblem, unitPlaceProblem } from '../rules';

type C = typeof partyContract;

function checkKindAndPlace(db: Parameters<typeof getPlace>[0], level: OrgLevel, kind: string, placeId: string | null) {
  const kindProblem = unitKindProblem(level, kind);
  if (kindProblem) throw fieldError('kind', kindProblem);
  const placeProblem = placeId ? unitPlaceProblem(level, getPlace(db, placeId)?.kind) : null;
  if (placeProblem) throw fieldError('placeId', placeProblem);
}

export const orgHandlers: Pick<
  Handlers<C>,
  'party.orgChildren' | 'party.searchOrgs' | 'party.orgPath' | 'party.createOrg' | 'party.updateOrg' | 'party.moveOrg' | 'party.dissolveOrg'
> = {
  'party.orgChildren': ({ parentId }, { db }) => labelled(db, orgChildren(db, parentId)),
  'party.searchOrgs': ({ q, limit, levels, placeId }, { db }) => labelled(db, searchOrgs(db, q, limit, levels, placeId)),
  'party.orgPath': ({ id }, { db }) => labelled(db, orgPath(db, id)),

  'party.createOrg': (input, { db, operator, audit }) => {
    const parent = getOrg(db, input.parentId);
    const parentProblem = unitParentProblem(parent, input.level);
    if (!parent || parentProblem) throw fieldError(parent?.status === 'active' ? 'level' : 'parentId', parentProblem ?? '');
    checkKindAndPlace(db, input.level, input.kind, input.placeId);
    if (orgSiblingNameTaken(db, input.parentId, input.name)) throw fieldError('name', '同一上级下已有同名组织');
    const id = insertOrg(db, input, parent.path, operator);
    const row = getOrg(db, id)!;
    audit({ action: 'create', entity: 'org', entityId: id, after: row });
    return row;
  },

  'party.updateOrg': (input, { db, operator, audit }) => {
    const before = getOrg(db, input.id);
    if (!before) throw notFound('党组织');
    checkKindAndPlace(db, before.level, input.kind, input.placeId);
    if (orgSiblingNameTaken(db, before.parentId, input.name, input.id)) throw fieldError('name', '同一上级下已有同名组织');
    updateOrg(db, input.id, input, operator);
    const after = getOrg(db, input.id)!;
    audit({ action: 'update', entity: 'org', entityId: input.id, before, after });
    return after;
  },

  'party.moveOrg': ({ id, newParentId }, { db, operator, audit }) => {
    const before = getOrg(db, id);
    if (!before) throw notFound('党组织');
    const parent = getOrg(db, newParentId);
    if (!parent || parent.status !== 'active') throw fieldError('newParentId', '目标上级组织不存在或已撤销');
    if (parent.path.startsWith(before.path)) throw fieldError('newParentId', '不能移到自己或自己的下级组织下面');
    if (childLevel[parent.level] !== before.level) {
      throw fieldError('newParentId', `${orgLevels[before.level]}只能放在${orgLevels[parentLevelOf(before.level)]}下面`);
    }
    if (orgSiblingNameTaken(db, newParentId, before.name, id)) throw fieldError('newParentId', '目标上级下已有同名组织');
    moveOrg(db, id, before.path, newParentId, parent.path, operator);
    const after = getOrg(db, id)!;
    audit({ action: 'move', entity: 'org', entityId: id, before, after });
    return after;
  },

  'party.dissolveOrg': ({ id, on }, { db, operator, audit }) => {
    const before = getOrg(db, id);
    if (!before || before.status !== 'active') throw notFound('党组织');
    if (!before.parentId) throw new DomainError('DOMAIN', '最上层的组织不能撤销', 'ORG_IS_ROOT');
    const usage = subtreeUsage(db, before.path);
    if (usage.children > 0) {
      throw new DomainError('CONFLICT', `${before.name}下还有 ${usage.children} 个下级组织，请先移走或撤销`, 'ORG_HAS_CHILDREN');
    }
    if (usage.members > 0) {
      throw new DomainError('CONFLICT', `${before.name}还有 ${usage.members} 名在册党员，请先把他们调整到其他组织`, 'ORG_HAS_MEMBERS');
    }
    dissolveOrg(db, id, on, operator);
    const after = getOrg(db, id)!;
    audit({ action: 'dissolve', entity: 'org', entityId: id, before, after });
    return after;
  },
};

/** Each node named as every other list names it, so two communities' 第一党支部 read apart in the tree too. */
function labelled(db: Db, nodes: OrgNode[]) {
  if (nodes.length === 0) return [];
  const labels = orgLabelsOf(db);
  return nodes.map((n) => ({ ...n, label: labels.get(n.id) ?? n.name }));
}

function parentLevelOf(level: OrgLevel): OrgLevel {
  const entry = Object.entries(childLevel).find(([, child]) => child === level);
  return (entry?.[0] ?? 'street_committee') as OrgLevel;
}
