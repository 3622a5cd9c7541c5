import {
  applicationPaymentsOf, getApplication, insertApplication, insertApplicationPayment, listApplications, updateApplication,
  type ApplicationChange, type ApplicationRow,
} from '../../../../db/fund/applications';
import { getAccount } from '../../../../db/fund/accounts';
import { getInstallation } from '../../../../db/settings';
import { pdfOut } from '../../../export/file-out';
import type { Db } from '../../../../db/open';
import { addDays } from '../../common/days';
import { DomainError, fieldError } from '../../common/errors';
import { formatFen } from '../../common/money';
import { isFinal } from '../../common/steps';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import { applicationStepProblem, applicationSteps, consentProblems, consentVerdict, noticeDays } from '../applications';
import type { ApplicationDetail, ApplicationTodo, ApplicationView, fundContract } from '../contract';
import { applicationStatuses, paymentStages } from '../labels';
import { renderApplicationNotice } from '../application-pdf';
import type { FundSettings } from '../rules';
import { assertWithinBudget } from './application-budget';
import { mustAccount } from './common';
import { fundSettings } from './disclosures';
import { draftNewExpense } from './entries';

type C = typeof fundContract;

const tallyOf = (a: ApplicationRow) =>
  a.votedHouseholds === null || a.votedArea === null || a.agreedHouseholds === null || a.agreedArea === null
    ? null
    : { totalHouseholds: a.totalHouseholds, totalArea: a.totalArea, votedHouseholds: a.votedHouseholds, votedArea: a.votedArea, agreedHouseholds: a.agreedHouseholds, agreedArea: a.agreedArea };

/** Works begun before the owners decided, or before the plan had been posted its days: what the street must see. */
function warningsOf(a: ApplicationRow, resultDueBy: string | null): string[] {
  const out: string[] = [];
  const w = a.worksStartedOn;
  if (w && (!a.voteClosedOn || w < a.voteClosedOn)) out.push(`${w} 已开工，早于业主表决${a.voteClosedOn ? `（${a.voteClosedOn} 截止）` : '（尚未表决）'}`);
  else if (w && (!a.planNoticeTo || w <= a.planNoticeTo)) out.push(`${w} 已开工，早于方案公示期满${a.planNoticeTo ? `（${a.planNoticeTo}）` : '（尚未公示）'}`);
  if (resultDueBy && a.resultNoticeFrom && a.resultNoticeFrom > resultDueBy) out.push(`结果公示 ${a.resultNoticeFrom} 开始，晚于末笔付款后的期限 ${resultDueBy}`);
  return out;
}

/** What the application waits for today, if anything a clerk should act on. */
function todoOf(a: ApplicationRow, today: string, resultDueBy: string | null): ApplicationTodo | null {
  switch (a.status) {
    case 'proposed': return a.voteClosedOn ? null : 'vote';
    case 'noticed': return a.planNoticeTo! < today ? 'plan_notice_ended' : null;
    case 'approved':
      if (resultDueBy) return 'result_notice_due';
      return a.paid === 0 && a.pending === 0 ? 'works' : null;
    case 'result_noticed': return a.resultNoticeTo! < today ? 'result_notice_ended' : null;
    default: return null;
  }
}

export function applicationView(a: ApplicationRow, today: string, settings: FundSettings): ApplicationView {
  const tally = tallyOf(a);
  const verdict = tally && consentVerdict(a.rule, tally);
  // Once something is paid and no payment waits for sign-off, the result notice is owed within the setting's days.
  const resultNoticeDueBy = a.paid > 0 && a.pending === 0 && a.lastPaidOn ? addDays(a.lastPaidOn, settings.resultNoticeWithinDays) : null;
  return {
    ...a,
    verdict,
    voteProblems: verdict ? consentProblems(a.rule, verdict) : [],
    nextSteps: [...applicationSteps[a.status]],
    todo: todoOf(a, today, a.status === 'approved' ? resultNoticeDueBy : null),
    resultNoticeDueBy,
    warnings: warningsOf(a, resultNoticeDueBy),
  };
}

function detail(ctx: Ctx, id: string): ApplicationDetail {
  return { application: applicationView(mustApplication(ctx.db, id), ctx.today, fundSettings(ctx.db)), payments: applicationPaymentsOf(ctx.db, id) };
}

function mustApplication(db: Db, id: string): ApplicationRow {
  const a = getApplication(db, id);
  if (!a) throw fieldError('applicationId', '维修资金使用申请不存在');
  return a;
}

const refused = (message: string, reason: string, path?: string) =>
  new DomainError('DOMAIN', message, reason, path ? [{ path, message }] : undefined);

