import type { Db } from '../../../../db/open';
import { toHalfWidth } from '../../common/identifiers';
import type { CellValue, RowValues } from '../../import/register';
import { wordKey } from '../../import/values';

/**
 * The people an import row names — a party member or a registered resident: by ID number (loaded in bulk for the
 * whole file), else by name when exactly one active person has it.
 */

export interface PersonEntry {
  volunteerId: string | null;
  memberId: string | null;
  name: string;
  orgId: string;
  orgPath: string;
  postId: string | null;
}

export type PersonFound = { entry: PersonEntry } | { field: 'idNumber' | 'name'; problem: string };

export const text = (v: CellValue | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
/** An ID number as the schemas store it. */
export const normalisedId = (v: CellValue | undefined): string => toHalfWidth(text(v) ?? '').trim().toUpperCase();

const MEMBERS = `SELECT v.id AS volunteerId, m.id AS memberId, m.name, m.org_id AS orgId, o.path AS orgPath, v.post_id AS postId,
    m.id_number AS idNumber
  FROM members m JOIN orgs o ON o.id = m.org_id LEFT JOIN volunteers v ON v.member_id = m.id`;
const RESIDENTS = `SELECT v.id AS volunteerId, NULL AS memberId, v.name, v.org_id AS orgId, o.path AS orgPath, v.post_id AS postId,
    v.id_number AS idNumber
  FROM volunteers v JOIN orgs o ON o.id = v.org_id`;

export class PersonDirectory {
  private readonly byIdNumber = new Map<string, PersonEntry>();

  constructor(private readonly db: Db, rows: readonly RowValues[]) {
    const ids = JSON.stringify(rows.map((v) => normalisedId(v.idNumber)).filter(Boolean));
    const within = 'IN (SELECT value FROM json_each(?))';
    const found = [
      ...(db.prepare(`${MEMBERS} WHERE m.id_number ${within}`).all(ids) as (PersonEntry & { idNumber: string })[]),
      ...(db.prepare(`${RESIDENTS} WHERE v.member_id IS NULL AND v.id_number ${within}`).all(ids) as (PersonEntry & { idNumber: string })[]),
    ];
    // A member wins over a resident with the same number (a resident who joined the party and is not linked yet).
    for (const { idNumber, ...p } of found.reverse()) this.byIdNumber.set(idNumber, p);
  }

  find(idNumber: string, name: string | null): PersonFound {
    if (idNumber) {
      const entry = this.byIdNumber.get(idNumber);
      if (!entry) return { field: 'idNumber', problem: '该身份证号不在党员名册和志愿者名册中，请先登记' };
      if (name && wordKey(name) !== wordKey(entry.name)) return { field: 'name', problem: `身份证号对应的是${entry.name}，请核对姓名` };
      return { entry };
    }
    if (!name) return { field: 'name', problem: '请填写姓名' };
    const same = [
      ...(this.db.prepare(`${MEMBERS} WHERE m.name = ? AND m.lifecycle = 'active'`).all(name) as PersonEntry[]),
      ...(this.db.prepare(`${RESIDENTS} WHERE v.name = ? AND v.member_id IS NULL AND v.active = 1`).all(name) as PersonEntry[]),
    ];
    if (same.length === 1) return { entry: same[0]! };
    if (same.length === 0) return { field: 'name', problem: `“${name}”不在党员名册和志愿者名册中` };
    return { field: 'idNumber', problem: `名为“${name}”的有 ${same.length} 人，请填写身份证号` };
  }
}
