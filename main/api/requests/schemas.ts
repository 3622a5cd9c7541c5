import { z } from 'zod';
import {
  chosen, choice, date, id, nullableId, optionalDate, optionalIdCardNumber, optionalText, pageInput, pastDate, phone, requiredText, revealReason, tenths, wholeNumber,
} from '../common/fields';
import { DEFAULT_REQUEST_SETTINGS } from './rules';
import { careCategories, careColours, handlerKinds, ratings, requestSources, requestStates, urgencies, wishKinds, wishStates } from './labels';

export const byId = z.object({ id });

// ---------------------------------------------------------------- settings

export const RequestSettingsInput = z.object({
  gridHouseholdsTarget: wholeNumber('每个网格的户数', 50, 2000),
  deadlineDays: z.object({
    community: wholeNumber('社区办理期限', 1, 90),
    property_company: wholeNumber('物业服务企业办理期限', 1, 90),
    work_unit: wholeNumber('双报到单位办理期限', 1, 90),
    volunteer_post: wholeNumber('志愿服务岗办理期限', 1, 90),
    street: wholeNumber('街道办理期限', 1, 90),
  }),
  // Settings stored before 重点关爱户 (028) have none: the defaults, not a refusal of what is stored.
  careVisitDays: z.object({
    red: wholeNumber('红色关爱户的走访周期', 1, 365),
    yellow: wholeNumber('黄色关爱户的走访周期', 1, 365),
    green: wholeNumber('绿色关爱户的走访周期', 1, 365),
  }).default(() => ({ ...DEFAULT_REQUEST_SETTINGS.careVisitDays })),
});

// ---------------------------------------------------------------- the street's lists of categories

const categoryKind = z.enum(['accepted', 'not_accepted'], { error: '请选择受理或不予受理' });
export const AddCategory = z.object({ kind: categoryKind, label: requiredText('类别名称', 30) });
export const RetireCategory = z.object({ code: chosen('类别'), retired: z.boolean() });
export const DeleteCategory = z.object({ code: chosen('类别') });

// ---------------------------------------------------------------- grids

export const GridInput = z.object({
  communityId: chosen('社区'),
  name: requiredText('网格名称', 40),
  workerName: requiredText('网格员姓名', 40),
  workerPhone: phone,
  orgId: nullableId,
  note: optionalText('备注'),
  buildingIds: z.array(id).max(500, '一个网格最多 500 栋楼').default([]),
});
export const GridUpdate = GridInput.extend({ id });
export const GridList = z.object({ communityId: nullableId });

// ---------------------------------------------------------------- 红色小管家 and the notices

export const StewardInput = z.object({
  memberId: chosen('党员'),
  duty: optionalText('职责', 40),
  /** The steward agreed that the public card shows the full phone. */
  phonePublic: z.boolean().default(false),
  buildingIds: z.array(id).min(1, '请至少选择一栋联系的楼栋').max(60, '一位红色小管家最多联系 60 栋楼'),
});
export const StewardUpdate = StewardInput.extend({ id });
export const StewardList = z.object({ communityId: nullableId });

export const BuildingCardsInput = z.object({
  buildingIds: z.array(id).min(1, '请选择要打印公示卡的楼栋').max(500, '一次最多打印 500 栋楼的公示卡'),
});

/** 问题墙/回音壁: the requests publicised in a period, of one community or the street's. */
export const ProblemWallInput = z
  .object({ communityId: nullableId, from: date('开始日期'), to: date('结束日期') })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });

// ---------------------------------------------------------------- 上报

export const ReportInput = z
  .object({
    reportedOn: pastDate('上报日期'),
    source: choice(requestSources, '诉求来源'),
    anonymous: z.boolean().default(false),
    reporterName: optionalText('反映人', 40),
    reporterPhone: phone,
    placeId: chosen('地点'),
    content: requiredText('诉求内容', 2000),
    /** A category of the accepted list given at entry (a common matter's template): 上报 and 梳理受理 in one save. */
    category: z.string().max(40).nullish().transform((v) => v || null),
    /** With a category, the urgency 梳理受理 records (the template's, else 一般). */
    urgency: choice(urgencies, '紧急程度').default('normal'),
  })
  .superRefine((v, ctx) => {
    if (!v.anonymous && !v.reporterName) ctx.addIssue({ code: 'custom', path: ['reporterName'], message: '请填写反映人，或选择匿名' });
  })
  .transform((v) => (v.anonymous ? { ...v, reporterName: null, reporterPhone: null } : v));

/** 日登记 and 周汇总: the tally of a run of days (a day, a week), of one community or the street's. */
export const SummaryInput = z
  .object({ communityId: nullableId, from: date('开始日期'), to: date('结束日期') })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });

