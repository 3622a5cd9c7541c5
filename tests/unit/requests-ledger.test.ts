import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listRequests, requestCounts } from '../../db/requests/requests';
import { openDatabase } from '../../db/open';
import { requestStateKeys } from './requests-states';
import { requestStepProblem, requestSteps, type RequestState } from '../../main/api/requests/rules';
import { transitionProblem } from '../../main/api/property/rules';
import { inMoment, tempDir } from './helpers';
import { recorded } from './query-plan';
import { requestsFixture } from './requests-fixture';

/** The fields each step needs, so any step can be tried from any state. */
const STEP_FIELDS: Record<Exclude<RequestState, 'reported'>, Record<string, unknown>> = {
  sorted: { category: 'facilities', urgency: 'normal' },
  not_accepted: { category: 'litigation', answer: '已告知向法院起诉', reason: '已进入诉讼程序' },
  assigned: { handlerKind: 'property_company', handlerName: '阳光物业' },
  supervised: { note: '请物业本周内修好' },
  done: { doneOn: '2026-12-02', result: '已更换灯泡' },
  publicised: { publicisedOn: '2026-12-02' },
  evaluated: { rating: 'satisfied' },
};

describe('the allowed steps', () => {
  it('are the table’s only, for requests and resolutions alike, with the same sentence', () => {
    const all = requestStateKeys;
    const allowed = all.flatMap((from) => all.filter((to) => requestStepProblem(from, to, 'unsatisfied') === null).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['reported→sorted', 'reported→not_accepted', 'sorted→assigned', 'assigned→assigned', 'assigned→supervised',
      'assigned→done', 'supervised→assigned', 'supervised→supervised', 'supervised→done', 'done→publicised', 'publicised→evaluated',
      'evaluated→assigned']);
    expect(requestStepProblem('reported', 'done')).toBe('“待梳理”的诉求只能改为“待交办”或“不予受理”，不能改为“已办结”');
    expect(requestStepProblem('evaluated', 'done')).toBe('“已评价”的诉求只能改为“办理中”，不能改为“已办结”');
    expect(requestStepProblem('not_accepted', 'assigned')).toBe('诉求已经“不予受理”，不能再改变状态');
    expect(transitionProblem('done', 'open')).toBe('决议已经“已办结”，不能再改变状态');
  });

  it('refused through the core write nothing, from any state (fast-check over paths)', async () => {
    const t = await requestsFixture();
    // one request parked in each state along the cycle
    const parked: Partial<Record<RequestState, string>> = {};
    const path: RequestState[] = ['sorted', 'assigned', 'supervised', 'done', 'publicised', 'evaluated'];
    parked.reported = (await t.report()).id;
    parked.not_accepted = (await t.step((await t.report()).id, 'not_accepted', STEP_FIELDS.not_accepted)).id;
    for (let n = 1; n <= path.length; n++) {
      const id = (await t.report()).id;
      for (const to of path.slice(0, n)) await t.step(id, to, STEP_FIELDS[to as keyof typeof STEP_FIELDS]);
      parked[path[n - 1]!] = id;
    }
    const targets = Object.keys(STEP_FIELDS) as (keyof typeof STEP_FIELDS)[];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...requestStateKeys), fc.constantFrom(...targets), async (from, to) => {
        if (!requestSteps[from].includes(to)) {
          const id = parked[from]!;
          const before = await t.call('requests.getRequest', { id });
          const audits = await t.auditCount();
          const env = await t.attempt('requests.step', { id, to, ...STEP_FIELDS[to] });
          expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'STEP_NOT_ALLOWED' } });
          expect(await t.call('requests.getRequest', { id })).toEqual(before);
          expect(await t.auditCount()).toBe(audits);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keep every step in the history, each with what it settled', async () => {
    const { report, step, call } = await requestsFixture();
    const r = await report();
    expect(r.nextSteps).toEqual(['sorted', 'not_accepted']);
    for (const to of ['sorted', 'assigned', 'supervised', 'done', 'publicised', 'evaluated'] as const) await step(r.id, to, STEP_FIELDS[to]);
    const done = await call('requests.getRequest', { id: r.id });
    expect(done.state).toBe('evaluated');
    expect(done.nextSteps).toEqual([]);
    expect(done.steps.map((s) => `${s.seq}:${s.fromState ?? ''}→${s.toState}`)).toEqual([
      '1:→reported', '2:reported→sorted', '3:sorted→assigned', '4:assigned→supervised', '5:supervised→done', '6:done→publicised', '7:publicised→evaluated']);
    expect(done.steps[2]!.detail).toMatchObject({ handlerKind: 'property_company', handlerName: '阳光物业', dueOn: '2026-12-07' });
    expect(done.steps[3]!.note).toBe('请物业本周内修好');
    expect(done).toMatchObject({ rating: 'satisfied', result: '已更换灯泡', category: 'facilities' });
  });
});

