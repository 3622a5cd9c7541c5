import { z } from 'zod';
import {
  date,
  id,
  optionalIdCardNumber,
  optionalDate,
  optionalPastDate,
  optionalCount,
  optionalText,
  pageInput,
  pastDate,
  phone,
  requiredText,
  year,
  choice,
  chosen,
  keysOf,
  revealReason,
} from '../common/fields';
import { idCardBirthDate, idCardGender } from '../common/identifiers';
import {
  attendanceStatuses,
  genders,
  lifecycles,
  meetingTypes,
  memberCategories,
  memberRoles,
  memberStatuses,
  orgLevels,
  placeKinds,
  resolutionStatuses,
} from './labels';



// ---------------------------------------------------------------- places

export const PlaceInput = z.object({
  kind: choice(placeKinds, '类型'),
  parentId: id.nullish().transform((v) => v ?? null),
  name: requiredText('名称', 50),
  code: optionalText('编码', 32),
  unitCount: optionalCount('单元数', 99, 1),
  households: optionalCount('户数', 100000),
  note: optionalText('备注', 500),
});
export const PlaceUpdate = PlaceInput.omit({ kind: true, parentId: true }).extend({ id });

// ---------------------------------------------------------------- organisations

export const OrgInput = z.object({
  parentId: id,
  level: choice(orgLevels, '组织层级'),
  kind: requiredText('组织类别', 20),
  name: requiredText('组织名称', 60),
  placeId: id.nullish().transform((v) => v ?? null),
  establishedOn: optionalPastDate('成立日期'),
});
export const OrgUpdate = OrgInput.omit({ parentId: true, level: true }).extend({ id });
export const OrgMove = z.object({ id, newParentId: chosen('新的上级组织') });
export const OrgDissolve = z.object({ id, on: pastDate('撤销日期') });
/** One level of the tree: the roots when `parentId` is left out. */
export const OrgChildren = z.object({ parentId: id.nullish().transform((v) => v ?? null) });
/**
 * A limit keeps a one-letter search at a district from answering every unit. An empty `q` answers the first units in
 * tree order (a select opened before anything is typed); `levels` keeps to the units a field may hold.
 */
