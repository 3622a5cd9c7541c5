import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { openDatabase } from '../../db/open';
import { listEscalatedCopies } from '../../db/requests/street-answers';
import { clockStartingAt } from '../../main/clock';
import { inMoment, tempDir, TEST_NOW } from './helpers';
import { recorded } from './query-plan';
import { communityInstall, packageOf, rewritePackage, streetInstall, STREET } from './submission-fixture';

type Install = Awaited<ReturnType<typeof communityInstall>>;

/** A request reported at the community, sorted and handed up to the street: its ledger's own steps. */
async function escalate(c: Install, content = '小区门口道路塌陷，需要市政维修') {
  const r = await c.call('requests.report', { reportedOn: await todayOf(c), source: 'visit', reporterName: '张秀兰', reporterPhone: '13812345678', placeId: c.estate.id, content });
  await c.call('requests.step', { id: r.id, to: 'sorted', category: 'facilities', urgency: 'urgent' } as never);
  await c.call('requests.step', { id: r.id, to: 'assigned', handlerKind: 'street', handlerName: '西里街道城管科' } as never);
  return r.id;
}
const todayOf = async (t: { call: Install['call'] }) => (await t.call('system.getClock', {})).today;
const monthly = (c: Install) => packageOf(c, undefined, ['requests']);
const answersOf = async (street: Awaited<ReturnType<typeof streetInstall>>, unitCode: string) => {
  const out = await street.call('requests.buildAnswersPackage', { unitCode });
  return { fileName: out.file.fileName, contentBase64: out.file.contentBase64 };
};
const copyOf = async (street: Awaited<ReturnType<typeof streetInstall>>, unitCode: string, id: string) =>
  (await street.call('requests.listEscalated', {})).rows.find((r) => r.unitCode === unitCode && r.id === id);

