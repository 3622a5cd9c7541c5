import { hash } from 'node:crypto';
import { ulid as newUlid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { FUND_CHAIN_ROWS, fundChainSpec } from '../../db/fund/chain';
import { chainHash, genesisHash } from '../../db/ledger/canonical';
import { fieldsOf } from '../../db/ledger/chain';
import { verifyChain } from '../../db/ledger/verify';
import { fundFixture } from './fund-fixture';
import { fixedToday } from './helpers';
import { pdfFlatText, pdfText } from './pdf-text';

/**
 * 公示 (docs/fund.md, "Disclosure"): a period's statement summed in SQL, made as a PDF that reads back with the same
 * figures, recorded with its head; the recorded head then witnesses the chain, and closes the disclosed days to
 * back-dated reversals.
 */

/** Income and expenses across three months, with back-dated entries and reversals inside and around a period. */
async function journal() {
  const t = await fundFixture(); // opened 2026-01-01 with ¥10,000.00
  await t.income('5,000.00', '2026-02-01');
  const feb = await t.spend('1,200.00', '2026-02-15', { voucherNo: '记-0215', purpose: '2 月日常维保' });
  await t.income('300.01', '2026-03-01', { category: 'interest' });
  const march = await t.spend('450.55', '2026-03-20', { category: 'inspection', voucherNo: '记-0320', purpose: '年检费' });
  await t.income('2,000.00', '2026-04-01');
  // Back-dated into March after April was posted, and two reversals dated like their originals.
  await t.income('99.99', '2026-03-05', { category: 'subsidy' });
  await t.call('fund.reverseEntry', { id: newUlid(), entryId: march.id, reason: '金额录错', onOriginalDate: true });
  const interest = (await t.figures('2026-03-01', '2026-03-01')).rows[0]!;
  await t.call('fund.reverseEntry', { id: newUlid(), entryId: interest.id, reason: '重复入账', onOriginalDate: true });
  return { ...t, feb, march };
}

const FROM = '2026-03-01';
const TO = '2026-03-31';


describe('the disclosure statement', () => {
  it('sums a period with reversals and back-dated entries exactly: opening + income − expense = closing', async () => {
    const { call, account, march } = await journal();
    const s = await call('fund.getStatement', { accountId: account.id, from: FROM, to: TO });
    // Opening: 10,000.00 + 5,000.00 − 1,200.00; March: 300.01 − 300.01 (reversed) + 99.99 in, 450.55 − 450.55 out.
    expect(s).toMatchObject({ opening: 1_380_000, income: 9_999, expense: 0, closing: 1_389_999 });
    expect(s.opening + s.income - s.expense).toBe(s.closing);
    expect(s.incomeByCategory).toEqual([
      { category: 'subsidy', label: '政府补贴', entries: 1, amount: 9_999, reversed: 0 },
      { category: 'interest', label: '利息', entries: 2, amount: 0, reversed: -30_001 },
    ]);
    expect(s.expenses.map((l) => [l.seq, l.amount, l.reverses, l.reversedBy?.seq ?? null, l.company?.name ?? null, l.committee?.name ?? null])).toEqual([
      [march.seq, 45_055, null, 7, '刘经理', '陈主任'],
      [7, -45_055, march.seq, null, null, null],
    ]);
    expect(s.head.seq).toBe(8);
    // Every figure is an integer: fen, never a float.
    for (const v of [s.opening, s.income, s.expense, s.closing, ...s.incomeByCategory.map((c) => c.amount)]) expect(Number.isInteger(v)).toBe(true);
  });

  it('is made as a PDF whose text reads back with the figures, the sign-offs, the head and the 公示期; and recorded', async () => {
    const { call, account, feb } = await journal();
    const made = await call('fund.makeDisclosure', { accountId: account.id, from: '2026-02-01', to: '2026-02-28', noticeFrom: '2026-12-03', noticeTo: '2026-12-12' });
    const verified = await call('fund.verifyAccount', { id: account.id });
    expect(made.disclosure).toMatchObject({
      accountId: account.id, periodFrom: '2026-02-01', periodTo: '2026-02-28', noticeFrom: '2026-12-03', noticeTo: '2026-12-12',
      madeOn: fixedToday(), opening: 1_000_000, income: 500_000, expense: 120_000, closing: 1_380_000,
      headSeq: verified.head.seq, headHash: verified.head.hash, operator: '王芳',
      fileSha256: hash('sha256', Buffer.from(made.contentBase64, 'base64'), 'hex'),
    });
    expect(made.fileName).toBe('电梯维保基金收支情况公示-阳光小区电梯维保基金-2026-02-01至2026-02-28.pdf');
    expect(await call('fund.listDisclosures', { accountId: account.id })).toEqual([made.disclosure]);

    const text = pdfText(made.contentBase64);
    const flat = text.replace(/\s+/g, '');
    for (const s of ['电梯维保基金收支情况公示', '统计期间：2026年2月1日至2026年2月28日', '¥10,000.00', '¥5,000.00', '¥1,200.00', '¥13,800.00',
      '物业费提取', '日常维保·2月日常维保', '记-0215', '刘经理', '陈主任', `第${verified.head.seq}笔·校验码${verified.head.hash.slice(0, 16)}`,
      '公示期：2026年12月3日至2026年12月12日', '物业服务企业（盖章）', '业主委员会（盖章）', '社区居民委员会（盖章）']) {
      expect(flat, s).toContain(s.replace(/\s+/g, ''));
    }
    expect(feb.seq).toBe(2);
  });

  it('marks reversals in the PDF and refuses a period before the opening or a 公示期 that starts inside it', async () => {
    const { call, attempt, account } = await journal();
    const made = await call('fund.makeDisclosure', { accountId: account.id, from: FROM, to: TO, noticeFrom: '2026-04-02', noticeTo: '2026-04-11' });
    const flat = pdfFlatText(made.contentBase64);
    expect(flat).toContain('【冲正】年检·冲正第4笔');
    expect(flat).toContain('已冲正：第7笔，2026-03-20');
    expect(flat).toContain('-¥450.55');
    expect(await attempt('fund.makeDisclosure', { accountId: account.id, from: '2025-12-01', to: TO, noticeFrom: '2026-04-02', noticeTo: '2026-04-11' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'from' }] } });
    expect(await attempt('fund.makeDisclosure', { accountId: account.id, from: FROM, to: TO, noticeFrom: '2026-03-30', noticeTo: '2026-04-11' }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'noticeFrom', message: '公示期应在统计期间结束之后开始' }] } });
  });
});

