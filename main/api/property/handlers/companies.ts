import {
  companyContractCount,
  deleteCompany,
  findCompanyByCreditCode,
  getCompany,
  insertCompany,
  listCompanies,
  updateCompany,
} from '../../../../db/property/companies';
import { companyCardCount } from '../../../../db/property/cards';
import { contractsOfCompany } from '../../../../db/property/contracts';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { propertyContract } from '../contract';
import { companyCards } from './cards';
import { propertySettings } from './settings';

type C = typeof propertyContract;

/** One company per credit code: a second registration is refused, naming the first. */
function checkCreditCodeFree(db: Db, creditCode: string, selfId: string | null) {
  const same = findCompanyByCreditCode(db, creditCode);
  if (same && same.id !== selfId) throw fieldError('creditCode', `这个统一社会信用代码已登记为“${same.name}”`);
}

export const companyHandlers: Pick<
  Handlers<C>,
  'property.listCompanies' | 'property.getCompany' | 'property.createCompany' | 'property.updateCompany' | 'property.deleteCompany'
> = {
  'property.listCompanies': (input, { db, today }) => listCompanies(db, input, today),

  'property.getCompany': ({ id }, { db, today }) => {
    const company = getCompany(db, id, today);
    if (!company) throw notFound('物业服务企业');
    return { company, contracts: contractsOfCompany(db, id), cards: companyCards(db, id, today, propertySettings(db).cardRule) };
  },

  'property.createCompany': (input, { db, operator, today, audit }) => {
    checkCreditCodeFree(db, input.creditCode, null);
    const id = insertCompany(db, input, operator);
    const after = getCompany(db, id, today)!;
    audit({ action: 'create', entity: 'property_company', entityId: id, after });
    return after;
  },

  'property.updateCompany': ({ id, ...fields }, { db, operator, today, audit }) => {
    const before = getCompany(db, id, today);
    if (!before) throw notFound('物业服务企业');
    checkCreditCodeFree(db, fields.creditCode, id);
    updateCompany(db, id, fields, operator);
    const after = getCompany(db, id, today)!;
    audit({ action: 'update', entity: 'property_company', entityId: id, before, after });
    return after;
  },

  'property.deleteCompany': ({ id }, { db, today, audit }) => {
    const before = getCompany(db, id, today);
    if (!before) throw notFound('物业服务企业');
    const contracts = companyContractCount(db, id);
    if (contracts > 0) {
      throw new DomainError('CONFLICT', `“${before.name}”有 ${contracts} 份服务合同记录，不能删除（合同是小区的服务历史）`, 'COMPANY_HAS_CONTRACTS');
    }
    if (companyCardCount(db, id) > 0) {
      throw new DomainError('CONFLICT', `“${before.name}”有黄红牌记录，不能删除（记录须保留）`, 'COMPANY_HAS_CARDS');
    }
    deleteCompany(db, id);
    audit({ action: 'delete', entity: 'property_company', entityId: id, before });
    return null;
  },
};