describe('the street-escalation round trip through two packages', () => {
  it('an escalated request arrives with the package, is answered at the street, closes at the community and comes back closed', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const id = await escalate(community);
    const code = '130104001001';

    // Package one: the community's request reaches the street handed up to it.
    await street.call('submission.importPackage', await monthly(community));
    const listed = await copyOf(street, code, id);
    expect(listed).toMatchObject({ unitName: '西里社区', state: 'assigned', handlerName: '西里街道城管科', answer: null });

    const before = (await street.call('system.listAudit', {})).total;
    const answer = await street.call('requests.answerEscalated', { unitCode: code, requestId: id, measures: '已协调市政所于本周内修复路面', answeredBy: '城管科 赵刚' });
    expect(answer).toMatchObject({ answeredOn: await todayOf(street), answeredBy: '城管科 赵刚' });
    expect((await street.call('system.listAudit', {})).total).toBeGreaterThan(before);
    await expect(street.call('requests.answerEscalated', { unitCode: code, requestId: id, measures: '再答一次', answeredBy: '赵刚' })).rejects.toMatchObject({ body: { reason: 'ALREADY_ANSWERED' } });

    // The answers package down: the community closes its own request, with the street's measures, in its history.
    const down = await answersOf(street, code);
    const applied = await community.call('requests.importStreetAnswers', down);
    expect(applied).toMatchObject({ street: STREET.name, applied: [{ id }], unchanged: 0, notApplied: [] });
    const closed = await community.call('requests.getRequest', { id });
    expect(closed).toMatchObject({ state: 'done', result: '已协调市政所于本周内修复路面' });
    expect(closed.steps.at(-1)).toMatchObject({ fromState: 'assigned', toState: 'done', detail: { by: 'street', answeredBy: '城管科 赵刚', result: '已协调市政所于本周内修复路面' } });
    const logged = await community.call('system.listAudit', {});
    expect(logged.rows.find((e) => e.action === 'street_answer_applied')).toBeDefined();
    expect(JSON.stringify(logged.rows)).not.toContain('张秀兰');

    // Idempotent: the same package again changes nothing.
    const again = await community.call('requests.importStreetAnswers', down);
    expect(again).toMatchObject({ applied: [], unchanged: 1, notApplied: [] });
    expect((await community.call('requests.getRequest', { id })).steps).toEqual(closed.steps);

    // Package two: the street's copy shows the request closed with the street's answer — one request, not two.
    await street.call('submission.importPackage', await monthly(community));
    const records = await street.call('submission.listRecords', { unitCode: code, table: 'requests.requests', limit: 50 });
    expect(records.rows).toHaveLength(1);
    const field = (k: string) => records.rows[0]!.fields.find((f) => f.key === k)!.value;
    expect([field('state'), field('result')]).toEqual(['done', '已协调市政所于本周内修复路面']);
    expect(await copyOf(street, code, id)).toMatchObject({ state: 'done', answer: { id: answer.id } });
  });

  it('a request reopened after 不满意 and handed up again is answered again; each answer applies once to its own escalation', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const id = await escalate(community);
    const code = '130104001001';
    await street.call('submission.importPackage', await monthly(community));
    const first = await street.call('requests.answerEscalated', { unitCode: code, requestId: id, measures: '已协调市政所修复路面', answeredBy: '城管科 赵刚' });
    expect(first.round).toBe(0);
    const firstDown = await answersOf(street, code);
    expect((await community.call('requests.importStreetAnswers', firstDown)).applied).toEqual([{ id, content: '小区门口道路塌陷，需要市政维修' }]);

    // 不满意 at the return visit reopens it, and the community hands it up again: a second escalation.
    const day = await todayOf(community);
    await community.call('requests.step', { id, to: 'publicised', publicisedOn: day } as never);
    await community.call('requests.step', { id, to: 'evaluated', rating: 'unsatisfied', comment: '路面又塌了' } as never);
    await community.call('requests.step', { id, to: 'assigned', handlerKind: 'street', handlerName: '西里街道城管科', note: '重新交办' } as never);
    // The first answers package again changes nothing: its answer closed the first escalation, not this one.
    expect(await community.call('requests.importStreetAnswers', firstDown)).toMatchObject({ applied: [], unchanged: 1, notApplied: [] });
    expect(await community.call('requests.getRequest', { id })).toMatchObject({ state: 'assigned', reopened: 1, result: null });

    // Until the next package the street's copy is the closed first escalation, answered.
    await expect(street.call('requests.answerEscalated', { unitCode: code, requestId: id, measures: '再答', answeredBy: '赵刚' })).rejects.toMatchObject({ body: { reason: 'ALREADY_ANSWERED' } });
    await street.call('submission.importPackage', await monthly(community));
    expect(await copyOf(street, code, id)).toMatchObject({ state: 'assigned', round: 1, answer: null, earlier: [{ id: first.id, round: 0 }] });
    const second = await street.call('requests.answerEscalated', { unitCode: code, requestId: id, measures: '已整体翻修路基', answeredBy: '城管科 赵刚' });
    expect(second.round).toBe(1);
    await expect(street.call('requests.answerEscalated', { unitCode: code, requestId: id, measures: '三答', answeredBy: '赵刚' })).rejects.toMatchObject({ body: { reason: 'ALREADY_ANSWERED' } });

    // The answers package carries the latest answer; the community applies it once, and its history keeps both.
    const secondDown = await answersOf(street, code);
    expect(await community.call('requests.importStreetAnswers', secondDown)).toMatchObject({ applied: [{ id }], unchanged: 0, notApplied: [] });
    const closed = await community.call('requests.getRequest', { id });
    expect(closed).toMatchObject({ state: 'done', result: '已整体翻修路基', reopened: 1 });
    expect(closed.steps.filter((s) => s.detail.by === 'street').map((s) => s.detail.streetAnswerId)).toEqual([first.id, second.id]);
    expect(await community.call('requests.importStreetAnswers', secondDown)).toMatchObject({ applied: [], unchanged: 1, notApplied: [] });
    expect((await community.call('requests.getRequest', { id })).steps).toEqual(closed.steps);

    // The street keeps every answer: the copy, closed by the next package, shows this round's beside the earlier one.
    await street.call('submission.importPackage', await monthly(community));
    expect(await copyOf(street, code, id)).toMatchObject({ state: 'done', round: 1, answer: { id: second.id }, earlier: [{ id: first.id }] });
  });

  it('refuses a tampered answers package, an answer for a request not handed up, and one from a unit not kept', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const id = await escalate(community);
    const local = await community.call('requests.report', { reportedOn: await todayOf(community), source: 'visit', reporterName: '王大爷', reporterPhone: '13812345679', placeId: community.estate.id, content: '楼道堆物' });
    await street.call('submission.importPackage', await monthly(community));
    const code = '130104001001';

    await expect(street.call('requests.answerEscalated', { unitCode: code, requestId: local.id, measures: '答复', answeredBy: '赵刚' })).rejects.toMatchObject({ body: { reason: 'NOT_ESCALATED' } });
    await expect(street.call('requests.answerEscalated', { unitCode: '130104001999', requestId: id, measures: '答复', answeredBy: '赵刚' })).rejects.toMatchObject({ body: { reason: 'UNIT_NOT_KEPT' } });
    await expect(street.call('requests.answerEscalated', { unitCode: code, requestId: id, measures: '', answeredBy: '赵刚' })).rejects.toMatchObject({ body: { code: 'VALIDATION' } });

    await street.call('requests.answerEscalated', { unitCode: code, requestId: id, measures: '已修复', answeredBy: '赵刚' });
    const down = await answersOf(street, code);
    const tampered = rewritePackage(down.contentBase64, (files) => {
      const f = 'tables/requests.streetAnswers.json';
      files[f] = Buffer.from(Buffer.from(files[f]!).toString('utf8').replace('已修复', '不予处理'));
    });
    await expect(community.call('requests.importStreetAnswers', { fileName: down.fileName, contentBase64: tampered })).rejects.toMatchObject({ body: { reason: 'PACKAGE_SIGNATURE' } });
    // Re-signed by a forger's own key after the street's key was pinned: refused by the pinned key.
    await community.call('requests.importStreetAnswers', down);
    const forger = await streetInstall();
    const forged = rewritePackage(down.contentBase64, () => {}, forger.dir);
    await expect(community.call('requests.importStreetAnswers', { fileName: down.fileName, contentBase64: forged })).rejects.toMatchObject({ body: { reason: 'PACKAGE_KEY_CHANGED' } });
    expect((await community.call('requests.getRequest', { id })).state).toBe('done');
  });

  it('does not apply an answer addressed to another community, nor one for a request the community closed itself', async () => {
    const community = await communityInstall();
    const other = await communityInstall({ name: '东里社区', code: '130104001002' });
    const street = await streetInstall();
    const id = await escalate(community);
    const otherId = await escalate(other);
    await street.call('submission.importPackage', await monthly(community));
    await street.call('submission.importPackage', await monthly(other));
    await street.call('requests.answerEscalated', { unitCode: '130104001002', requestId: otherId, measures: '东里的答复', answeredBy: '赵刚' });
    await street.call('requests.answerEscalated', { unitCode: '130104001001', requestId: id, measures: '西里的答复', answeredBy: '赵刚' });

    // 东里's package carried to 西里: addressed to another community, nothing applied.
    const wrong = await community.call('requests.importStreetAnswers', await answersOf(street, '130104001002'));
    expect(wrong.applied).toEqual([]);
    expect(wrong.notApplied).toEqual([{ requestId: otherId, reason: expect.stringContaining('130104001002') }]);

    // 西里 closed its request itself before the answer came: reported, not forced.
    await community.call('requests.step', { id, to: 'done', doneOn: await todayOf(community), result: '社区自行协调解决' } as never);
    const late = await community.call('requests.importStreetAnswers', await answersOf(street, '130104001001'));
    expect(late.applied).toEqual([]);
    expect(late.notApplied).toEqual([{ requestId: id, reason: expect.stringContaining('不是上交街道办理中') }]);
    expect((await community.call('requests.getRequest', { id })).result).toBe('社区自行协调解决');

    // Reopened after 不满意 and handed up again: the street's answer to the earlier escalation is reported, not applied to this one.
    await community.call('requests.step', { id, to: 'publicised', publicisedOn: await todayOf(community) } as never);
    await community.call('requests.step', { id, to: 'evaluated', rating: 'unsatisfied' } as never);
    await community.call('requests.step', { id, to: 'assigned', handlerKind: 'street', handlerName: '西里街道城管科' } as never);
    const stale = await community.call('requests.importStreetAnswers', await answersOf(street, '130104001001'));
    expect(stale).toMatchObject({ applied: [], notApplied: [{ requestId: id, reason: expect.stringContaining('重新交办（共 1 次）') }] });
    expect((await community.call('requests.getRequest', { id })).state).toBe('assigned');
  });
});

