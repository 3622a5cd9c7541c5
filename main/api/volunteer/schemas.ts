import { z } from 'zod';
import {
  date,
  id,
  optionalDate,
  optionalIdCardNumber,
  optionalPastDate,
  optionalText,
  pageInput,
  pastDate,
  phone,
  requiredText,
  tenths,
  year,
  choice,
  chosen,
  revealReason,
} from '../common/fields';
import { idCardGender } from '../common/identifiers';
import {
  earningCategories,
  expiryRules,
  honourTitles,
  manualSourceKinds,
  pointCategories,
  sourceKinds,
  volunteerKinds,
} from './labels';

const nullable = <T extends z.ZodType>(t: T) => t.nullish().transform((v) => v ?? null);


const time = (label: string) =>
  z
    .string()
    .nullish()
    .transform((s) => s?.trim() || null)
    .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), `${label}格式为 09:30`);

/** A person: a volunteer already on the register, or a party member who becomes one on first use. */
export const PersonRef = z
  .object({ volunteerId: nullable(id), memberId: nullable(id) })
  .refine((p) => (p.volunteerId === null) !== (p.memberId === null), { message: '请选择人员', path: ['volunteerId'] });
export type PersonRef = z.output<typeof PersonRef>;

// ---------------------------------------------------------------- volunteers

const volunteerShape = {
  team: optionalText('所属队伍', 60),
  skills: optionalText('特长技能', 200),
  registeredOn: pastDate('登记日期'),
  note: optionalText('备注', 500),
};

const residentShape = z.object({
  name: requiredText('姓名', 30),
  gender: nullable(choice({ male: '男', female: '女' }, '性别')),
  idNumber: optionalIdCardNumber,
  phone,
  address: optionalText('住址', 100),
  orgId: chosen('所属社区或支部'),
});

const genderAgrees = (r: z.output<typeof residentShape>, ctx: z.RefinementCtx) => {
  if (r.idNumber && r.gender && idCardGender(r.idNumber) !== r.gender) {
    ctx.addIssue({ code: 'custom', path: ['gender'], message: '性别与身份证号不一致' });
  }
};

export const ResidentInput = residentShape.extend(volunteerShape).superRefine(genderAgrees)
  .transform((r) => ({ ...r, gender: r.gender ?? (r.idNumber ? idCardGender(r.idNumber) : null) }));
export type ResidentInput = z.input<typeof ResidentInput>;

export const MemberVolunteerInput = z.object({ memberId: chosen('党员'), ...volunteerShape });

/** An edit: residents' own fields too (masked numbers unchanged unless retyped: keepIdNumber / keepPhone). */
export const VolunteerUpdate = z.object({
  id,
  ...volunteerShape,
  resident: nullable(residentShape.extend({ keepIdNumber: z.boolean().default(false), keepPhone: z.boolean().default(false) })),
});

/** A resident's edit form, flat; the API takes it nested (`toVolunteerUpdate`). */
export const ResidentEdit = residentShape.extend({
  id,
  ...volunteerShape,
  keepIdNumber: z.boolean().default(false),
  keepPhone: z.boolean().default(false),
});
export const toVolunteerUpdate = ({ id, team, skills, registeredOn, note, ...resident }: z.output<typeof ResidentEdit>): z.input<typeof VolunteerUpdate> =>
  ({ id, team, skills, registeredOn, note, resident });

export const RevealVolunteer = z.object({ id, field: z.enum(['idNumber', 'phone']), reason: revealReason() });
export const LinkMember = z.object({ id, memberId: chosen('党员') });
export const SetVolunteerLeft = z.object({ id, leftOn: optionalPastDate('停止服务日期') });

export const VolunteerList = z.object({
  orgId: nullable(id),
  kind: nullable(choice(volunteerKinds, '志愿者类别')),
  postId: nullable(id),
  active: z.boolean().nullish().transform((v) => (v === undefined ? true : v)),
  q: z.string().trim().max(30).default(''),
  sort: z.enum(['pinyin', 'registered']).default('pinyin'),
  year: year.optional(),
  ...pageInput,
});

export const SearchPeople = z.object({ q: z.string().trim().max(30), limit: z.number().int().min(1).max(50).default(12) });

// ---------------------------------------------------------------- posts

export const PostInput = z.object({
  orgId: nullable(id),
  name: requiredText('岗位名称', 30),
  description: optionalText('岗位职责', 300),
  seq: z.number().int().min(0).max(999).default(100),
});
export const PostUpdate = PostInput.omit({ orgId: true }).extend({ id });
export const RetirePost = z.object({ id, retired: z.boolean() });

export const AssignPosts = z.object({
  assignments: z.array(z.object({ person: PersonRef, postId: nullable(id) })).min(1, '请选择人员').max(500),
  on: pastDate('认岗日期'),
});

export const AssignmentList = z.object({
  orgId: nullable(id),
  unassignedOnly: z.boolean().default(false),
  q: z.string().trim().max(30).default(''),
  ...pageInput,
});

// ---------------------------------------------------------------- activities

export const ActivityInput = z
  .object({
    title: requiredText('活动名称', 60),
    postId: nullable(id),
    onDate: date('活动日期'),
    startTime: time('开始时间'),
    endTime: time('结束时间'),
    place: optionalText('地点', 100),
    organiserOrgId: chosen('组织单位'),
    capacity: nullable(z.number({ error: '人数上限应为数字' }).int('人数上限应为整数').min(1, '人数上限至少 1 人').max(10000)),
    description: optionalText('活动内容', 1000),
  })
  .refine((a) => !a.startTime || !a.endTime || a.endTime > a.startTime, { message: '结束时间应晚于开始时间', path: ['endTime'] });
