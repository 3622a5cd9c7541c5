import type { CardProposal, CardRow } from '../../../db/property/types';
import { read, write } from '../common/channel';
import type { CardStanding } from './cards';
import { CardProposalList, IssueRedCard, IssueYellowCard, WithdrawCard } from './schemas';

/** A company's card record (every card, newest first, withdrawn ones kept) and where it stands today. */
export interface CompanyCards {
  cards: CardRow[];
  standing: CardStanding;
}

/** What the program proposes for the clerk to judge: overdue resolutions without a yellow, companies due a red. */
export interface CardProposals {
  resolutions: CardProposal[];
  redDue: { companyId: string; companyName: string; standing: CardStanding }[];
}

/** Yellow and red cards (docs/property.md, "Cards"): spread into the module's contract. */
export const cardsContract = {
  'property.listCardProposals': read<CardProposals>()(CardProposalList),
  'property.issueYellowCard': write<CompanyCards>()(IssueYellowCard),
  'property.issueRedCard': write<CompanyCards>()(IssueRedCard),
  'property.withdrawCard': write<CompanyCards>()(WithdrawCard),
};