describe('the answers package in the community’s submission log, and the street’s new key', () => {
  const log = async (c: Install) => (await c.call('submission.listLog', { direction: 'import', limit: 50 })).rows;

  it('logs a refused answers package with why, as a refused data package, an imported one with what it did, and the street’s sending of it', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const id = await escalate(community);
    await street.call('submission.importPackage', await monthly(community));
    await street.call('requests.answerEscalated', { unitCode: '130104001001', requestId: id, measures: '已修复', answeredBy: '赵刚' });
    const down = await answersOf(street, '130104001001');

    const tampered = rewritePackage(down.contentBase64, (files) => {
      const f = 'tables/requests.streetAnswers.json';
      files[f] = Buffer.from(Buffer.from(files[f]!).toString('utf8').replace('已修复', '不予处理'));
    });
    await expect(community.call('requests.importStreetAnswers', { fileName: 'tampered.sdpkg', contentBase64: tampered })).rejects.toMatchObject({ body: { reason: 'PACKAGE_SIGNATURE' } });
    // Not an answers package: the community's own monthly package brought back.
    await expect(community.call('requests.importStreetAnswers', await monthly(community))).rejects.toMatchObject({ body: { reason: 'PACKAGE_NOT_ACCEPTED' } });
    expect((await community.call('requests.getRequest', { id })).state).toBe('assigned');

    // Sent: in the street's log, its file and checksum.
    expect((await street.call('submission.listLog', { direction: 'export', limit: 50 })).rows[0]).toMatchObject({
      title: '街道答复包（致西里社区）', kind: 'package', unit: { level: 'street', name: STREET.name }, files: [{ name: down.fileName }], rowCounts: { 'requests.streetAnswers': 1 },
    });
    await community.call('requests.importStreetAnswers', down);
    const [imported, notAnswers, forged] = await log(community);
    expect(imported).toMatchObject({ title: '街道答复包导入', unit: { level: 'street', name: STREET.name }, files: [{ name: down.fileName }],
      result: { applied: 1, unchanged: 0, notApplied: 0 }, refusal: null });
    expect(notAnswers).toMatchObject({ title: '街道答复包导入（未导入）', unit: { level: 'community', name: '西里社区' }, refusal: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringContaining('不是街道答复包') } });
    expect(forged).toMatchObject({ title: '街道答复包导入（未导入）', unit: { name: STREET.name }, files: [{ name: 'tampered.sdpkg' }], refusal: { reason: 'PACKAGE_SIGNATURE' } });
    const audit = await community.call('system.listAudit', { entity: 'submission' });
    expect(audit.rows.map((r) => r.action).filter((a) => a !== 'export')).toEqual(['import', 'import_refused', 'import_refused']);
  });

  it('takes a reinstalled street’s answers once an administrator accepts its new key, audited; a clerk cannot', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const first = await escalate(community);
    await street.call('submission.importPackage', await monthly(community));
    await street.call('requests.answerEscalated', { unitCode: '130104001001', requestId: first, measures: '已修复', answeredBy: '赵刚' });
    await community.call('requests.importStreetAnswers', await answersOf(street, '130104001001'));

    // The street's laptop is reinstalled: a new data folder, a new key; the community's next package reaches it.
    const second = await escalate(community, '路灯不亮');
    const reinstalled = await streetInstall(tempDir());
    await reinstalled.call('submission.importPackage', await monthly(community));
    await reinstalled.call('requests.answerEscalated', { unitCode: '130104001001', requestId: second, measures: '已更换灯具', answeredBy: '赵刚' });
    const down = await answersOf(reinstalled, '130104001001');
    const fresh = (await reinstalled.call('system.getStatus', {})).signingFingerprint!;
    const pinned = (await street.call('system.getStatus', {})).signingFingerprint!;
    await expect(community.call('requests.importStreetAnswers', down)).rejects.toMatchObject({
      body: { reason: 'PACKAGE_KEY_CHANGED', message: expect.stringMatching(new RegExp(`已记录 ${pinned}，本数据包 ${fresh}.*向街道核对`)) },
    });

    const clerk = await community.signInAs('entry', '张丽');
    await expect(community.callAs(clerk, 'requests.acceptStreetKeyChange', down)).rejects.toMatchObject({ body: { code: 'FORBIDDEN' } });
    expect(await community.call('requests.acceptStreetKeyChange', down)).toEqual({ unitName: STREET.name, fingerprint: fresh, previous: pinned });
    const keys = await community.call('system.listAudit', { entity: 'unit_key' });
    expect(keys.rows.map((r) => r.action)).toEqual(['key_change', 'pin_key']);
    expect([JSON.parse(keys.rows[0]!.before!).fingerprint, JSON.parse(keys.rows[0]!.after!).fingerprint]).toEqual([pinned, fresh]);

    expect(await community.call('requests.importStreetAnswers', down)).toMatchObject({ applied: [{ id: second, content: '路灯不亮' }] });
    expect((await community.call('requests.getRequest', { id: second })).result).toBe('已更换灯具');
    // The old key is the one refused now; accepting the same key again, or a package failing another rule, is refused.
    await expect(community.call('requests.importStreetAnswers', await answersOf(street, '130104001001'))).rejects.toMatchObject({ body: { reason: 'PACKAGE_KEY_CHANGED' } });
    await expect(community.call('requests.acceptStreetKeyChange', down)).rejects.toMatchObject({ body: { reason: 'KEY_NOT_CHANGED' } });
    const other = await communityInstall({ name: '东里社区', code: '130104001002', parent: { name: '东花市街道', code: '110101002' } });
    await expect(other.call('requests.acceptStreetKeyChange', down)).rejects.toMatchObject({ body: { reason: 'PACKAGE_NOT_ACCEPTED' } });
  });
});