export type ActivityInput = z.input<typeof ActivityInput>;
export const ActivityUpdate = z.object({ id, activity: ActivityInput });

export const ActivityList = z.object({
  orgId: nullable(id),
  from: optionalDate('开始日期'),
  to: optionalDate('结束日期'),
  status: nullable(z.enum(['planned', 'recorded', 'credited'])),
  ...pageInput,
});

export const SignUp = z.object({ activityId: id, people: z.array(PersonRef).min(1, '请选择报名人员').max(500) });
export const CancelSignUp = z.object({ activityId: id, volunteerId: id });

export const HoursRow = z.object({
  person: PersonRef,
  attendance: z.enum(['present', 'absent'], { error: '请选择是否到场' }),
  hours: tenths('服务时长', 0, 24),
  note: optionalText('备注', 100),
});

export const RecordHours = z
  .object({ activityId: id, recorderOrgId: chosen('记录单位'), rows: z.array(HoursRow).min(1, '没有要登记的人员').max(500) })
  .superRefine((r, ctx) => {
    r.rows.forEach((row, i) => {
      if (row.attendance === 'present' && row.hours === 0) {
        ctx.addIssue({ code: 'custom', path: ['rows', i, 'hours'], message: '到场人员请填写服务时长' });
      }
    });
  });

export const ApplyActivity = z.object({ activityId: id });
export const ReverseApplication = z.object({ activityId: id, reason: requiredText('撤销原因', 200) });
export const ApplyMeeting = z.object({ meetingId: id });

// ---------------------------------------------------------------- rules and ledger

export const RuleInput = z.object({
  effectiveFrom: date('生效日期'),
  pointsPerHour: tenths('每小时积分', 0, 100),
  maxHoursPerActivity: nullable(tenths('每次活动最多计入时长', 0.1, 24)),
  meetingBasePoints: tenths('参加组织生活基础分', 0, 100),
  expiry: choice(expiryRules, '积分有效期'),
  note: optionalText('说明', 200),
});

export const ManualEntry = z.object({
  person: PersonRef,
  onDate: pastDate('记分日期'),
  category: choice(earningCategories, '积分类别'),
  amount: tenths('分值', -1000, 1000).refine((v) => v !== 0, '分值不能为 0'),
  reason: requiredText('事由', 200),
  sourceKind: choice(manualSourceKinds, '来源').default('manual'),
});

export const ReverseEntry = z.object({ entryId: id, reason: requiredText('冲正原因', 200) });

export const EntryList = z.object({
  volunteerId: nullable(id),
  orgId: nullable(id),
  category: nullable(choice(pointCategories, '积分类别')),
  sourceKind: nullable(choice(sourceKinds, '来源')),
  from: optionalDate('开始日期'),
  to: optionalDate('结束日期'),
  /** Keyset paging: the last row shown; the page is the entries after it in ledger order (newest first). */
  before: z.object({ onDate: date('日期'), id }).nullish(),
  ...pageInput,
});

// ---------------------------------------------------------------- rankings and honours

const quarter = z.number().int().min(0).max(4).default(0);

export const Ranking = z.object({ year, quarter, orgId: nullable(id), ...pageInput });
export const UnitRanking = z.object({ year, quarter, level: z.enum(['branch', 'community_committee']), orgId: nullable(id) });

export const HonourInput = z.object({
  volunteerId: id,
  title: choice(honourTitles, '荣誉称号'),
  year,
  quarter: nullable(z.number().int().min(1).max(4)),
  orgId: chosen('评选单位'),
  awardedOn: pastDate('评选日期'),
  note: optionalText('事迹', 500),
});
export const HonourList = z.object({ year: nullable(year), volunteerId: nullable(id) });

// ---------------------------------------------------------------- shop

const itemShape = {
  name: requiredText('物品名称', 40),
  price: tenths('所需积分', 0.1, 100000),
  unit: requiredText('单位', 4).default('件'),
  description: optionalText('说明', 200),
};
export const ItemInput = z.object({ ...itemShape, stock: z.number({ error: '请填写库存' }).int('库存应为整数').min(0, '库存不能为负').max(100000) });
export const ItemUpdate = z.object({ id, ...itemShape, retired: z.boolean().default(false) });
export const Restock = z.object({
  id,
  delta: z.number({ error: '请填写数量' }).int('数量应为整数').min(-100000).max(100000).refine((v) => v !== 0, '数量不能为 0'),
  note: optionalText('说明', 100),
});
export const Redeem = z.object({
  person: PersonRef,
  itemId: chosen('兑换物品'),
  quantity: z.number({ error: '请填写数量' }).int('数量应为整数').min(1, '数量至少为 1').max(99),
  onDate: pastDate('兑换日期'),
});
export const RedemptionList = z.object({ itemId: nullable(id), volunteerId: nullable(id), limit: z.number().int().min(1).max(500).default(100) });

// ---------------------------------------------------------------- the service record

export const ServiceRecord = z
  .object({ volunteerId: id, from: date('开始日期'), to: date('结束日期') })
  .refine((r) => r.from <= r.to, { message: '结束日期不能早于开始日期', path: ['to'] });

export const Scope = z.object({ orgId: nullable(id) });
