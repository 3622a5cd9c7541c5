import type { ModuleExport } from '../../../export/types';
import { memberRegister } from './member-register';
import { complianceRegister, meetingRegister, ratingRegister } from './org-life-registers';
import { partySummary } from './summary';
import { meetingsTable, membersTable, orgsTable, ratingsTable } from './tables';

/**
 * The party module in exports and submissions (docs/export.md): the tables its package carries, the
 * registers (台账) it contributes, in the order they appear in a workbook, and its key figures.
 */
export const partyExport: ModuleExport = {
  module: 'party',
  title: '党组织',
  tables: [orgsTable, membersTable, meetingsTable, ratingsTable],
  registers: [memberRegister, meetingRegister, complianceRegister, ratingRegister],
  summary: partySummary,
};