describe('a disclosed period', () => {
  it('refuses a reversal on its original date once a disclosure reaches that day; today still works', async () => {
    const { call, attempt, account, feb } = await journal();
    await call('fund.makeDisclosure', { accountId: account.id, from: FROM, to: TO, noticeFrom: '2026-04-02', noticeTo: '2026-04-11' });
    // February is before the disclosed March: its days are in March's opening balance.
    const refused = await attempt('fund.reverseEntry', { id: newUlid(), entryId: feb.id, reason: '错账', onOriginalDate: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DOMAIN', reason: 'PERIOD_DISCLOSED', message: expect.stringContaining('请按今天的日期冲正') } });
    const april = (await call('fund.listJournal', { accountId: account.id, from: '2026-04-01', to: '2026-04-01' })).rows[0]!;
    expect((await call('fund.reverseEntry', { id: newUlid(), entryId: april.id, reason: '错账', onOriginalDate: true })).onDate).toBe('2026-04-01');
    const today = await call('fund.reverseEntry', { id: newUlid(), entryId: feb.id, reason: '错账' });
    expect(today.onDate).toBe(fixedToday());
    expect((await call('fund.listJournal', { accountId: account.id })).disclosedThrough).toBe(TO);
    // The disclosed statement still holds.
    expect(await call('fund.getStatement', { accountId: account.id, from: FROM, to: TO })).toMatchObject({ opening: 1_380_000, closing: 1_389_999 });
  });

  it('takes no new or back-dated entry on a day it reaches, and nothing is written; the day after it does', async () => {
    const { call, attempt, account, income, draft, figures } = await journal();
    await call('fund.makeDisclosure', { accountId: account.id, from: FROM, to: TO, noticeFrom: '2026-04-02', noticeTo: '2026-04-11' });
    const before = (await figures()).rows.length;
    const base = { accountId: account.id, amount: '88.00', purpose: '补记', category: 'interest' };
    // Inside the period, and in February, which is March's opening balance: both are on the wall.
    for (const onDate of ['2026-03-31', '2026-02-10']) {
      expect(await attempt('fund.postIncome', { id: newUlid(), onDate, ...base })).toMatchObject({
        ok: false, error: { code: 'DOMAIN', reason: 'PERIOD_DISCLOSED', fields: [{ path: 'onDate', message: `${TO} 以前的账目已公示，不能再记在这一天，请选择 ${TO} 以后的日期` }] },
      });
      expect(await attempt('fund.draftExpense', { id: newUlid(), onDate, ...base, category: 'repair' })).toMatchObject({ ok: false, error: { reason: 'PERIOD_DISCLOSED' } });
    }
    expect((await figures()).rows.length).toBe(before);
    expect((await income('88.00', '2026-04-01')).onDate).toBe('2026-04-01');
    expect((await draft('66.00', '2026-04-01')).entry.status).toBe('draft');
    expect(await call('fund.getStatement', { accountId: account.id, from: FROM, to: TO })).toMatchObject({ opening: 1_380_000, closing: 1_389_999 });
  });

  it('holds back an expense drafted and signed before it reached the day: posting, signing and saving it unmoved are refused until its date moves', async () => {
    const { call, attempt, account, draft, signBoth, company } = await journal();
    const late = await draft('120.00', '2026-03-30', { purpose: '3 月底急修' });
    await signBoth(late.entry.id);
    await call('fund.makeDisclosure', { accountId: account.id, from: FROM, to: TO, noticeFrom: '2026-04-02', noticeTo: '2026-04-11' });

    expect(await attempt('fund.postExpense', { entryId: late.entry.id })).toMatchObject({
      ok: false, error: { reason: 'PERIOD_DISCLOSED', message: expect.stringContaining(`请先把草稿的日期改在 ${TO} 以后，再由双方签字`) },
    });
    expect((await call('fund.getEntry', { id: late.entry.id })).entry.status).toBe('draft');
    // Said before the PIN is tried: a wrong one is not what the signer hears, nor counted against them.
    // The sign-off form has no date: the refusal is its message, not a field error it could not show.
    const signing = await attempt('fund.signOff', { entryId: late.entry.id, signatoryId: company.id, pin: '000000' });
    expect(signing).toMatchObject({ ok: false, error: { reason: 'PERIOD_DISCLOSED', message: expect.stringContaining('已在') } });
    expect(signing.ok || signing.error.fields).toBeUndefined();
    const kept = { id: late.entry.id, onDate: late.entry.onDate, category: 'routine', amount: '120.00', purpose: '3 月底急修', counterparty: '安达电梯维保公司' };
    expect(await attempt('fund.updateDraft', kept)).toMatchObject({ ok: false, error: { reason: 'PERIOD_DISCLOSED', fields: [{ path: 'onDate' }] } });

    const moved = await call('fund.updateDraft', { ...kept, onDate: '2026-04-01' });
    expect(moved.signoffs.filter((x) => x.valid)).toEqual([]); // the date was signed: the sign-offs went with it
    await signBoth(late.entry.id);
    expect((await call('fund.postExpense', { entryId: late.entry.id })).entry).toMatchObject({ status: 'posted', onDate: '2026-04-01' });
  });

  it('is append-only in the file', async () => {
    const { call, account, rawDb } = await journal();
    await call('fund.makeDisclosure', { accountId: account.id, from: FROM, to: TO, noticeFrom: '2026-04-02', noticeTo: '2026-04-11' });
    const db = rawDb();
    expect(() => db.prepare("UPDATE fund_disclosures SET period_to = '2026-02-28'").run()).toThrow(/公示记录只能追加/);
    expect(() => db.prepare('DELETE FROM fund_disclosures').run()).toThrow(/公示记录只能追加/);
  });
});

describe('the heads disclosures recorded', () => {
  it('catch a chain rewritten in the file and recomputed consistently, in verify and in 核对数据', async () => {
    const { call, account, rawDb } = await journal();
    const made = await call('fund.makeDisclosure', { accountId: account.id, from: FROM, to: TO, noticeFrom: '2026-04-02', noticeTo: '2026-04-11' });
    const db = rawDb();
    const spec = fundChainSpec(account.id, account.name);
    const row = (seq: number) => db.prepare(`${FUND_CHAIN_ROWS} WHERE e.account_id = ? AND e.seq = ?`).get(account.id, seq) as Record<string, unknown>;
    // Whoever has the file: triggers lifted, February's expense made smaller, every hash and the head recomputed.
    db.exec('DROP TRIGGER fund_entries_no_update; DROP TRIGGER fund_entries_chain_next;');
    db.prepare('UPDATE fund_entries SET amount = 100 WHERE account_id = ? AND seq = 2').run(account.id);
    let previous = genesisHash(spec.name);
    const last = made.disclosure.headSeq;
    for (let seq = 1; seq <= last; seq++) {
      previous = chainHash(previous, fieldsOf(spec, row(seq)));
      db.prepare('UPDATE fund_entries SET hash = ? WHERE account_id = ? AND seq = ?').run(previous, account.id, seq);
    }
    db.prepare('UPDATE ledger_heads SET hash = ? WHERE chain = ?').run(previous, spec.name);
    // Internally consistent: without the recorded head nothing is wrong.
    expect(verifyChain(db, spec).break).toBeNull();

    const verified = await call('fund.verifyAccount', { id: account.id });
    expect(verified.break).toEqual({ seq: last, kind: 'head-mismatch' });
    expect(verified.affected.map((d) => d.id)).toEqual([made.disclosure.id]);
    const check = (await call('system.checkData', {})).chains.find((c) => c.chain === spec.name);
    expect(check).toMatchObject({ break: { seq: last, kind: 'head-mismatch' } });
    // And no new statement is made of a journal that fails its check.
    expect(await call('fund.makeDisclosure', { accountId: account.id, from: FROM, to: TO, noticeFrom: '2026-04-02', noticeTo: '2026-04-11' }).catch((e) => e.body))
      .toMatchObject({ reason: 'CHAIN_BROKEN' });
  });
});

describe('the disclosure to-do', () => {
  it('is due the setting’s months after the last disclosed period (or the opening), and the setting is checked', async () => {
    const { call, attempt, account } = await journal();
    const status = async () => (await call('fund.listAccounts', {})).find((a) => a.id === account.id)!.disclosure;
    expect(await call('fund.getSettings', {})).toEqual({ disclosureIntervalMonths: 3, reconciliationDueDay: 10, planNoticeDays: 5, resultNoticeDays: 10, resultNoticeWithinDays: 30, accountScope: 'estate' });
    expect(await status()).toEqual({ through: null, dueBy: '2026-04-01', overdue: true });
    await call('fund.makeDisclosure', { accountId: account.id, from: '2026-01-01', to: '2026-11-30', noticeFrom: '2026-12-03', noticeTo: '2026-12-12' });
    expect(await status()).toEqual({ through: '2026-11-30', dueBy: '2027-03-01', overdue: false });
    await call('fund.updateSettings', { disclosureIntervalMonths: 12 });
    expect((await status()).dueBy).toBe('2027-12-01');
    expect(await attempt('fund.updateSettings', { disclosureIntervalMonths: 13 })).toMatchObject({ ok: false, error: { fields: [{ path: 'disclosureIntervalMonths' }] } });
  });
});
