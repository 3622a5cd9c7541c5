import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { fundFixture } from './fund-fixture';

/** 销户 (fund.closeAccount): only an account that leaves nothing behind, and then it takes no more entries. */

describe('closing a fund account', () => {
  it('is refused while money, a draft or an undisclosed entry is left; then done, audited, and the estate may open another', async () => {
    const { call, attempt, account, estate, spend, draft, income } = await fundFixture(); // ¥10,000.00 opened 2026-01-01
    const close = () => attempt('fund.closeAccount', { id: account.id, reason: '小区电梯移交公共维修资金管理' });
    expect(await close()).toMatchObject({ ok: false, error: { reason: 'BALANCE_NOT_ZERO', message: expect.stringContaining('账户余额还有 ¥10,000.00') } });

    await income('500.00', '2026-03-01');
    await spend('10,500.00', '2026-03-10', { purpose: '余额转入小区专项维修资金账户' });
    // A draft beyond the balance (with its reason) is still a draft in the way.
    const waiting = await draft('1.00', '2026-03-11', { overrideReason: '测试透支' });
    expect(await close()).toMatchObject({ ok: false, error: { reason: 'DRAFTS_OPEN' } });
    await call('fund.voidDraft', { entryId: waiting.entry.id, reason: '录错' });
    expect(await close()).toMatchObject({ ok: false, error: { reason: 'NOT_DISCLOSED', message: expect.stringContaining('最后一笔流水（2026-03-10）还没有公示') } });
    await call('fund.makeDisclosure', { accountId: account.id, from: '2026-01-01', to: '2026-03-10', noticeFrom: '2026-03-11', noticeTo: '2026-03-20' });

    expect(await call('fund.closeAccount', { id: account.id, reason: '小区电梯移交公共维修资金管理' })).toMatchObject({ status: 'closed', balance: 0 });
    expect(await attempt('fund.postIncome', { id: newId(), accountId: account.id, onDate: '2026-12-01', amount: '1.00', purpose: '测试', category: 'interest' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'accountId', message: expect.stringContaining('已销户') }] } });
    expect(await close()).toMatchObject({ ok: false, error: { fields: [{ path: 'id' }] } });
    expect((await call('fund.listAccounts', { status: 'active' }))).toEqual([]);
    // Its journal is still there and still verifies.
    expect((await call('fund.verifyAccount', { id: account.id })).break).toBeNull();
    const [closed] = (await call('system.listAudit', { limit: 20 })).rows.filter((r) => r.action === 'close_account');
    expect(JSON.parse(closed!.after!)).toMatchObject({ status: 'closed', reason: '小区电梯移交公共维修资金管理' });
    expect(await call('fund.openAccount', { estateId: estate.id, openingBalance: '0', openedOn: '2026-12-01', name: '阳光小区电梯维保基金（二）' })).toMatchObject({ status: 'active' });
  });

  it('is refused while a crowd-funding campaign is still collecting', async () => {
    const t = await fundFixture({ openingBalance: '0' });
    await t.call('fund.createCampaign', {
      accountId: t.account.id, title: '1号楼电梯大修', purpose: '更换主机', target: '1,000', subsidyPart: '0', grantPart: '0', balancePart: '0', scheme: 'equal',
      households: [{ room: '1-101', ownerName: '张三' }], floorCoefficients: [],
    });
    expect(await t.attempt('fund.closeAccount', { id: t.account.id, reason: '测试' })).toMatchObject({ ok: false, error: { reason: 'CAMPAIGN_OPEN', message: expect.stringContaining('1号楼电梯大修') } });
  });

  it('is for administrators only', async () => {
    const { account, core, signInAs } = await fundFixture({ openingBalance: '0' });
    const reviewer = await signInAs('reviewer');
    expect(await core.dispatch('fund.closeAccount', { id: account.id, reason: '测试' }, reviewer)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
