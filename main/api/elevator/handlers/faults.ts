import { getElevator } from '../../../../db/elevator/elevators';
import { deleteFault, getFault, insertFault, listFaults, updateFault, type FaultFields, type FaultRow } from '../../../../db/elevator/faults';
import type { Db } from '../../../../db/open';
import { getInstallation } from '../../../../db/settings';
import { calendarDay, DEFAULT_TIME_ZONE, wallTime } from '../../common/calendar';
import { fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { FaultView, elevatorContract } from '../contract';
import { rescueLimitMinutes } from '../rules';
import { elevatorSettings } from './settings';

type C = typeof elevatorContract;

export const faultView = (row: FaultRow, limitMinutes: number): FaultView => ({ ...row, limitMinutes, slow: row.peopleTrapped > 0 && row.responseMinutes > limitMinutes });

function view(db: Db, id: string): FaultView {
  const row = getFault(db, id);
  if (!row) throw notFound('故障记录');
  return faultView(row, rescueLimitMinutes(elevatorSettings(db)));
}

/** The request's instant as a wall time of the installation (YYYY-MM-DD HH:MM), the form fault times are in. */
function wallNow(db: Db, now: string): string {
  const zone = getInstallation(db)?.timeZone ?? DEFAULT_TIME_ZONE;
  const ms = Date.parse(now);
  return `${calendarDay(ms, zone)} ${wallTime(ms, zone).slice(0, 5)}`;
}

/** The elevator exists and no time is later than now (the schema has held them in order and to today). */
function checkFault(db: Db, f: FaultFields, now: string) {
  if (!getElevator(db, f.elevatorId)) throw notFound('电梯');
  const at = wallNow(db, now);
  for (const [path, label, value] of [['alarmAt', '报警', f.alarmAt], ['arrivedAt', '到达', f.arrivedAt], ['releasedAt', '解困', f.releasedAt]] as const) {
    if (value && value > at) throw fieldError(path, `${label}时间不能晚于现在（${at}）`);
  }
}

export const faultHandlers: Pick<Handlers<C>, 'elevator.listFaults' | 'elevator.createFault' | 'elevator.updateFault' | 'elevator.deleteFault'> = {
  'elevator.listFaults': ({ slowOnly, ...f }, { db }) => {
    const limit = rescueLimitMinutes(elevatorSettings(db));
    const page = listFaults(db, { ...f, slowerThan: slowOnly ? limit : null });
    return { rows: page.rows.map((r) => faultView(r, limit)), total: page.total };
  },

  'elevator.createFault': (input, { db, now, operator, audit }) => {
    checkFault(db, input, now);
    const id = insertFault(db, input, operator);
    const after = view(db, id);
    audit({ action: 'create', entity: 'elevator_fault', entityId: id, after: getFault(db, id) });
    return after;
  },

  'elevator.updateFault': ({ id, ...fields }, { db, now, operator, audit }) => {
    const before = getFault(db, id);
    if (!before) throw notFound('故障记录');
    checkFault(db, fields, now);
    updateFault(db, id, fields, operator);
    audit({ action: 'update', entity: 'elevator_fault', entityId: id, before, after: getFault(db, id) });
    return view(db, id);
  },

  'elevator.deleteFault': ({ id }, { db, audit }) => {
    const before = getFault(db, id);
    if (!before) throw notFound('故障记录');
    deleteFault(db, id);
    audit({ action: 'delete', entity: 'elevator_fault', entityId: id, before });
    return null;
  },
};
