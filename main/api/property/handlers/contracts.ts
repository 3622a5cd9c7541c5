import type { Db } from '../../../../db/open';
import { getCompany } from '../../../../db/property/companies';
import {
  deleteContract,
  getContract,
  insertContract,
  overlappingContract,
  updateContract,
  type ContractFields,
} from '../../../../db/property/contracts';
import { getEstate } from '../../../../db/property/estates';
import { fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { propertyContract } from '../contract';
import { managementTypes } from '../labels';

type C = typeof propertyContract;

/** A contract binds a company to an estate it manages, and an estate has one company at a time. */
function checkContract(db: Db, f: ContractFields, selfId: string | null, today: string) {
  const estate = getEstate(db, f.estateId, today);
  if (!estate) throw fieldError('estateId', '请选择已建立物业档案的小区');
  if (estate.management !== 'company') {
    throw fieldError('estateId', `“${estate.name}”为${managementTypes[estate.management]}小区，请先把管理方式改为“物业服务企业”`);
  }
  if (!getCompany(db, f.companyId, today)) throw fieldError('companyId', '请选择已登记的物业服务企业');
  const other = overlappingContract(db, f, selfId);
  if (other) {
    throw fieldError('startsOn', `与“${other.companyName}”的合同（${other.startsOn} 至 ${other.endsOn ?? '未定'}）时间重叠`);
  }
}

export const contractHandlers: Pick<Handlers<C>, 'property.createContract' | 'property.updateContract' | 'property.deleteContract'> = {
  'property.createContract': (input, { db, operator, today, audit }) => {
    checkContract(db, input, null, today);
    const id = insertContract(db, input, operator);
    const after = getContract(db, id)!;
    audit({ action: 'create', entity: 'property_contract', entityId: id, after });
    return after;
  },

  'property.updateContract': ({ id, ...fields }, { db, operator, today, audit }) => {
    const before = getContract(db, id);
    if (!before) throw notFound('物业服务合同');
    checkContract(db, fields, id, today);
    updateContract(db, id, fields, operator);
    const after = getContract(db, id)!;
    audit({ action: 'update', entity: 'property_contract', entityId: id, before, after });
    return after;
  },

  // For a contract entered by mistake; an ended one is kept by giving it an end date.
  'property.deleteContract': ({ id }, { db, audit }) => {
    const before = getContract(db, id);
    if (!before) throw notFound('物业服务合同');
    deleteContract(db, id);
    audit({ action: 'delete', entity: 'property_contract', entityId: id, before });
    return null;
  },
};
