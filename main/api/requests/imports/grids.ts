import { getGrid, insertGrid, listGrids, updateGrid, type GridFields } from '../../../../db/requests/grids';
import { DomainError } from '../../common/errors';
import { maskPhone } from '../../common/identifiers';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { valueText, wordKey } from '../../import/values';
import { checkGrid } from '../handlers/grids';
import { GridInput } from '../schemas';
import { BuildingNames, type BuildingAt } from './buildings';

/**
 * 网格划分: one row per building — its community, grid, estate and building, the grid's 网格员. The building is
 * found in the places register by BuildingNames (the estate's guesses are the clerk's to judge). A grid the community
 * lacks is created with the row's worker; a building joins its grid through the handlers' own check, so one already in
 * another grid is refused on its row (GRID_BUILDING_TAKEN), never moved. Existing grids keep their worker.
 */

const fields = [
  { key: 'community', label: '社区', synonyms: ['所属社区', '所在社区', '社区名称'], kind: 'text', hint: '只有一个社区时可以不填' },
  { key: 'grid', label: '网格名称', synonyms: ['网格', '所属网格', '网格名', '网格编号'], required: true, kind: 'text' },
  { key: 'estate', label: '小区名称', synonyms: ['小区', '小区（院落）', '院落', '所在小区'], required: true, kind: 'text', hint: '与地点登记中的名称一致' },
  { key: 'building', label: '楼栋', synonyms: ['楼号', '楼栋号', '楼栋名称', '楼宇'], required: true, kind: 'text' },
  { key: 'workerName', label: '网格员', synonyms: ['网格员姓名', '专职网格员', '网格长'], kind: 'personName', hint: '新建网格时必填；已有网格的网格员不改' },
  { key: 'workerPhone', label: '网格员电话', synonyms: ['网格员联系电话', '联系电话', '电话'], kind: 'phone' },
] as const satisfies readonly ImportField[];

/** The grid form's refusals name its buildings' field (buildingIds); in the import they stand beside the 楼栋 cell. */
function checkBesideBuilding(check: () => void) {
  try {
    check();
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    throw new DomainError(err.code, err.message, err.reason, err.fields?.map((f) => ({ ...f, path: f.path === 'buildingIds' ? 'building' : f.path })));
  }
}

interface GridAssignment extends BuildingAt {
  /** The grid as it will be: stored (id) or new (id null until the commit inserts it). */
  grid: PlannedGrid;
}

interface PlannedGrid {
  id: string | null;
  fields: GridFields;
  /** Buildings it has in the database (a row naming one of them changes nothing). */
  stored: ReadonlySet<string>;
  /** Created by this import (audited by the import's entry, not building by building). */
  isNew: boolean;
}

function start(run: RunContext, rows: readonly RowValues[]) {
  const { db, operator } = run;
  const names = new BuildingNames(run, rows);
  const grids = new Map<string, PlannedGrid>();
  const gridKey = (communityId: string, name: string) => `${communityId}|${wordKey(name)}`;
  for (const g of listGrids(db, null)) {
    const { id, communityId, name, workerName, workerPhone, orgId, note, buildings } = g;
    const buildingIds = buildings.map((b) => b.id);
    grids.set(gridKey(communityId, name), { id, fields: { communityId, name, workerName, workerPhone, orgId, note, buildingIds }, stored: new Set(buildingIds), isNew: false });
  }

  function grid(communityId: string, v: RowValues, problems: RowProblems): PlannedGrid | null {
    const name = valueText(v.grid)!;
    const known = grids.get(gridKey(communityId, name));
    if (known) return known;
    // A new grid: the row's worker, checked as the grid form checks it.
    const parsed = GridInput.safeParse({ communityId, name, workerName: v.workerName ?? '', workerPhone: v.workerPhone, orgId: null, note: null, buildingIds: [] });
    if (!parsed.success) {
      problems.addZod(parsed.error, { name: 'grid' });
      return null;
    }
    const planned: PlannedGrid = { id: null, fields: parsed.data, stored: new Set(), isNew: true };
    grids.set(gridKey(communityId, name), planned);
    return planned;
  }

  return {
    toRecord(v: RowValues, problems: RowProblems): GridAssignment | null {
      if (!valueText(v.grid)) problems.add('grid', '请填写网格名称');
      const at = names.resolve(v, problems);
      const g = at && !problems.count ? grid(at.estate.parentId!, v, problems) : null;
      if (!at || !g) return null;
      if (!g.isNew && v.workerName && wordKey(String(v.workerName)) !== wordKey(g.fields.workerName)) {
        problems.warn('workerName', `“${g.fields.name}”已登记网格员${g.fields.workerName}，不按本行修改`);
      }
      return { ...at, grid: g };
    },
    keyOf: (r: GridAssignment) => r.building.id,
    existingId: (r: GridAssignment) => (r.grid.stored.has(r.building.id) ? r.grid.id : null),
    save(r: GridAssignment, existingId: string | null) {
      if (existingId) return 'unchanged';
      const g = r.grid;
      const after: GridFields = { ...g.fields, buildingIds: [...g.fields.buildingIds, r.building.id] };
      checkBesideBuilding(() => checkGrid(db, after, g.id)); // GRID_BUILDING_TAKEN and the community's buildings, as the form is refused
      if (run.write) {
        const before = g.isNew ? undefined : getGrid(db, g.id!);
        if (g.id) updateGrid(db, g.id, after, operator);
        else g.id = insertGrid(db, after, operator);
        // A new grid is audited by the import's entry; a building added to a stored one, one by one.
        if (before) run.audit({ action: 'import_update', entity: 'grid', entityId: g.id, before, after: { ...getGrid(db, g.id), importId: run.importId } });
      }
      g.fields = after;
    },
    preview: (r: GridAssignment) => ({
      community: names.communityName(r),
      grid: !r.grid.isNew ? r.grid.fields.name : `${r.grid.fields.name}（新建）`,
      estate: r.estate.name,
      building: r.building.name,
      workerName: r.grid.fields.workerName,
      workerPhone: r.grid.fields.workerPhone ? maskPhone(r.grid.fields.workerPhone) : '',
    }),
    extras: () => [...grids.values()].filter((g) => g.isNew && g.fields.buildingIds.length).map((g) => `新建网格“${g.fields.name}”`),
    questions: () => names.estates.questions.list(),
    targets: names.estates.targets,
  };
}

export const gridsRegister = defineRegister<GridAssignment>({
  key: 'requests.grids',
  title: '网格划分',
  description: '每行一栋楼：所属社区、网格、小区、楼栋和网格员；没有的网格新建，已在别的网格中的楼栋逐行报出，不调整',
  fields,
  keyFields: ['building'],
  titleFields: ['grid', 'estate', 'building'],
  start,
});
