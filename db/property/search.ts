import type { Db } from '../open';
import { prefixRange } from '../pinyin';
import type { ManagementType } from './types';

export interface EstateSearchRow {
  id: string;
  name: string;
  communityName: string;
  management: ManagementType;
}

export interface CompanySearchRow {
  id: string;
  name: string;
  creditCode: string;
}

/**
 * How a Ctrl+K query is read here: latin letters are pinyin (initials `yg` or the full `yangguang`), letters with
 * digits are the start of a credit code (pasted full-width or with spaces: NFKC and upper case, as the form
 * normalises), anything else is part of a name.
 */
export type PropertyQuery = { kind: 'pinyin'; key: string } | { kind: 'code'; prefix: string } | { kind: 'name'; text: string };

export function readPropertyQuery(q: string): PropertyQuery | null {
  const text = q.trim();
  if (!text) return null;
  if (/^[a-z][a-z ]*$/i.test(text)) return { kind: 'pinyin', key: text.toLowerCase().replace(/ +/g, '') };
  const code = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (/^[0-9A-Z]{4,18}$/.test(code) && /\d/.test(code)) return { kind: 'code', prefix: code };
  return { kind: 'name', text };
}

/** A pinyin prefix over a table's keys: each arm a range over its index (…_initials, …_pinyin_joined; migration 030). */
function pinyinSql(alias: string, key: string) {
  const [lo, hi] = prefixRange(key);
  const joined = `replace(${alias}.name_pinyin, ' ', '')`;
  return { sql: `((${alias}.name_initials >= ? AND ${alias}.name_initials < ?) OR (${joined} >= ? AND ${joined} < ?))`, args: [lo, hi, lo, hi] };
}

/** The statement of an estate search (the tests read its plan): estates with a property profile, in pinyin order. */
export function estateSearchSql(q: Exclude<PropertyQuery, { kind: 'code' }>, limit: number) {
  const c = q.kind === 'pinyin' ? pinyinSql('p', q.key) : { sql: 'instr(p.name, ?) > 0', args: [q.text] };
  return {
    sql: `SELECT p.id, p.name, c.name AS communityName, e.management
          FROM places p JOIN property_estates e ON e.place_id = p.id JOIN places c ON c.id = p.parent_id
          WHERE p.kind = 'estate' AND ${c.sql}
          ORDER BY p.name_pinyin, p.id LIMIT ?`,
    args: [...c.args, limit],
  };
}

/** The statement of a company search: by name, pinyin or the start of the credit code (its unique index). */
export function companySearchSql(q: PropertyQuery, limit: number) {
  const c =
    q.kind === 'pinyin' ? pinyinSql('k', q.key)
    : q.kind === 'code' ? { sql: 'k.credit_code >= ? AND k.credit_code < ?', args: prefixRange(q.prefix) }
    : { sql: 'instr(k.name, ?) > 0', args: [q.text] };
  return {
    sql: `SELECT k.id, k.name, k.credit_code AS creditCode FROM property_companies k WHERE ${c.sql} ORDER BY k.name_pinyin, k.id LIMIT ?`,
    args: [...c.args, limit],
  };
}

/** Estates by name or pinyin; a credit code finds none. */
export function searchEstates(db: Db, q: PropertyQuery, limit: number): EstateSearchRow[] {
  if (q.kind === 'code') return [];
  const s = estateSearchSql(q, limit);
  return db.prepare(s.sql).all(...s.args) as EstateSearchRow[];
}

export function searchCompanies(db: Db, q: PropertyQuery, limit: number): CompanySearchRow[] {
  const s = companySearchSql(q, limit);
  return db.prepare(s.sql).all(...s.args) as CompanySearchRow[];
}