describe('不满意 reopens', () => {
  const cycle = ['sorted', 'assigned', 'done', 'publicised', 'evaluated'] as const;

  it('hands an unsatisfied request over again, counted, its earlier result kept in the history only', async () => {
    const { report, step, call, onDay } = await requestsFixture();
    const r = await report();
    for (const to of cycle) await step(r.id, to, to === 'evaluated' ? { rating: 'unsatisfied', note: '灯还是不亮' } : STEP_FIELDS[to]);
    const unsatisfied = await call('requests.getRequest', { id: r.id });
    expect(unsatisfied.nextSteps).toEqual(['assigned']);
    await onDay('2026-12-04');
    const reopened = await step(r.id, 'assigned', { handlerKind: 'community', handlerName: '西里社区', note: '重新交办：换线路' });
    expect(reopened).toMatchObject({ state: 'assigned', reopened: 1, rating: null, result: null, doneOn: null, publicisedOn: null, dueOn: '2026-12-06' });
    expect(reopened.steps.at(-2)!.detail).toMatchObject({ rating: 'unsatisfied' });
    expect(reopened.steps.at(-1)).toMatchObject({ fromState: 'evaluated', toState: 'assigned', note: '重新交办：换线路' });
    expect(reopened.steps.find((s) => s.toState === 'done')!.detail).toMatchObject({ result: '已更换灯泡' });
    // a reopened request is handled as any other: overdue after its new deadline, then done and evaluated again
    await onDay('2026-12-07');
    expect((await call('requests.listRequests', { watch: 'overdue' })).rows.map((x) => x.id)).toEqual([r.id]);
    for (const to of ['done', 'publicised'] as const) await step(r.id, to, { ...STEP_FIELDS[to], [to === 'done' ? 'doneOn' : 'publicisedOn']: '2026-12-07' });
    const again = await step(r.id, 'evaluated', { rating: 'satisfied' });
    expect(again).toMatchObject({ state: 'evaluated', rating: 'satisfied', reopened: 1, nextSteps: [] });
  });

  it('refuses to reopen a satisfied request, writing nothing', async () => {
    const t = await requestsFixture();
    const r = await t.report();
    for (const to of cycle) await t.step(r.id, to, to === 'evaluated' ? { rating: 'mostly_satisfied' } : STEP_FIELDS[to]);
    const before = await t.call('requests.getRequest', { id: r.id });
    expect(before.nextSteps).toEqual([]);
    const audits = await t.auditCount();
    const env = await t.attempt('requests.step', { id: r.id, to: 'assigned', handlerKind: 'community', handlerName: '西里社区' });
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'STEP_NOT_ALLOWED', message: expect.stringContaining('只有评价“不满意”的诉求可以重新交办') } });
    expect(await t.call('requests.getRequest', { id: r.id })).toEqual(before);
    expect(await t.auditCount()).toBe(audits);
  });
});