/** A notice posted for fewer days than the setting asks is refused beside its end date. */
function assertNoticeLength(from: string, to: string, days: number, what: string): void {
  if (to < from) throw fieldError('noticeTo', `${what}结束日期不能早于开始日期`);
  if (noticeDays(from, to) < days) throw refused(`${what}不少于 ${days} 天（${from} 至 ${to} 只有 ${noticeDays(from, to)} 天）`, 'NOTICE_TOO_SHORT', 'noticeTo');
}

type StepInput = Parameters<Handlers<C>['fund.stepApplication']>[0];

/** What each step checks beyond the step table, and the columns it writes. */
function stepChange(a: ApplicationRow, input: StepInput, ctx: Ctx): ApplicationChange {
  const settings = fundSettings(ctx.db);
  switch (input.to) {
    case 'noticed': {
      const tally = tallyOf(a);
      if (!tally) throw refused('请先登记业主表决结果，再进行方案公示', 'VOTE_MISSING');
      const problems = consentProblems(a.rule, consentVerdict(a.rule, tally));
      if (problems.length) throw refused(`业主表决未通过：${problems.join('；')}`, 'VOTE_FAILED');
      if (input.noticeFrom < a.voteClosedOn!) throw fieldError('noticeFrom', `方案公示应在表决截止（${a.voteClosedOn}）之后开始`);
      assertNoticeLength(input.noticeFrom, input.noticeTo, settings.planNoticeDays, '方案公示');
      return { plan_notice_from: input.noticeFrom, plan_notice_to: input.noticeTo };
    }
    case 'approved':
      if (ctx.today <= a.planNoticeTo!) throw refused(`方案公示到 ${a.planNoticeTo} 才期满，期满后才能登记批准`, 'NOTICE_RUNNING');
      if (input.approvedOn <= a.planNoticeTo!) throw fieldError('approvedOn', `批准日期应在方案公示期满（${a.planNoticeTo}）之后`);
      if (input.objections > 0 && !input.objectionReply) throw fieldError('objectionReply', `有 ${input.objections} 件异议，请填写处理情况`);
      return { approved_on: input.approvedOn, approval_ref: input.approvalRef, objections: input.objections, objection_reply: input.objectionReply };
    case 'result_noticed':
      if (a.pending > 0) throw refused(`还有 ${formatFen(a.pending)} 的付款待签字过账，请先过账或作废`, 'PAYMENT_PENDING');
      if (a.paid === 0) throw refused('还没有过账的付款，不能进行结果公示', 'NOTHING_PAID');
      if (input.noticeFrom < a.lastPaidOn!) throw fieldError('noticeFrom', `结果公示应在末笔付款（${a.lastPaidOn}）之后开始`);
      assertNoticeLength(input.noticeFrom, input.noticeTo, settings.resultNoticeDays, '结果公示');
      return { result_notice_from: input.noticeFrom, result_notice_to: input.noticeTo };
    case 'closed':
      if (ctx.today <= a.resultNoticeTo!) throw refused(`结果公示到 ${a.resultNoticeTo} 才期满，期满后才能办结`, 'NOTICE_RUNNING');
      return {};
    case 'rejected':
    case 'withdrawn':
      if (a.paid > 0 || a.pending > 0) throw refused('已有付款的申请不能撤回或改为未通过', 'HAS_PAYMENTS');
      return { end_reason: input.reason };
  }
}

export const applicationHandlers: Pick<
  Handlers<C>,
  | 'fund.createApplication' | 'fund.listApplications' | 'fund.getApplication' | 'fund.recordVote' | 'fund.stepApplication' | 'fund.recordWorksStart'
  | 'fund.draftApplicationPayment' | 'fund.printApplicationNotice'
