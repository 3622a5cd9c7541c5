import { readPropertyQuery, searchCompanies, searchEstates } from '../../../db/property/search';
import { defineModule } from '../module';
import { propertyContract } from './contract';
import { propertyExport } from './export';
import { propertyHandlers } from './handlers';
import { propertyRegisters } from './imports';
import { managementTypes } from './labels';

/** 红色物业: property companies, estates' profiles and contracts, owners' committees, three-party joint meetings. */
export const propertyModule = defineModule({
  name: 'property',
  contract: propertyContract,
  handlers: propertyHandlers,
  export: propertyExport,
  imports: propertyRegisters,
  // Estates (their profiles, beside the places register's hit from 党组织) and companies, by name or pinyin; a
  // company also by its credit code.
  search: (db, q, limit) => {
    const pq = readPropertyQuery(q);
    if (!pq) return [];
    return [
      ...searchEstates(db, pq, limit).map((e) => ({ kind: 'estate' as const, id: e.id, title: e.name, subtitle: `${e.communityName} · ${managementTypes[e.management]}` })),
      ...searchCompanies(db, pq, limit).map((c) => ({ kind: 'company' as const, id: c.id, title: c.name, subtitle: c.creditCode })),
    ].slice(0, limit);
  },
});
