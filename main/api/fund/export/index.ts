import type { ModuleExport } from '../../../export/types';
import { applicationRegister } from './application-register';
import { accountRegister, journalRegister } from './registers';
import { fundSummary } from './summary';
import { applicationsTable, reconciliationsTable } from './procedure-tables';
import { accountsTable, journalTable } from './tables';

/** The elevator maintenance fund in exports and submissions (docs/export.md, docs/fund.md). */
export const fundExport: ModuleExport = {
  module: 'fund',
  title: '电梯维保基金',
  tables: [accountsTable, journalTable, applicationsTable, reconciliationsTable],
  registers: [accountRegister, journalRegister, applicationRegister],
  summary: fundSummary,
};
