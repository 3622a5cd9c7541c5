import type { CareRow, GridRow, MonthCounts, RequestRow, RequestTodos, StepRow, StewardRow, StreetAnswerRow, Tally, VisitRow, WishRow } from '../../../db/requests/types';
import { read, task, write } from '../common/channel';
import type { FileOut } from '../common/files';
import type { Page } from '../common/fields';
import type { RequestCategory, RequestSettings, RequestState, RequestTemplate } from './rules';
import type { PlaceHit } from '../../../db/party/types';
import {
  AddCategory, DeleteCategory, RetireCategory,
  CareClose, CareInput, CareList, CareReveal, CareUpdate, VisitCorrection, VisitInput,
  AnswerEscalated, AnswersFile, AnswersPackageInput, jobId, EscalatedList, BuildingCardsInput, byId, DashboardInput, PlaceSearch, TemplatesInput, GridInput, GridList, GridUpdate, ProblemWallInput, ReportInput, RequestList, RevealReporter, RequestSettingsInput, StepInput, SummaryInput, SummaryPrint, StewardInput,
  StewardList, StewardUpdate, ClaimWish, FulfilWish, ReleaseWish, WishInput, WishList, WishUpdate, WithdrawWish,
} from './schemas';
import { z } from 'zod';

/** 街道受理 at the street: a community's request handed up, from its consolidated copy, with the street's answer. */
export interface EscalatedView {
  id: string;
  unitCode: string;
  unitName: string;
  reportedOn: string;
  community: string;
  placeName: string;
  content: string;
  state: RequestState;
  handlerName: string | null;
  dueOn: string | null;
  /** Past its deadline on the street's today, still unanswered for this escalation. */
  overdue: boolean;
  /** The escalation the copy is in: its 重新交办次数 (0 until a 不满意 reopening). */
  round: number;
  /** The street's answer to this escalation, if given. */
  answer: StreetAnswerRow | null;
  /** Answers to earlier escalations of the request (before each reopening), oldest first. */
  earlier: StreetAnswerRow[];
  /**
   * Answered here, but the community handed the request to someone else before importing the answer (its handler
   * is no longer the street): the answer was not used there, and the street should know.
   */
  diverted: boolean;
}

/** What importing the street's answers changed at the community: requests closed, answers seen before, answers refused. */
export interface StreetAnswersImport {
  street: string;
  /** The requests closed by the street's answers (their content, to name them). */
  applied: { id: string; content: string }[];
  unchanged: number;
  notApplied: { requestId: string; reason: string }[];
}

/** A grid with its households held against the street's target. */
export interface GridView extends GridRow {
  householdsWarning: string | null;
}

/** A request as every answer shows it: the reporter masked (张**, 138****5678), its deadline held against today. */
export interface RequestView extends RequestRow {
  overdue: boolean;
  /** The steps the table allows from here (the drawer offers only these). */
  nextSteps: RequestState[];
}

export interface RequestDetail extends RequestView {
  steps: StepRow[];
}

/** A steward as the clerk's list shows them: the phone masked (the card shows it in full only where agreed). */
export type StewardView = StewardRow;

/** A wish as every answer shows it: the resident behind it masked (张**, 138****5678). */
export type WishView = WishRow;

/**
 * A 重点关爱户 as every answer shows it: name, phone and ID number masked (赵**, 138****5678, 130104********101X) —
 * `revealCare` gives one in full, audited — and the next visit held against today.
 */
export interface CareView extends CareRow {
  nextVisitOn: string | null;
  visitDue: boolean;
}

/** A visit as the log keeps it (append-only; a correction names the entry it replaces). */
export type VisitView = VisitRow;

export interface CareDetail extends CareView {
  visits: VisitView[];
}

/** A category of the street's lists with how many requests have it (one in use is retired, not deleted). */
export interface RequestCategoryView extends RequestCategory {
  inUse: number;
}

/** One group of a summary (a category, a state, a source) with its tally, in the order the labels give. */
export interface SummaryGroup {
  key: string;
  label: string;
  tally: Tally;
}

/** 日登记 / 周汇总: the same tally as the monthly 诉求分类统计, over the days asked, in total and by three groupings. */
export interface RequestSummary {
  from: string;
  to: string;
  total: Tally;
  byCategory: SummaryGroup[];
  byState: SummaryGroup[];
  bySource: SummaryGroup[];
}


/** A 常见事项模板 as the report form offers it: its category's name, whether 上报 may use it now, its pinyin initials. */
export interface RequestTemplateView extends RequestTemplate {
  categoryLabel: string;
  usable: boolean;
  initials: string;
}

/** A category or source of the dashboard with its Chinese name. */
export interface DashboardGroup {
  key: string;
  label: string;
  count: number;
}

