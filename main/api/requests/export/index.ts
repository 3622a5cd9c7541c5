import type { ModuleExport } from '../../../export/types';
import { categoryRegister, requestRegister } from './registers';
import { requestsSummary } from './summary';
import { careTable, gridsTable, stewardsTable, wishesTable } from './lists';
import { requestsTable } from './tables';

/** 民呼必应 in exports and submissions (docs/requests.md, docs/export.md): the ledger's and the lists' tables, its two registers, its figures. */
export const requestsExport: ModuleExport = {
  module: 'requests',
  title: '民呼必应',
  tables: [requestsTable, gridsTable, stewardsTable, wishesTable, careTable],
  registers: [requestRegister, categoryRegister],
  summary: requestsSummary,
};