/** 日登记与周汇总 on paper: the day, and the week it falls in. */
export const SummaryPrint = z.object({ communityId: nullableId, day: date('日期') });

/** 常见事项模板 (设置 → 民呼必应): a matter of the accepted list with the words a grid worker starts from. */
/** A template; a list saved before templates had an urgency reads 一般. */
export const RequestTemplate = z.object({ category: chosen('类别'), content: requiredText('诉求内容', 200), urgency: choice(urgencies, '紧急程度').default('normal') });
export const TemplatesInput = z.object({ templates: z.array(RequestTemplate).max(30, '常见事项模板最多 30 条') });

/** 上报's place picker: a place by its name or the pinyin of its own, its estate's or its community's name, word by word. */
export const PlaceSearch = z.object({ q: z.string().trim().max(40), limit: z.number().int().min(1).max(50).default(20) });

/** 民呼必应概览: of one community, or of everything this installation keeps. */
/** One community by its place here or by its consolidated unit (a street's community that sends packages); neither: all. */
export const DashboardInput = z.object({ communityId: nullableId, unitCode: z.string().max(64).nullish().transform((v) => v ?? null) });

/** The reporter's full name or phone, for whoever must call them back; the reason is kept in the audit entry. */
export const RevealReporter = z.object({ id, field: z.enum(['reporterName', 'reporterPhone']), reason: revealReason() });

export const RequestList = z.object({
  state: choice(requestStates, '状态').nullish().transform((v) => v ?? null),
  category: z.string().max(40).nullish().transform((v) => v || null),
  gridId: nullableId,
  /** 督办's lists: overdue, due today, handed up to the street (all being handled). */
  watch: z.enum(['overdue', 'dueToday', 'escalated']).nullish().transform((v) => v ?? null),
  /** 日登记: one day's reports, of one community or the street's. */
  reportedOn: optionalDate('登记日期'),
  communityId: nullableId,
  ...pageInput,
});

// ---------------------------------------------------------------- the steps after 上报, one form each

export const SortStep = z.object({
  id, to: z.literal('sorted'),
  /** One of the street's accepted categories still in use (the core checks it against the list). */
  category: chosen('受理类别'),
  urgency: choice(urgencies, '紧急程度'),
  note: optionalText('梳理意见'),
});
export const RejectStep = z.object({
  id, to: z.literal('not_accepted'),
  category: chosen('不予受理的类别'),
  answer: requiredText('答复内容', 500),
  reason: requiredText('不予受理的理由', 500),
  note: optionalText('备注'),
});
export const AssignStep = z.object({
  id, to: z.literal('assigned'),
  handlerKind: choice(handlerKinds, '承办层级'),
  handlerName: requiredText('承办单位或人员', 60),
  /** Empty: the level's days from the settings. */
  dueOn: optionalDate('办理期限'),
  note: optionalText('交办意见'),
});
export const SuperviseStep = z.object({ id, to: z.literal('supervised'), note: requiredText('督办意见', 500) });
export const DoneStep = z.object({ id, to: z.literal('done'), doneOn: pastDate('办结日期'), result: requiredText('办理结果', 1000), note: optionalText('备注') });
export const PubliciseStep = z.object({ id, to: z.literal('publicised'), publicisedOn: pastDate('公示日期'), note: optionalText('公示位置') });
export const EvaluateStep = z.object({ id, to: z.literal('evaluated'), rating: choice(ratings, '满意度'), note: optionalText('回访意见') });

export const StepInput = z.discriminatedUnion('to', [SortStep, RejectStep, AssignStep, SuperviseStep, DoneStep, PubliciseStep, EvaluateStep]);
export type StepInput = z.infer<typeof StepInput>;

// ---------------------------------------------------------------- 微心愿 and the needs list

const wishFields = z.object({
  kind: choice(wishKinds, '类型'),
  placeId: chosen('地点'),
  title: requiredText('心愿或需求', 60),
  detail: optionalText('详细说明', 1000),
  wisherName: optionalText('居民姓名', 40),
  wisherPhone: phone,
  publishedOn: pastDate('发布日期'),
});
/** A need of the community names nobody, whatever was typed. */
const needsNobody = <T extends { kind: string; wisherName: string | null; wisherPhone: string | null }>(v: T): T =>
  v.kind === 'need' ? { ...v, wisherName: null, wisherPhone: null } : v;

/** A resident's wish names the resident (masked in every answer); a need of the community names nobody. */
export const WishInput = wishFields
  .superRefine((v, ctx) => {
    if (v.kind === 'wish' && !v.wisherName) ctx.addIssue({ code: 'custom', path: ['wisherName'], message: '请填写许愿的居民' });
  })
  .transform(needsNobody);
/**
 * A correction of a wish not yet claimed. The form sees the resident masked, so it leaves name and phone blank to keep
 * what is stored (the core checks that a wish still has its resident).
 */