/** 民呼必应概览: this month's 月上报 figures with their rates (‰, Σ/Σ), the twelve months' trend, the groups, the overdue. */
export interface RequestDashboard {
  today: string;
  month: Tally;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  months: MonthCounts[];
  byCategory: DashboardGroup[];
  bySource: DashboardGroup[];
  overdue: number;
  /** Of those, in this installation's own ledger (its 督办 list); the rest are communities' copies, followed up there. */
  overdueHere: number;
  /**
   * The communities the figures can be narrowed to: those of the places register here (placeId) and, at a street,
   * those whose packages it keeps (unitCode) — one entry when a place and a unit have the same name.
   */
  communities: DashboardCommunity[];
}

/** A community of 概览's choice: its place here, its consolidated unit, or both. */
export interface DashboardCommunity {
  placeId: string | null;
  unitCode: string | null;
  name: string;
}



export const requestsContract = {
  'requests.getSettings': read<RequestSettings>()(z.object({})),
  'requests.updateSettings': write<RequestSettings>()(RequestSettingsInput, { needs: 'admin' }),
  'requests.listCategories': read<RequestCategoryView[]>()(z.object({})),
  'requests.addCategory': write<RequestCategoryView[]>()(AddCategory, { needs: 'admin' }),
  'requests.retireCategory': write<RequestCategoryView[]>()(RetireCategory, { needs: 'admin' }),
  'requests.deleteCategory': write<RequestCategoryView[]>()(DeleteCategory, { needs: 'admin' }),
  'requests.listTemplates': read<RequestTemplateView[]>()(z.object({})),
  'requests.saveTemplates': write<RequestTemplateView[]>()(TemplatesInput, { needs: 'admin' }),
  'requests.searchPlaces': read<PlaceHit[]>()(PlaceSearch),

  'requests.listGrids': read<GridView[]>()(GridList),
  'requests.createGrid': write<GridView>()(GridInput),
  'requests.updateGrid': write<GridView>()(GridUpdate),
  'requests.deleteGrid': write<null>()(byId),

  'requests.listStewards': read<StewardView[]>()(StewardList),
  'requests.createSteward': write<StewardView>()(StewardInput),
  'requests.updateSteward': write<StewardView>()(StewardUpdate),
  'requests.deleteSteward': write<null>()(byId),
  'requests.printBuildingCards': task<FileOut>()(BuildingCardsInput),
  'requests.printProblemWall': task<FileOut>()(ProblemWallInput),

  'requests.listRequests': read<Page<RequestView>>()(RequestList),
  'requests.getRequest': read<RequestDetail>()(byId),
  'requests.report': write<RequestDetail>()(ReportInput),
  'requests.step': write<RequestDetail>()(StepInput),
  'requests.getSummary': read<RequestSummary>()(SummaryInput),
  'requests.printSummary': task<FileOut>()(SummaryPrint),
  'requests.getDashboard': read<RequestDashboard>()(DashboardInput),
  'requests.revealReporter': write<{ value: string }>()(RevealReporter, { needs: 'review' }),

  'requests.listWishes': read<Page<WishView>>()(WishList),
  'requests.getWish': read<WishView>()(byId),
  'requests.createWish': write<WishView>()(WishInput),
  'requests.updateWish': write<WishView>()(WishUpdate),
  'requests.claimWish': write<WishView>()(ClaimWish),
  'requests.releaseWish': write<WishView>()(ReleaseWish),
  'requests.fulfilWish': write<WishView>()(FulfilWish),
  'requests.withdrawWish': write<WishView>()(WithdrawWish),

  'requests.listCare': read<Page<CareView>>()(CareList),
  'requests.getCare': read<CareDetail>()(byId),
  'requests.createCare': write<CareDetail>()(CareInput),
  'requests.updateCare': write<CareDetail>()(CareUpdate),
  'requests.closeCare': write<CareDetail>()(CareClose),
  'requests.addVisit': write<CareDetail>()(VisitInput),
  'requests.correctVisit': write<CareDetail>()(VisitCorrection),
  'requests.revealCare': write<{ value: string }>()(CareReveal, { needs: 'review' }),

  'requests.getTodos': read<RequestTodos>()(z.object({})),

  // 街道受理 (docs/requests.md, "The street-escalation round trip"): at the street, then at the community.
  'requests.listEscalated': read<Page<EscalatedView>>()(EscalatedList),
  /** The communities an answers package may be built for, with how many answers each has had. */
  'requests.listAnswerUnits': read<{ code: string; name: string; answers: number }[]>()(z.object({})),
  'requests.answerEscalated': write<StreetAnswerRow>()(AnswerEscalated),
  'requests.buildAnswersPackage': write<{ file: FileOut; answers: number }>()(AnswersPackageInput),
  // Checked phase by phase (a task, so `submission.getProgress` answers meanwhile), then one transaction; it writes,
  // so it needs what a write needs.
  'requests.importStreetAnswers': task<StreetAnswersImport>()(AnswersFile.extend({ jobId }), { needs: 'enter' }),
  /** At the community: an administrator accepts the street's new signing key, from an answers package signed with it; audited. */
  'requests.acceptStreetKeyChange': write<{ unitName: string; fingerprint: string; previous: string }>()(AnswersFile, { needs: 'admin' }),
};
