import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { newId } from '../../db/ids';
import { applicationSteps, applicationStepProblem, consentProblems, consentVerdict, noticeDays, type VoteTally } from '../../main/api/fund/applications';
import { applicationStatuses } from '../../main/api/fund/labels';
import type { ApplicationStepInput } from '../../main/api/fund/schemas';
import { COMMITTEE_PIN, COMPANY_PIN, fundFixture } from './fund-fixture';
import { hasPoppler, pdfFlatText, pdfText } from './pdf-text';
import { fixedToday, tempDir } from './helpers';

const tally = (t: Partial<VoteTally>): VoteTally => ({
  totalHouseholds: 300, totalArea: 3_000_000, votedHouseholds: 200, votedArea: 2_000_000, agreedHouseholds: 101, agreedArea: 1_000_001, ...t,
});

describe('the owners’ vote, in integers (民法典 §278)', () => {
  it('takes exactly two thirds taking part as enough, one fewer as not — for households and for area apart', () => {
    expect(consentVerdict('use', tally({})).quorum).toEqual({ households: true, area: true });
    expect(consentVerdict('use', tally({ votedHouseholds: 199, agreedHouseholds: 100 })).quorum).toEqual({ households: false, area: true });
    expect(consentVerdict('use', tally({ votedArea: 1_999_999, agreedArea: 1_000_000 })).quorum).toEqual({ households: true, area: false });
    // 2/3 of 301 households is 200.67: 200 is short, 201 is enough.
    expect(consentVerdict('use', tally({ totalHouseholds: 301 })).quorum.households).toBe(false);
    expect(consentVerdict('use', tally({ totalHouseholds: 301, votedHouseholds: 201 })).quorum.households).toBe(true);
  });

  it('does not take exactly half as a majority of those taking part: more than half is needed', () => {
    expect(consentVerdict('use', tally({ agreedHouseholds: 100 }))).toMatchObject({ agreement: { households: false, area: true }, passed: false });
    expect(consentVerdict('use', tally({ agreedArea: 1_000_000 }))).toMatchObject({ agreement: { households: true, area: false }, passed: false });
    expect(consentVerdict('use', tally({}))).toMatchObject({ agreement: { households: true, area: true }, passed: true });
  });

  it('needs both counts: a majority of households on a minority of the area fails, and says which', () => {
    const v = consentVerdict('use', tally({ agreedHouseholds: 150, agreedArea: 900_000 }));
    expect(v.passed).toBe(false);
    expect(consentProblems('use', v)).toEqual(['同意的面积未达参与表决面积的过半数']);
    expect(consentProblems('use', consentVerdict('use', tally({ votedHouseholds: 150, agreedHouseholds: 100 })))).toEqual(['参与表决的户数不足总户数的三分之二']);
  });

  it('for raising the fund takes exactly three quarters as enough, one fewer as not', () => {
    expect(consentVerdict('raise', tally({ agreedHouseholds: 150, agreedArea: 1_500_000 })).passed).toBe(true);
    expect(consentVerdict('raise', tally({ agreedHouseholds: 149, agreedArea: 1_500_000 })).passed).toBe(false);
    expect(consentVerdict('raise', tally({ agreedHouseholds: 150, agreedArea: 1_499_999 })).passed).toBe(false);
    expect(consentVerdict('raise', tally({})).passed).toBe(false); // a bare majority is not 3/4
  });

  it('is exact at district-sized areas, where a float product would round (no division, no float)', () => {
    // 3 × 3,000,000,000,001 overflows 2^53; with BigInt 2/3 of it is exactly 2,000,000,000,000.67 hundredths.
    const big = tally({ totalArea: 3_000_000_000_001, votedArea: 2_000_000_000_000, agreedArea: 1_000_000_000_001 });
    expect(consentVerdict('use', big).quorum.area).toBe(false);
    expect(consentVerdict('use', { ...big, votedArea: 2_000_000_000_001 }).quorum.area).toBe(true);
  });

  it('counts a notice’s days with both ends', () => {
    expect(noticeDays('2026-12-01', '2026-12-05')).toBe(5);
    expect(noticeDays('2026-02-26', '2026-03-02')).toBe(5);
  });
});

