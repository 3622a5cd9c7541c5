import { createHash } from 'node:crypto';
import { insertAccount } from '../../db/fund/accounts';
import { insertApplicationPayment } from '../../db/fund/applications';
import { draftHash } from '../../db/fund/chain';
import { insertDraft, storedRow, type EntryContent } from '../../db/fund/entries';
import { postToChain } from '../../db/fund/post';
import { insertSignatory } from '../../db/fund/signatories';
import { insertSignoff } from '../../db/fund/signoffs';
import { newId } from '../../db/ids';
import { insertReconciliationSignoff, markConfirmed, reconciliationHash, saveDraft, type ReconciliationContent } from '../../db/fund/reconciliations';
import type { Db } from '../../db/open';
import { addMonths } from '../../main/api/common/days';
import { chineseName, pick } from './people';
import { addDays, int, type CommunityPlan, type Rand } from './seed-plan';
import type { ElevatorSeed } from './seed-elevator';
import { APPLICATION_KINDS, seedApplication, type SeededApplication } from './seed-fund-applications';
import type { PropertySeed } from './seed-property';

/**
 * The elevator maintenance fund's generated data (issue 11): an account for every company-managed estate with
 * elevators, opened five years ago, held by the company and the owners' committee (two signatories a side); then
 * month by month the fee allocation (物业费提取) as income, each building's routine maintenance and the yearly
 * inspection as expenses, an occasional repair — ≈100,000 entries at district scale. Every entry goes the real way:
 * a draft, both sides' sign-offs on its draft hash for an expense, then postToChain, so 核对数据 verifies each chain.
 * An expense that would take the balance below zero is not drawn (the console would refuse it without a reason).
 * Every month is reconciled with the bank (the statement agreeing with the journal, both sides' confirmations),
 * except at one account in six, two months behind (overdue on 今日待办 whatever the day), and at another in six
 * whose last month is a draft still to be confirmed. One account in four has a maintenance-fund use application
 * (seed-fund-applications.ts), the five stages in turn; its payments are overhaul expenses posted the same way.
 */

const YEARS = 5;
const BANKS = ['中国工商银行', '中国建设银行', '河北银行', '中国银行'];

export interface FundCounts {
  fundAccounts: number;
  fundEntries: number;
  fundApplications: number;
}

const monthDay = (month: string, day: number) => `${month}-${String(day).padStart(2, '0')}`;

function months(from: string, today: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month >= today.slice(0, 7)) return out;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
}

