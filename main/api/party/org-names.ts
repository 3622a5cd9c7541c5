import type { Db } from '../../../db/open';
import { namedOrgs } from '../../../db/party/orgs';
import { orgLabels } from '../common/org-labels';

/** The core's side of `orgLabels`: every unit's label, read once for a whole answer (a few hundred units a street). */
export function orgLabelsOf(db: Db): Map<string, string> {
  return orgLabels(namedOrgs(db));
}

/** Rows as a list sends them, each `orgName` the label that tells same-named units apart (a row without a unit as it is). */
export function labelOrgNames<T extends { orgId: string | null; orgName: string | null }>(db: Db, rows: T[]): T[] {
  if (rows.length === 0) return rows;
  const labels = orgLabelsOf(db);
  return rows.map((r) => (r.orgId === null ? r : { ...r, orgName: labels.get(r.orgId) ?? r.orgName }));
}

/** One record (a drawer's) named the same way. */
export function labelOrgName<T extends { orgId: string | null; orgName: string | null }>(db: Db, row: T): T {
  return labelOrgNames(db, [row])[0] ?? row;
}