describe('the steps an application may take', () => {
  it('moves only forward along the table, and a finished one not at all', () => {
    expect(applicationStepProblem('proposed', 'noticed')).toBeNull();
    expect(applicationStepProblem('proposed', 'approved')).toBe('“拟定方案”的申请只能改为“方案公示中”或“未通过”或“已撤回”，不能改为“已批准”');
    expect(applicationStepProblem('approved', 'proposed')).not.toBeNull();
    for (const final of ['closed', 'rejected', 'withdrawn'] as const) {
      expect(applicationSteps[final]).toEqual([]);
      expect(applicationStepProblem(final, 'proposed')).toBe(`申请已经“${applicationStatuses[final]}”，不能再改变状态`);
    }
  });
});

/** An account with ¥10,000.00 (the fixture's) and ¥200,000 income, and a proposal to overhaul an elevator for ¥150,000. */
async function proposal() {
  const t = await fundFixture();
  await t.income('200,000.00', '2026-10-01');
  const made = await t.call('fund.createApplication', {
    accountId: t.account.id, title: '3号楼1单元电梯大修', works: '更换曳引机、控制柜和层门', budget: '150,000.00', rule: 'use',
    totalHouseholds: 300, totalArea: 3_000_000,
  });
  const id = made.application.id;
  const vote = (extra: Record<string, unknown> = {}) => t.call('fund.recordVote', {
    applicationId: id, votedHouseholds: 210, votedArea: 2_100_000, agreedHouseholds: 160, agreedArea: 1_500_000, voteClosedOn: '2026-10-20', ...extra,
  });
  const step = (input: Record<string, unknown>) => t.call('fund.stepApplication', { applicationId: id, ...input } as z.input<typeof ApplicationStepInput>);
  const tryStep = (input: Record<string, unknown>) => t.attempt('fund.stepApplication', { applicationId: id, ...input });
  const pay = (amount: string, extra: Record<string, unknown> = {}) => t.call('fund.draftApplicationPayment', {
    id: newId(), applicationId: id, stage: 'first', category: 'overhaul', onDate: '2026-11-10', amount, counterparty: '安达电梯工程公司', voucherNo: 'PZ-001', ...extra,
  });
  /** Voted, the plan publicised 10-21…10-25, approved on 10-28. */
  const approved = async () => {
    await vote();
    await step({ to: 'noticed', noticeFrom: '2026-10-21', noticeTo: '2026-10-25' });
    return step({ to: 'approved', approvedOn: '2026-10-28', approvalRef: '西里街道〔2026〕12号', objections: 1, objectionReply: '已当面解释，业主同意' });
  };
  return { ...t, made, id, vote, step, tryStep, pay, approved };
}

