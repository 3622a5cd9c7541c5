/**
 * The audit log's modules: which entities each one's changes are recorded under, for the audit page's 模块 filter.
 * Every entity a handler audits belongs to exactly one (tests/unit/audit-page.test.ts reads the handlers to check).
 */
export const auditModules = {
  party: { label: '党组织', entities: ['place', 'org', 'member', 'meeting', 'branch_rating', 'served_households'] },
  volunteer: {
    label: '志愿服务',
    entities: ['volunteer', 'volunteer_post', 'volunteer_activity', 'volunteer_honour', 'points_rule', 'points_entry', 'redemption_item', 'redemption'],
  },
  requests: { label: '民呼必应', entities: ['grid', 'request', 'request_category', 'steward', 'building_cards', 'wish', 'care_household', 'care_visit', 'requests_settings', 'request_street_answer'] },
  property: {
    label: '红色物业',
    entities: [
      'property_company', 'property_contract', 'property_estate', 'property_settings', 'property_survey', 'property_fee', 'committee_term',
      'joint_meeting', 'joint_resolution', 'property_card', 'assessment', 'assessment_list', 'assessment_sheet', 'assessment_template',
    ],
  },
  elevator: { label: '电梯档案', entities: ['elevator', 'elevator_checklist_item', 'elevator_fault', 'elevator_maintenance', 'elevator_settings'] },
  fund: { label: '电梯维保基金', entities: ['fund_account', 'fund_application', 'fund_attachment', 'fund_campaign', 'fund_campaign_household', 'fund_category', 'fund_entry', 'fund_reconciliation', 'fund_settings', 'fund_signatory'] },
  import: { label: '导入台账', entities: ['import_batch', 'import_mapping', 'import_report'] },
  submission: { label: '上报与汇总', entities: ['submission', 'consolidated_record', 'consolidation_conflict', 'unit_key'] },
  system: { label: '设置与账号', entities: ['installation', 'account', 'maintained_totals', 'backup_policy'] },
} as const satisfies Record<string, { label: string; entities: readonly string[] }>;

export type AuditModule = keyof typeof auditModules;
