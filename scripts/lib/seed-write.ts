import type { Db } from '../../db/open';
import { addMemberEvent, insertMember, replaceServedHouseholds, setLifecycle } from '../../db/party/members';
import { insertOrg } from '../../db/party/orgs';
import { insertPlace } from '../../db/party/places';
import { chineseName } from './people';
import { addDays, dateIn, int, type CommunityPlan, type PlannedMember, type Rand } from './seed-plan';

/**
 * Writes the planned tree and register through the db repositories (the same inserts the API handlers use,
 * without the per-request validation and audit, which would make a 100k-member seed take minutes).
 */

const place = (kind: 'community' | 'estate' | 'building', parentId: string | null, name: string) => ({
  kind,
  parentId,
  name,
  code: null as string | null,
  unitCount: null as number | null,
  households: null as number | null,
  note: null,
});

export function writeTree(db: Db, r: Rand, tree: CommunityPlan[], root: { id: string; path: string }, operator: string) {
  for (const c of tree) {
    const households = c.estates.reduce((s, e) => s + e.households, 0);
    c.id = insertPlace(db, { ...place('community', null, c.name), code: c.code, households }, operator);
    const kind = c.estates.length >= 5 ? '社区党委' : '社区党总支';
    c.orgId = insertOrg(db, {
      parentId: root.id, level: 'community_committee', kind, name: `${c.name}${kind.slice(2)}`, placeId: c.id,
      establishedOn: dateIn(r, '1998-01-01', '2010-12-31'),
    }, root.path, operator);
    c.orgPath = `${root.path}${c.orgId}/`;
    for (const e of c.estates) {
      e.id = insertPlace(db, { ...place('estate', c.id, e.name), households: e.households }, operator);
      e.branchId = insertOrg(db, {
        parentId: c.orgId, level: 'branch', kind: '小区党支部', name: `${e.name}党支部`, placeId: e.id,
        establishedOn: dateIn(r, '2008-01-01', '2018-12-31'),
      }, c.orgPath, operator);
      e.branchPath = `${c.orgPath}${e.branchId}/`;
      for (const b of e.buildings) {
        b.id = insertPlace(db, { ...place('building', e.id, b.name), unitCount: b.units, households: b.households }, operator);
        if (!b.hasGroup) continue;
        b.groupId = insertOrg(db, {
          parentId: e.branchId, level: 'group', kind: '楼栋党小组', name: `${e.name}${b.name}党小组`, placeId: b.id,
          establishedOn: dateIn(r, '2015-01-01', '2022-12-31'),
        }, e.branchPath, operator);
      }
    }
  }
}

export interface MemberCounts {
  events: number;
  servedHouseholds: number;
}

/** Members with their history (joined or transferred in, became full, left) and centre households' served homes. */
export function writeMembers(db: Db, r: Rand, tree: CommunityPlan[], today: string, operator: string): MemberCounts {
  const counts: MemberCounts = { events: 0, servedHouseholds: 0 };
  const event = (m: PlannedMember, kind: string, on: string, detail: Record<string, unknown>) => {
    addMemberEvent(db, m.id, kind, on, detail, operator);
    counts.events++;
  };
  for (const c of tree) {
    for (const e of c.estates) {
      for (const b of e.buildings) {
        for (const m of b.members) {
          m.orgId = m.inBranch || !b.groupId ? e.branchId : b.groupId;
          m.id = insertMember(db, { ...m, orgId: m.orgId, buildingId: b.id }, operator, m.transferIn ?? undefined);
          if (m.transferIn) event(m, 'transfer_in', m.transferIn.on, { from: m.transferIn.from, orgId: m.orgId });
          else event(m, 'created', m.joinedOn, { orgId: m.orgId });
          if (m.fullOn && m.fullOn >= addDays(today, -730)) event(m, 'became_full', m.fullOn, {});
          if (m.lifecycle !== 'active') {
            setLifecycle(db, m.id, { lifecycle: m.lifecycle, leftOn: m.leftOn, leftTo: m.leftTo }, operator);
            if (m.lifecycle === 'deceased') event(m, 'deceased', m.leftOn!, { note: null });
            else event(m, 'transfer_out', m.leftOn!, { to: m.leftTo, note: null, orgName: `${e.name}党支部` });
          }
          if (m.isCentreHousehold) {
            // A centre household looks after the neighbours in its own building.
            const served = Array.from({ length: int(r, 3, 8) }, (_, i) => ({
              household: `${b.name}${int(r, 1, b.units)}单元${int(r, 1, 6)}0${(i % 2) + 1}`,
              headName: chineseName(r),
              note: null,
            }));
            replaceServedHouseholds(db, m.id, served, operator);
            counts.servedHouseholds += served.length;
          }
        }
      }
    }
  }
  return counts;
}