describe('a maintenance-fund use application', () => {
  it('is publicised only after a vote that passed, for at least the setting’s days', async () => {
    const { made, vote, tryStep, step } = await proposal();
    expect(made.application).toMatchObject({ status: 'proposed', budget: 15_000_000, verdict: null, todo: 'vote', nextSteps: ['noticed', 'rejected', 'withdrawn'] });
    expect(await tryStep({ to: 'noticed', noticeFrom: '2026-10-21', noticeTo: '2026-10-25' })).toMatchObject({ ok: false, error: { reason: 'VOTE_MISSING' } });
    const failed = await vote({ agreedHouseholds: 105 }); // 105 of 210 is exactly half
    expect(failed.application.verdict?.passed).toBe(false);
    expect(failed.application.voteProblems).toEqual(['同意的户数未达参与表决户数的过半数']);
    expect(await tryStep({ to: 'noticed', noticeFrom: '2026-10-21', noticeTo: '2026-10-25' }))
      .toMatchObject({ ok: false, error: { reason: 'VOTE_FAILED', message: expect.stringContaining('同意的户数未达参与表决户数的过半数') } });
    expect((await vote()).application.verdict?.passed).toBe(true);
    expect(await tryStep({ to: 'noticed', noticeFrom: '2026-10-21', noticeTo: '2026-10-24' }))
      .toMatchObject({ ok: false, error: { reason: 'NOTICE_TOO_SHORT', fields: [{ path: 'noticeTo', message: '方案公示不少于 5 天（2026-10-21 至 2026-10-24 只有 4 天）' }] } });
    expect(await tryStep({ to: 'approved', approvedOn: '2026-10-28', objections: 0 })).toMatchObject({ ok: false, error: { reason: 'STEP_NOT_ALLOWED' } });
    const noticed = await step({ to: 'noticed', noticeFrom: '2026-10-21', noticeTo: '2026-10-25' });
    expect(noticed.application).toMatchObject({ status: 'noticed', planNoticeTo: '2026-10-25', todo: 'plan_notice_ended' });
  });

  it('is approved only once its notice is over, with objections answered', async () => {
    const { vote, step, tryStep } = await proposal();
    await vote();
    // A notice still running (today is the fixture's 2026-12-02).
    await step({ to: 'noticed', noticeFrom: '2026-12-01', noticeTo: '2026-12-05' });
    expect(fixedToday()).toBe('2026-12-02');
    expect(await tryStep({ to: 'approved', approvedOn: '2026-12-02', objections: 0 })).toMatchObject({ ok: false, error: { reason: 'NOTICE_RUNNING' } });
  });

  it('refuses objections left unanswered and an approval dated inside the notice', async () => {
    const { vote, step, tryStep } = await proposal();
    await vote();
    await step({ to: 'noticed', noticeFrom: '2026-10-21', noticeTo: '2026-10-25' });
    expect(await tryStep({ to: 'approved', approvedOn: '2026-10-25', objections: 0 })).toMatchObject({ ok: false, error: { fields: [{ path: 'approvedOn' }] } });
    expect(await tryStep({ to: 'approved', approvedOn: '2026-10-28', objections: 2 })).toMatchObject({ ok: false, error: { fields: [{ path: 'objectionReply' }] } });
  });

  it('pays through the journal’s drafts: linked, within the budget, posted only with both sign-offs in person', async () => {
    const { call, attempt, approved, id, company, committee, account } = await proposal();
    expect(await attempt('fund.draftApplicationPayment', {
      id: newId(), applicationId: id, stage: 'first', category: 'overhaul', onDate: '2026-11-10', amount: '1.00', counterparty: '安达电梯工程公司',
    })).toMatchObject({ ok: false, error: { reason: 'NOT_APPROVED' } });
    expect((await approved()).application).toMatchObject({ status: 'approved', objections: 1, todo: 'works' });

    const input = { id: newId(), applicationId: id, stage: 'first' as const, category: 'overhaul', onDate: '2026-11-10', amount: '120,000.00', counterparty: '安达电梯工程公司', voucherNo: 'PZ-001' };
    const first = await call('fund.draftApplicationPayment', input);
    expect(await call('fund.draftApplicationPayment', input)).toEqual(first); // a retry links once
    expect(first.payments).toEqual([expect.objectContaining({ entryId: input.id, stage: 'first', status: 'draft', amount: 12_000_000 })]);
    expect(first.application).toMatchObject({ paid: 0, pending: 12_000_000 });
    const entry = (await call('fund.getEntry', { id: input.id })).entry;
    expect(entry).toMatchObject({ status: 'draft', direction: 'expense', category: 'overhaul', purpose: '维修资金使用：3号楼1单元电梯大修（首付款）' });
    // The draft reserves its amount like any other.
    expect((await call('fund.getAccount', { id: account.id })).account).toMatchObject({ balance: 21_000_000, available: 9_000_000 });

    expect(await attempt('fund.draftApplicationPayment', { ...input, id: newId(), stage: 'final', amount: '30,000.01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'amount', message: expect.stringContaining('这笔最多 ¥30,000.00') }] } });
    expect((await call('fund.getApplication', { applicationId: id })).payments).toHaveLength(1); // nothing half-written
    // Nor can the draft be edited past the budget in 收支明细.
    const { id: _id, applicationId: _a, stage: _s, ...content } = input;
    expect(await attempt('fund.updateDraft', { ...content, id: input.id, amount: '150,000.01', purpose: entry.purpose }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'amount', message: expect.stringContaining('这笔最多 ¥150,000.00') }] } });

    await call('fund.signOff', { entryId: input.id, signatoryId: company.id, pin: COMPANY_PIN });
    expect(await attempt('fund.postExpense', { entryId: input.id })).toMatchObject({ ok: false, error: { reason: 'SIGNOFF_MISSING' } });
    expect((await call('fund.getApplication', { applicationId: id })).application.paid).toBe(0);
    await call('fund.signOff', { entryId: input.id, signatoryId: committee.id, pin: COMMITTEE_PIN });
    const posted = await call('fund.postExpense', { entryId: input.id });
    expect(posted.signoffs.filter((s) => s.valid)).toHaveLength(2);
    const after = await call('fund.getApplication', { applicationId: id });
    expect(after.application).toMatchObject({ paid: 12_000_000, pending: 0, lastPaidOn: '2026-11-10', resultNoticeDueBy: '2026-12-10', todo: 'result_notice_due' });
    expect(after.payments[0]).toMatchObject({ status: 'posted', seq: posted.entry.seq, reversed: false });
  });

  it('publicises the result after the last payment, then closes, and the notices print what was decided and paid', async () => {
    const { call, tryStep, step, pay, approved, id, signBoth, attempt } = await proposal();
    await approved();
    const draft = await pay('120,000.00');
    const entryId = draft.payments[0]!.entryId;
    expect(await tryStep({ to: 'result_noticed', noticeFrom: '2026-11-20', noticeTo: '2026-11-29' })).toMatchObject({ ok: false, error: { reason: 'PAYMENT_PENDING' } });
    await signBoth(entryId);
    await call('fund.postExpense', { entryId });
    expect(await tryStep({ to: 'result_noticed', noticeFrom: '2026-11-20', noticeTo: '2026-11-28' })).toMatchObject({ ok: false, error: { reason: 'NOTICE_TOO_SHORT' } });
    expect(await tryStep({ to: 'result_noticed', noticeFrom: '2026-11-09', noticeTo: '2026-11-29' })).toMatchObject({ ok: false, error: { fields: [{ path: 'noticeFrom' }] } });
    const noticed = await step({ to: 'result_noticed', noticeFrom: '2026-11-20', noticeTo: '2026-11-29' });
    expect(noticed.application).toMatchObject({ status: 'result_noticed', todo: 'result_notice_ended', warnings: [] });
    // No new payment once the result is out.
    expect(await attempt('fund.draftApplicationPayment', {
      id: newId(), applicationId: id, stage: 'final', category: 'overhaul', onDate: '2026-11-30', amount: '1.00', counterparty: '安达电梯工程公司',
    })).toMatchObject({ ok: false, error: { reason: 'NOT_APPROVED' } });

    if (hasPoppler) {
      const plan = await call('fund.printApplicationNotice', { applicationId: id, kind: 'plan' });
      expect(plan.fileName).toBe('电梯维保基金使用方案公示-3号楼1单元电梯大修.pdf');
      const planText = pdfText(plan.contentBase64).replace(/ +/g, ' ');
      for (const s of ['电梯维保基金使用方案公示', '西里社区 · 阳光小区', '更换曳引机、控制柜和层门', '¥150,000.00', '使用维修资金（双过半）',
        '210 户（占总户数 70.0%）', '160 户（占参与户数 76.1%）', '通过', '2026年10月21日至2026年10月25日，共 5 天', '业主委员会', '社区居民委员会']) {
        expect(planText).toContain(s);
      }
      const result = await call('fund.printApplicationNotice', { applicationId: id, kind: 'result' });
      const resultText = pdfFlatText(result.contentBase64);
      for (const s of ['电梯维保基金使用结果公示', '首付款', '安达电梯工程公司', 'PZ-001', '¥120,000.00', '结余 ¥30,000.00', '2026年11月20日至2026年11月29日，共 10 天']) {
        expect(resultText).toContain(s.replace(/\s+/g, ''));
      }
      // Look at it: page 1 as a PNG (kept under the test's temp folder for a person to open).
      const dir = tempDir();
      const pdf = path.join(dir, 'plan.pdf');
      fs.writeFileSync(pdf, Buffer.from(plan.contentBase64, 'base64'));
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(dir, 'plan')]);
      expect(fs.statSync(path.join(dir, 'plan.png')).size).toBeGreaterThan(10_000);
      if (process.env.FUND_NOTICE_PNG) fs.copyFileSync(path.join(dir, 'plan.png'), process.env.FUND_NOTICE_PNG);
    }

    const closed = await step({ to: 'closed' });
    expect(closed.application).toMatchObject({ status: 'closed', nextSteps: [], todo: null });
    expect(await attempt('fund.recordWorksStart', { applicationId: id, worksStartedOn: '2026-11-01' })).toMatchObject({ ok: false, error: { reason: 'FINAL' } });
  });

  it('warns when works began before the vote or before the plan’s notice ended', async () => {
    const { call, vote, step, id } = await proposal();
    const early = await call('fund.recordWorksStart', { applicationId: id, worksStartedOn: '2026-10-15' });
    expect(early.application.warnings).toEqual(['2026-10-15 已开工，早于业主表决（尚未表决）']);
    await vote();
    await step({ to: 'noticed', noticeFrom: '2026-10-21', noticeTo: '2026-10-25' });
    const duringNotice = await call('fund.recordWorksStart', { applicationId: id, worksStartedOn: '2026-10-25' });
    expect(duringNotice.application.warnings).toEqual(['2026-10-25 已开工，早于方案公示期满（2026-10-25）']);
    const inOrder = await call('fund.recordWorksStart', { applicationId: id, worksStartedOn: '2026-10-26' });
    expect(inOrder.application.warnings).toEqual([]);
  });

  it('keeps a finished application as it was, whoever writes to the file', async () => {
    const { call, step, rawDb, id } = await proposal();
    await step({ to: 'withdrawn', reason: '业委会决定暂缓' });
    expect((await call('fund.listApplications', { open: true })).map((a) => a.id)).toEqual([]);
    expect((await call('fund.listApplications', {})).map((a) => a.status)).toEqual(['withdrawn']);
    const db = rawDb();
    expect(() => db.prepare("UPDATE fund_grant_applications SET status = 'proposed' WHERE id = ?").run(id)).toThrow(/不能修改或删除/);
    expect(() => db.prepare("UPDATE fund_grant_applications SET agreed_households = 999 WHERE id = ?").run(id)).toThrow(/不能修改或删除/);
  });

  it('refuses a vote that counts more than there are, beside the field', async () => {
    const { attempt, id } = await proposal();
    expect(await attempt('fund.recordVote', { applicationId: id, votedHouseholds: 301, votedArea: 1, agreedHouseholds: 1, agreedArea: 1, voteClosedOn: '2026-10-20' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'votedHouseholds', message: '参与表决户数不能多于总户数 300' }] } });
    expect(await attempt('fund.recordVote', { applicationId: id, votedHouseholds: 10, votedArea: 100, agreedHouseholds: 11, agreedArea: 1, voteClosedOn: '2026-10-20' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'agreedHouseholds', message: '同意户数不能多于参与表决户数' }] } });
  });
});
