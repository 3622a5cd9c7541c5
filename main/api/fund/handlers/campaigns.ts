import {
  closeCampaign, floorCoefficientsOf, getCampaign, getHousehold, getPayment, householdsOf, insertCampaign, insertGrant, insertPayment, listCampaigns, paymentsOf, paymentWithReceipt, setPledge,
  type CampaignRow,
} from '../../../../db/fund/campaigns';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError } from '../../common/errors';
import { formatFen } from '../../common/money';
import type { Handlers } from '../../router';
import { getAccount } from '../../../../db/fund/accounts';
import { getInstallation } from '../../../../db/settings';
import { pdfOut } from '../../../export/file-out';
import { CAMPAIGN_LIST_TITLE, renderCampaignList } from '../campaign-pdf';
import type { CampaignDetail, CampaignPublicList, CampaignView, fundContract } from '../contract';
import { grantKinds } from '../labels';
import { householdShares, maskName, permille } from '../split';
import { mustAccount, replayOf, requestHash } from './common';
import { postNewIncome } from './entries';

type C = typeof fundContract;

const publicList = (db: Db, campaignId: string): CampaignPublicList => ({
  campaign: mustCampaign(db, campaignId),
  households: householdsOf(db, campaignId).map((h) => ({ room: h.room, maskedName: maskName(h.ownerName), share: h.share, paid: h.paid })),
});

const view = (c: CampaignRow): CampaignView => ({ ...c, progressPermille: permille(c.paid + c.grantsReceived, c.target) });

function mustCampaign(db: Db, id: string, path = 'campaignId'): CampaignView {
  const c = getCampaign(db, id);
  if (!c) throw fieldError(path, '众筹不存在');
  return view(c);
}

function mustOpen(db: Db, id: string, path: string): CampaignView {
  const c = mustCampaign(db, id, path);
  if (c.status !== 'open') throw new DomainError('DOMAIN', `“${c.title}”已结束，不能再登记`, 'CAMPAIGN_CLOSED');
  mustAccount(db, c.accountId, path);
  return c;
}

const detail = (db: Db, id: string): CampaignDetail => ({
  campaign: mustCampaign(db, id), households: householdsOf(db, id), payments: paymentsOf(db, id), floorCoefficients: floorCoefficientsOf(db, id),
});

/** The household on a public list and in the journal: 房号 + 张*. */
const householdWords = (h: { room: string; ownerName: string }) => `${h.room} ${maskName(h.ownerName)}`;

export const campaignHandlers: Pick<
  Handlers<C>,
  | 'fund.createCampaign' | 'fund.listCampaigns' | 'fund.getCampaign' | 'fund.campaignPublicList' | 'fund.recordPledge' | 'fund.recordPayment' | 'fund.recordGrant'
  | 'fund.closeCampaign' | 'fund.printCampaignList'
