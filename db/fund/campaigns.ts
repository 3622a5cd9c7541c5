import { newId } from '../ids';
import { nowIso } from '../moment';
import type { Db } from '../open';
import { newStamps } from '../stamps';
import type { GrantKind, CampaignFields, CampaignRow, HouseholdRow, PaymentRow } from './types';
export type { CampaignScheme, GrantKind, CampaignFields, CampaignRow, HouseholdRow, PaymentRow } from './types';

// An entry counts while nobody has reversed it.
const standing = (entry: string) => `NOT EXISTS (SELECT 1 FROM fund_entries r WHERE r.reverses_id = ${entry} AND r.status = 'posted')`;

const PAID_BY_HOUSEHOLD = `SELECT p.household_id, SUM(p.amount) AS paid, COUNT(*) AS n FROM fund_campaign_payments p
  WHERE ${standing('p.entry_id')} GROUP BY p.household_id`;

const CAMPAIGN = `
  SELECT c.id, c.account_id AS accountId, c.title, c.purpose, c.target, c.owners_part AS ownersPart, c.subsidy_part AS subsidyPart,
    c.grant_part AS grantPart, c.balance_part AS balancePart, c.scheme, c.status, c.created_at AS createdAt, c.operator,
    (SELECT COUNT(*) FROM fund_campaign_households h WHERE h.campaign_id = c.id) AS households,
    (SELECT COALESCE(SUM(h.pledged), 0) FROM fund_campaign_households h WHERE h.campaign_id = c.id) AS pledged,
    (SELECT COALESCE(SUM(MAX(h.pledged - COALESCE(x.paid, 0), 0)), 0) FROM fund_campaign_households h
       LEFT JOIN (${PAID_BY_HOUSEHOLD}) x ON x.household_id = h.id WHERE h.campaign_id = c.id) AS pledgedUnpaid,
    (SELECT COALESCE(SUM(p.amount), 0) FROM fund_campaign_payments p WHERE p.campaign_id = c.id AND ${standing('p.entry_id')}) AS paid,
    (SELECT COALESCE(SUM(g.amount), 0) FROM fund_campaign_grants g WHERE g.campaign_id = c.id AND ${standing('g.entry_id')}) AS grantsReceived
  FROM fund_campaigns c`;

export const getCampaign = (db: Db, id: string): CampaignRow | undefined => db.prepare(`${CAMPAIGN} WHERE c.id = ?`).get(id) as CampaignRow | undefined;

export const listCampaigns = (db: Db, accountId: string): CampaignRow[] =>
  db.prepare(`${CAMPAIGN} WHERE c.account_id = ? ORDER BY c.created_at DESC`).all(accountId) as CampaignRow[];

const HOUSEHOLD = `
  SELECT h.id, h.campaign_id AS campaignId, h.position, h.room, h.owner_name AS ownerName, h.area_hundredths AS areaHundredths, h.floor,
    h.weight_hundredths AS weightHundredths, h.share,
    h.pledged, h.pledged_on AS pledgedOn, COALESCE(x.paid, 0) AS paid, COALESCE(x.n, 0) AS payments
  FROM fund_campaign_households h LEFT JOIN (${PAID_BY_HOUSEHOLD}) x ON x.household_id = h.id`;

export const householdsOf = (db: Db, campaignId: string): HouseholdRow[] =>
  db.prepare(`${HOUSEHOLD} WHERE h.campaign_id = ? ORDER BY h.position`).all(campaignId) as HouseholdRow[];

export const getHousehold = (db: Db, id: string): HouseholdRow | undefined => db.prepare(`${HOUSEHOLD} WHERE h.id = ?`).get(id) as HouseholdRow | undefined;

const PAYMENT = `
  SELECT p.entry_id AS entryId, p.campaign_id AS campaignId, p.household_id AS householdId, h.room, p.receipt_no AS receiptNo, p.amount,
    e.on_date AS onDate, e.seq, NOT ${standing('p.entry_id')} AS reversed, p.created_at AS createdAt, p.operator
  FROM fund_campaign_payments p JOIN fund_entries e ON e.id = p.entry_id JOIN fund_campaign_households h ON h.id = p.household_id`;

const paymentFromDb = (r: PaymentRow & { reversed: number | boolean }): PaymentRow => ({ ...r, reversed: Boolean(r.reversed) });