describe('上报 and 梳理', () => {
  it('mask the reporter in lists and the drawer, and take anonymous reports', async () => {
    const { report, call } = await requestsFixture();
    const r = await report();
    expect(r).toMatchObject({ reporterName: '张**', reporterPhone: '138****5678', anonymous: false });
    const anon = await report({ anonymous: true, reporterName: '李四', reporterPhone: '13900000000' });
    expect(anon).toMatchObject({ reporterName: '', reporterPhone: '', anonymous: true });
    const page = await call('requests.listRequests', {});
    expect(JSON.stringify(page)).not.toContain('张秀兰');
    expect(JSON.stringify(page)).not.toContain('13812345678');
    const audit = await call('system.listAudit', {});
    expect(JSON.stringify(audit)).not.toContain('张秀兰');
  });

  it('reveal the reporter’s full name or phone to a reviewer with a reason, audited; refused to a clerk and for an anonymous report', async () => {
    const t = await requestsFixture();
    const r = await t.report();
    const anon = await t.report({ anonymous: true });
    const clerk = await t.signInAs('entry', '李娜');
    const reviewer = await t.signInAs('reviewer', '赵敏');
    const audits = await t.auditCount();
    expect(await t.core.dispatch('requests.revealReporter', { id: r.id, field: 'reporterPhone', reason: '回访' }, clerk)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.attempt('requests.revealReporter', { id: r.id, field: 'reporterName', reason: '' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'reason', message: '请填写查看原因' }] } });
    expect(await t.attempt('requests.revealReporter', { id: anon.id, field: 'reporterName', reason: '回访' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'ANONYMOUS' } });
    expect(await t.auditCount()).toBe(audits);

    expect(await t.callAs(reviewer, 'requests.revealReporter', { id: r.id, field: 'reporterPhone', reason: '电话回访办理结果' })).toEqual({ value: '13812345678' });
    expect(await t.call('requests.revealReporter', { id: r.id, field: 'reporterName', reason: '核实反映人' })).toEqual({ value: '张秀兰' });
    const reveals = (await t.call('system.listAudit', {})).rows.filter((a) => a.action === 'reveal');
    expect(reveals.map((a) => [a.entity, a.entityId, a.operator])).toEqual([['request', r.id, '王芳'], ['request', r.id, '赵敏']]);
    expect(JSON.stringify(reveals)).toMatch(/电话回访办理结果/);
    // The log keeps the reason, not the value seen.
    expect(JSON.stringify(reveals)).not.toMatch(/张秀兰|13812345678/);
    // Every other answer still masks.
    expect((await t.call('requests.getRequest', { id: r.id })).reporterName).toBe('张**');
  });

  it('need a reporter unless anonymous, and a not-accepted category needs the answer and its reason', async () => {
    const { attempt, report, building } = await requestsFixture();
    const env = await attempt('requests.report', { reportedOn: '2026-12-02', source: 'visit', placeId: building.id, content: '噪音' });
    expect(env).toMatchObject({ ok: false, error: { fields: [{ path: 'reporterName', message: '请填写反映人，或选择匿名' }] } });
    const r = await report();
    const noReason = await attempt('requests.step', { id: r.id, to: 'not_accepted', category: 'litigation', answer: '已告知' });
    expect(noReason).toMatchObject({ ok: false, error: { fields: [{ path: 'reason', message: '请填写不予受理的理由' }] } });
    const wrongList = await attempt('requests.step', { id: r.id, to: 'sorted', category: 'litigation', urgency: 'normal' });
    expect(wrongList).toMatchObject({ ok: false, error: { fields: [{ path: 'category', message: '请选择受理类别' }] } });
  });

  it('file a report on a building under its grid', async () => {
    const { grid, report, estate } = await requestsFixture();
    const g = await grid();
    expect((await report()).gridId).toBe(g.id);
    expect((await report({ placeId: estate.id })).gridId).toBeNull();
  });
});

