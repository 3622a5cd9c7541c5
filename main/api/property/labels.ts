import type { AssessorBodyCode, CardBasis, CardColour, CommitteeRole, JointParty, ManagementType, PartyOrgForm, RateKind, ResidentRating, ResolutionStatus, ScoringMethodCode } from '../../../db/property/types';

/** Chinese names of the red-property module's codes: one catalogue for forms, tables, exports and errors. */

export const managementTypes = { company: '物业服务企业', self: '自管', abandoned: '弃管' } as const satisfies Record<ManagementType, string>;

export const partyOrgForms = { own: '单独组建', joint: '区域联建', sector: '行业共建' } as const satisfies Record<PartyOrgForm, string>;

export const committeeRoles = { chair: '主任', vice_chair: '副主任', member: '委员' } as const satisfies Record<CommitteeRole, string>;

/** The parties of a three-party joint meeting (三方联动), who attend and who answer for a resolution. */
export const jointParties = {
  party_org: '社区党组织',
  residents_committee: '居委会',
  owners_committee: '业委会',
  property_company: '物业服务企业',
  department: '职能部门',
  other: '其他',
} as const satisfies Record<JointParty, string>;

export const resolutionStatuses = { open: '待办理', in_progress: '办理中', done: '已办结', dropped: '已撤销' } as const satisfies Record<ResolutionStatus, string>;

export const cardColours = { yellow: '黄牌', red: '红牌' } as const satisfies Record<CardColour, string>;

export const cardBases = { resolution: '联席会议决议逾期', rectification: '整改逾期', yellows: '黄牌累计' } as const satisfies Record<CardBasis, string>;

/** A company's standing by its cards in force within the window (cards.ts). */
export const cardStandings = { none: '无', yellow: '黄牌', red_due: '应发红牌', red: '红牌' } as const;

export const residentRatings = { satisfied: '满意', mostly_satisfied: '基本满意', unsatisfied: '不满意' } as const satisfies Record<ResidentRating, string>;

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

// ---------------------------------------------------------------- service-quality assessments (物业服务质量考评)

/** How an item of a score sheet is scored. */
export const scoringMethods = { binary: '符合性', deduction: '按次扣分', band: '按比率分档', veto: '一票否决' } as const satisfies Record<ScoringMethodCode, string>;

/** The bodies that score an estate (武昌: street, residents' committee, housing bureau, owners' committee; a third party surveys). */
export const assessorBodies = {
  street: '街道',
  residents_committee: '社区居委会',
  housing_bureau: '房管部门',
  owners_committee: '业委会',
  third_party: '第三方测评',
} as const satisfies Record<AssessorBodyCode, string>;

/** The rate a band item is scored on. The estate's own collection and satisfaction rates come from the surveys module. */
export const rateKinds = { collection: '物业费收缴率', satisfaction: '满意度', other: '其他比率' } as const satisfies Record<RateKind, string>;

export const templateStatuses = { draft: '草稿', published: '已发布' } as const;

export const standings = { red: '红榜', black: '黑榜', none: '—' } as const;