export function writeFund(db: Db, r: Rand, tree: CommunityPlan[], property: PropertySeed, elevators: ElevatorSeed, today: string, operator: string): FundCounts {
  const counts: FundCounts = { fundAccounts: 0, fundEntries: 0, fundApplications: 0 };
  for (const e of tree.flatMap((c) => c.estates)) {
    const buildings = elevators.buildings.get(e.id) ?? [];
    const company = property.companyOf.get(e.id);
    const committee = property.committeeOf.get(e.id) ?? [];
    if (buildings.length === 0 || !company || committee.length < 2) continue;
    const openedOn = addDays(today, -YEARS * 365 - int(r, 0, 60));
    const accountId = insertAccount(db, {
      estateId: e.id, buildingId: null, name: `${e.name}电梯维保基金`, bankName: pick(r, BANKS), bankAccount: String(int(r, 100_000_000, 999_999_999)),
      openingBalance: int(r, 50_000, 300_000) * 100, openedOn, note: null,
    }, operator);
    counts.fundAccounts++;
    const signer = (side: 'company' | 'committee', name: string) => insertSignatory(db, { accountId, side, name, phone: null }, operator);
    const companySigners = [signer('company', company.contact), signer('company', `${chineseName(r)}（物业）`)];
    const committeeSigners = committee.slice(0, 2).map((name) => signer('committee', name));
    let balance = Number((db.prepare('SELECT opening_balance AS b FROM fund_accounts WHERE id = ?').get(accountId) as { b: number }).b);
    const elevatorCount = buildings.reduce((s, b) => s + b.ids.length, 0);
    const monthlyCost = buildings.reduce((s, b) => s + b.ids.length * b.priceFen, 0);

    /** The entry's id, or null when it is not drawn (out of the account's dates, or more than the balance). */
    const post = (c: Omit<EntryContent, 'attachmentHashes' | 'reversesId' | 'overrideReason' | 'counterparty'> & { counterparty?: string }): string | null => {
      if (c.amount <= 0 || c.onDate < openedOn || c.onDate >= today) return null;
      if (c.direction === 'expense' && balance < c.amount) return null;
      const id = newId();
      const content: EntryContent = { counterparty: null, ...c, attachmentHashes: [], reversesId: null, overrideReason: null };
      insertDraft(db, id, accountId, content, createHash('sha256').update(JSON.stringify({ id, accountId, ...content })).digest('hex'), operator);
      let signoffs = { company: null as string | null, committee: null as string | null };
      if (c.direction === 'expense') {
        const hash = draftHash(storedRow(db, id));
        signoffs = {
          company: insertSignoff(db, { entryId: id, side: 'company', signatoryId: pick(r, companySigners), draftHash: hash }, operator),
          committee: insertSignoff(db, { entryId: id, side: 'committee', signatoryId: pick(r, committeeSigners), draftHash: hash }, operator),
        };
      }
      postToChain(db, { id, accountId }, signoffs, operator);
      balance += c.direction === 'income' ? c.amount : -c.amount;
      counts.fundEntries++;
      return id;
    };

    const reconcile = (month: string, confirmed: boolean) => {
      const content: ReconciliationContent = {
        id: newId(), accountId, month, statementDate: addDays(addMonths(`${month}-01`, 1), -1),
        bankBalance: balance, ledgerBalance: balance, ledgerItems: [], bankItems: [],
      };
      saveDraft(db, content, operator);
      if (!confirmed) return;
      const contentHash = reconciliationHash(content);
      for (const [side, signers] of [['company', companySigners], ['committee', committeeSigners]] as const) {
        insertReconciliationSignoff(db, { reconciliationId: content.id, side, signatoryId: pick(r, signers), contentHash }, operator);
      }
      markConfirmed(db, content.id);
    };

    const all = months(openedOn, today);
    const kind = counts.fundAccounts % 4 === 2 ? APPLICATION_KINDS[Math.floor(counts.fundAccounts / 4) % APPLICATION_KINDS.length]! : null;
    const works = buildings[0]!;
    const application: SeededApplication | null = kind && seedApplication(db, r, {
      accountId, kind, today, monthStart: `${today.slice(0, 7)}-01`, households: e.households,
      building: (db.prepare('SELECT p.name FROM elevators el JOIN places p ON p.id = el.building_id WHERE el.id = ?').pluck().get(works.ids[0]) as string),
      areaHundredths: (db.prepare('SELECT floor_area_hundredths FROM property_estates WHERE place_id = ?').pluck().get(e.id) as number | null) ?? e.households * 9_000,
    }, (back, day) => monthDay(all[all.length - 1 - back]!, day), operator);
    if (application) counts.fundApplications++;
    // An application's payments due in a month (or this month, after the loop): at most half the balance, so the overhaul leaves money for routine work.
    const payApplication = (month: string) => {
      for (const p of application?.payments.filter((x) => x.onDate.startsWith(month)) ?? []) {
        const amount = Math.min((application!.budget * p.percent) / 100, Math.floor(balance / 200) * 100);
        const entryId = post({
          onDate: p.onDate, direction: 'expense', category: 'overhaul', amount, counterparty: '江城电梯工程有限公司', voucherNo: null,
          purpose: `${application!.title}（${p.stage === 'first' ? '首付款' : '尾款'}）`, elevatorIds: works.ids,
        });
        if (entryId) insertApplicationPayment(db, { entryId, applicationId: application!.id, stage: p.stage }, operator);
      }
    };
    const state = ['behind', null, null, 'draft', null, null][counts.fundAccounts % 6];
    all.forEach((month, i) => {
      // The allocation covers the contracts with a margin for repairs and the yearly inspection.
      post({ onDate: monthDay(month, 5), direction: 'income', category: 'fee_allocation', amount: Math.floor((monthlyCost * 13) / 10), counterparty: company.name, voucherNo: `收${month.replace('-', '')}01`, purpose: `${month} 物业费提取`, elevatorIds: [] });
      if (i % 12 === 6) post({ onDate: monthDay(month, 10), direction: 'income', category: 'interest', amount: Math.floor(balance / 100), voucherNo: null, purpose: '账户结息', elevatorIds: [] });
      buildings.forEach((b, k) => post({
        onDate: monthDay(month, 18 + (k % 10)), direction: 'expense', category: 'routine', amount: b.ids.length * b.priceFen,
        counterparty: company.name, voucherNo: `付${month.replace('-', '')}${String(k + 1).padStart(2, '0')}`, purpose: `${month} 电梯日常维保费`, elevatorIds: b.ids,
      }));
      if (i % 12 === 11) post({ onDate: monthDay(month, 28), direction: 'expense', category: 'inspection', amount: elevatorCount * 30_000, counterparty: '特种设备检验研究院', voucherNo: null, purpose: '电梯定期检验费', elevatorIds: buildings.flatMap((b) => b.ids) });
      if (r() < 0.06) {
        const b = pick(r, buildings);
        post({ onDate: monthDay(month, 12), direction: 'expense', category: 'repair', amount: int(r, 800, 12_000) * 100, counterparty: company.name, voucherNo: null, purpose: '更换门机皮带及层门滑块', elevatorIds: [pick(r, b.ids)] });
      }
      payApplication(month);
      // Every entry of a month is dated by the 28th, so the balance now is the month's closing.
      const fromEnd = all.length - 1 - i;
      if (state === 'behind' && fromEnd < 2) return;
      reconcile(month, !(state === 'draft' && fromEnd === 0));
    });
    payApplication(today.slice(0, 7));
  }
  return counts;
}