> = {
  /** The owners' part is the target less the others' parts; the scheme shares it to the fen (Σ shares = owners' part). */
  'fund.createCampaign': (input, ctx) => {
    const account = mustAccount(ctx.db, input.accountId);
    const ownersPart = input.target - input.subsidyPart - input.grantPart - input.balancePart;
    const households = input.households.map((h) => ({ ...h, room: h.room.trim() }));
    // Only the scheme's own facts are kept: a floor typed under 按户均摊 would be a fact nothing was computed from.
    const uses = { floor: input.scheme === 'floor_area', weight: input.scheme === 'custom' };
    const floorCoefficients = uses.floor ? input.floorCoefficients.filter((c) => households.some((h) => h.floor === c.floor)) : [];
    const shares = householdShares(ownersPart, input.scheme, households, floorCoefficients);
    const id = insertCampaign(
      ctx.db,
      { accountId: account.id, title: input.title, purpose: input.purpose, target: input.target, ownersPart, subsidyPart: input.subsidyPart, grantPart: input.grantPart, balancePart: input.balancePart, scheme: input.scheme },
      households.map((h, i) => ({
        room: h.room, ownerName: h.ownerName, areaHundredths: h.areaHundredths, floor: uses.floor ? h.floor : null, weightHundredths: uses.weight ? h.weightHundredths : null, share: shares[i]!,
      })),
      floorCoefficients,
      ctx.operator,
    );
    const made = detail(ctx.db, id);
    const c = made.campaign;
    ctx.audit({
      action: 'create', entity: 'fund_campaign', entityId: id,
      after: { title: c.title, target: formatFen(c.target), ownersPart: formatFen(c.ownersPart), subsidyPart: formatFen(c.subsidyPart), grantPart: formatFen(c.grantPart), balancePart: formatFen(c.balancePart), scheme: c.scheme, households: c.households, floorCoefficients: made.floorCoefficients },
    });
    return made;
  },

  'fund.listCampaigns': ({ accountId }, { db }) => listCampaigns(db, accountId).map(view),
  'fund.getCampaign': ({ campaignId }, { db }) => detail(db, campaignId),

  'fund.campaignPublicList': ({ campaignId }, { db }) => publicList(db, campaignId),

  /** The public list as the lobby's A4 notice (房号 and 姓氏 only); printing it is audited like the other notices. */
  'fund.printCampaignList': async ({ campaignId }, ctx) => {
    const list = publicList(ctx.db, campaignId);
    const pdf = await renderCampaignList({ list, account: getAccount(ctx.db, list.campaign.accountId)!, madeOn: ctx.today, unitName: getInstallation(ctx.db)?.unitName ?? '' });
    ctx.audit({ action: 'print', entity: 'fund_campaign', entityId: campaignId, after: { title: list.campaign.title } });
    return pdfOut(`${CAMPAIGN_LIST_TITLE}-${list.campaign.title}.pdf`, pdf);
  },

  /** Ends a campaign, saying why; what households pledged and did not pay is said in the audit entry. */
  'fund.closeCampaign': ({ campaignId, reason }, ctx) => {
    const c = mustOpen(ctx.db, campaignId, 'campaignId');
    closeCampaign(ctx.db, c.id, ctx.operator);
    ctx.audit({
      action: 'close_campaign', entity: 'fund_campaign', entityId: c.id,
      after: { title: c.title, reason, paid: formatFen(c.paid), grantsReceived: formatFen(c.grantsReceived), pledgedUnpaid: formatFen(c.pledgedUnpaid) },
    });
    return mustCampaign(ctx.db, c.id);
  },

  /** A pledge is a promise, not income: it is kept on the household and never touches the journal. */
  'fund.recordPledge': ({ householdId, amount, onDate }, ctx) => {
    const before = getHousehold(ctx.db, householdId);
    if (!before) throw fieldError('householdId', '住户不存在');
    mustOpen(ctx.db, before.campaignId, 'householdId');
    setPledge(ctx.db, householdId, amount, amount > 0 ? onDate : null, ctx.operator);
    ctx.audit({ action: 'pledge', entity: 'fund_campaign_household', entityId: householdId, before: { pledged: formatFen(before.pledged) }, after: { pledged: formatFen(amount), onDate } });
    return getHousehold(ctx.db, householdId)!;
  },

  /**
   * Only a payment posts income: one entry (众筹, voucher = the receipt number, counterparty = 房号 + 张*), once — the
   * same request again returns the payment it made; a receipt number already used in the campaign is refused.
   */
  'fund.recordPayment': (input, ctx) => {
    const replayed = replayOf(ctx.db, input.id, requestHash(input));
    if (replayed) return getPayment(ctx.db, replayed.id)!;
    const household = getHousehold(ctx.db, input.householdId);
    if (!household) throw fieldError('householdId', '住户不存在');
    const campaign = mustOpen(ctx.db, household.campaignId, 'householdId');
    const receiptNo = input.receiptNo.trim();
    const used = paymentWithReceipt(ctx.db, campaign.id, receiptNo);
    if (used) {
      throw new DomainError('CONFLICT', `收据号 ${receiptNo} 已用于 ${used.room} 的缴款（第 ${used.seq} 笔，${formatFen(used.amount)}），同一收据不能登记两次`, 'RECEIPT_USED', [
        { path: 'receiptNo', message: `收据号 ${receiptNo} 已登记过` },
      ]);
    }
    const { entry } = postNewIncome(ctx, { id: input.id, accountId: campaign.accountId }, {
      onDate: input.onDate, direction: 'income', category: 'crowdfunding', amount: input.amount, counterparty: householdWords(household), voucherNo: receiptNo,
      purpose: `众筹：${campaign.title}（${household.room}）`, elevatorIds: [], attachmentHashes: [], reversesId: null, overrideReason: null,
    }, input);
    insertPayment(ctx.db, { entryId: entry.id, campaignId: campaign.id, householdId: household.id, receiptNo, amount: input.amount }, ctx.operator);
    ctx.audit({ action: 'crowdfunding_payment', entity: 'fund_campaign_household', entityId: household.id, after: { entryId: entry.id, receiptNo, amount: formatFen(input.amount) } });
    return getPayment(ctx.db, entry.id)!;
  },

  /** A subsidy or maintenance-fund grant received for the campaign: income of that category, counted in its progress. */
  'fund.recordGrant': (input, ctx) => {
    const replayed = replayOf(ctx.db, input.id, requestHash(input));
    if (replayed) return mustCampaign(ctx.db, input.campaignId);
    const campaign = mustOpen(ctx.db, input.campaignId, 'campaignId');
    const { entry } = postNewIncome(ctx, { id: input.id, accountId: campaign.accountId }, {
      onDate: input.onDate, direction: 'income', category: input.kind, amount: input.amount, counterparty: null, voucherNo: input.voucherNo,
      purpose: `${grantKinds[input.kind]}：${campaign.title}`, elevatorIds: [], attachmentHashes: [], reversesId: null, overrideReason: null,
    }, input);
    insertGrant(ctx.db, { entryId: entry.id, campaignId: campaign.id, kind: input.kind, amount: input.amount }, ctx.operator);
    ctx.audit({ action: 'campaign_grant', entity: 'fund_campaign', entityId: campaign.id, after: { entryId: entry.id, kind: input.kind, amount: formatFen(input.amount) } });
    return mustCampaign(ctx.db, campaign.id);
  },
};