> = {
  'fund.createApplication': (input, ctx) => {
    const account = mustAccount(ctx.db, input.accountId);
    const id = insertApplication(ctx.db, { ...input, accountId: account.id }, ctx.operator);
    ctx.audit({ action: 'create', entity: 'fund_application', entityId: id, after: { ...input, budget: formatFen(input.budget) } });
    return detail(ctx, id);
  },

  'fund.listApplications': ({ accountId, open }, { db, today }) => {
    const settings = fundSettings(db);
    return listApplications(db, { accountId, open }).map((a) => applicationView(a, today, settings));
  },

  'fund.getApplication': ({ applicationId }, ctx) => detail(ctx, applicationId),

  /** The vote as counted, while the plan is a proposal; a recount replaces it. Whether it passed is derived, never stored. */
  'fund.recordVote': (input, ctx) => {
    const a = mustApplication(ctx.db, input.applicationId);
    if (a.status !== 'proposed') throw refused(`申请已“${applicationStatuses[a.status]}”，不能再修改表决结果`, 'NOT_PROPOSED');
    if (input.votedHouseholds > a.totalHouseholds) throw fieldError('votedHouseholds', `参与表决户数不能多于总户数 ${a.totalHouseholds}`);
    if (input.votedArea > a.totalArea) throw fieldError('votedArea', '参与表决面积不能大于专有部分总面积');
    updateApplication(ctx.db, a.id, {
      voted_households: input.votedHouseholds, voted_area: input.votedArea, agreed_households: input.agreedHouseholds, agreed_area: input.agreedArea,
      vote_closed_on: input.voteClosedOn,
    }, ctx.operator);
    const made = detail(ctx, a.id);
    ctx.audit({ action: 'record_vote', entity: 'fund_application', entityId: a.id, before: tallyOf(a), after: { ...tallyOf(made.application), passed: made.application.verdict?.passed } });
    return made;
  },

  /** One step along applicationSteps, with what that step records; anything else is refused before writing. */
  'fund.stepApplication': (input, ctx) => {
    const a = mustApplication(ctx.db, input.applicationId);
    const problem = applicationStepProblem(a.status, input.to);
    if (problem) throw new DomainError('DOMAIN', problem, 'STEP_NOT_ALLOWED');
    const change = stepChange(a, input, ctx);
    updateApplication(ctx.db, a.id, { ...change, status: input.to }, ctx.operator);
    ctx.audit({ action: 'step', entity: 'fund_application', entityId: a.id, before: { status: a.status }, after: { status: input.to, ...change } });
    return detail(ctx, a.id);
  },

  /** When works began: recorded whenever it is known, so works begun before the vote or the notice show as a warning. */
  'fund.recordWorksStart': ({ applicationId, worksStartedOn }, ctx) => {
    const a = mustApplication(ctx.db, applicationId);
    if (isFinal(applicationSteps, a.status)) throw refused(`申请已“${applicationStatuses[a.status]}”，不能再修改`, 'FINAL');
    updateApplication(ctx.db, a.id, { works_started_on: worksStartedOn }, ctx.operator);
    ctx.audit({ action: 'works_start', entity: 'fund_application', entityId: a.id, before: { worksStartedOn: a.worksStartedOn }, after: { worksStartedOn } });
    return detail(ctx, a.id);
  },

  /**
   * A payment of approved works: an expense draft on the journal's one path (draftNewExpense), signed by both sides
   * in person and posted there; this only links it to the application. Payments may not exceed the budget.
   */
  'fund.draftApplicationPayment': (input, ctx) => {
    const a = mustApplication(ctx.db, input.applicationId);
    const account = mustAccount(ctx.db, a.accountId, 'applicationId');
    const content = {
      onDate: input.onDate, direction: 'expense' as const, category: input.category, amount: input.amount, counterparty: input.counterparty,
      voucherNo: input.voucherNo, purpose: `维修资金使用：${a.title}（${paymentStages[input.stage]}）`, elevatorIds: [], attachmentHashes: [],
      reversesId: null, overrideReason: input.overrideReason,
    };
    // A retry of the same request returns what it made before the checks below, which the first one passed.
    const before = applicationPaymentsOf(ctx.db, a.id).some((p) => p.entryId === input.id);
    if (!before) {
      if (a.status !== 'approved') throw refused(`申请${applicationStatuses[a.status]}，批准后才能付款`, 'NOT_APPROVED');
    }
    const { replayed } = draftNewExpense(ctx, { id: input.id, accountId: account.id }, content, input);
    if (!replayed) {
      insertApplicationPayment(ctx.db, { entryId: input.id, applicationId: a.id, stage: input.stage }, ctx.operator);
      assertWithinBudget(ctx.db, input.id, input.amount);
      ctx.audit({ action: 'application_payment', entity: 'fund_application', entityId: a.id, after: { entryId: input.id, stage: input.stage, amount: formatFen(input.amount) } });
    }
    return detail(ctx, a.id);
  },

  /** 方案公示 (before works) or 结果公示 (after the last payment) as an A4 page to post in the lobby. Printing is audited. */
  'fund.printApplicationNotice': async ({ applicationId, kind }, ctx) => {
    const d = detail(ctx, applicationId);
    const a = d.application;
    if (kind === 'plan' && !a.planNoticeFrom) throw refused('申请还没有进入方案公示', 'NO_NOTICE');
    if (kind === 'result' && !a.resultNoticeFrom) throw refused('申请还没有进入结果公示', 'NO_NOTICE');
    const installation = getInstallation(ctx.db);
    const account = getAccount(ctx.db, a.accountId)!;
    const { pdf, title } = await renderApplicationNotice({ detail: d, account, kind, madeOn: ctx.today, unitName: installation?.unitName ?? '' });
    ctx.audit({ action: 'print', entity: 'fund_application', entityId: a.id, after: { kind } });
    return pdfOut(`${title}-${a.title}.pdf`, pdf);
  },
};