export const OrgSearch = z.object({
  q: z.string().trim().max(50, '组织名称最多 50 个字').default(''),
  levels: z.array(choice(orgLevels, '组织层级')).max(4).optional(),
  /** The units sited at one place (a place's card lists them). */
  placeId: id.optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
/** A unit and its ancestors, root first: the tree opens down to it, a field names it. */
export const OrgPath = z.object({ id });

// ---------------------------------------------------------------- members

const memberShape = z.object({
  name: requiredText('姓名', 30),
  gender: choice(genders, '性别'),
  ethnicity: optionalText('民族', 20),
  education: optionalText('学历', 20),
  birthDate: optionalPastDate('出生日期'),
  idNumber: optionalIdCardNumber,
  phone,
  joinedOn: pastDate('入党日期'),
  fullOn: optionalPastDate('转正日期'),
  status: choice(memberStatuses, '党员状态'),
  category: choice(memberCategories, '党员类别'),
  workUnit: optionalText('工作单位', 100),
  reportedOn: optionalPastDate('报到日期'),
  orgId: chosen('所在组织'),
  buildingId: id.nullish().transform((v) => v ?? null),
  address: optionalText('住址', 100),
  role: choice(memberRoles, '职务').nullish().transform((v) => v ?? null),
  isCentreHousehold: z.boolean().default(false),
  note: optionalText('备注', 500),
});

type MemberShape = z.output<typeof memberShape>;

/**
 * Rules across fields: the ID number and the birth date agree, in-service members name their work unit, … An
 * import may leave the work unit to be completed later (the register warns; the 报到单位 is often in 备注).
 */
const memberRules = (workUnitRequired: boolean) => (m: MemberShape, ctx: z.RefinementCtx) => {
  const add = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (m.idNumber) {
    const birth = idCardBirthDate(m.idNumber);
    if (m.birthDate && birth !== m.birthDate) add('birthDate', `出生日期与身份证号不一致（身份证为 ${birth}）`);
    if (idCardGender(m.idNumber) !== m.gender) add('gender', '性别与身份证号不一致');
  }
  const birth = m.birthDate ?? (m.idNumber ? idCardBirthDate(m.idNumber) : null);
  if (birth && m.joinedOn < addYears(birth, 18)) add('joinedOn', '入党时应年满 18 周岁，请核对入党日期');
  if (m.status === 'probationary' && m.fullOn) add('fullOn', '预备党员没有转正日期；转正请使用“转为正式党员”');
  if (m.fullOn && m.fullOn < m.joinedOn) add('fullOn', '转正日期不能早于入党日期');
  if (workUnitRequired && m.category === 'in_service' && !m.workUnit) add('workUnit', '在职党员请填写工作单位');
  if (m.reportedOn && m.reportedOn < m.joinedOn && m.category === 'in_service') {
    // Reporting predates joining only by mistake.
    add('reportedOn', '报到日期不能早于入党日期');
  }
};

const addYears = (iso: string, n: number) => `${Number(iso.slice(0, 4)) + n}${iso.slice(4)}`;

/** The birth date and gender follow from the ID number when the clerk leaves them out. */
function fillFromIdNumber(m: MemberShape): MemberShape {
  if (!m.idNumber) return m;
  return { ...m, birthDate: m.birthDate ?? idCardBirthDate(m.idNumber) };
}

export const MemberInput = memberShape.superRefine(memberRules(true)).transform(fillFromIdNumber);
/** A member as an imported register row: the same, except that an in-service member's work unit may come later. */
export const MemberImportInput = memberShape.superRefine(memberRules(false)).transform(fillFromIdNumber);
/**
 * An edit. The form shows the ID number and phone masked: `keepIdNumber` / `keepPhone` say "unchanged", and the
 * handler checks the cross-field rules again (MemberInput) once the stored values are filled in.
 */
export const MemberUpdate = memberShape.extend({
  id,
  keepIdNumber: z.boolean().default(false),
  keepPhone: z.boolean().default(false),
});
export type MemberInput = z.input<typeof MemberInput>;

export const TransferIn = z.object({
  member: MemberInput,
  on: pastDate('转入日期'),
  from: optionalText('转出单位', 100),
});

export const TransferOut = z.object({
  id,
  on: pastDate('转出日期'),
  to: requiredText('转往单位', 100),
  note: optionalText('说明', 200),
});
export const Deceased = z.object({ id, on: pastDate('去世日期'), note: optionalText('说明', 200) });
export const BecomeFull = z.object({ id, on: pastDate('转正日期') });
export const Readmit = z.object({ id, orgId: chosen('编入的组织'), on: pastDate('转入日期'), from: optionalText('转出单位', 100) });

export const Reveal = z.object({ id, field: z.enum(['idNumber', 'phone']), reason: revealReason() });

export const MemberList = z.object({
  orgId: id.nullish().transform((v) => v ?? null),
  category: choice(memberCategories, '类别').nullish().transform((v) => v ?? null),
  status: choice(memberStatuses, '状态').nullish().transform((v) => v ?? null),
  role: z.enum([...keysOf(memberRoles), 'any_role']).nullish().transform((v) => v ?? null),
  lifecycle: z.enum([...keysOf(lifecycles), 'all']).default('active'),
  centreOnly: z.boolean().default(false),
  q: z.string().trim().max(30).default(''),
  sort: z.enum(['pinyin', 'joined']).default('pinyin'),
  ...pageInput,
});

export const ServedHouseholds = z.object({
  memberId: id,
  households: z
    .array(
      z.object({
        household: requiredText('服务户（楼栋-单元-室）', 60),
        headName: optionalText('户主', 30),
        note: optionalText('备注', 100),
      }),
    )
    .max(30, '一个党员中心户最多联系 30 户'),
});

// ---------------------------------------------------------------- meetings

export const AttendanceInput = z
  .object({
    memberId: id.nullish().transform((v) => v ?? null),
    name: requiredText('姓名', 30),
    status: choice(attendanceStatuses, '出席情况'),
    reason: optionalText('缺席原因', 100),
  })
  .refine((a) => a.memberId !== null || a.status === 'guest', {
    message: '非本支部人员只能登记为列席',
    path: ['status'],
  });

export const ResolutionInput = z.object({
  id: id.optional(),
  content: requiredText('决议内容', 500),
  owner: optionalText('责任人', 50),
  dueOn: optionalDate('完成时限'),
  status: choice(resolutionStatuses, '办理状态').default('open'),
  doneOn: optionalDate('办结日期'),
});

export const MeetingInput = z
  .object({
    orgId: chosen('召开组织'),
    type: choice(meetingTypes, '会议类型'),
    heldOn: pastDate('会议日期'),
    startTime: z
      .string()
      .nullish()
      .transform((s) => s?.trim() || null)
      .refine((v) => v === null || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), '时间格式为 09:30'),
    topic: requiredText('议题', 200),
    place: optionalText('地点', 100),
    host: optionalText('主持人', 30),
    recorder: optionalText('记录人', 30),
    minutes: optionalText('会议纪要', 20000),
    attendance: z.array(AttendanceInput).max(500),
    resolutions: z.array(ResolutionInput).max(100),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.attendance.forEach((a, i) => {
      if (!a.memberId) return;
      if (seen.has(a.memberId)) {
        ctx.addIssue({ code: 'custom', path: ['attendance', i, 'name'], message: `${a.name} 重复登记` });
      }
      seen.add(a.memberId);
    });
  });
export const MeetingUpdate = z.object({ id, meeting: MeetingInput });

export const MeetingList = z.object({
  orgId: id.nullish().transform((v) => v ?? null),
  type: choice(meetingTypes, '会议类型').nullish().transform((v) => v ?? null),
  from: optionalDate('开始日期'),
  to: optionalDate('结束日期'),
  ...pageInput,
});

export const Quarter = z.object({
  year,
  quarter: z.number().int().min(1).max(4),
  orgId: id.nullish().transform((v) => v ?? null),
});

/** The compliance view's page: only the branches behind, the furthest behind first or by name. */
export const ComplianceList = Quarter.extend({
  onlyBehind: z.boolean().default(false),
  order: z.enum(['behind', 'name']).default('behind'),
  ...pageInput,
});

// ---------------------------------------------------------------- ratings

export const RatingInput = z.object({
  orgId: id,
  year,
  stars: z.number({ error: '请选择星级' }).int().min(1, '星级为 1–5 星').max(5, '星级为 1–5 星'),
  reasons: requiredText('评定理由', 1000),
  ratedOn: date('评定日期'),
});

/** 五星支部's page: the active branches of a unit's subtree (the district's without `orgId`) with the year's rating. */
export const BranchRatingList = z.object({
  year,
  orgId: id.nullish().transform((v) => v ?? null),
  ...pageInput,
});
