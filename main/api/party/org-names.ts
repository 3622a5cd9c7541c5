import type { Db } from '../../../db/open';
import { namedOrgs, orgLabelVersionOf } from '../../../db/party/orgs';
import { orgLabels } from '../common/org-labels';

const cached = new WeakMap<Db, { version: number; labels: Map<string, string> }>();

/**
 * The core's side of `orgLabels`: every unit's label, computed when the units changed (the version migration 036's
 * triggers keep) and kept per connection otherwise — at a district, 2,500 units read per answer cost 6–8 ms. Never
 * kept from inside a transaction: one rolled back would leave labels of units that never were, under a version a
 * later change could reach again. A restore opens a new connection, with a cache of its own.
 */
export function orgLabelsOf(db: Db): Map<string, string> {
  const version = orgLabelVersionOf(db);
  const hit = cached.get(db);
  if (hit && hit.version === version) return hit.labels; // the same version inside a transaction: nothing changed
  const labels = orgLabels(namedOrgs(db));
  if (!db.inTransaction) cached.set(db, { version, labels });
  return labels;
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
