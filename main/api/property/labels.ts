/** Chinese names of the red-property module's codes: one catalogue for forms, tables, exports and errors. */

export const managementTypes = { company: '物业服务企业', self: '自管', abandoned: '弃管' } as const;

export const partyOrgForms = { own: '单独组建', joint: '区域联建', sector: '行业共建' } as const;

export const committeeRoles = { chair: '主任', vice_chair: '副主任', member: '委员' } as const;

/** The parties of a three-party joint meeting (三方联动), who attend and who answer for a resolution. */
export const jointParties = {
  party_org: '社区党组织',
  residents_committee: '居委会',
  owners_committee: '业委会',
  property_company: '物业服务企业',
  department: '职能部门',
  other: '其他',
} as const;

export const resolutionStatuses = { open: '待办理', in_progress: '办理中', done: '已办结', dropped: '已撤销' } as const;

export const residentRatings = { satisfied: '满意', mostly_satisfied: '基本满意', unsatisfied: '不满意' } as const;

/** The party-member share of a committee, against the street's target. */
export const ratioStates = { not_formed: '未组建', meets: '达标', below: '低于目标' } as const;

/** Where a committee term stands on a given day. */
export const termStates = {
  upcoming: '未开始',
  serving: '任期内',
  reelection_due: '应启动换届',
  overdue: '逾期未换届',
  succeeded: '已换届',
} as const;

/** A deadline counted from the election (备案 within 30 days, first meeting within 7). */
export const deadlineStates = { pending: '未到期', overdue: '已逾期', done: '按时完成', done_late: '逾期完成' } as const;
