import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../db/migrate';
import { openFile } from '../../db/open';
import { roleLabels } from '../../main/api/common/roles';
import * as elevator from '../../main/api/elevator/labels';
import * as fund from '../../main/api/fund/labels';
import * as party from '../../main/api/party/labels';
import * as property from '../../main/api/property/labels';
import * as requests from '../../main/api/requests/labels';
import * as submission from '../../main/api/submission/labels';
import * as volunteer from '../../main/api/volunteer/labels';
import { inMoment, tempDir } from './helpers';

/**
 * A field's allowed values are declared once, in its module's label table (main/api/<module>/labels.ts): the forms'
 * zod enums are built from its keys (`keysOf`), its words label every list and export, and the row type's union is
 * held to it by the compiler (`satisfies`). The database's CHECK sits in a migration, which never changes once
 * shipped, so it cannot be derived: this test holds every CHECK … IN list of the schema as migrated to the table
 * named for it here. A new CHECK fails until it is named below; a value added on one side only fails too.
 */
const declared: Record<string, Readonly<Record<string, string>>> = {
  'places.kind': party.placeKinds,
  'orgs.level': party.orgLevels,
  'orgs.status': party.orgStatuses,
  'members.gender': party.genders,
  'members.status': party.memberStatuses,
  'members.category': party.memberCategories,
  'members.role': party.memberRoles,
  'members.lifecycle': party.lifecycles,
  'meetings.type': party.meetingTypes,
  'meeting_attendance.status': party.attendanceStatuses,
  'meeting_resolutions.status': party.resolutionStatuses,
  'submissions.direction': submission.submissionDirections,
  'submissions.kind': submission.submissionKinds,
  'consolidation_conflicts.status': submission.conflictStatuses,
  'volunteer_posts.kind': volunteer.postKinds,
  'volunteer_posts.status': volunteer.postStatuses,
  'volunteers.gender': party.genders,
  'activity_participants.attendance': volunteer.attendanceStates,
  'points_rules.expiry': volunteer.expiryRules,
  'points_entries.category': volunteer.pointCategories,
  'points_entries.source_kind': volunteer.sourceKinds,
  'points_applications.source_kind': volunteer.appliedSourceKinds,
  'volunteer_honours.title': volunteer.honourTitles,
  'redemption_items.status': volunteer.itemStatuses,
  'property_companies.party_org_form': property.partyOrgForms,
  'property_estates.management': property.managementTypes,
  'committee_members.role': property.committeeRoles,
  'joint_meeting_attendees.party': property.jointParties,
  'joint_resolutions.responsible_party': property.jointParties,
  'joint_resolutions.status': property.resolutionStatuses,
  'joint_resolutions.rating': property.residentRatings,
  'property_cards.colour': property.cardColours,
  'property_cards.basis': property.cardBases,
  'assessment_templates.status': property.templateStatuses,
  'assessment_items.method': property.scoringMethods,
  'assessment_items.rate_kind': property.rateKinds,
  'assessment_sheets.body': property.assessorBodies,
  'fund_categories.direction': fund.directions,
  'fund_accounts.status': fund.accountStatuses,
  'fund_signatories.side': fund.sides,
  'fund_signatories.status': fund.signatoryStatuses,
  'fund_entries.status': fund.entryStatuses,
  'fund_signoffs.side': fund.sides,
  'fund_campaigns.scheme': fund.campaignSchemes,
  'fund_campaigns.status': fund.campaignStatuses,
  'fund_campaign_grants.kind': fund.grantKinds,
  'fund_reconciliations.status': fund.reconciliationStatuses,
  'fund_reconciliation_items.side': fund.reconciliationItemSides,
  'fund_reconciliation_items.direction': fund.directions,
  'fund_reconciliation_signoffs.side': fund.sides,
  'fund_grant_applications.rule': fund.consentRules,
  'fund_grant_applications.status': fund.applicationStatuses,
  'fund_grant_payments.stage': fund.paymentStages,
  'fund_bank_line_entries.direction': fund.directions,
  'fund_attachments.mime': fund.attachmentTypes,
  'elevators.type': elevator.elevatorTypes,
  'elevators.status': elevator.elevatorStatuses,
  'elevator_checklist_items.level': elevator.streetChecklistLevels,
  'elevator_maintenance.kind': elevator.maintenanceKinds,
  'elevator_maintenance.result': elevator.inspectionResults,
  'elevator_faults.cause': elevator.faultCauses,
  'requests.source': requests.requestSources,
  'requests.state': requests.requestStates,
  'requests.urgency': requests.urgencies,
  'requests.handler_kind': requests.handlerKinds,
  'requests.rating': requests.ratings,
  'request_steps.from_state': requests.requestStates,
  'request_steps.to_state': requests.requestStates,
  'wishes.kind': requests.wishKinds,
  'wishes.state': requests.wishStates,
  'care_households.colour': requests.careColours,
  'accounts.role': roleLabels,
};

/** Every `CHECK (column IN (…))` of the migrated schema, by `table.column`; 0/1 flags are booleans, not codes. */
function checkLists(): Map<string, string[]> {
  const db = openFile(path.join(tempDir(), 'schema.sqlite'));
  inMoment(() => migrate(db));
  const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  db.close();
  const lists = new Map<string, string[]>();
  for (const t of tables) {
    for (const m of t.sql.matchAll(/CHECK\s*\(\s*(\w+)\s+IN\s*\(([^)]*)\)\s*\)/g)) {
      const values = m[2]!.split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
      if (values.join() !== '0,1') lists.set(`${t.name}.${m[1]}`, values);
    }
  }
  return lists;
}

describe('allowed values: the label table is the declaration, the CHECK is held to it', () => {
  const lists = checkLists();

  it('finds the schema\'s code columns (the parse would otherwise pass on nothing)', () => {
    expect(lists.size).toBeGreaterThan(60);
    expect(lists.get('members.status')).toEqual(['full', 'probationary']);
  });

  it('names a label table for every CHECK … IN column, and none for a column that has no such CHECK', () => {
    expect([...lists.keys()].filter((c) => !(c in declared))).toEqual([]);
    expect(Object.keys(declared).filter((c) => !lists.has(c))).toEqual([]);
  });

  it('allows in the database exactly the codes the label table names, no more, no fewer', () => {
    const differ = [...lists].filter(([c, values]) => declared[c] && [...values].sort().join() !== Object.keys(declared[c]!).sort().join());
    expect(differ.map(([c, values]) => `${c}: CHECK ${values.join(',')} ≠ ${Object.keys(declared[c]!).join(',')}`)).toEqual([]);
  });
});
