import {
  deleteElevator,
  elevatorRecordCounts,
  findElevatorByRegCode,
  getElevator,
  insertElevator,
  listElevators,
  updateElevator,
  type ElevatorFields,
  type ElevatorRow,
} from '../../../../db/elevator/elevators';
import { getPlace } from '../../../../db/party/places';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { ElevatorView, elevatorContract } from '../contract';
import { elevatorWarningsOn, inspectionWindowEnd, regCodeWarnings, type ElevatorSettings } from '../rules';
import { elevatorSettings } from './settings';

type C = typeof elevatorContract;

export const viewOf = (row: ElevatorRow, today: string, settings: ElevatorSettings): ElevatorView => ({
  ...row,
  warnings: elevatorWarningsOn(row, today, settings),
  regCodeWarnings: regCodeWarnings(row.regCode, today),
});

export function elevatorView(db: Db, id: string, today: string): ElevatorView {
  const row = getElevator(db, id);
  if (!row) throw notFound('电梯');
  return viewOf(row, today, elevatorSettings(db));
}

/** The estate is an estate of the places register and the building one of its buildings; the code is not taken. */
export function checkElevator(db: Db, f: ElevatorFields, selfId: string | null) {
  if (getPlace(db, f.estateId)?.kind !== 'estate') throw fieldError('estateId', '请选择小区（小区在“组织与地点”中登记）');
  const building = getPlace(db, f.buildingId);
  if (building?.kind !== 'building' || building.parentId !== f.estateId) throw fieldError('buildingId', '请选择这个小区的楼栋');
  const same = findElevatorByRegCode(db, f.regCode);
  if (same && same.id !== selfId) {
    const other = getElevator(db, same.id)!;
    throw fieldError('regCode', `这个注册代码已登记为${other.estateName}${other.buildingName}${other.carLabel ?? ''}的电梯`);
  }
}

export const elevatorHandlers: Pick<
  Handlers<C>,
  'elevator.listElevators' | 'elevator.getElevator' | 'elevator.createElevator' | 'elevator.updateElevator' | 'elevator.deleteElevator'
> = {
  'elevator.listElevators': ({ warning, ...f }, { db, today }) => {
    const settings = elevatorSettings(db);
    const page = listElevators(db, {
      ...f,
      warning: warning === 'maintenance_overdue' ? { kind: warning, today }
        : warning === 'inspection_due' ? { kind: warning, inspectionBy: inspectionWindowEnd(today, settings) } : null,
    });
    return { rows: page.rows.map((r) => viewOf(r, today, settings)), total: page.total };
  },

  'elevator.getElevator': ({ id }, { db, today }) => elevatorView(db, id, today),

  'elevator.createElevator': (input, { db, operator, today, audit }) => {
    checkElevator(db, input, null);
    const id = insertElevator(db, input, operator);
    const after = elevatorView(db, id, today);
    audit({ action: 'create', entity: 'elevator', entityId: id, after: getElevator(db, id) });
    return after;
  },

  'elevator.updateElevator': ({ id, ...fields }, { db, operator, today, audit }) => {
    const before = getElevator(db, id);
    if (!before) throw notFound('电梯');
    checkElevator(db, fields, id);
    updateElevator(db, id, fields, operator);
    audit({ action: 'update', entity: 'elevator', entityId: id, before, after: getElevator(db, id) });
    return elevatorView(db, id, today);
  },

  /** Only an elevator entered by mistake: one with records keeps its history (set it 报废 instead). */
  'elevator.deleteElevator': ({ id }, { db, audit }) => {
    const before = getElevator(db, id);
    if (!before) throw notFound('电梯');
    const n = elevatorRecordCounts(db, id);
    if (n.maintenance + n.faults > 0) {
      throw new DomainError('CONFLICT', `这部电梯有 ${n.maintenance} 条维保记录、${n.faults} 条故障记录，不能删除；不再使用请改为“报废”`, 'ELEVATOR_HAS_RECORDS');
    }
    deleteElevator(db, id);
    audit({ action: 'delete', entity: 'elevator', entityId: id, before });
    return null;
  },
};
