import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { GridBuilding, GridFields, GridRow } from './types';
export type { GridBuilding, GridFields, GridRow } from './types';

type Head = Omit<GridRow, 'buildings' | 'households' | 'buildingsWithoutHouseholds'>;

const SELECT = `
  SELECT g.id, g.community_id AS communityId, c.name AS communityName, g.name, g.worker_name AS workerName,
         g.worker_phone AS workerPhone, g.org_id AS orgId, o.name AS orgName, g.note,
         g.created_at AS createdAt, g.updated_at AS updatedAt, g.operator
  FROM grids g JOIN places c ON c.id = g.community_id LEFT JOIN orgs o ON o.id = g.org_id`;

function withBuildings(db: Db, head: Head): GridRow {
  const buildings = db.prepare(`
    SELECT b.id, b.name, e.name AS estateName, b.households
    FROM grid_buildings gb JOIN places b ON b.id = gb.building_id JOIN places e ON e.id = b.parent_id
    WHERE gb.grid_id = ? ORDER BY e.name, b.name`).all(head.id) as GridBuilding[];
  return {
    ...head,
    buildings,
    households: buildings.reduce((n, b) => n + (b.households ?? 0), 0),
    buildingsWithoutHouseholds: buildings.filter((b) => b.households === null).length,
  };
}

export function getGrid(db: Db, id: string): GridRow | undefined {
  const head = db.prepare(`${SELECT} WHERE g.id = ?`).get(id) as Head | undefined;
  return head && withBuildings(db, head);
}

/** A community's grids, or the street's, by community and name (a street has tens to a few hundred). */
export function listGrids(db: Db, communityId: string | null): GridRow[] {
  const heads = (communityId
    ? db.prepare(`${SELECT} WHERE g.community_id = ? ORDER BY c.name, g.name`).all(communityId)
    : db.prepare(`${SELECT} ORDER BY c.name, g.name`).all()) as Head[];
  return heads.map((h) => withBuildings(db, h));
}

/** The grid a building is in, if any (a building is in at most one). */
export function gridOfBuilding(db: Db, buildingId: string): { gridId: string; gridName: string } | undefined {
  return db.prepare(`SELECT g.id AS gridId, g.name AS gridName FROM grid_buildings gb JOIN grids g ON g.id = gb.grid_id
    WHERE gb.building_id = ?`).get(buildingId) as { gridId: string; gridName: string } | undefined;
}

function putBuildings(db: Db, gridId: string, buildingIds: readonly string[]) {
  db.prepare('DELETE FROM grid_buildings WHERE grid_id = ?').run(gridId);
  const insert = db.prepare('INSERT INTO grid_buildings (building_id, grid_id) VALUES (?, ?)');
  for (const b of buildingIds) insert.run(b, gridId);
}

export function insertGrid(db: Db, f: GridFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(`INSERT INTO grids (id, community_id, name, worker_name, worker_phone, org_id, note, created_at, updated_at, operator)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, f.communityId, f.name, f.workerName, f.workerPhone, f.orgId, f.note, s.created_at, s.updated_at, operator);
  putBuildings(db, id, f.buildingIds);
  return id;
}

export function updateGrid(db: Db, id: string, f: GridFields, operator: string): void {
  db.prepare(`UPDATE grids SET community_id = ?, name = ?, worker_name = ?, worker_phone = ?, org_id = ?, note = ?,
    updated_at = ?, operator = ? WHERE id = ?`).run(f.communityId, f.name, f.workerName, f.workerPhone, f.orgId, f.note, nowIso(), operator, id);
  putBuildings(db, id, f.buildingIds);
}

export function deleteGrid(db: Db, id: string): void {
  db.prepare('DELETE FROM grids WHERE id = ?').run(id);
}

export const gridRequestCount = (db: Db, id: string): number =>
  (db.prepare('SELECT COUNT(*) AS n FROM requests WHERE grid_id = ?').get(id) as { n: number }).n;
