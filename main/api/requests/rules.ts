import { addDays } from '../common/days';
import { stepProblem, type Steps } from '../common/steps';
import { acceptedCategories, careColours, handlerKinds, notAcceptedCategories, requestStates, requestStepNames, type urgencies } from './labels';

export type RequestState = keyof typeof requestStates;
export type HandlerKind = keyof typeof handlerKinds;
export type CareColour = keyof typeof careColours;

/**
 * The cycle 上报 → 梳理 → 交办 → 督办 → 办结 → 公示 → 评价 as the only steps a request may take, in the follow-up
 * model red property's resolutions use (common/steps.ts). Handed on again (交办 from 办理中 or 督办中: to another
 * handler, up to the street) it gets a new deadline; 督办 may be noted as often as needed; 不予受理 and 已评价 end it.
 */
export const requestSteps: Steps<RequestState> = {
  reported: ['sorted', 'not_accepted'],
  sorted: ['assigned'],
  not_accepted: [],
  assigned: ['assigned', 'supervised', 'done'],
  supervised: ['assigned', 'supervised', 'done'],
  done: ['publicised'],
  publicised: ['evaluated'],
  // 重新交办: only after 不满意 (reopenProblem); a satisfied resident's request is finished.
  evaluated: ['assigned'],
};

/** The rating after which a request goes back to being handled instead of ending. */
export const REOPENING_RATING = 'unsatisfied';

/** 重新交办 from 已评价 needs a 不满意 rating: null when allowed (or not a reopening), else the sentence. */
export function reopenProblem(from: RequestState, to: RequestState, rating: string | null): string | null {
  if (from !== 'evaluated' || to !== 'assigned' || rating === REOPENING_RATING) return null;
  return '居民评价为满意或基本满意的诉求已经办完，不能重新交办；只有评价“不满意”的诉求可以重新交办';
}

export const isReopening = (from: RequestState | null, to: RequestState): boolean => from === 'evaluated' && to === 'assigned';

/** A step as the drawer's buttons and the history name it: 交办 after 不满意 is 重新交办. */
export const stepName = (from: RequestState | null, to: RequestState): string => (isReopening(from, to) ? '重新交办' : requestStepNames[to]);

export const requestStepProblem = (from: RequestState, to: RequestState, rating: string | null = null): string | null =>
  stepProblem(requestSteps, requestStates, '诉求', from, to) ?? reopenProblem(from, to, rating);

/** The steps a request may take from where it stands (its rating decides whether 已评价 may be reopened). */
export const nextRequestSteps = (state: RequestState, rating: string | null): RequestState[] =>
  requestSteps[state].filter((to) => reopenProblem(state, to, rating) === null);

/** Being handled: these have a deadline and can be overdue. */
export const OPEN_STATES: readonly RequestState[] = ['assigned', 'supervised'];
export const isOpen = (state: RequestState): boolean => OPEN_STATES.includes(state);

/** Street-wide settings of the module (设置 → 民呼必应). */
export interface RequestSettings {
  /** Households a grid should have about (示范区: 每 300 户设置 1 个网格); more is a warning, not a refusal. */
  gridHouseholdsTarget: number;
  /** Days a handler of each level has, from the day it is handed over (社区能协调解决的两天内解决). */
  deadlineDays: Readonly<Record<HandlerKind, number>>;
  /** 重点关爱户: the days between visits each colour allows; past them the household is on 今日待办. */
  careVisitDays: Readonly<Record<CareColour, number>>;
}

export const DEFAULT_REQUEST_SETTINGS: RequestSettings = {
  gridHouseholdsTarget: 300,
  deadlineDays: { community: 2, property_company: 5, work_unit: 7, volunteer_post: 5, street: 15 },
  careVisitDays: { red: 7, yellow: 30, green: 90 },
};

/** The deadline of a hand-over made on `today`: day N after it, met on that day, overdue from the next. */
export const defaultDueOn = (today: string, kind: HandlerKind, settings: RequestSettings): string =>
  addDays(today, settings.deadlineDays[kind]);

/** Overdue from the day after the deadline, while being handled. */
export const isOverdue = (state: RequestState, dueOn: string | null, today: string): boolean =>
  isOpen(state) && dueOn !== null && today > dueOn;

/** A grid's households against the target: null when fine, else the warning shown beside it. */
export function gridHouseholdsWarning(households: number, target: number): string | null {
  return households > target ? `本网格约 ${households} 户，超过每格约 ${target} 户的设置，可考虑拆分` : null;
}

/**
 * 重点关爱户: the day the next visit is due — the colour's days after the last visit that stands, or after the
 * registration when there has been none. Late from the day after (db/requests/care.ts counts the same in SQL).
 */
export const nextVisitOn = (lastVisitOn: string | null, registeredOn: string, colour: CareColour, settings: RequestSettings): string =>
  addDays(lastVisitOn ?? registeredOn, settings.careVisitDays[colour]);

/** Whether a category is one of matters the street takes on (梳理受理) or does not (不予受理). */
export type CategoryKind = 'accepted' | 'not_accepted';

/**
 * A category of the street's lists (设置 → 民呼必应). Those the street adds are coded by their name, so a package read at
 * the street, which does not know this installation's list, still prints them by name; a retired one stays on the
 * requests that have it and is no longer offered.
 */
export interface RequestCategory {
  code: string;
  label: string;
  kind: CategoryKind;
  retired: boolean;
}

/** The lists until the street edits them: the draft classes of `labels.ts`. */
export const DEFAULT_CATEGORIES: readonly RequestCategory[] = [
  ...Object.entries(acceptedCategories).map(([code, label]) => ({ code, label, kind: 'accepted' as const, retired: false })),
  ...Object.entries(notAcceptedCategories).map(([code, label]) => ({ code, label, kind: 'not_accepted' as const, retired: false })),
];

/** A 常见事项模板: picking it fills 上报's category and content. */
/** A common matter: its category, the words the form starts from, and how urgent it is sorted (一般 unless set). */
export interface RequestTemplate {
  category: string;
  content: string;
  urgency: keyof typeof urgencies;
}

/** The templates until the street sets its own: matters of the accepted classes a grid worker meets on every round. */
export const DEFAULT_TEMPLATES: readonly RequestTemplate[] = [
  { category: 'facilities', content: '楼道灯不亮', urgency: 'normal' },
  { category: 'facilities', content: '单元门禁损坏', urgency: 'normal' },
  { category: 'environment', content: '垃圾清运不及时', urgency: 'normal' },
  { category: 'environment', content: '楼道堆放杂物', urgency: 'normal' },
  { category: 'property_service', content: '小区车辆乱停放', urgency: 'normal' },
  { category: 'neighbour_dispute', content: '楼上漏水影响楼下', urgency: 'normal' },
  { category: 'policy_consult', content: '咨询医保缴费', urgency: 'normal' },
];

/** A category's name: its label in the list, else the code itself (a category added elsewhere is coded by its name). */
export const categoryName = (list: readonly RequestCategory[], code: string | null): string | null =>
  code === null ? null : (list.find((c) => c.code === code)?.label ?? code);

/** Whether `code` may be given to a request now as a category of `kind`: null when it may, else the sentence. */
export function categoryProblem(list: readonly RequestCategory[], code: string, kind: CategoryKind): string | null {
  const c = list.find((x) => x.code === code && x.kind === kind);
  if (!c) return kind === 'accepted' ? '请选择受理类别' : '请选择不予受理的类别';
  return c.retired ? `类别“${c.label}”已停用，请选择其他类别` : null;
}
