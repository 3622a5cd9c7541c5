import { describe, expect, it } from 'vitest';
import { cardStanding, DEFAULT_CARD_RULE, windowOpensAfter } from '../../main/api/property/cards';
import { propertyFixture, today } from './property-fixture';

const yellow = (issuedOn: string, withdrawnAt: string | null = null) => ({ colour: 'yellow' as const, issuedOn, withdrawnAt });
const red = (issuedOn: string, withdrawnAt: string | null = null) => ({ colour: 'red' as const, issuedOn, withdrawnAt });

describe('card standing (pure)', () => {
  it('makes a red due at N yellows in force in the window, and not before', () => {
    const two = [yellow('2026-03-01'), yellow('2026-07-01')];
    expect(cardStanding(two, '2026-12-02', DEFAULT_CARD_RULE)).toMatchObject({ state: 'yellow', yellows: 2 });
    expect(cardStanding([...two, yellow('2026-11-20')], '2026-12-02', DEFAULT_CARD_RULE)).toMatchObject({ state: 'red_due', yellows: 3 });
    expect(cardStanding([], '2026-12-02', DEFAULT_CARD_RULE).state).toBe('none');
    expect(cardStanding(two, '2026-12-02', { redAfterYellows: 2, windowMonths: 12 }).state).toBe('red_due');
  });

  it('does not count a withdrawn yellow, nor one issued after the day judged', () => {
    const cards = [yellow('2026-03-01'), yellow('2026-07-01', '2026-08-01T02:00:00.000Z'), yellow('2026-11-20')];
    expect(cardStanding(cards, '2026-12-02', DEFAULT_CARD_RULE)).toMatchObject({ state: 'yellow', yellows: 2 });
    expect(cardStanding([yellow('2026-03-01'), yellow('2026-07-01'), yellow('2026-11-20')], '2026-11-19', DEFAULT_CARD_RULE).yellows).toBe(2);
  });

  it('counts the window to the day: 12 months up to today, held to month ends', () => {
    expect(windowOpensAfter('2026-12-02', 12)).toBe('2025-12-02');
    const onEdge = [yellow('2025-12-02'), yellow('2026-05-01'), yellow('2026-12-02')];
    expect(cardStanding(onEdge, '2026-12-02', DEFAULT_CARD_RULE)).toMatchObject({ yellows: 2, windowFrom: '2025-12-03' });
    expect(cardStanding([yellow('2025-12-03'), ...onEdge.slice(1)], '2026-12-02', DEFAULT_CARD_RULE).state).toBe('red_due');
    // 2026-03-31 − 1 month = 2026-02-28: a card of 02-28 is out, one of 03-01 in.
    const rule = { redAfterYellows: 1, windowMonths: 1 };
    expect(cardStanding([yellow('2026-02-28')], '2026-03-31', rule)).toMatchObject({ state: 'none', windowFrom: '2026-03-01' });
    expect(cardStanding([yellow('2026-03-01')], '2026-03-31', rule).state).toBe('red_due');
    // A leap day's year: 2028-02-29 − 12 months = 2027-02-28.
    expect(cardStanding([yellow('2027-02-28')], '2028-02-29', { redAfterYellows: 1, windowMonths: 12 }).state).toBe('none');
    expect(cardStanding([yellow('2027-03-01')], '2028-02-29', { redAfterYellows: 1, windowMonths: 12 }).state).toBe('red_due');
  });

  it('stands red while a red in force is in the window; a withdrawn red leaves the yellows as they are', () => {
    const yellows = [yellow('2026-03-01'), yellow('2026-07-01'), yellow('2026-11-20')];
    expect(cardStanding([...yellows, red('2026-11-25')], '2026-12-02', DEFAULT_CARD_RULE)).toMatchObject({ state: 'red', redIssuedOn: '2026-11-25' });
    expect(cardStanding([...yellows, red('2026-11-25', '2026-11-26T01:00:00.000Z')], '2026-12-02', DEFAULT_CARD_RULE).state).toBe('red_due');
    expect(cardStanding([red('2025-11-25')], '2026-12-02', DEFAULT_CARD_RULE).state).toBe('none');
  });
});

