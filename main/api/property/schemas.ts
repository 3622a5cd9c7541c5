import { z } from 'zod';
import {
  choice,
  chosen,
  creditCode,
  date,
  id,
  nullableId,
  optionalCount,
  optionalDate,
  optionalPastDate,
  optionalText,
  pageInput,
  pastDate,
  phone,
  requiredText,
  wholeNumber,
} from '../common/fields';
import { committeeRoles, jointParties, managementTypes, partyOrgForms, residentRatings, resolutionStatuses } from './labels';
import { assessmentSettingsShape } from './assessment-schemas';
import { DEFAULT_CARD_RULE } from './cards';
import { latestTermEnd, MAX_TERM_YEARS, secondChairIndex } from './rules';

const issueAt = (ctx: z.RefinementCtx, path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });

// ---------------------------------------------------------------- companies

export const CompanyInput = z.object({
  name: requiredText('企业名称', 100),
  creditCode,
  contactPerson: optionalText('联系人', 30),
  contactPhone: phone,
  address: optionalText('地址', 100),
  partyOrgForm: choice(partyOrgForms, '党组织组建方式').nullish().transform((v) => v ?? null),
  partyMembers: optionalCount('党员人数', 10000),
  note: optionalText('备注', 500),
});
export const CompanyUpdate = CompanyInput.extend({ id });
export const CompanyList = z.object({ q: z.string().trim().max(30).default(''), ...pageInput });

// ---------------------------------------------------------------- estates (a place of kind 'estate', extended)

export const EstateInput = z.object({
  placeId: chosen('小区'),
  management: choice(managementTypes, '管理方式'),
  /** Written to the places register, where the estate's households already live. */
  households: optionalCount('户数', 100000),
  /** Hundredths of a square metre (12,345.67 m² = 1234567). */
  floorAreaHundredths: optionalCount('建筑面积', 10_000_000_000),
  note: optionalText('备注', 500),
});
export const EstateList = z.object({
  communityId: nullableId,
  management: choice(managementTypes, '管理方式').nullish().transform((v) => v ?? null),
  ...pageInput,
});

// ---------------------------------------------------------------- service contracts

const contractShape = z.object({
  estateId: chosen('小区'),
  companyId: chosen('物业服务企业'),
  startsOn: date('合同开始日期'),
  endsOn: optionalDate('合同结束日期'),
  note: optionalText('备注', 500),
});
const contractDates = (c: z.output<typeof contractShape>, ctx: z.RefinementCtx) => {
  if (c.endsOn && c.endsOn < c.startsOn) issueAt(ctx, ['endsOn'], '合同结束日期不能早于开始日期');
};
export const ContractInput = contractShape.superRefine(contractDates);
export const ContractUpdate = contractShape.extend({ id }).superRefine(contractDates);

// ---------------------------------------------------------------- owners' committee terms

export const CommitteeMemberInput = z
  .object({
    memberId: nullableId,
    name: optionalText('姓名', 30),
    role: choice(committeeRoles, '职务'),
    isPartyMember: z.boolean().default(false),
    onResidentsCommittee: z.boolean().default(false),
  })
  .superRefine((m, ctx) => {
    if (!m.memberId && !m.name) issueAt(ctx, ['name'], '请填写姓名，或从党员名册中选择');
  })
  // A member taken from the register is a party member by definition; the name comes from the register.
  .transform((m) => (m.memberId ? { ...m, name: null, isPartyMember: true } : m));

const termShape = z.object({
  estateId: chosen('小区'),
  termNo: wholeNumber('届次', 1, 99),
  electedOn: pastDate('选举日期'),
  startsOn: date('任期开始日期'),
  endsOn: date('任期结束日期'),
  filedOn: optionalPastDate('备案日期'),
  firstMeetingOn: optionalPastDate('首次会议日期'),
  note: optionalText('备注', 500),
  members: z.array(CommitteeMemberInput).max(30, '业委会成员不超过 30 人'),
});

function termRules(t: Omit<z.output<typeof termShape>, 'estateId'>, ctx: z.RefinementCtx) {
  if (t.startsOn && t.electedOn && t.startsOn < t.electedOn) issueAt(ctx, ['startsOn'], '任期开始日期不能早于选举日期');
  if (t.endsOn && t.startsOn && t.endsOn <= t.startsOn) issueAt(ctx, ['endsOn'], '任期结束日期应晚于开始日期');
  else if (t.endsOn && t.startsOn && t.endsOn > latestTermEnd(t.startsOn)) {
    issueAt(ctx, ['endsOn'], `任期不超过 ${MAX_TERM_YEARS} 年，最晚到 ${latestTermEnd(t.startsOn)}`);
  }
  if (t.filedOn && t.filedOn < t.electedOn) issueAt(ctx, ['filedOn'], '备案日期不能早于选举日期');
  if (t.firstMeetingOn && t.firstMeetingOn < t.electedOn) issueAt(ctx, ['firstMeetingOn'], '首次会议日期不能早于选举日期');
  const seen = new Set<string>();
  t.members.forEach((m, i) => {
    if (m.memberId && seen.has(m.memberId)) issueAt(ctx, ['members', i, 'name'], '同一名党员重复登记');
    if (m.memberId) seen.add(m.memberId);
  });
  const second = secondChairIndex(t.members.map((m) => m.role));
  if (second !== null) issueAt(ctx, ['members', second, 'role'], '一届业委会只有一名主任');
}

