import type { Db } from '../open';
import { memberQuerySql, readMemberQuery } from '../pinyin';

export interface PartySearchHit {
  kind: 'member' | 'org' | 'place';
  id: string;
  title: string;
  subtitle: string;
}

/**
 * People first (by name, pinyin initials or full pinyin), then organisations and places by name. `unitName` names a
 * unit as the lists do (the core passes the label that tells same-named branches apart).
 */
export function searchParty(db: Db, q: string, limit: number, unitName: (orgId: string, name: string) => string = (_, n) => n): PartySearchHit[] {
  const mq = readMemberQuery(q);
  if (!mq) return [];
  const c = memberQuerySql(mq);
  // Only the name and the unit go back: a hit by ID number or phone shows neither.
  const members = (
    db
      .prepare(
        `SELECT m.id, m.name AS title, o.id AS orgId, o.name AS orgName, m.lifecycle = 'active' AS active
         FROM members m JOIN orgs o ON o.id = m.org_id
         WHERE ${c.sql}
         ORDER BY m.lifecycle = 'active' DESC, m.name_pinyin LIMIT ?`,
      )
      .all(...c.args, limit) as { id: string; title: string; orgId: string; orgName: string; active: number }[]
  ).map((m) => ({ id: m.id, title: m.title, subtitle: unitName(m.orgId, m.orgName) + (m.active ? '' : '（已不在册）') }));
  const latin = mq.kind === 'pinyin';
  if (latin) return members.map((m) => ({ kind: 'member', ...m }));
  const orgs = (
    db
      .prepare(`SELECT id, name AS title, kind AS subtitle FROM orgs WHERE status = 'active' AND instr(name, ?) > 0 LIMIT ?`)
      .all(q, limit) as Omit<PartySearchHit, 'kind'>[]
  ).map((o) => ({ ...o, title: unitName(o.id, o.title) }));
  const places = db
    .prepare(
      `SELECT id, name AS title, CASE kind WHEN 'community' THEN '社区' WHEN 'estate' THEN '小区' ELSE '楼栋' END AS subtitle
       FROM places WHERE instr(name, ?) > 0 LIMIT ?`,
    )
    .all(q, limit) as Omit<PartySearchHit, 'kind'>[];
  return [
    ...members.map((m) => ({ kind: 'member' as const, ...m })),
    ...orgs.map((o) => ({ kind: 'org' as const, ...o })),
    ...places.map((p) => ({ kind: 'place' as const, ...p })),
  ].slice(0, limit);
}
