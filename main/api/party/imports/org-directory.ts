import { insertOrg, namedOrgs, type OrgFields, type OrgLevel } from '../../../../db/party/orgs';
import type { RunContext } from '../../import/register';
import { wordKey } from '../../import/values';
import { orgKinds, orgLevels } from '../labels';
import { nameSimilarity, SIMILAR_ENOUGH } from './branch-names';

/**
 * The organisation tree as an import sees it: units found by name (spaces, full-width brackets and case aside),
 * plus the units this import creates — written when committing, only remembered while checking, so a row can
 * refer to a unit an earlier row (or an earlier missing name) brought in.
 */

export interface UnitEntry {
  id: string;
  name: string;
  level: OrgLevel;
  parentId: string | null;
  path: string;
  placeId: string | null;
  status: 'active' | 'dissolved';
  /** Created (or, while checking, to be created) by this import. */
  fresh: boolean;
}

export type Found<T> = { entry: T } | { missing: true } | { problem: string };

/** The kind a unit's name says it is ("阳光小区党支部" → 小区党支部), else the level's plain kind. */
export function kindFromName(name: string, level: OrgLevel): string {
  const kinds = orgKinds[level] as readonly string[];
  return [...kinds].sort((a, b) => b.length - a.length).find((k) => name.endsWith(k)) ?? kinds[kinds.length - 1]!;
}

/** A unit's name as compared loosely: no 中共 / 中国共产党 in front, no 委员会 behind, 支部 read as 党支部. */
const looseKey = (name: string) =>
  wordKey(name)
    .replace(/^(中国共产党|中共)/, '')
    .replace(/委员会$/, '')
    .replace(/(^|[^党])支部$/, '$1党支部');

export class OrgDirectory {
  private readonly byName = new Map<string, UnitEntry[]>();
  private readonly byId = new Map<string, UnitEntry>();
  /** Units created because rows named them though the tree lacked them, for the summary. */
  readonly extras: string[] = [];
  private planned = 0;

  /** Only what creating a missing unit needs besides the tree: a lookup alone may pass `write: false`. */
  constructor(private readonly run: Pick<RunContext, 'db' | 'write' | 'operator'>) {
    // The active units, without the counts a screen shows (the import only matches names).
    for (const o of namedOrgs(run.db)) if (o.status === 'active') this.index({ ...o, fresh: false });
  }

  private index(u: UnitEntry) {
    this.byId.set(u.id, u);
    const key = wordKey(u.name);
    this.byName.set(key, [...(this.byName.get(key) ?? []), u]);
  }

  get(id: string): UnitEntry | undefined {
    return this.byId.get(id);
  }

  /** The only unit of a level (a community's one committee), if there is exactly one. */
  only(level: OrgLevel): UnitEntry | undefined {
    const all = [...this.byId.values()].filter((u) => u.level === level);
    return all.length === 1 ? all[0] : undefined;
  }

  child(parentId: string, name: string): UnitEntry | undefined {
    return (this.byName.get(wordKey(name)) ?? []).find((u) => u.parentId === parentId);
  }

  /** A unit by name; the parent's name, when given, tells same-named units apart (第一党支部 in two communities). */
  find(name: string, parentName: string | null): Found<UnitEntry> {
    let found = this.byName.get(wordKey(name)) ?? [];
    if (parentName && found.length > 1) {
      const parentKey = wordKey(parentName);
      found = found.filter((u) => u.parentId !== null && wordKey(this.byId.get(u.parentId)?.name ?? '') === parentKey);
    }
    if (found.length === 1) return { entry: found[0]! };
    if (found.length === 0) return { missing: true };
    return { problem: `有 ${found.length} 个名为“${name}”的组织，请在“上级党组织”列写明它属于哪一个` };
  }

  /** The community's party organisation a register names by the community (西里社区 → 西里社区党委), if one. */
  communityNamed(name: string): UnitEntry | undefined {
    const key = wordKey(name);
    if (!key.endsWith('社区')) return undefined;
    const all = [...this.byId.values()].filter((u) => u.level === 'community_committee' && u.status === 'active' && /^(党委|党总支|党支部|党组织)$/.test(wordKey(u.name).slice(key.length)) && wordKey(u.name).startsWith(key));
    return all.length === 1 ? all[0] : undefined;
  }

  /**
   * A unit a register names differently from the tree, by the name normalised: 中共…党支部委员会 → …党支部, …支部 →
   * …党支部, the community (or street) written in front (西里社区阳光小区党支部 → 阳光小区党支部). Only a single
   * candidate counts; the register says how it matched, so the clerk sees every such reading.
   */
  findLoose(name: string, levels: readonly OrgLevel[]): UnitEntry | undefined {
    const wanted = looseKey(name);
    const candidates = [...this.byId.values()].filter((u) => {
      if (!levels.includes(u.level) || u.status !== 'active') return false;
      const key = looseKey(u.name);
      return wanted === key || (wanted.endsWith(key) && /(社区|街道|党委|党总支)$/.test(wanted.slice(0, -key.length)));
    });
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  /** A unit as the clerk picks it from a list: its name, and its parent's, which tells same-named ones apart. */
  label(u: UnitEntry): string {
    const parent = u.parentId ? this.byId.get(u.parentId) : undefined;
    return parent ? `${u.name}（${parent.name}）` : u.name;
  }

  private ancestorNames(u: UnitEntry): string[] {
    const names: string[] = [];
    for (let p = u.parentId ? this.byId.get(u.parentId) : undefined; p; p = p.parentId ? this.byId.get(p.parentId) : undefined) names.push(p.name);
    return names;
  }

  /**
   * Stored units whose names are like `name` (branch-names.ts), best first, at most `limit` — proposals for the
   * clerk to confirm, never read as the unit without that.
   */
  similar(name: string, levels: readonly OrgLevel[], limit = 3): UnitEntry[] {
    return [...this.byId.values()]
      .filter((u) => levels.includes(u.level) && u.status === 'active' && !u.fresh)
      .map((u) => ({ u, score: nameSimilarity(name, u.name, this.ancestorNames(u)) }))
      .filter((x) => x.score >= SIMILAR_ENOUGH)
      .sort((a, b) => b.score - a.score || a.u.path.localeCompare(b.u.path))
      .slice(0, limit)
      .map((x) => x.u);
  }

  /** The stored active units of a level, by name, as the clerk may pick them. */
  targets(level: OrgLevel): { id: string; label: string }[] {
    return [...this.byId.values()]
      .filter((u) => u.level === level && u.status === 'active' && !u.fresh)
      .map((u) => ({ id: u.id, label: this.label(u) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  }

  /**
   * Creates a unit when committing (audited with the import as a whole); while checking, remembers one with a
   * stand-in id.
   */
  create(fields: Omit<OrgFields, 'parentId'> & { parentId: string }): UnitEntry {
    const parent = this.byId.get(fields.parentId)!;
    const id = this.run.write ? insertOrg(this.run.db, fields, parent.path, this.run.operator) : `planned-org-${++this.planned}`;
    const entry: UnitEntry = { ...fields, id, path: `${parent.path}${id}/`, status: 'active', fresh: true };
    this.index(entry);
    return entry;
  }

  /** Creates a unit a row names but the tree lacks (the "create missing" option), noting it for the summary. */
  createMissing(name: string, level: OrgLevel, parent: UnitEntry): UnitEntry {
    this.extras.push(`新建${orgLevels[level]}“${name}”（上级：${parent.name}）`);
    return this.create({ parentId: parent.id, level, kind: kindFromName(name, level), name, placeId: null, establishedOn: null });
  }
}