/** 阳光小区 served by 阳光物业 since 2026-01-01, a meeting on 2026-11-01 with an overdue resolution of the company's. */
async function cardsFixture() {
  const t = await propertyFixture();
  await t.call('property.createContract', { estateId: t.propertyEstate.placeId, companyId: t.company.id, startsOn: '2026-01-01' });
  const meeting = await t.call('property.createJointMeeting', {
    estateId: t.propertyEstate.placeId, heldOn: '2026-11-01', convener: '西里社区党委 张书记',
    attendees: [{ party: 'property_company', name: '刘经理' }], topics: ['3号楼楼道堆物'],
    resolutions: [
      { content: '清理3号楼楼道堆物', responsibleParty: 'property_company', responsiblePerson: '刘经理', dueOn: '2026-11-15' },
      { content: '公示电梯维保资金使用方案', responsibleParty: 'owners_committee', dueOn: '2026-11-20' },
      { content: '修复小区南门门禁', responsibleParty: 'property_company', dueOn: '2026-12-31' },
    ],
  });
  const [overdue, notCompanys, notDue] = meeting.resolutions as [(typeof meeting.resolutions)[0], (typeof meeting.resolutions)[0], (typeof meeting.resolutions)[0]];
  const rectification = (dueOn: string, issuedOn = today()) =>
    t.call('property.issueYellowCard', { basis: 'rectification', companyId: t.company.id, dueOn, issuedOn, reason: `消防通道整改（时限 ${dueOn}）逾期未完成` });
  return { ...t, meeting, overdue, notCompanys, notDue, rectification };
}

