import type { OrgExport } from '../../../../db/party/export';
import type { UnitData } from '../../../export/types';
import { orgLabels } from '../../common/org-labels';
import { orgsTable } from './tables';

/** Chinese order (pinyin, as ICU collates zh-CN); one collator, as creating one per comparison is slow. */
export const zhCompare = new Intl.Collator('zh-CN').compare;

/** Units directly under the street's working committee, outside any community (a street office's own branch). */
export const STREET_DIRECT = '街道直属';

/**
 * A unit's organisation tree as registers read it: which community a unit belongs to (the nearest 社区党委 /
 * 党总支 above it, named by its community), and each unit's parent. Works the same on this installation's own
 * tree and on a consolidated copy, whose root is the community's committee.
 */
export class OrgIndex {
  readonly byId = new Map<string, OrgExport>();
  private readonly communities = new Map<string, string>();
  private labels: Map<string, string> | null = null;

  constructor(orgs: Iterable<OrgExport>) {
    for (const o of orgs) this.byId.set(o.id, o);
  }

  static of(data: UnitData): OrgIndex {
    return new OrgIndex(data.rows(orgsTable));
  }

  /**
   * Each unit's place in the tree as the organisation screen lists it (depth first, siblings by name): local
   * records come in this order from SQL (by path); a consolidated copy, stored by id, is sorted into it.
   */
  treeOrder(): Map<string, number> {
    const children = new Map<string | null, OrgExport[]>();
    for (const o of this.byId.values()) {
      const parent = o.parentId && this.byId.has(o.parentId) ? o.parentId : null;
      children.set(parent, [...(children.get(parent) ?? []), o]);
    }
    const order = new Map<string, number>();
    const visit = (parent: string | null) => {
      for (const o of (children.get(parent) ?? []).sort((a, b) => zhCompare(a.name, b.name))) {
        order.set(o.id, order.size);
        visit(o.id);
      }
    };
    visit(null);
    return order;
  }

  name(orgId: string): string {
    return this.byId.get(orgId)?.name ?? '';
  }

  /** The unit's name as a register's 所在党组织 shows it: with the path that tells same-named units apart. */
  label(orgId: string): string {
    this.labels ??= orgLabels(this.byId.values());
    return this.labels.get(orgId) ?? this.name(orgId);
  }

  parentName(orgId: string): string {
    const parent = this.byId.get(orgId)?.parentId;
    return parent ? this.name(parent) : '';
  }

  communityOf(orgId: string): string {
    let name = this.communities.get(orgId);
    if (name === undefined) {
      const org = this.byId.get(orgId);
      if (!org) name = STREET_DIRECT;
      else if (org.level === 'community_committee') name = org.placeName ?? org.name;
      else name = org.parentId ? this.communityOf(org.parentId) : STREET_DIRECT;
      this.communities.set(orgId, name);
    }
    return name;
  }

  /** Branches of the tree that existed at the end of a period, each with its party groups. */
  branchesAt(end: string): { org: OrgExport; groupIds: string[] }[] {
    const alive = (o: OrgExport) =>
      (o.establishedOn ?? '') <= end && (o.status === 'active' || (o.dissolvedOn !== null && o.dissolvedOn > end));
    const all = [...this.byId.values()].filter(alive);
    return all
      .filter((o) => o.level === 'branch')
      .map((org) => ({ org, groupIds: all.filter((g) => g.parentId === org.id && g.level === 'group').map((g) => g.id) }));
  }
}
