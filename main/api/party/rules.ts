import type { OrgLevel, PlaceKind } from '../../../db/party/types';
import { childLevel, orgKinds, orgLevels, placeChildKind, placeKinds } from './labels';

/**
 * The party registers' rules about references, as plain functions returning the Chinese message (or null when
 * fine). The handlers throw them as field errors; the importer puts them beside the cell — one rule, two callers.
 */

interface UnitLike {
  name: string;
  level: OrgLevel;
  status: 'active' | 'dissolved';
}

/** Members belong to a branch or a party group that exists and is active. */
export function memberUnitProblem(unit: Pick<UnitLike, 'level' | 'status'> | undefined): string | null {
  if (!unit || unit.status !== 'active') return '所在党组织不存在或已撤销';
  if (unit.level !== 'branch' && unit.level !== 'group') return '党员应编入党支部或党小组';
  return null;
}

/** A new unit sits under an active unit of the level directly above its own. */
export function unitParentProblem(parent: UnitLike | undefined, level: OrgLevel): string | null {
  if (!parent || parent.status !== 'active') return '上级组织不存在或已撤销';
  const allowed = childLevel[parent.level];
  if (allowed === level) return null;
  return allowed ? `${parent.name}下面只能建立${orgLevels[allowed]}` : `${orgLevels[parent.level]}下面不能再建立组织`;
}

export function unitKindProblem(level: OrgLevel, kind: string): string | null {
  return (orgKinds[level] as readonly string[]).includes(kind) ? null : `${orgLevels[level]}的类别应为：${orgKinds[level].join('、')}`;
}

/** The kind of place a unit of each level is tied to. */
export const placeOfLevel = { street_committee: null, community_committee: 'community', branch: 'estate', group: 'building' } as const;

/** Branches may also be tied to a whole community (网格党支部) or a building (楼院党支部); other levels to their kind. */
export function unitPlaceProblem(level: OrgLevel, placeKind: PlaceKind | undefined): string | null {
  if (!placeKind) return '所选地点不存在';
  const expected = placeOfLevel[level];
  if (expected && placeKind !== expected && level !== 'branch') return `${orgLevels[level]}应关联到${placeKinds[expected]}`;
  return null;
}

/** Communities stand alone; an estate sits in a community, a building in an estate. */
export function placeParentProblem(kind: PlaceKind, parentKind: PlaceKind | null | undefined): string | null {
  if (kind === 'community') return parentKind ? '社区是最上层的地点，不需要上级' : null;
  if (!parentKind) return `请选择${placeKinds[kind]}所属的上级`;
  const allowed = placeChildKind[parentKind];
  return allowed === kind ? null : `${placeKinds[parentKind]}下面只能添加${placeKinds[allowed ?? 'building']}`;
}

/** How many days ahead the home page and the dashboard name a probation year ending (即将期满). */
export const PROBATION_NOTICE_DAYS = 30;
