import { hundredthsText } from '../../../export/format';
import type { Register } from '../../../export/types';
import { zhCompare } from '../../party/export/org-index';
import { applicationStatuses, consentRules } from '../labels';
import { applicationsTable, type ApplicationExport } from './procedure-tables';

/** 「2026-11-01 至 2026-11-10」, or blank while a notice was not posted. */
const span = (from: string | null, to: string | null): string | null => (from ? `${from} 至 ${to ?? ''}` : null);

/**
 * 维修资金使用申请台账: every application on file, one row each, with its vote, its notices, its approval and
 * what was paid as of the export — a ledger of cases like the resolutions register, so it lists what is on file
 * rather than what happened in the month (a case runs for months). Areas are stored in hundredths of a m².
 */
export const applicationRegister: Register<ApplicationExport> = {
  key: 'fund.applications',
  title: '维修资金使用申请台账',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'estate', header: '小区', width: 16, kind: 'text', value: (r) => r.estateName },
    { key: 'title', header: '申请事项', width: 24, kind: 'text', value: (r) => r.title, total: { count: '项' } },
    { key: 'works', header: '工程内容', width: 30, kind: 'text', value: (r) => r.works },
    { key: 'budget', header: '预算（元）', width: 13, kind: 'money', value: (r) => r.budget, total: 'sum' },
    { key: 'rule', header: '表决规则', width: 18, kind: 'text', value: (r) => consentRules[r.rule] },
    { key: 'households', header: '业主户数', width: 9, kind: 'int', value: (r) => r.totalHouseholds, total: 'sum' },
    { key: 'agreedHouseholds', header: '同意户数', width: 9, kind: 'int', value: (r) => r.agreedHouseholds },
    { key: 'area', header: '总面积（㎡）', width: 12, kind: 'text', value: (r) => hundredthsText(r.totalArea) },
    { key: 'agreedArea', header: '同意面积（㎡）', width: 12, kind: 'text', value: (r) => hundredthsText(r.agreedArea) },
    { key: 'voteClosedOn', header: '表决截止', width: 11, kind: 'date', value: (r) => r.voteClosedOn },
    { key: 'planNotice', header: '方案公示', width: 24, kind: 'text', value: (r) => span(r.planNoticeFrom, r.planNoticeTo) },
    { key: 'approval', header: '批准日期及文号', width: 20, kind: 'text', value: (r) => [r.approvedOn, r.approvalRef].filter(Boolean).join(' ') || null },
    { key: 'resultNotice', header: '结果公示', width: 24, kind: 'text', value: (r) => span(r.resultNoticeFrom, r.resultNoticeTo) },
    { key: 'paid', header: '已付（元）', width: 13, kind: 'money', value: (r) => r.paid, total: 'sum' },
    { key: 'pending', header: '待签字付款（元）', width: 13, kind: 'money', value: (r) => r.pending, total: 'sum' },
    { key: 'status', header: '状态', width: 11, kind: 'text', value: (r) => applicationStatuses[r.status] },
  ],
  rows: (data) =>
    [...data.rows(applicationsTable)].sort((a, b) =>
      zhCompare(a.community, b.community) || zhCompare(a.estateName, b.estateName) || a.createdAt.localeCompare(b.createdAt)),
};
