import { foundation } from './001_foundation';
import { party } from './002_party';
import { partyIndexes } from './003_party_indexes';
import { importTables } from './004_import';
import { submission } from './005_submission';
import { volunteer } from './006_volunteer';
import { ledgerChains } from './007_ledger_chains';
import { property } from './008_property';
import { elevatorFund } from './009_elevator_fund';
import { propertyAssessments } from './010_property_assessments';
import { elevators } from './011_elevators';
import { fundDisclosure } from './012_fund_disclosure';
import { propertySurveys } from './013_property_surveys';
import { fundCrowdfunding } from './014_fund_crowdfunding';
import { requests } from './015_requests';
import { requestsStewards } from './016_requests_stewards';
import { requestsWall } from './017_requests_wall';
import { requestsWishes } from './018_requests_wishes';
import { memberSearch } from './019_member_search';
import { packageTrust } from './020_package_trust';
import { accounts } from './021_accounts';
import { fundReconciliation } from './022_fund_reconciliation';
import { importValueMaps } from './023_import_value_maps';
import { auditFilters } from './024_audit_filters';
import { auditSearch } from './025_audit_search';
import { fundGrantApplications } from './026_fund_grant_applications';
import { propertySearch } from './027_property_search';
import { requestsCare } from './028_requests_care';
import { propertyCards } from './029_property_cards';
import { requestsStreetAnswers } from './030_requests_street_answers';
import { consolidationOrder } from './031_consolidation_order';
import { requestsAnswerRounds } from './032_requests_answer_rounds';
import { fundCampaignSchemes } from './033_fund_campaign_schemes';
import { membersJoinedOrder } from './034_members_joined_order';
import { fundAttachments } from './035_fund_attachments';
import { orgLabelVersion } from './036_org_label_version';
import { meetingMonthCounts } from './037_meeting_month_counts';
import { volunteerCounts } from './038_volunteer_counts';
import { consolidatedFigures } from './039_consolidated_figures';
import { sentChainHeads } from './040_sent_chain_heads';
import { sortIndexes } from './041_sort_indexes';
import { listPageOrder } from './042_list_page_order';
import { dropUnusedVolunteerIndexes } from './043_drop_unused_volunteer_indexes';
import { memberEventsDate } from './044_member_events_date';
import { orgQuarterMeetings } from './045_org_quarter_meetings';
import { fundCategoryRetired } from './046_fund_category_retired';
import { fundBuildingAccounts } from './047_fund_building_accounts';
import { elevatorChecklistItems } from './048_elevator_checklist_items';
import { fundEntriesJournalEffect } from './049_fund_entries_journal_effect';
import { membersNamePinyinDropped } from './050_members_name_pinyin_dropped';
import type { Migration } from './types';

/** Forward-only, in order. Never edit a migration that has shipped: add the next one. */
export const migrations: readonly Migration[] = [
  foundation, party, partyIndexes, importTables, submission, volunteer, ledgerChains, property, elevatorFund, propertyAssessments, elevators,
  fundDisclosure, propertySurveys, fundCrowdfunding, requests, requestsStewards, requestsWall, requestsWishes, memberSearch, packageTrust, accounts,
  fundReconciliation, importValueMaps, auditFilters, auditSearch, fundGrantApplications, propertySearch, requestsCare, propertyCards,
  requestsStreetAnswers, consolidationOrder, requestsAnswerRounds, fundCampaignSchemes, membersJoinedOrder, fundAttachments,
  orgLabelVersion, meetingMonthCounts, volunteerCounts, consolidatedFigures, sentChainHeads,
  sortIndexes, listPageOrder, dropUnusedVolunteerIndexes, memberEventsDate, orgQuarterMeetings, fundCategoryRetired,
  fundBuildingAccounts, elevatorChecklistItems, fundEntriesJournalEffect, membersNamePinyinDropped,
];