describe('街道受理’s list', () => {
  it('lists what awaits an answer and what was answered, by deadline, paged, with the communities to send answers to', async () => {
    const community = await communityInstall();
    // The street's clock twenty days on: the requests' deadlines (15 days, the street's level) have passed.
    const street = await streetInstall(undefined, { clock: clockStartingAt(new Date(Date.parse(TEST_NOW) + 20 * 86_400_000).toISOString()) });
    const first = await escalate(community, '小区门口道路塌陷');
    const second = await escalate(community, '路灯不亮');
    await community.call('requests.report', { reportedOn: await todayOf(community), source: 'visit', reporterName: '王大爷', reporterPhone: '13812345679', placeId: community.estate.id, content: '楼道堆物' });
    await street.call('submission.importPackage', await monthly(community));
    await street.call('requests.answerEscalated', { unitCode: '130104001001', requestId: second, measures: '已更换灯具', answeredBy: '赵刚' });

    const ids = async (filter: 'open' | 'answered' | null, limit = 50, offset = 0) => {
      const page = await street.call('requests.listEscalated', { filter, limit, offset });
      return { total: page.total, ids: page.rows.map((r) => r.id) };
    };
    expect(await ids('open')).toEqual({ total: 1, ids: [first] });
    expect(await ids('answered')).toEqual({ total: 1, ids: [second] });
    const overdue = (await street.call('requests.listEscalated', {})).rows.map((r) => [r.id, r.overdue] as const);
    expect(new Map(overdue)).toEqual(new Map([[first, true], [second, false]])); // answered: no longer the street's to chase
    const all = await ids(null);
    expect(all.total).toBe(2);
    expect(new Set(all.ids)).toEqual(new Set([first, second]));
    expect(await ids(null, 1, 1)).toEqual({ total: 2, ids: [all.ids[1]] });
    expect(await street.call('requests.listAnswerUnits', {})).toEqual([{ code: '130104001001', name: '西里社区', answers: 1 }]);
    await expect(community.call('requests.listEscalated', {})).rejects.toMatchObject({ body: { reason: 'NOT_A_STREET' } });
  });

  it('keeps an answered request the community handed elsewhere before importing the answer, marked as not used', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const id = await escalate(community);
    const waiting = await escalate(community, '路灯不亮');
    await street.call('submission.importPackage', await monthly(community));
    await street.call('requests.answerEscalated', { unitCode: '130104001001', requestId: id, measures: '已联系市政处', answeredBy: '赵刚' });
    // The community hands it to the property company meanwhile; its next package brings the copy up so.
    await community.call('requests.step', { id, to: 'assigned', handlerKind: 'property_company', handlerName: '阳光物业' } as never);
    await street.call('submission.importPackage', await monthly(community));

    const answered = await street.call('requests.listEscalated', { filter: 'answered' });
    expect(answered.total).toBe(1);
    expect(answered.rows[0]).toMatchObject({ id, handlerName: '阳光物业', diverted: true, answer: { measures: '已联系市政处' }, overdue: false });
    expect((await street.call('requests.listEscalated', { filter: 'open' })).rows.map((r) => [r.id, r.diverted])).toEqual([[waiting, false]]);
    const all = await street.call('requests.listEscalated', {});
    expect(all.total).toBe(2);
    expect(new Set(all.rows.map((r) => r.id))).toEqual(new Set([id, waiting]));
    // The community reports the answer as not applied, as before.
    const down = await community.call('requests.importStreetAnswers', await answersOf(street, '130104001001'));
    expect(down.notApplied).toEqual([{ requestId: id, reason: expect.stringContaining('不是上交街道办理中') }]);
  });

  it('reads only the copies handed to the street, in deadline order, through their partial index', async () => {
    const db = await inMoment(() => openDatabase(path.join(tempDir(), 'x.sqlite')));
    for (const filter of ['open', 'answered', null] as const) {
      const q = recorded(db);
      listEscalatedCopies(q.spy, { filter, offset: 0, limit: 50 });
      // The copies handed to the street through their partial index, the diverted ones from the street's own
      // answers by the copies' key; sorting what the two find is the only ordering step (a street's escalations).
      for (const i of [0, 1]) {
        expect(q.plan(i)).toMatch(/SCAN c USING INDEX consolidated_requests_street/);
        expect(q.plan(i)).toMatch(/SCAN a\b[\s\S]*SEARCH c USING PRIMARY KEY/);
        expect(q.plan(i)).not.toMatch(/SCAN c\b(?! USING INDEX consolidated_requests_street)/);
      }
    }
    db.close();
  });
});