export const TermInput = termShape.superRefine(termRules);
export const TermUpdate = termShape.omit({ estateId: true }).extend({ id }).superRefine(termRules);
export const TermWarningList = z.object({ communityId: nullableId });

// ---------------------------------------------------------------- three-party joint meetings

export const AttendeeInput = z.object({
  party: choice(jointParties, '参会方'),
  name: requiredText('姓名', 30),
  title: optionalText('单位或职务', 60),
});

export const JointResolutionInput = z.object({
  /** Kept across edits: a resolution's steps and extensions belong to it. */
  id: id.optional(),
  content: requiredText('决议内容', 500),
  responsibleParty: choice(jointParties, '责任方'),
  responsiblePerson: optionalText('责任人', 30),
  dueOn: date('完成时限'),
});

export const JointMeetingInput = z
  .object({
    estateId: chosen('小区'),
    heldOn: pastDate('会议日期'),
    convener: requiredText('召集人', 30),
    place: optionalText('地点', 100),
    minutes: optionalText('会议纪要', 20000),
    attendees: z.array(AttendeeInput).max(100, '参会人员不超过 100 人'),
    topics: z.array(requiredText('议题', 200)).min(1, '请至少填写一个议题').max(30, '议题不超过 30 个'),
    resolutions: z.array(JointResolutionInput).max(100, '决议不超过 100 条'),
  })
  .superRefine((m, ctx) => {
    m.resolutions.forEach((r, i) => {
      if (m.heldOn && r.dueOn && r.dueOn < m.heldOn) issueAt(ctx, ['resolutions', i, 'dueOn'], '完成时限不能早于会议日期');
    });
  });
export const JointMeetingUpdate = z.object({ id, meeting: JointMeetingInput });
export const JointMeetingList = z.object({
  estateId: nullableId,
  communityId: nullableId,
  from: optionalDate('开始日期'),
  to: optionalDate('结束日期'),
  ...pageInput,
});

// ---------------------------------------------------------------- resolutions

/** Any status may be asked for, so that a step not allowed is answered with its reason, not a bare "invalid". */
export const MoveResolution = z
  .object({
    id,
    to: choice(resolutionStatuses, '办理状态'),
    doneOn: optionalPastDate('办结日期'),
    reason: optionalText('撤销原因', 200),
  })
  .superRefine((m, ctx) => {
    if (m.to === 'done' && !m.doneOn) issueAt(ctx, ['doneOn'], '请填写办结日期');
    if (m.to === 'dropped' && !m.reason) issueAt(ctx, ['reason'], '请填写撤销原因');
  });
export const ExtendResolution = z.object({ id, newDueOn: date('新的完成时限'), reason: requiredText('延期原因', 200) });
export const NoticeResolution = z.object({ id, noticedOn: pastDate('公示日期') });
export const RateResolution = z.object({ id, rating: choice(residentRatings, '群众评价') });
export const OverdueList = z.object({ communityId: nullableId, ...pageInput });

// ---------------------------------------------------------------- settings

export const PropertySettingsInput = z.object({
  reelectionLeadMonths: wholeNumber('提前启动换届的月数', 1, 24),
  partyRatioTargetPercent: wholeNumber('党员比例目标（%）', 0, 100),
  smallEstateMaxHouseholds: optionalCount('小型小区户数上限', 100000, 1),
  ...assessmentSettingsShape,
  /** A file saved before cards reads with the defaults. */
  cardRule: z
    .object({ redAfterYellows: wholeNumber('几张黄牌升红牌', 1, 20), windowMonths: wholeNumber('黄牌计数期（月）', 1, 60) })
    .default(DEFAULT_CARD_RULE),
});

// ---------------------------------------------------------------- yellow and red cards

/** A yellow for an overdue resolution: its company and deadline are read from it. */
export const ResolutionYellowCard = z.object({
  basis: z.literal('resolution'), resolutionId: id, issuedOn: pastDate('发牌日期'), reason: requiredText('发牌理由', 500),
});
/** A yellow for another rectification not done in time, typed by the clerk with its deadline. */
export const RectificationYellowCard = z.object({
  basis: z.literal('rectification'),
  companyId: id,
  dueOn: date('整改时限'),
  issuedOn: pastDate('发牌日期'),
  reason: requiredText('整改事项及发牌理由', 500),
}).superRefine((c, ctx) => {
  if (c.dueOn >= c.issuedOn) issueAt(ctx, ['dueOn'], '整改时限已过才能发黄牌：时限应早于发牌日期');
});
export const IssueYellowCard = z.discriminatedUnion('basis', [ResolutionYellowCard, RectificationYellowCard]);
export const IssueRedCard = z.object({ companyId: id, issuedOn: pastDate('发牌日期'), reason: requiredText('发牌理由', 500) });
export const WithdrawCard = z.object({ id, reason: requiredText('撤销原因', 500) });
export const CardProposalList = z.object({ companyId: nullableId });
