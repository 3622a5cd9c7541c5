import type { Db } from '../../../../db/open';
import { getPlace } from '../../../../db/party/places';
import { termsOfEstate } from '../../../../db/property/committees';
import { contractsInForceFrom, contractsOfEstate } from '../../../../db/property/contracts';
import {
  deleteEstate,
  estateUsage,
  getEstate,
  insertEstate,
  listEstates,
  setPlaceHouseholds,
  updateEstate,
  type EstateFields,
} from '../../../../db/property/estates';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { propertyContract } from '../contract';
import { managementTypes } from '../labels';
import { propertySettings } from './settings';
import { termView } from './term-view';

type C = typeof propertyContract;

/** An estate turns 自管 or 弃管 only when no contract runs today or later (the form and the import ask the same). */
export function managementProblem(db: Db, placeId: string, management: EstateFields['management'], today: string): string | null {
  if (management === 'company' || contractsInForceFrom(db, placeId, today) === 0) return null;
  return `小区还有在履行或未开始的物业服务合同，请先登记合同结束日期，再改为“${managementTypes[management]}”`;
}

/** Writes the profile and, when given, the households in the places register (their one home). The import writes with it too. */
export function saveEstate(db: Db, f: EstateFields & { households: number | null }, operator: string, exists: boolean) {
  if (exists) updateEstate(db, f, operator);
  else insertEstate(db, f, operator);
  if (f.households !== null) setPlaceHouseholds(db, f.placeId, f.households, operator);
}

export const estateHandlers: Pick<
  Handlers<C>,
  'property.listEstates' | 'property.getEstate' | 'property.createEstate' | 'property.updateEstate' | 'property.deleteEstate'
> = {
  'property.listEstates': (input, { db, today }) => listEstates(db, input, today),

  'property.getEstate': ({ id }, { db, today }) => {
    const estate = getEstate(db, id, today);
    if (!estate) throw notFound('小区物业档案');
    const settings = propertySettings(db);
    return { estate, contracts: contractsOfEstate(db, id), terms: termsOfEstate(db, id).map((t) => termView(t, today, settings)) };
  },

  'property.createEstate': (input, { db, operator, today, audit }) => {
    const place = getPlace(db, input.placeId);
    if (!place || place.kind !== 'estate') throw fieldError('placeId', '请选择小区（社区和楼栋不建立物业档案）');
    if (getEstate(db, input.placeId, today)) throw fieldError('placeId', `“${place.name}”已建立物业档案`);
    saveEstate(db, input, operator, false);
    const after = getEstate(db, input.placeId, today)!;
    audit({ action: 'create', entity: 'property_estate', entityId: input.placeId, after });
    return after;
  },

  'property.updateEstate': (input, { db, operator, today, audit }) => {
    const before = getEstate(db, input.placeId, today);
    if (!before) throw notFound('小区物业档案');
    const problem = managementProblem(db, input.placeId, input.management, today);
    if (problem) throw fieldError('management', problem);
    saveEstate(db, input, operator, true);
    const after = getEstate(db, input.placeId, today)!;
    audit({ action: 'update', entity: 'property_estate', entityId: input.placeId, before, after });
    return after;
  },

  'property.deleteEstate': ({ id }, { db, today, audit }) => {
    const before = getEstate(db, id, today);
    if (!before) throw notFound('小区物业档案');
    const used = estateUsage(db, id);
    if (used > 0) {
      throw new DomainError('CONFLICT', `“${before.name}”已有 ${used} 条合同、业委会、三方联动或满意度、收费记录，不能删除物业档案`, 'ESTATE_IN_USE');
    }
    deleteEstate(db, id);
    audit({ action: 'delete', entity: 'property_estate', entityId: id, before });
    return null;
  },
};
