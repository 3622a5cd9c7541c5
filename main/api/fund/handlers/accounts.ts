import type { z } from 'zod';
import { accountStandings, activeAccountOf, closeAccount, estateAccountWay, getAccount, insertAccount, listAccounts, type AccountRow } from '../../../../db/fund/accounts';
import { listApplications } from '../../../../db/fund/applications';
import { balanceOf, lastPostedOn, monthlyTotals, openDrafts } from '../../../../db/fund/balances';
import { listCampaigns } from '../../../../db/fund/campaigns';
import { disclosedThrough } from '../../../../db/fund/disclosures';
import { addMonths } from '../../common/days';
import { listCategories } from '../../../../db/fund/categories';
import { listSignatories, personKey, type SignatoryRow } from '../../../../db/fund/signatories';
import type { Db } from '../../../../db/open';
import { getPlace } from '../../../../db/party/places';
import { membersOfTerm, termsOfEstate } from '../../../../db/property/committees';
import { getInstallation } from '../../../../db/settings';
import { DEFAULT_TIME_ZONE } from '../../common/calendar';
import { formatFen } from '../../common/money';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { AccountInput } from '../schemas';
import type { CommitteeRoster, fundContract } from '../contract';
import { accountView, mustAccount } from './common';
import { disclosureStatus, fundSettings } from './disclosures';
import { reconciliationStatus } from './reconciliations';
import { allocationStatus } from './allocations';

type C = typeof fundContract;

/**
 * The estate's latest committee term begun by today, with its members (red property's 业委会台账), or null; and the
 * committee-side signers not on it, names compared as the signers' own rule does (personKey: spaces and forms aside).
 */
function committeeInOffice(db: Db, estateId: string, today: string, signers: readonly SignatoryRow[]): CommitteeRoster | null {
  const term = termsOfEstate(db, estateId).find((t) => t.startsOn <= today);
  if (!term) return null;
  const members = membersOfTerm(db, term.id).map((m) => ({ name: m.name, role: m.role }));
  const onRoster = new Set(members.map((m) => personKey(m.name)));
  const offRoster = signers.filter((s) => s.side === 'committee' && s.status === 'active' && !onRoster.has(personKey(s.name))).map((s) => s.id);
  return { termNo: term.termNo, startsOn: term.startsOn, endsOn: term.endsOn, members, offRoster };
}

/**
 * One active account per estate, or per building of an estate when the setting says so (an estate keeps one way at
 * a time: the schema's trigger); the opening balance and date are fixed from here on (every entry's hash covers
 * them). The form's and the import's one write path: the opening balance is the account's, not a journal entry.
 */
export function openAccount(input: z.output<typeof AccountInput>, ctx: Pick<Ctx, 'db' | 'operator' | 'audit'>): AccountRow {
  const estate = getPlace(ctx.db, input.estateId);
  if (!estate || estate.kind !== 'estate') throw fieldError('estateId', '请选择小区');
  const building = input.buildingId ? getPlace(ctx.db, input.buildingId) : undefined;
  const perBuilding = fundSettings(ctx.db).accountScope === 'building';
  if (perBuilding && !building) throw fieldError('buildingId', '按楼栋设立账户，请选择楼栋');
  if (!perBuilding && input.buildingId) throw fieldError('buildingId', '设置为按小区设立账户，不选楼栋（可在“设置 → 电梯维保基金”中改为按楼栋）');
  if (building && (building.kind !== 'building' || building.parentId !== estate.id)) throw fieldError('buildingId', `请选择${estate.name}的楼栋`);
  const existing = activeAccountOf(ctx.db, estate.id, building?.id ?? null);
  if (existing) throw fieldError(building ? 'buildingId' : 'estateId', `${estate.name}${building?.name ?? ''}已有基金账户“${existing.name}”`);
  const otherWay = estateAccountWay(ctx.db, estate.id);
  if (otherWay !== null && otherWay !== Boolean(building)) {
    throw fieldError('estateId', otherWay ? `${estate.name}已按楼栋设立基金账户，不能再开全小区的账户` : `${estate.name}已有全小区的基金账户，不能再按楼栋开户`);
  }
  const name = input.name ?? `${estate.name}${building?.name ?? ''}电梯维保基金`;
  const id = insertAccount(ctx.db, { ...input, buildingId: building?.id ?? null, name }, ctx.operator);
  const account = getAccount(ctx.db, id)!;
  ctx.audit({ action: 'create', entity: 'fund_account', entityId: id, after: { ...account, openingBalance: formatFen(account.openingBalance) } });
  return account;
}

