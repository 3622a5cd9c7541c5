import { describe, expect, it } from 'vitest';
import { requestsFixture } from './requests-fixture';

/** The fixture's community with one 在职党员 of its register, who reports to the community from his work unit. */
async function wishesFixture() {
  const t = await requestsFixture();
  const wang = await t.member('王强', { category: 'in_service', workUnit: '中国银行建东支行' });
  const wish = (extra: Record<string, unknown> = {}) =>
    t.call('requests.createWish', { kind: 'wish', placeId: t.building.id, title: '给独居老人修好楼道扶手', wisherName: '赵桂芳', wisherPhone: '13812345678', publishedOn: '2026-12-01', ...extra });
  return { ...t, wang, wish };
}

describe('微心愿', () => {
  it('is published, claimed by an 在职党员 (his work unit taken), fulfilled, and the resident masked everywhere', async () => {
    const { wish, call, wang, auditCount } = await wishesFixture();
    const w = await wish();
    expect(w).toMatchObject({ state: 'open', wisherName: '赵**', wisherPhone: '138****5678', placeName: '西里社区 阳光小区 3号楼' });
    expect((await call('requests.getTodos', {})).openWishes).toBe(1);

    // Corrected from the form, which sees the resident masked and leaves them blank: the stored name and phone stay.
    const corrected = await call('requests.updateWish', { id: w.id, kind: 'wish', placeId: w.placeId, title: '给独居老人修好3号楼楼道扶手', publishedOn: '2026-12-01' });
    expect(corrected).toMatchObject({ title: '给独居老人修好3号楼楼道扶手', wisherName: '赵**', wisherPhone: '138****5678' });
    // A new resident typed replaces both (the old phone is not theirs).
    expect(await call('requests.updateWish', { id: w.id, kind: 'wish', placeId: w.placeId, title: corrected.title, wisherName: '孙立', publishedOn: '2026-12-01' }))
      .toMatchObject({ wisherName: '孙*', wisherPhone: null });
    await call('requests.updateWish', { id: w.id, kind: 'wish', placeId: w.placeId, title: corrected.title, wisherName: '赵桂芳', wisherPhone: '13812345678', publishedOn: '2026-12-01' });
    const claimed = await call('requests.claimWish', { id: w.id, memberId: wang.id, claimedOn: '2026-12-02' });
    expect(claimed).toMatchObject({ state: 'claimed', claimerName: '王强', claimerUnit: '中国银行建东支行', claimedOn: '2026-12-02' });
    expect((await call('requests.getTodos', {})).openWishes).toBe(0);

    const before = await auditCount();
    const done = await call('requests.fulfilWish', { id: w.id, fulfilledOn: '2026-12-02', result: '已请银行志愿者加装扶手', hours: 25 });
    expect(done).toMatchObject({ state: 'fulfilled', hoursTenths: 25, activityId: null });
    expect(await auditCount()).toBe(before + 1);
    // Nothing reached the ledger without the clerk's confirmation.
    expect((await call('volunteer.listEntries', {})).total).toBe(0);

    const audit = JSON.stringify((await call('system.listAudit', {})).rows);
    expect(audit).not.toMatch(/赵桂芳|13812345678/);
    expect((await call('requests.listWishes', { state: 'fulfilled' })).rows.map((r) => r.wisherName)).toEqual(['赵**']);
  });

  it('sends the hours to the volunteer ledger on one confirmation: an activity of the community, credited once', async () => {
    const { wish, call, wang, committee } = await wishesFixture();
    const w = await wish();
    await call('requests.claimWish', { id: w.id, memberId: wang.id, claimedOn: '2026-12-02' });
    const done = await call('requests.fulfilWish', { id: w.id, fulfilledOn: '2026-12-02', result: '已加装扶手', hours: 25, creditHours: true });
    expect(done.activityId).not.toBeNull();

    const activity = await call('volunteer.getActivity', { id: done.activityId! });
    expect(activity).toMatchObject({ title: '微心愿：给独居老人修好楼道扶手', onDate: '2026-12-02', organiserOrgId: committee.id });
    expect(activity.participants).toMatchObject([{ name: '王强', attendance: 'present', hours: 25 }]);
    const entries = (await call('volunteer.listEntries', {})).rows;
    expect(entries).toMatchObject([{ name: '王强', category: 'service', hours: 25, sourceKind: 'activity', sourceId: done.activityId }]);
    expect(entries[0]!.amount).toBeGreaterThan(0);
    // The activity is credited: applying it again is refused, so the hours count once.
    expect(await call('volunteer.applyActivity', { activityId: done.activityId! }).catch((e: Error) => e.message)).toMatch(/不会重复计分/);
  });

  it('refuses what would be wrong, writing nothing', async () => {
    const { wish, call, attempt, wang, member, auditCount } = await wishesFixture();
    const w = await wish();
    // A unit's claim has no member whose hours could be credited.
    await call('requests.claimWish', { id: w.id, unit: '区人民医院', claimedOn: '2026-12-02' });
    let before = await auditCount();
    expect(await attempt('requests.fulfilWish', { id: w.id, fulfilledOn: '2026-12-02', result: '已办', hours: 10, creditHours: true }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'creditHours' }] } });
    expect(await attempt('requests.fulfilWish', { id: w.id, fulfilledOn: '2026-12-02', result: '已办', creditHours: true }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'hours', message: '计入志愿服务时长，请填写服务时长' }] } });
    expect(await attempt('requests.claimWish', { id: w.id, memberId: wang.id, claimedOn: '2026-12-02' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '这条心愿已认领，不能认领' } });
    expect(await attempt('requests.updateWish', { id: w.id, kind: 'wish', placeId: w.placeId, title: '改了', wisherName: '赵桂芳', publishedOn: '2026-12-01' }))
      .toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await auditCount()).toBe(before);
    expect((await call('volunteer.listActivities', {})).total).toBe(0);

    // A wish needs its resident; a need of the community names nobody, whatever was typed.
    expect(await attempt('requests.createWish', { kind: 'wish', placeId: w.placeId, title: '想要一把轮椅', publishedOn: '2026-12-01' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'wisherName', message: '请填写许愿的居民' }] } });
    const need = await wish({ kind: 'need', title: '周末四点半课堂缺辅导老师' });
    expect(need).toMatchObject({ kind: 'need', wisherName: null, wisherPhone: null });
    // Claimed before it was published, or by someone no longer on the register.
    before = await auditCount();
    expect(await attempt('requests.claimWish', { id: need.id, memberId: wang.id, claimedOn: '2026-11-30' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'claimedOn', message: '认领日期不能早于 2026-12-01' }] } });
    const gone = await member('钱进');
    await call('party.transferOut', { id: gone.id, on: '2026-12-01', to: '外区' });
    before = await auditCount();
    expect(await attempt('requests.claimWish', { id: need.id, memberId: gone.id, claimedOn: '2026-12-02' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'memberId', message: '钱进已不在册，不能认领' }] } });
    expect(await auditCount()).toBe(before);
  });

  it('is released or withdrawn with a reason, and the history is in the audit log', async () => {
    const { wish, call, wang } = await wishesFixture();
    const w = await wish();
    await call('requests.claimWish', { id: w.id, memberId: wang.id, claimedOn: '2026-12-02' });
    const open = await call('requests.releaseWish', { id: w.id, reason: '王强出差，改由他人认领' });
    expect(open).toMatchObject({ state: 'open', claimerMemberId: null, claimerUnit: null, claimedOn: null });
    const withdrawn = await call('requests.withdrawWish', { id: w.id, reason: '老人已搬走' });
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdrawnReason: '老人已搬走' });
    const actions = (await call('system.listAudit', {})).rows.filter((r) => r.entity === 'wish').map((r) => r.action);
    expect(actions).toEqual(['withdraw', 'release', 'claim', 'create']);
  });
});
