import { getOrg } from '../../../../db/party/orgs';
import { getPlace } from '../../../../db/party/places';
import { deleteGrid, getGrid, gridOfBuilding, gridRequestCount, insertGrid, listGrids, updateGrid, type GridFields, type GridRow } from '../../../../db/requests/grids';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { GridView, requestsContract } from '../contract';
import { gridHouseholdsWarning } from '../rules';
import { requestSettings } from './settings';

type C = typeof requestsContract;

const view = (row: GridRow, target: number): GridView => ({ ...row, householdsWarning: gridHouseholdsWarning(row.households, target) });

function load(db: Db, id: string): GridView {
  const row = getGrid(db, id);
  if (!row) throw notFound('网格');
  return view(row, requestSettings(db).gridHouseholdsTarget);
}

/**
 * The community is a community, the org exists, each building is a building of that community and in no other grid
 * (GRID_BUILDING_TAKEN names the grid that has it); the 网格划分 import checks each row with it. The triggers hold the same facts for any other writer.
 */
export function checkGrid(db: Db, f: GridFields, gridId: string | null) {
  if (getPlace(db, f.communityId)?.kind !== 'community') throw fieldError('communityId', '请选择社区');
  if (f.orgId && !getOrg(db, f.orgId)) throw fieldError('orgId', '所选党组织不存在');
  if (new Set(f.buildingIds).size !== f.buildingIds.length) throw fieldError('buildingIds', '同一栋楼选了两次');
  for (const b of f.buildingIds) {
    const building = getPlace(db, b);
    const estate = building?.parentId ? getPlace(db, building.parentId) : undefined;
    if (building?.kind !== 'building' || estate?.parentId !== f.communityId) throw fieldError('buildingIds', '只能选择本社区的楼栋');
    const taken = gridOfBuilding(db, b);
    if (taken && taken.gridId !== gridId) {
      throw new DomainError('CONFLICT', `${estate.name}${building.name}已在“${taken.gridName}”网格中，一栋楼只能属于一个网格`, 'GRID_BUILDING_TAKEN',
        [{ path: 'buildingIds', message: `${estate.name}${building.name}已在“${taken.gridName}”网格中` }]);
    }
  }
}

export const gridHandlers: Pick<Handlers<C>, 'requests.listGrids' | 'requests.createGrid' | 'requests.updateGrid' | 'requests.deleteGrid'> = {
  'requests.listGrids': ({ communityId }, { db }) => {
    const target = requestSettings(db).gridHouseholdsTarget;
    return listGrids(db, communityId).map((g) => view(g, target));
  },

  'requests.createGrid': (input, { db, operator, audit }) => {
    checkGrid(db, input, null);
    const id = insertGrid(db, input, operator);
    audit({ action: 'create', entity: 'grid', entityId: id, after: getGrid(db, id) });
    return load(db, id);
  },

  'requests.updateGrid': ({ id, ...fields }, { db, operator, audit }) => {
    const before = getGrid(db, id);
    if (!before) throw notFound('网格');
    checkGrid(db, fields, id);
    updateGrid(db, id, fields, operator);
    audit({ action: 'update', entity: 'grid', entityId: id, before, after: getGrid(db, id) });
    return load(db, id);
  },

  'requests.deleteGrid': ({ id }, { db, audit }) => {
    const before = getGrid(db, id);
    if (!before) throw notFound('网格');
    const used = gridRequestCount(db, id);
    if (used > 0) throw new DomainError('CONFLICT', `“${before.name}”网格有 ${used} 件诉求记录，不能删除`, 'GRID_HAS_REQUESTS');
    deleteGrid(db, id);
    audit({ action: 'delete', entity: 'grid', entityId: id, before });
    return null;
  },
};