describe('deadlines', () => {
  it('fall on day N of the level, are met on that day and overdue from the next, on the core’s clock', async () => {
    const { report, step, call, onDay } = await requestsFixture();
    const r = await report();
    await step(r.id, 'sorted', STEP_FIELDS.sorted);
    const handed = await step(r.id, 'assigned', { handlerKind: 'community', handlerName: '西里社区' });
    expect(handed.dueOn).toBe('2026-12-04'); // 社区: two days
    onDay('2026-12-04');
    expect((await call('requests.getRequest', { id: r.id })).overdue).toBe(false);
    expect((await call('requests.listRequests', { watch: 'dueToday' })).rows.map((x) => x.id)).toEqual([r.id]);
    expect(await call('requests.getTodos', {})).toEqual({ awaitingSorting: 0, overdue: 0, dueToday: 1, awaitingEvaluation: 0, openWishes: 0, careVisitsDue: 0 });
    expect((await call('requests.listRequests', { watch: 'overdue' })).total).toBe(0);
    onDay('2026-12-05');
    expect((await call('requests.getRequest', { id: r.id })).overdue).toBe(true);
    expect((await call('requests.listRequests', { watch: 'overdue' })).rows.map((x) => x.id)).toEqual([r.id]);
    expect((await call('requests.listRequests', { watch: 'dueToday' })).total).toBe(0);
    expect(await call('requests.getTodos', {})).toEqual({ awaitingSorting: 0, overdue: 1, dueToday: 0, awaitingEvaluation: 0, openWishes: 0, careVisitsDue: 0 });
    // escalated to the street: a new deadline, no longer overdue, on the street's list
    expect((await call('requests.listRequests', { watch: 'escalated' })).total).toBe(0);
    const up = await step(r.id, 'assigned', { handlerKind: 'street', handlerName: '西里街道城管科' });
    expect(up).toMatchObject({ dueOn: '2026-12-20', overdue: false, state: 'assigned' });
    expect((await call('requests.listRequests', { watch: 'escalated' })).rows.map((x) => x.id)).toEqual([r.id]);
    expect((await call('requests.listRequests', { watch: 'overdue' })).total).toBe(0);
    // closed and publicised: awaiting its return visit on the home page, off the street's list
    await step(r.id, 'done', { doneOn: '2026-12-05', result: '已修复' });
    await step(r.id, 'publicised', { publicisedOn: '2026-12-05' });
    expect((await call('requests.listRequests', { watch: 'escalated' })).total).toBe(0);
    expect(await call('requests.getTodos', {})).toEqual({ awaitingSorting: 0, overdue: 0, dueToday: 0, awaitingEvaluation: 1, openWishes: 0, careVisitsDue: 0 });
  });

  it('across the year end, and refuse a deadline before today', async () => {
    const { report, step, attempt, onDay } = await requestsFixture();
    onDay('2026-12-30');
    const r = await report({ reportedOn: '2026-12-30' });
    await step(r.id, 'sorted', STEP_FIELDS.sorted);
    expect((await step(r.id, 'assigned', { handlerKind: 'property_company', handlerName: '阳光物业' })).dueOn).toBe('2027-01-04');
    const env = await attempt('requests.step', { id: r.id, to: 'assigned', handlerKind: 'community', handlerName: '社区', dueOn: '2026-12-29' });
    expect(env).toMatchObject({ ok: false, error: { fields: [{ path: 'dueOn', message: '办理期限不能早于今天（2026-12-30）' }] } });
  });
});

describe('the ledger list', () => {
  it('is filtered and paged in SQL', async () => {
    const { report, step, call, grid } = await requestsFixture();
    const g = await grid();
    for (let i = 0; i < 5; i++) await report({ content: `诉求 ${i}` });
    const first = (await call('requests.listRequests', { limit: 2 })).rows[0]!;
    await step(first.id, 'sorted', STEP_FIELDS.sorted);
    expect((await call('requests.listRequests', { limit: 2 })).total).toBe(5);
    expect((await call('requests.listRequests', { limit: 2 })).rows).toHaveLength(2);
    expect((await call('requests.listRequests', { state: 'reported' })).total).toBe(4);
    expect((await call('requests.listRequests', { category: 'facilities' })).total).toBe(1);
    expect((await call('requests.listRequests', { gridId: g.id })).total).toBe(5);
  });

  it('reads the overdue and due-today lists and the home page’s counts through their indexes', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    const page = { state: null, category: null, gridId: null, offset: 0, limit: 100 };
    for (const [list, op] of [['overdue', '<'], ['dueToday', '=']] as const) {
      const q = recorded(db);
      listRequests(q.spy, { ...page, watch: { list, day: '2026-12-02' } });
      for (const i of [0, 1]) {
        expect(q.plan(i)).toMatch(new RegExp(`SEARCH r USING (COVERING )?INDEX requests_open_due \\(due_on${op}\\?\\)`));
        expect(q.plan(i)).not.toMatch(/SCAN r\b/);
      }
    }
    const todos = recorded(db);
    requestCounts(todos.spy, '2026-12-02');
    expect(todos.plan(0)).toMatch(/USING (COVERING )?INDEX requests_state \(state=\?\)/);
    expect(todos.plan(1)).toMatch(/USING (COVERING )?INDEX requests_open_due \(due_on<\?\)/);
    expect(todos.plan(2)).toMatch(/USING (COVERING )?INDEX requests_open_due \(due_on=\?\)/);
    expect(todos.plan(3)).toMatch(/USING (COVERING )?INDEX requests_state \(state=\?\)/);
    db.close();
  });
});
