import { getPlace } from '../../../../db/party/places';
import { gridOfBuilding } from '../../../../db/requests/grids';
import { applyStep, getRequest, insertRequest, listRequests, listSteps, type RequestFacts, type RequestRow } from '../../../../db/requests/requests';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { maskName, maskPhone } from '../../common/identifiers';
import type { Handlers } from '../../router';
import type { RequestDetail, RequestView, requestsContract } from '../contract';
import { defaultDueOn, isOverdue, isReopening, nextRequestSteps, requestStepProblem } from '../rules';
import type { StepInput } from '../schemas';
import { checkCategory } from './categories';
import { requestSettings } from './settings';

type C = typeof requestsContract;

/** Every answer masks the reporter: lists, the drawer, and what the audit log keeps after a step. */
export const requestView = (row: RequestRow, today: string): RequestView => ({
  ...row,
  reporterName: maskName(row.reporterName),
  reporterPhone: maskPhone(row.reporterPhone),
  overdue: isOverdue(row.state, row.dueOn, today),
  nextSteps: nextRequestSteps(row.state, row.rating),
});

function detail(db: Db, id: string, today: string): RequestDetail {
  const row = getRequest(db, id);
  if (!row) throw notFound('诉求');
  return { ...requestView(row, today), steps: listSteps(db, id) };
}

/** What a reopening (重新交办 after 不满意) clears on the row: the history keeps the earlier result, 公示 and rating. */
const CLEARED_BY_REOPENING: Partial<RequestFacts> = { doneOn: null, result: null, publicisedOn: null, rating: null };

/** What each step settles on the row, and the day it is dated. */
function settle(input: StepInput, db: Db, today: string): { onDay: string; facts: Partial<RequestFacts>; note: string | null } {
  switch (input.to) {
    case 'sorted':
      checkCategory(db, input.category, 'accepted');
      return { onDay: today, facts: { category: input.category, urgency: input.urgency }, note: input.note };
    case 'not_accepted':
      checkCategory(db, input.category, 'not_accepted');
      return { onDay: today, facts: { category: input.category, answer: input.answer, reason: input.reason }, note: input.note };
    case 'assigned': {
      if (input.dueOn && input.dueOn < today) throw fieldError('dueOn', `办理期限不能早于今天（${today}）`);
      const dueOn = input.dueOn ?? defaultDueOn(today, input.handlerKind, requestSettings(db));
      return { onDay: today, facts: { handlerKind: input.handlerKind, handlerName: input.handlerName, dueOn }, note: input.note };
    }
    case 'supervised':
      return { onDay: today, facts: {}, note: input.note };
    case 'done':
      return { onDay: input.doneOn, facts: { doneOn: input.doneOn, result: input.result }, note: input.note };
    case 'publicised':
      return { onDay: input.publicisedOn, facts: { publicisedOn: input.publicisedOn }, note: input.note };
    case 'evaluated':
      return { onDay: today, facts: { rating: input.rating }, note: input.note };
  }
}

/** The note of a 梳理受理 taken at entry, so the history says why it came with the report. */
const TEMPLATE_NOTE = '登记时选定类别';

/** 上报's grid: the building's, when the place is a building in one (the handler and the 诉求台账 import). */
export function reportedGrid(db: Db, placeId: string): string | null {
  const place = getPlace(db, placeId);
  if (!place) throw fieldError('placeId', '所选地点不存在');
  return place.kind === 'building' ? (gridOfBuilding(db, place.id)?.gridId ?? null) : null;
}

export const requestHandlers: Pick<Handlers<C>, 'requests.listRequests' | 'requests.getRequest' | 'requests.report' | 'requests.step' | 'requests.revealReporter'> = {
  'requests.listRequests': ({ watch, ...f }, { db, today }) => {
    const page = listRequests(db, { ...f, watch: watch && { list: watch, day: today } });
    return { rows: page.rows.map((r) => requestView(r, today)), total: page.total };
  },

  'requests.getRequest': ({ id }, { db, today }) => detail(db, id, today),

  /** With a category (a common matter's template), 梳理受理 follows in the same save: the history shows both steps. */
  'requests.report': ({ category, urgency, ...input }, { db, today, operator, audit }) => {
    if (category) checkCategory(db, category, 'accepted');
    const id = insertRequest(db, { ...input, gridId: reportedGrid(db, input.placeId) }, operator);
    if (category) {
      const facts = { category, urgency };
      applyStep(db, id, { from: 'reported', to: 'sorted', onDay: today, facts, detail: facts, note: TEMPLATE_NOTE }, operator);
    }
    const after = detail(db, id, today);
    audit({ action: 'create', entity: 'request', entityId: id, after: { ...after, steps: undefined } });
    return after;
  },

  /** One step of the cycle, if the table allows it from where the request stands; refused ones write nothing. */
  'requests.step': (input, { db, today, operator, audit }) => {
    const before = getRequest(db, input.id);
    if (!before) throw notFound('诉求');
    const problem = requestStepProblem(before.state, input.to, before.rating);
    if (problem) throw new DomainError('CONFLICT', problem, 'STEP_NOT_ALLOWED');
    const reopening = isReopening(before.state, input.to);
    const settled = settle(input, db, today);
    const { onDay, note } = settled;
    const facts = reopening ? { ...CLEARED_BY_REOPENING, ...settled.facts } : settled.facts;
    if (onDay < before.reportedOn) throw fieldError(input.to === 'done' ? 'doneOn' : 'publicisedOn', `不能早于上报日期（${before.reportedOn}）`);
    const { id, to, note: _note, ...fields } = input;
    applyStep(db, id, { from: before.state, to, onDay, facts, detail: { ...fields, ...settled.facts }, note, reopening }, operator);
    const after = detail(db, id, today);
    audit({ action: 'step', entity: 'request', entityId: id, before: requestView(before, today), after: { ...after, steps: undefined } });
    return after;
  },

  /** Seeing the reporter's full name or phone is itself a recorded act, with the reason given (as a member's reveal). */
  'requests.revealReporter': ({ id, field, reason }, { db, audit }) => {
    const row = getRequest(db, id);
    if (!row) throw notFound('诉求');
    if (row.anonymous) throw new DomainError('CONFLICT', '这件诉求是匿名反映的，没有反映人信息', 'ANONYMOUS');
    audit({ action: 'reveal', entity: 'request', entityId: id, after: { field, reason } });
    return { value: row[field] ?? '' };
  },
};