export const paymentsOf = (db: Db, campaignId: string): PaymentRow[] =>
  (db.prepare(`${PAYMENT} WHERE p.campaign_id = ? ORDER BY e.seq`).all(campaignId) as (PaymentRow & { reversed: number })[]).map(paymentFromDb);

export function getPayment(db: Db, entryId: string): PaymentRow | undefined {
  const r = db.prepare(`${PAYMENT} WHERE p.entry_id = ?`).get(entryId) as (PaymentRow & { reversed: number }) | undefined;
  return r && paymentFromDb(r);
}

export const paymentWithReceipt = (db: Db, campaignId: string, receiptNo: string): PaymentRow | undefined => {
  const r = db.prepare(`${PAYMENT} WHERE p.campaign_id = ? AND p.receipt_no = ?`).get(campaignId, receiptNo) as (PaymentRow & { reversed: number }) | undefined;
  return r && paymentFromDb(r);
};

/** The floor coefficients a campaign's shares were computed with (hundredths), by floor. */
export const floorCoefficientsOf = (db: Db, campaignId: string): { floor: number; coefficientHundredths: number }[] =>
  db.prepare('SELECT floor, coefficient_hundredths AS coefficientHundredths FROM fund_campaign_floor_coefficients WHERE campaign_id = ? ORDER BY floor')
    .all(campaignId) as { floor: number; coefficientHundredths: number }[];

/** The campaign, the floor coefficients it uses and its households with the shares the scheme gave them, in the order given. */
export function insertCampaign(
  db: Db,
  c: CampaignFields,
  households: { room: string; ownerName: string; areaHundredths: number | null; floor: number | null; weightHundredths: number | null; share: number }[],
  floorCoefficients: readonly { floor: number; coefficientHundredths: number }[],
  operator: string,
): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(
    `INSERT INTO fund_campaigns (id, account_id, title, purpose, target, owners_part, subsidy_part, grant_part, balance_part, scheme, status, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
  ).run(id, c.accountId, c.title, c.purpose, c.target, c.ownersPart, c.subsidyPart, c.grantPart, c.balancePart, c.scheme, s.created_at, s.updated_at, s.operator);
  const coefficient = db.prepare('INSERT INTO fund_campaign_floor_coefficients (campaign_id, floor, coefficient_hundredths) VALUES (?, ?, ?)');
  for (const f of floorCoefficients) coefficient.run(id, f.floor, f.coefficientHundredths);
  const row = db.prepare(
    `INSERT INTO fund_campaign_households (id, campaign_id, position, room, owner_name, area_hundredths, floor, weight_hundredths, share, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  households.forEach((h, i) =>
    row.run(newId(), id, i, h.room, h.ownerName, h.areaHundredths, h.floor, h.weightHundredths, h.share, s.created_at, s.updated_at, s.operator));
  return id;
}

/** 结束众筹: the campaign takes nothing more; its households, payments and grants stay. */
export function closeCampaign(db: Db, id: string, operator: string): void {
  db.prepare("UPDATE fund_campaigns SET status = 'closed', updated_at = ?, operator = ? WHERE id = ? AND status = 'open'").run(nowIso(), operator, id);
}

export function setPledge(db: Db, householdId: string, amount: number, onDate: string | null, operator: string): void {
  db.prepare('UPDATE fund_campaign_households SET pledged = ?, pledged_on = ?, updated_at = ?, operator = ? WHERE id = ?').run(amount, onDate, nowIso(), operator, householdId);
}

export function insertPayment(db: Db, p: { entryId: string; campaignId: string; householdId: string; receiptNo: string; amount: number }, operator: string): void {
  db.prepare('INSERT INTO fund_campaign_payments (entry_id, campaign_id, household_id, receipt_no, amount, created_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(p.entryId, p.campaignId, p.householdId, p.receiptNo, p.amount, nowIso(), operator);
}

export function insertGrant(db: Db, g: { entryId: string; campaignId: string; kind: GrantKind; amount: number }, operator: string): void {
  db.prepare('INSERT INTO fund_campaign_grants (entry_id, campaign_id, kind, amount, created_at, operator) VALUES (?, ?, ?, ?, ?, ?)')
    .run(g.entryId, g.campaignId, g.kind, g.amount, nowIso(), operator);
}
