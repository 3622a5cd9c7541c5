import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { pinyinKeys, prefixRange } from '../pinyin';
import { newStamps } from '../stamps';
import { Where } from '../where';
import type { CompanyFields, CompanyRow } from './types';
export type { CompanyFields, CompanyRow, PartyOrgForm } from './types';

const select = (today: string) => ({
  sql: `SELECT c.id, c.name, c.credit_code AS creditCode, c.contact_person AS contactPerson,
          c.contact_phone AS contactPhone, c.address, c.party_org_form AS partyOrgForm, c.party_members AS partyMembers,
          c.note, c.created_at AS createdAt, c.updated_at AS updatedAt, c.operator,
          (SELECT COUNT(DISTINCT k.estate_id) FROM property_contracts k
           WHERE k.company_id = c.id AND k.starts_on <= ? AND COALESCE(k.ends_on, '9999-12-31') >= ?) AS estatesServed
        FROM property_companies c`,
  args: [today, today],
});

export function getCompany(db: Db, id: string, today: string): CompanyRow | undefined {
  const s = select(today);
  return db.prepare(`${s.sql} WHERE c.id = ?`).get(...s.args, id) as CompanyRow | undefined;
}

export function findCompanyByCreditCode(db: Db, creditCode: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM property_companies WHERE credit_code = ?').get(creditCode) as { id: string; name: string } | undefined;
}

/** By name or pinyin initials (`yg` finds 阳光物业), in pinyin order. */
export function listCompanies(db: Db, f: { q: string; offset: number; limit: number }, today: string) {
  const where = new Where();
  if (f.q) {
    const q = f.q.toLowerCase();
    if (/^[a-z]+$/.test(q)) where.add('c.name_initials >= ? AND c.name_initials < ?', ...prefixRange(q));
    else where.add('instr(c.name, ?) > 0', f.q);
  }
  const s = select(today);
  const rows = db
    .prepare(`${s.sql} ${where.sql} ORDER BY c.name_pinyin, c.id LIMIT ? OFFSET ?`)
    .all(...s.args, ...where.args, f.limit, f.offset) as CompanyRow[];
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM property_companies c ${where.sql}`).get(...where.args) as { n: number }).n;
  return { rows, total };
}

const keys = (name: string) => pinyinKeys(name, false);

export function insertCompany(db: Db, f: CompanyFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  const k = keys(f.name);
  db.prepare(
    `INSERT INTO property_companies (id, name, name_pinyin, name_initials, credit_code, contact_person, contact_phone,
       address, party_org_form, party_members, note, created_at, updated_at, operator)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, f.name, k.sort, k.initials, f.creditCode, f.contactPerson, f.contactPhone, f.address, f.partyOrgForm,
    f.partyMembers, f.note, s.created_at, s.updated_at, operator);
  return id;
}

export function updateCompany(db: Db, id: string, f: CompanyFields, operator: string): void {
  const k = keys(f.name);
  db.prepare(
    `UPDATE property_companies SET name = ?, name_pinyin = ?, name_initials = ?, credit_code = ?, contact_person = ?,
       contact_phone = ?, address = ?, party_org_form = ?, party_members = ?, note = ?, updated_at = ?, operator = ?
     WHERE id = ?`,
  ).run(f.name, k.sort, k.initials, f.creditCode, f.contactPerson, f.contactPhone, f.address, f.partyOrgForm,
    f.partyMembers, f.note, nowIso(), operator, id);
}

export function companyContractCount(db: Db, id: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM property_contracts WHERE company_id = ?').get(id) as { n: number }).n;
}

export function deleteCompany(db: Db, id: string): void {
  db.prepare('DELETE FROM property_companies WHERE id = ?').run(id);
}