export const WishUpdate = wishFields.extend({ id }).transform(needsNobody);
export const WishList = z.object({
  state: choice(wishStates, '状态').nullish().transform((v) => v ?? null),
  kind: choice(wishKinds, '类型').nullish().transform((v) => v ?? null),
  ...pageInput,
});

/** 认领: an 在职党员 of the register, their work unit, or both. */
export const ClaimWish = z
  .object({ id, memberId: nullableId, unit: optionalText('认领单位', 100), claimedOn: pastDate('认领日期') })
  .refine((v) => v.memberId || v.unit, { path: ['memberId'], message: '请选择认领的党员，或填写认领单位' });

/** 完成: what was done; hours go to the volunteer ledger only when a member claimed it and the clerk confirms. */
export const FulfilWish = z
  .object({
    id,
    fulfilledOn: pastDate('完成日期'),
    result: requiredText('完成情况', 1000),
    hours: tenths('服务时长', 0.1, 24).nullish().transform((v) => v ?? null),
    creditHours: z.boolean().default(false),
  })
  .refine((v) => !v.creditHours || v.hours !== null, { path: ['hours'], message: '计入志愿服务时长，请填写服务时长' });

export const WithdrawWish = z.object({ id, reason: requiredText('撤回原因', 200) });
export const ReleaseWish = z.object({ id, reason: requiredText('取消认领的原因', 200) });

// ---------------------------------------------------------------- 重点关爱户 and their visits

/** 重点关爱户 (分类分色): where, who, the category and colour, the member paired with them. */
const careFields = z.object({
  buildingId: chosen('楼栋'),
  room: optionalText('门牌（单元、房号）', 40),
  category: choice(careCategories, '关爱类别'),
  colour: choice(careColours, '关注等级'),
  personName: optionalText('姓名', 40),
  personPhone: phone,
  idNumber: optionalIdCardNumber,
  situation: optionalText('基本情况', 500),
  memberId: nullableId,
  registeredOn: pastDate('登记日期'),
});

export const CareInput = careFields.superRefine((v, ctx) => {
  if (!v.personName) ctx.addIssue({ code: 'custom', path: ['personName'], message: '请填写姓名' });
});
/**
 * A correction. The form sees name, phone and ID number masked, so it leaves them blank to keep what is stored and
 * types them only to change them.
 */
export const CareUpdate = careFields.extend({ id });
export const CareClose = z.object({ id, closedOn: pastDate('停止关爱日期'), reason: requiredText('停止关爱的原因', 200) });

export const CareList = z.object({
  communityId: nullableId,
  category: choice(careCategories, '关爱类别').nullish().transform((v) => v ?? null),
  colour: choice(careColours, '关注等级').nullish().transform((v) => v ?? null),
  /** Only those past their visit interval (今日待办's list). */
  dueOnly: z.boolean().default(false),
  includeClosed: z.boolean().default(false),
  ...pageInput,
});

/** A visit: who went (a member of the register, or a name typed: a grid worker, a volunteer), what was done, what follows. */
const visitFields = z.object({
  householdId: chosen('关爱户'),
  visitedOn: pastDate('走访日期'),
  visitorMemberId: nullableId,
  visitorName: optionalText('走访人', 40),
  content: requiredText('走访内容', 1000),
  followUp: optionalText('后续跟进', 500),
});
const visitorGiven = (v: { visitorMemberId: string | null; visitorName: string | null }) => v.visitorMemberId !== null || v.visitorName !== null;

export const VisitInput = visitFields.refine(visitorGiven, { path: ['visitorName'], message: '请选择走访的党员，或填写走访人' });
/** A correction is a new entry naming the one it replaces, with the reason; the first stays readable. */
export const VisitCorrection = visitFields
  .omit({ householdId: true })
  .extend({ correctsId: id, reason: requiredText('更正原因', 200) })
  .refine(visitorGiven, { path: ['visitorName'], message: '请选择走访的党员，或填写走访人' });

export const CareReveal = z.object({ id, field: z.enum(['personName', 'personPhone', 'idNumber']), reason: revealReason() });

/** 街道受理: the street answers a request a community handed up (its measures, who answered; the day is the core's). */
export const AnswerEscalated = z.object({
  unitCode: chosen('社区'),
  requestId: id,
  measures: requiredText('街道办理措施与答复', 1000),
  answeredBy: requiredText('答复人', 40),
});
/** 街道受理's list: awaiting the street's answer (待答复), answered (已答复), or both; paged. */
export const EscalatedList = z.object({
  filter: z.enum(['open', 'answered']).nullish().transform((v) => v ?? null),
  ...pageInput,
});
export const AnswersPackageInput = z.object({ unitCode: chosen('社区') });
export { packageFile as AnswersFile, jobId } from '../submission/contract';
