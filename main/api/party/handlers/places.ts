import { deletePlace, findSiblingByName, getPlace, insertPlace, listPlaces, placeUsage, updatePlace } from '../../../../db/party/places';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { partyContract } from '../contract';
import { placeKinds } from '../labels';
import { placeParentProblem } from '../rules';

type C = typeof partyContract;

export const placeHandlers: Pick<
  Handlers<C>,
  'party.listPlaces' | 'party.createPlace' | 'party.updatePlace' | 'party.deletePlace'
> = {
  'party.listPlaces': (_, { db }) => listPlaces(db),

  'party.createPlace': (input, { db, operator, audit }) => {
    if (input.kind === 'community') {
      if (input.parentId) throw fieldError('parentId', '社区是最上层的地点，不需要上级');
    } else {
      const parent = input.parentId ? getPlace(db, input.parentId) : undefined;
      const problem = placeParentProblem(input.kind, parent?.kind);
      if (problem) throw fieldError('parentId', problem);
    }
    if (findSiblingByName(db, input.parentId, input.name)) throw fieldError('name', `已有同名的${placeKinds[input.kind]}`);
    const id = insertPlace(db, input, operator);
    const row = getPlace(db, id)!;
    audit({ action: 'create', entity: 'place', entityId: id, after: row });
    return row;
  },

  'party.updatePlace': (input, { db, operator, audit }) => {
    const before = getPlace(db, input.id);
    if (!before) throw notFound('地点');
    const same = findSiblingByName(db, before.parentId, input.name);
    if (same && same.id !== input.id) throw fieldError('name', `已有同名的${placeKinds[before.kind]}`);
    updatePlace(db, input.id, input, operator);
    const after = getPlace(db, input.id)!;
    audit({ action: 'update', entity: 'place', entityId: input.id, before, after });
    return after;
  },

  'party.deletePlace': ({ id }, { db, audit }) => {
    const before = getPlace(db, id);
    if (!before) throw notFound('地点');
    const used = placeUsage(db, id);
    if (used > 0) {
      throw new DomainError('CONFLICT', `“${before.name}”下还有 ${used} 条关联记录（下级地点、党组织、党员住址、小区档案、电梯或基金账户等），不能删除`, 'PLACE_IN_USE');
    }
    deletePlace(db, id);
    audit({ action: 'delete', entity: 'place', entityId: id, before });
    return null;
  },
};
