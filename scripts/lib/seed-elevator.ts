import { insertElevator, setNextInspection } from '../../db/elevator/elevators';
import { insertFault, type FaultCause } from '../../db/elevator/faults';
import { insertMaintenance, type MaintenanceKind } from '../../db/elevator/maintenance';
import type { Db } from '../../db/open';
import { chineseName, pick } from './people';
import { addDays, dateIn, int, type CommunityPlan, type Rand } from './seed-plan';

/**
 * The elevator register's generated data (issue 11): the taller buildings (almost one in two) have one elevator a
 * unit — ≈5,000 at district scale — each with five years of signed-off records: yearly periodic inspections (which
 * set the next inspection date), yearly self-inspections, the quarterly, half-yearly and yearly levels for two years
 * and half-monthly routine for the last half year. One elevator in twelve has fallen behind (its routine stopped
 * weeks ago), a few recent records await the safety manager's sign-off, and some elevators had an entrapment.
 */

const MAKES: [string, string][] = [['奥的斯', 'GeN2'], ['三菱', 'LEHY-III'], ['日立', 'HGP'], ['通力', 'MonoSpace'], ['迅达', '3300'], ['康力', 'KLK2']];
const MAINTAINERS = ['冀安电梯工程有限公司', '华北电梯维保有限公司', '石城电梯服务有限公司', '恒升电梯安装维修有限公司'];
const CAUSES: FaultCause[] = ['door', 'door', 'door', 'human', 'power', 'control_circuit', 'other'];

export interface ElevatorSeed {
  /** Each building's elevators with their monthly contract price (fen), by estate: what the fund pays for. */
  buildings: Map<string, { ids: string[]; priceFen: number }[]>;
  counts: { elevators: number; maintenance: number; faults: number };
}

export function writeElevators(db: Db, r: Rand, tree: CommunityPlan[], today: string, operator: string): ElevatorSeed {
  const seed: ElevatorSeed = { buildings: new Map(), counts: { elevators: 0, maintenance: 0, faults: 0 } };
  let seq = 0;
  for (const e of tree.flatMap((c) => c.estates)) {
    const list: { ids: string[]; priceFen: number }[] = [];
    for (const b of e.buildings) {
      if (r() >= 0.45) continue;
      const installedOn = dateIn(r, '2005-01-01', '2020-12-31');
      const [make, model] = pick(r, MAKES);
      const maintainer = pick(r, MAINTAINERS);
      const priceFen = int(r, 25, 45) * 1000;
      const ids: string[] = [];
      for (let unit = 1; unit <= b.units; unit++) {
        seq++;
        const regCode = `3110130104${installedOn.slice(0, 4)}${installedOn.slice(5, 7)}${String(seq % 10_000).padStart(4, '0')}`;
        const id = insertElevator(db, {
          estateId: e.id, buildingId: b.id, unitNo: unit, carLabel: null, regCode, deviceCode: null, useCertNo: null,
          rescuePhone: '96333', make, model, type: 'passenger', floors: int(r, 11, 33), speed: pick(r, [100, 150, 175, 250]), installedOn,
          maintainer, maintainerPhone: null, contractPrice: priceFen, contractStartsOn: addDays(today, -int(r, 100, 700)), contractEndsOn: addDays(today, int(r, 30, 700)),
          status: 'in_service', nextInspectionOn: null, intervalDays: 15, note: null,
        }, operator);
        ids.push(id);
        seed.counts.elevators++;
        seed.counts.maintenance += writeRecords(db, r, id, maintainer, installedOn, today, operator);
        if (r() < 0.05) {
          writeEntrapment(db, r, id, today, operator);
          seed.counts.faults++;
        }
      }
      list.push({ ids, priceFen });
    }
    seed.buildings.set(e.id, list);
  }
  return seed;
}

function writeRecords(db: Db, r: Rand, elevatorId: string, company: string, installedOn: string, today: string, operator: string): number {
  const safetyManager = chineseName(r);
  const workers = [chineseName(r), chineseName(r)];
  let n = 0;
  const record = (doneOn: string, kind: MaintenanceKind, extra: { result?: 'pass' | 'pass_after_fix'; nextInspectionOn?: string } = {}) => {
    if (doneOn < installedOn || doneOn > today) return;
    // One in ten of the last fortnight's records still waits for the safety manager's signature.
    const signed = doneOn < addDays(today, -14) || r() < 0.9;
    insertMaintenance(db, {
      elevatorId, doneOn, kind, result: extra.result ?? null, nextInspectionOn: extra.nextInspectionOn ?? null, company,
      worker1: workers[0]!, worker2: workers[1]!, items: [], findings: r() < 0.1 ? '门刀与门球间隙偏大，已调整' : null, partsReplaced: r() < 0.03 ? '层门滑块' : null,
      signedBy: signed ? safetyManager : null, signedOn: signed ? doneOn : null,
    }, operator);
    n++;
  };
  const inspectionDay = int(r, 20, 360);
  for (let year = 5; year >= 1; year--) {
    const on = addDays(today, -(year - 1) * 365 - inspectionDay);
    record(on, 'periodic_inspection', { result: r() < 0.9 ? 'pass' : 'pass_after_fix', nextInspectionOn: addDays(on, 365) });
    // The newest certificate's date is the elevator's, as the maintenance handler sets it.
    if (year === 1 && on >= installedOn) setNextInspection(db, elevatorId, addDays(on, 365), operator);
    if (year <= 3) record(addDays(on, -int(r, 20, 60)), 'self_inspection');
  }
  for (let q = 8; q >= 1; q--) {
    const on = addDays(today, -q * 91 + int(r, 0, 10));
    record(on, q % 4 === 0 ? 'yearly' : q % 2 === 0 ? 'half_yearly' : 'quarterly');
  }
  // Half-monthly routine for half a year; one elevator in twelve stopped getting it some weeks ago.
  const stoppedDaysAgo = r() < 0.08 ? int(r, 20, 60) : 0;
  for (let d = 180; d > stoppedDaysAgo; d -= int(r, 12, 15)) record(addDays(today, -d), 'half_monthly');
  return n;
}

const wall = (day: string, minutes: number) => `${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

function writeEntrapment(db: Db, r: Rand, elevatorId: string, today: string, operator: string): void {
  const day = addDays(today, -int(r, 3, 700));
  const alarm = int(r, 7 * 60, 21 * 60);
  const arrived = alarm + int(r, 8, 45);
  const people = int(r, 1, 4);
  insertFault(db, {
    elevatorId, alarmAt: wall(day, alarm), arrivedAt: wall(day, arrived), releasedAt: wall(day, arrived + int(r, 3, 20)),
    peopleTrapped: people, cause: pick(r, CAUSES), rescuer: pick(r, MAINTAINERS), note: null,
  }, operator);
}
