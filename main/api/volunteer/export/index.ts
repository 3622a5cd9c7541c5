import type { ModuleExport } from '../../../export/types';
import { activityRegister, ledgerRegister, rankingByCommunityRegister, rankingRegister, volunteerRegister } from './registers';
import { volunteerSummary } from './summary';
import { activitiesTable, entriesTable, volunteersTable } from './tables';

/**
 * The volunteer module in exports and submissions (docs/export.md): its package tables, its registers (台账)
 * in workbook order, and its key figures on the 汇总 sheet.
 */
export const volunteerExport: ModuleExport = {
  module: 'volunteer',
  title: '志愿服务',
  tables: [volunteersTable, activitiesTable, entriesTable],
  registers: [volunteerRegister, activityRegister, ledgerRegister, rankingRegister, rankingByCommunityRegister],
  summary: volunteerSummary,
};
