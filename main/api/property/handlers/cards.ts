import type { Db } from '../../../../db/open';
import {
  cardProposals,
  cardsInForceSince,
  cardsOfCompany,
  getCard,
  insertCard,
  resolutionCompany,
  withdrawCard,
  yellowForResolution,
  type CardFields,
} from '../../../../db/property/cards';
import { getCompany } from '../../../../db/property/companies';
import { getResolution } from '../../../../db/property/resolutions';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import { cardStanding, windowOpensAfter, type CardRule } from '../cards';
import type { CompanyCards } from '../cards-contract';
import type { propertyContract } from '../contract';
import { cardStandings, jointParties, resolutionStatuses } from '../labels';
import { isUnfinished } from '../rules';
import { propertySettings } from './settings';

type C = typeof propertyContract;

/** A company's card record and its standing on `day` by the street's rule. */
export function companyCards(db: Db, companyId: string, day: string, rule: CardRule): CompanyCards {
  const cards = cardsOfCompany(db, companyId);
  return { cards, standing: cardStanding(cards, day, rule) };
}

function existingCompany(db: Db, companyId: string, today: string) {
  const company = getCompany(db, companyId, today);
  if (!company) throw notFound('物业服务企业');
  return company;
}

/** The yellow's facts for an overdue resolution: its company (serving the estate on the deadline) and deadline. */
function resolutionBasis(db: Db, resolutionId: string, issuedOn: string): Pick<CardFields, 'companyId' | 'resolutionId' | 'dueOn'> {
  const r = getResolution(db, resolutionId);
  if (!r) throw notFound('决议');
  if (r.responsibleParty !== 'property_company') {
    throw new DomainError('CONFLICT', `这条决议的责任方是“${jointParties[r.responsibleParty]}”，不是物业服务企业`, 'CARD_NOT_COMPANY_DUTY');
  }
  if (!isUnfinished(r.status)) {
    throw new DomainError('CONFLICT', `决议已经“${resolutionStatuses[r.status]}”，不能再因逾期发黄牌`, 'CARD_RESOLUTION_FINISHED');
  }
  if (r.dueOn >= issuedOn) throw fieldError('issuedOn', `决议的完成时限是 ${r.dueOn}，到期后才能发黄牌`);
  const company = resolutionCompany(db, r.id);
  if (!company) {
    throw new DomainError('CONFLICT', `${r.estateName}在时限 ${r.dueOn} 没有在服务的物业企业合同，无法确定责任企业`, 'CARD_NO_COMPANY');
  }
  const already = yellowForResolution(db, r.id);
  if (already) throw new DomainError('CONFLICT', `这条决议已于 ${already.issuedOn} 发过黄牌`, 'CARD_EXISTS');
  return { companyId: company.id, resolutionId: r.id, dueOn: r.dueOn };
}

function issue(db: Db, f: CardFields, operator: string, today: string, audit: Ctx['audit']): CompanyCards {
  const id = insertCard(db, f, operator);
  audit({ action: 'create', entity: 'property_card', entityId: id, after: getCard(db, id) });
  return companyCards(db, f.companyId, today, propertySettings(db).cardRule);
}

export const cardHandlers: Pick<
  Handlers<C>,
  'property.listCardProposals' | 'property.issueYellowCard' | 'property.issueRedCard' | 'property.withdrawCard'
> = {
  'property.listCardProposals': ({ companyId }, { db, today }) => {
    const rule = propertySettings(db).cardRule;
    const byCompany = new Map<string, { companyName: string; cards: ReturnType<typeof cardsInForceSince> }>();
    for (const card of cardsInForceSince(db, windowOpensAfter(today, rule.windowMonths))) {
      if (companyId && card.companyId !== companyId) continue;
      const entry = byCompany.get(card.companyId) ?? { companyName: card.companyName, cards: [] };
      entry.cards.push(card);
      byCompany.set(card.companyId, entry);
    }
    const redDue = [...byCompany].flatMap(([id, e]) => {
      const standing = cardStanding(e.cards, today, rule);
      return standing.state === 'red_due' ? [{ companyId: id, companyName: e.companyName, standing }] : [];
    });
    return { resolutions: cardProposals(db, { today, companyId }), redDue };
  },

  'property.issueYellowCard': (input, { db, operator, today, audit }) => {
    const basis = input.basis === 'resolution'
      ? resolutionBasis(db, input.resolutionId, input.issuedOn)
      : { companyId: existingCompany(db, input.companyId, today).id, resolutionId: null, dueOn: input.dueOn };
    return issue(db, { ...basis, colour: 'yellow', basis: input.basis, reason: input.reason, issuedOn: input.issuedOn }, operator, today, audit);
  },

  /** The clerk judges; the program only checks that the yellows in force reach the rule on the day of issue. */
  'property.issueRedCard': ({ companyId, issuedOn, reason }, { db, operator, today, audit }) => {
    existingCompany(db, companyId, today);
    const rule = propertySettings(db).cardRule;
    const { standing } = companyCards(db, companyId, issuedOn, rule);
    if (standing.state !== 'red_due') {
      const why = standing.state === 'red'
        ? `已于 ${standing.redIssuedOn} 发过红牌，仍在计数期内`
        : `${standing.windowFrom} 以来有效黄牌 ${standing.yellows} 张，满 ${rule.redAfterYellows} 张才能发红牌`;
      throw new DomainError('CONFLICT', `不能发红牌：${why}（现为“${cardStandings[standing.state]}”）`, 'CARD_RED_NOT_DUE');
    }
    return issue(db, { companyId, colour: 'red', basis: 'yellows', resolutionId: null, dueOn: null, reason, issuedOn }, operator, today, audit);
  },

  'property.withdrawCard': ({ id, reason }, { db, operator, today, audit }) => {
    const before = getCard(db, id);
    if (!before) throw notFound('黄红牌记录');
    if (before.withdrawnAt) throw new DomainError('CONFLICT', `这张牌已经撤销（${before.withdrawnBy}：${before.withdrawnReason}）`, 'CARD_WITHDRAWN');
    withdrawCard(db, id, reason, operator);
    audit({ action: 'withdraw', entity: 'property_card', entityId: id, before, after: getCard(db, id) });
    return companyCards(db, before.companyId, today, propertySettings(db).cardRule);
  },
};
