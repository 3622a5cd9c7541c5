import type { Db } from '../open';
import { newId } from '../ids';
import { nowIso } from '../moment';
import { newStamps } from '../stamps';
import type { BuildingCard, StewardBuilding, StewardFields, StewardRow } from './types';
export type { BuildingCard, StewardBuilding, StewardFields, StewardRow } from './types';

type Head = Omit<StewardRow, 'buildings' | 'phonePublic' | 'active'> & { phonePublic: number; active: number };

const SELECT = `
  SELECT s.id, s.member_id AS memberId, m.name, o.name AS orgName, m.phone, s.duty, s.phone_public AS phonePublic,
         m.lifecycle = 'active' AS active, s.created_at AS createdAt, s.updated_at AS updatedAt, s.operator
  FROM stewards s JOIN members m ON m.id = s.member_id JOIN orgs o ON o.id = m.org_id`;

const BUILDINGS = `
  SELECT b.id, b.name, e.name AS estateName, c.id AS communityId, c.name AS communityName
  FROM steward_buildings sb JOIN places b ON b.id = sb.building_id JOIN places e ON e.id = b.parent_id JOIN places c ON c.id = e.parent_id`;

function withBuildings(db: Db, h: Head): StewardRow {
  const buildings = db.prepare(`${BUILDINGS} WHERE sb.steward_id = ? ORDER BY e.name, b.name`).all(h.id) as StewardBuilding[];
  return { ...h, phonePublic: h.phonePublic === 1, active: h.active === 1, buildings };
}

export function getSteward(db: Db, id: string): StewardRow | undefined {
  const h = db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Head | undefined;
  return h && withBuildings(db, h);
}

export const stewardOfMember = (db: Db, memberId: string): string | undefined =>
  (db.prepare('SELECT id FROM stewards WHERE member_id = ?').get(memberId) as { id: string } | undefined)?.id;

/** The stewards of a community's buildings (or the street's), by name; a street has hundreds to a thousand. */
export function listStewards(db: Db, communityId: string | null): StewardRow[] {
  const heads = (communityId
    ? db.prepare(`${SELECT} WHERE s.id IN (SELECT sb.steward_id FROM steward_buildings sb JOIN places b ON b.id = sb.building_id
        JOIN places e ON e.id = b.parent_id WHERE e.parent_id = ?) ORDER BY m.name_pinyin, s.id`).all(communityId)
    : db.prepare(`${SELECT} ORDER BY m.name_pinyin, s.id`).all()) as Head[];
  return heads.map((h) => withBuildings(db, h));
}

function putBuildings(db: Db, stewardId: string, buildingIds: readonly string[]) {
  db.prepare('DELETE FROM steward_buildings WHERE steward_id = ?').run(stewardId);
  const insert = db.prepare('INSERT INTO steward_buildings (steward_id, building_id) VALUES (?, ?)');
  for (const b of buildingIds) insert.run(stewardId, b);
}

export function insertSteward(db: Db, f: StewardFields, operator: string): string {
  const id = newId();
  const s = newStamps(operator);
  db.prepare(`INSERT INTO stewards (id, member_id, duty, phone_public, created_at, updated_at, operator) VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .run(id, f.memberId, f.duty, f.phonePublic ? 1 : 0, s.created_at, s.updated_at, operator);
  putBuildings(db, id, f.buildingIds);
  return id;
}

export function updateSteward(db: Db, id: string, f: StewardFields, operator: string): void {
  db.prepare('UPDATE stewards SET member_id = ?, duty = ?, phone_public = ?, updated_at = ?, operator = ? WHERE id = ?')
    .run(f.memberId, f.duty, f.phonePublic ? 1 : 0, nowIso(), operator, id);
  putBuildings(db, id, f.buildingIds);
}

export function deleteSteward(db: Db, id: string): void {
  db.prepare('DELETE FROM stewards WHERE id = ?').run(id);
}

type CardHead = Omit<BuildingCard, 'stewards'>;

/**
 * The cards of the given buildings, in the order of estate and building: each with its grid (if any), the grid's
 * worker and party organisation, and the stewards still in the register who look after it (through
 * steward_buildings_building).
 */
export function buildingCards(db: Db, buildingIds: readonly string[]): BuildingCard[] {
  const heads = db.prepare(`
    SELECT b.id AS buildingId, b.name AS buildingName, e.name AS estateName, c.name AS communityName, g.name AS gridName,
           g.worker_name AS workerName, g.worker_phone AS workerPhone, o.name AS gridOrgName
    FROM places b JOIN places e ON e.id = b.parent_id JOIN places c ON c.id = e.parent_id
    LEFT JOIN grid_buildings gb ON gb.building_id = b.id LEFT JOIN grids g ON g.id = gb.grid_id LEFT JOIN orgs o ON o.id = g.org_id
    WHERE b.id IN (SELECT value FROM json_each(?)) AND b.kind = 'building'
    ORDER BY c.name, e.name, b.name`).all(JSON.stringify(buildingIds)) as CardHead[];
  const stewards = db.prepare(`
    SELECT m.name, o.name AS orgName, s.duty, m.phone, s.phone_public AS phonePublic
    FROM steward_buildings sb JOIN stewards s ON s.id = sb.steward_id JOIN members m ON m.id = s.member_id JOIN orgs o ON o.id = m.org_id
    WHERE sb.building_id = ? AND m.lifecycle = 'active' ORDER BY m.name_pinyin, s.id`);
  return heads.map((h) => ({
    ...h,
    stewards: (stewards.all(h.buildingId) as (Omit<BuildingCard['stewards'][number], 'phonePublic'> & { phonePublic: number })[])
      .map((s) => ({ ...s, phonePublic: s.phonePublic === 1 })),
  }));
}
