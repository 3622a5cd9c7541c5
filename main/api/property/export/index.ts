import type { ModuleExport } from '../../../export/types';
import { assessmentRegister, committeeRegister, companyRegister, estateRegister, meetingRegister, quarterRegister, resolutionRegister } from './registers';
import { propertySummary } from './summary';
import { assessmentsTable, cardsTable, companiesTable, estatesTable, meetingsTable, quartersTable, resolutionsTable, termsTable } from './tables';

/**
 * Red property in exports and submissions (docs/export.md, docs/property.md): its package tables, its registers
 * (台账) in workbook order, and its key figures on the 汇总 sheet.
 */
export const propertyExport: ModuleExport = {
  module: 'property',
  title: '红色物业',
  tables: [estatesTable, companiesTable, termsTable, meetingsTable, assessmentsTable, quartersTable, resolutionsTable, cardsTable],
  registers: [estateRegister, companyRegister, committeeRegister, meetingRegister, resolutionRegister, assessmentRegister, quarterRegister],
  summary: propertySummary,
};
