import type { MeetingExport, MemberExport } from '../../../../db/party/export';
import type { MeetingType } from '../../../../db/party/meetings';
import { todayIso } from '../../common/calendar';
import type { Period } from '../../../export/period';
import { buildCompliance, type ComplianceReport } from '../compliance';
import type { OrgIndex } from './org-index';

/**
 * The register as it stood at the end of a period, from records that carry their dates: a submission for
 * October made in December still counts who was on the register on 31 October.
 */

export const onRegisterAt = (m: MemberExport, end: string): boolean =>
  m.joinedOn <= end &&
  (m.transferredInOn === null || m.transferredInOn <= end) &&
  (m.lifecycle === 'active' || (m.leftOn !== null && m.leftOn > end));

/** 正式 or 预备 at the period's end: a member made full after it was still probationary then. */
export const statusAt = (m: MemberExport, end: string): MemberExport['status'] =>
  m.status === 'full' && (m.fullOn === null || m.fullOn <= end) ? 'full' : 'probationary';

export const within = (day: string | null, p: Period): boolean => day !== null && day >= p.from && day <= p.to;

/**
 * Organisational life for the quarter the period falls in, counted up to the period's end (or today, if
 * earlier): slots after it are still pending, not missing.
 */
export function complianceAt(orgs: OrgIndex, meetings: Iterable<MeetingExport>, p: Period): ComplianceReport {
  const counts = new Map<string, { orgId: string; type: MeetingType; month: string; n: number }>();
  for (const m of meetings) {
    if (m.heldOn < p.quarterFrom || m.heldOn > p.to) continue;
    const month = m.heldOn.slice(0, 7);
    const key = `${m.orgId}|${m.type}|${month}`;
    const c = counts.get(key) ?? counts.set(key, { orgId: m.orgId, type: m.type, month, n: 0 }).get(key)!;
    c.n++;
  }
  const branches = orgs.branchesAt(p.to).map(({ org, groupIds }) => ({
    id: org.id,
    name: org.name,
    parentName: orgs.communityOf(org.id),
    groupIds,
  }));
  const today = todayIso();
  return buildCompliance(p.year, p.quarter, branches, [...counts.values()], today < p.to ? today : p.to);
}
