import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import type { CardBasis, CardColour, CardProposal, CardRow } from './types';
export type { CardBasis, CardColour, CardProposal, CardRow } from './types';

const SELECT = `
  SELECT k.id, k.company_id AS companyId, co.name AS companyName, k.colour, k.basis, k.resolution_id AS resolutionId,
         r.content AS resolutionContent, k.due_on AS dueOn, k.reason, k.issued_on AS issuedOn,
         k.created_at AS createdAt, k.operator,
         w.withdrawn_at AS withdrawnAt, w.reason AS withdrawnReason, w.operator AS withdrawnBy
  FROM property_cards k JOIN property_companies co ON co.id = k.company_id
  LEFT JOIN joint_resolutions r ON r.id = k.resolution_id
  LEFT JOIN property_card_withdrawals w ON w.card_id = k.id`;

export function getCard(db: Db, id: string): CardRow | undefined {
  return db.prepare(`${SELECT} WHERE k.id = ?`).get(id) as CardRow | undefined;
}

/** A company's cards, newest first, withdrawn ones included: its record. */
export function cardsOfCompany(db: Db, companyId: string): CardRow[] {
  return db.prepare(`${SELECT} WHERE k.company_id = ? ORDER BY k.issued_on DESC, k.created_at DESC, k.id`).all(companyId) as CardRow[];
}

/**
 * Every card, for the package table (the street rebuilds the record from it): all of them, or those of the
 * companies with a contract for an estate of one community — the companies that community's package carries.
 */
export function exportCards(db: Db, communityId: string | null): CardRow[] {
  return db
    .prepare(
      `${SELECT} WHERE ? IS NULL OR EXISTS (SELECT 1 FROM property_contracts c JOIN places p ON p.id = c.estate_id
                                           WHERE c.company_id = k.company_id AND p.parent_id = ?)
       ORDER BY k.issued_on, k.created_at, k.id`,
    )
    .all(communityId, communityId) as CardRow[];
}

/** Cards in force (not withdrawn) issued after `after`, street-wide: the cards a window counts. */
export function cardsInForceSince(db: Db, after: string): CardRow[] {
  return db.prepare(`${SELECT} WHERE k.issued_on > ? AND w.card_id IS NULL ORDER BY k.company_id, k.issued_on`).all(after) as CardRow[];
}

/** The yellow card in force for a resolution, if one is. */
export function yellowForResolution(db: Db, resolutionId: string): CardRow | undefined {
  return db.prepare(`${SELECT} WHERE k.resolution_id = ? AND w.card_id IS NULL LIMIT 1`).get(resolutionId) as CardRow | undefined;
}

/** The first of these resolutions that has any card, withdrawn or not: it is part of a record and stays. */
export function firstCardedResolution(db: Db, resolutionIds: readonly string[]): string | null {
  const has = db.prepare('SELECT 1 FROM property_cards WHERE resolution_id = ? LIMIT 1');
  return resolutionIds.find((id) => has.get(id)) ?? null;
}

export function companyCardCount(db: Db, companyId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM property_cards WHERE company_id = ?').get(companyId) as { n: number }).n;
}

/**
 * Overdue resolutions a property company answers for — the company whose contract for the meeting's estate covers
 * the deadline — with no yellow card in force for them: the program's proposals, which the clerk confirms or not.
 * The status condition is written as the partial index joint_resolutions_unfinished states it.
 */
export function cardProposals(db: Db, f: { today: string; companyId: string | null }): CardProposal[] {
  return db
    .prepare(
      `SELECT r.id AS resolutionId, r.meeting_id AS meetingId, p.name AS estateName, r.content, r.due_on AS dueOn,
              co.id AS companyId, co.name AS companyName
       FROM joint_resolutions r JOIN joint_meetings j ON j.id = r.meeting_id JOIN places p ON p.id = j.estate_id
       JOIN property_contracts c ON c.estate_id = j.estate_id AND c.starts_on <= r.due_on AND COALESCE(c.ends_on, '9999-12-31') >= r.due_on
       JOIN property_companies co ON co.id = c.company_id
       WHERE r.status IN ('open', 'in_progress') AND r.due_on < ? AND r.responsible_party = 'property_company'
         AND (? IS NULL OR co.id = ?)
         AND NOT EXISTS (SELECT 1 FROM property_cards k WHERE k.resolution_id = r.id
                         AND NOT EXISTS (SELECT 1 FROM property_card_withdrawals w WHERE w.card_id = k.id))
       ORDER BY r.due_on, r.id`,
    )
    .all(f.today, f.companyId, f.companyId) as CardProposal[];
}

export interface CardFields {
  companyId: string;
  colour: CardColour;
  basis: CardBasis;
  resolutionId: string | null;
  dueOn: string | null;
  reason: string;
  issuedOn: string;
}

export function insertCard(db: Db, f: CardFields, operator: string): string {
  const id = newId();
  db.prepare(
    `INSERT INTO property_cards (id, company_id, colour, basis, resolution_id, due_on, reason, issued_on, created_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.companyId, f.colour, f.basis, f.resolutionId, f.dueOn, f.reason, f.issuedOn, nowIso(), operator);
  return id;
}

export function withdrawCard(db: Db, id: string, reason: string, operator: string): void {
  db.prepare('INSERT INTO property_card_withdrawals (card_id, reason, withdrawn_at, operator) VALUES (?, ?, ?, ?)').run(id, reason, nowIso(), operator);
}

/** The company that answers for a resolution: the one whose contract for the meeting's estate covers its deadline. */
export function resolutionCompany(db: Db, resolutionId: string): { id: string; name: string } | undefined {
  return db
    .prepare(
      `SELECT co.id, co.name FROM joint_resolutions r JOIN joint_meetings j ON j.id = r.meeting_id
       JOIN property_contracts c ON c.estate_id = j.estate_id AND c.starts_on <= r.due_on AND COALESCE(c.ends_on, '9999-12-31') >= r.due_on
       JOIN property_companies co ON co.id = c.company_id WHERE r.id = ?`,
    )
    .get(resolutionId) as { id: string; name: string } | undefined;
}
