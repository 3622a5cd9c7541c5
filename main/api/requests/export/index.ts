import type { ModuleExport } from '../../../export/types';
import { categoryRegister, requestRegister } from './registers';
import { requestsSummary } from './summary';
import { requestsTable } from './tables';

/** 民呼必应 in exports and submissions (docs/requests.md, docs/export.md): the ledger's table, its two registers, its figures. */
export const requestsExport: ModuleExport = {
  module: 'requests',
  title: '民呼必应',
  tables: [requestsTable],
  registers: [requestRegister, categoryRegister],
  summary: requestsSummary,
};