describe('yellow and red cards through the channels', () => {
  it('proposes the overdue resolution of the company serving the estate, and a yellow confirmed for it takes it off', async () => {
    const { call, attempt, company, overdue, notCompanys, notDue } = await cardsFixture();
    const proposals = await call('property.listCardProposals', {});
    expect(proposals.resolutions.map((r) => [r.content, r.companyName, r.dueOn])).toEqual([['清理3号楼楼道堆物', '阳光物业服务有限公司', '2026-11-15']]);

    const issued = await call('property.issueYellowCard', { basis: 'resolution', resolutionId: overdue.id, issuedOn: today(), reason: '决议逾期未办结' });
    expect(issued.cards).toMatchObject([{ colour: 'yellow', basis: 'resolution', resolutionContent: '清理3号楼楼道堆物', dueOn: '2026-11-15', companyId: company.id }]);
    expect(issued.standing).toMatchObject({ state: 'yellow', yellows: 1 });
    expect((await call('property.listCardProposals', {})).resolutions).toEqual([]);

    expect(await attempt('property.issueYellowCard', { basis: 'resolution', resolutionId: overdue.id, issuedOn: today(), reason: '再发' }))
      .toMatchObject({ ok: false, error: { reason: 'CARD_EXISTS' } });
    expect(await attempt('property.issueYellowCard', { basis: 'resolution', resolutionId: notCompanys.id, issuedOn: today(), reason: '逾期' }))
      .toMatchObject({ ok: false, error: { reason: 'CARD_NOT_COMPANY_DUTY' } });
    expect(await attempt('property.issueYellowCard', { basis: 'resolution', resolutionId: notDue.id, issuedOn: today(), reason: '逾期' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'issuedOn' }] } });
    expect(await attempt('property.issueYellowCard', { basis: 'rectification', companyId: company.id, dueOn: today(), issuedOn: today(), reason: '整改' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'dueOn', message: '整改时限已过才能发黄牌：时限应早于发牌日期' }] } });
    expect((await call('property.getCompany', { id: company.id })).cards.cards).toHaveLength(1);
  });

  it('refuses a red below the threshold, proposes it at N yellows, and stands red once the clerk issues it', async () => {
    const { call, attempt, company, rectification } = await cardsFixture();
    await rectification('2026-05-31', '2026-06-10');
    await rectification('2026-09-30', '2026-10-08');
    const refused = await attempt('property.issueRedCard', { companyId: company.id, issuedOn: today(), reason: '累计黄牌' });
    expect(refused).toMatchObject({ ok: false, error: { reason: 'CARD_RED_NOT_DUE', message: expect.stringContaining('2025-12-03 以来有效黄牌 2 张，满 3 张才能发红牌') } });
    expect((await call('property.listCardProposals', {})).redDue).toEqual([]);

    await rectification('2026-11-20');
    const due = await call('property.listCardProposals', {});
    expect(due.redDue).toMatchObject([{ companyId: company.id, companyName: '阳光物业服务有限公司', standing: { state: 'red_due', yellows: 3 } }]);
    const carded = await call('property.issueRedCard', { companyId: company.id, issuedOn: today(), reason: '一年内累计三张黄牌' });
    expect(carded.standing).toMatchObject({ state: 'red', redIssuedOn: today() });
    expect(carded.cards.map((c) => c.colour)).toEqual(['red', 'yellow', 'yellow', 'yellow']);
    expect((await call('property.listCardProposals', {})).redDue).toEqual([]);
    expect(await attempt('property.issueRedCard', { companyId: company.id, issuedOn: today(), reason: '再发' })).toMatchObject({ ok: false, error: { reason: 'CARD_RED_NOT_DUE' } });

    const settings = await call('property.getSettings', {});
    expect(settings.cardRule).toEqual({ redAfterYellows: 3, windowMonths: 12 });
  });

  it('withdraws a card with its reason, keeps it in the record and the audit log, and counts it no more', async () => {
    const { call, attempt, company, rectification } = await cardsFixture();
    const first = await rectification('2026-05-31', '2026-06-10');
    await rectification('2026-09-30', '2026-10-08');
    await call('property.updateSettings', { ...(await call('property.getSettings', {})), cardRule: { redAfterYellows: 2, windowMonths: 12 } });
    expect((await call('property.getCompany', { id: company.id })).cards.standing.state).toBe('red_due');

    const cardId = first.cards.find((c) => c.issuedOn === '2026-06-10')!.id;
    expect(await attempt('property.withdrawCard', { id: cardId, reason: '' })).toMatchObject({ ok: false, error: { fields: [{ path: 'reason' }] } });
    const after = await call('property.withdrawCard', { id: cardId, reason: '企业提供了按期完成的证明' });
    expect(after.standing).toMatchObject({ state: 'yellow', yellows: 1 });
    expect(after.cards.find((c) => c.id === cardId)).toMatchObject({ withdrawnReason: '企业提供了按期完成的证明', withdrawnBy: '王芳', reason: expect.stringContaining('消防通道') });
    expect(await attempt('property.withdrawCard', { id: cardId, reason: '再撤' })).toMatchObject({ ok: false, error: { reason: 'CARD_WITHDRAWN' } });

    const audit = await call('system.listAudit', { entity: 'property_card', entityId: cardId });
    expect(audit.rows.map((r) => r.action)).toEqual(['withdraw', 'create']);
  });

  it('keeps a carded resolution and its meeting: neither is removed', async () => {
    const { call, attempt, meeting, overdue } = await cardsFixture();
    await call('property.issueYellowCard', { basis: 'resolution', resolutionId: overdue.id, issuedOn: today(), reason: '决议逾期未办结' });
    expect(await attempt('property.deleteJointMeeting', { id: meeting.id })).toMatchObject({ ok: false, error: { reason: 'MEETING_HAS_RESOLUTION_HISTORY' } });
    const { id, estateName: _n, resolutions, createdAt: _c, updatedAt: _u, operator: _o, ...fields } = meeting;
    const others = resolutions.filter((r) => r.id !== overdue.id)
      .map(({ id: rid, content, responsibleParty, responsiblePerson, dueOn }) => ({ id: rid, content, responsibleParty, responsiblePerson, dueOn }));
    expect(await attempt('property.updateJointMeeting', { id, meeting: { ...fields, resolutions: others } })).toMatchObject({ ok: false, error: { reason: 'RESOLUTION_HAS_HISTORY' } });
  });
});