/**
 * 销户 leaves nothing behind: the balance is zero (what is left is paid out first, an expense both sides sign),
 * no expense draft waits, no crowd-funding or maintenance-fund use is still open, and the journal is disclosed to
 * its last entry — the residents have seen where their money went. Then the account takes no more entries; its
 * journal, chain and disclosures stay, and the estate may open a new one.
 */
function assertClosable(ctx: Ctx, a: AccountRow): void {
  const refuse = (message: string, reason: string) => new DomainError('DOMAIN', `不能销户：${message}`, reason);
  const balance = balanceOf(ctx.db, a.id);
  if (balance !== 0) throw refuse(`账户余额还有 ${formatFen(balance)}。请先把余额转出（新建支出，双方签字后过账），余额为零后再销户`, 'BALANCE_NOT_ZERO');
  if (openDrafts(ctx.db, a.id).length > 0) throw refuse('还有待签字的支出草稿，请先过账或作废', 'DRAFTS_OPEN');
  const campaign = listCampaigns(ctx.db, a.id).find((c) => c.status === 'open');
  if (campaign) throw refuse(`众筹“${campaign.title}”还在筹集中`, 'CAMPAIGN_OPEN');
  const application = listApplications(ctx.db, { accountId: a.id, open: true })[0];
  if (application) throw refuse(`维修资金使用申请“${application.title}”还没有办结`, 'APPLICATION_OPEN');
  const last = lastPostedOn(ctx.db, a.id);
  const through = disclosedThrough(ctx.db, a.id);
  if (last && (!through || through < last)) {
    throw refuse(`最后一笔流水（${last}）还没有公示。请先在“收支明细”中公示到 ${last}，让居民看到余额的去向`, 'NOT_DISCLOSED');
  }
}

export const accountHandlers: Pick<Handlers<C>, 'fund.listCategories' | 'fund.openAccount' | 'fund.closeAccount' | 'fund.listAccounts' | 'fund.getAccount' | 'fund.getMonthlyTotals'> = {
  'fund.listCategories': (_input, { db }) => listCategories(db),

  'fund.openAccount': (input, ctx) => accountView(ctx.db, openAccount(input, ctx)),

  'fund.closeAccount': ({ id, reason }, ctx) => {
    const a = mustAccount(ctx.db, id, 'id');
    assertClosable(ctx, a);
    closeAccount(ctx.db, a.id, ctx.operator);
    const after = getAccount(ctx.db, a.id)!;
    ctx.audit({ action: 'close_account', entity: 'fund_account', entityId: a.id, before: { status: a.status }, after: { status: after.status, name: a.name, reason } });
    return accountView(ctx.db, after);
  },

  'fund.listAccounts': ({ status }, { db, today }) => {
    const settings = fundSettings(db);
    const zone = getInstallation(db)?.timeZone ?? DEFAULT_TIME_ZONE;
    const standings = new Map(accountStandings(db, { status }).map((s) => [s.id, s]));
    return listAccounts(db, status).map((a) => {
      const s = standings.get(a.id)!;
      return {
        ...accountView(db, a, s), disclosure: disclosureStatus(a, s.disclosedThrough, today, settings),
        reconciliation: reconciliationStatus(a, s.reconciledThrough, today, settings), allocation: allocationStatus(a, s, today, zone),
      };
    });
  },

  'fund.getAccount': ({ id }, { db, today }) => {
    const a = getAccount(db, id);
    if (!a) throw notFound('基金账户');
    const signatories = listSignatories(db, id);
    return { account: accountView(db, a), signatories, drafts: openDrafts(db, id), committee: committeeInOffice(db, a.estateId, today, signatories) };
  },

  /** The twelve months to this one, each present (zero when nothing was posted), oldest first. */
  'fund.getMonthlyTotals': (_input, { db, today }) => {
    const first = addMonths(`${today.slice(0, 7)}-01`, -11);
    const found = new Map(monthlyTotals(db, first, today).map((m) => [m.month, m]));
    return Array.from({ length: 12 }, (_, i) => {
      const month = addMonths(first, i).slice(0, 7);
      return found.get(month) ?? { month, income: 0, expense: 0 };
    });
  },
};
