import type { Db } from '../../../../db/open';
import { activePeopleNamed, peopleWithIdNumbers } from '../../../../db/volunteer/people-search';
import type { PersonEntry } from '../../../../db/volunteer/types';
import { toHalfWidth } from '../../common/identifiers';
import type { CellValue, RowValues } from '../../import/register';
import { wordKey } from '../../import/values';

/**
 * The people an import row names — a party member or a registered resident: by ID number (loaded in bulk for the
 * whole file), else by name when exactly one active person has it.
 */

export type { PersonEntry };

export type PersonFound = { entry: PersonEntry } | { field: 'idNumber' | 'name'; problem: string };

export const text = (v: CellValue | undefined): string | null => (v === null || v === undefined || v === '' ? null : String(v));
/** An ID number as the schemas store it. */
export const normalisedId = (v: CellValue | undefined): string => toHalfWidth(text(v) ?? '').trim().toUpperCase();

export class PersonDirectory {
  private readonly byIdNumber = new Map<string, PersonEntry>();

  constructor(private readonly db: Db, rows: readonly RowValues[]) {
    const found = peopleWithIdNumbers(db, rows.map((v) => normalisedId(v.idNumber)).filter(Boolean));
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
    const same = activePeopleNamed(this.db, name);
    if (same.length === 1) return { entry: same[0]! };
    if (same.length === 0) return { field: 'name', problem: `“${name}”不在党员名册和志愿者名册中` };
    return { field: 'idNumber', problem: `名为“${name}”的有 ${same.length} 人，请填写身份证号` };
  }
}
