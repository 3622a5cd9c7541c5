import { getElevator, setNextInspection } from '../../../../db/elevator/elevators';
import {
  deleteMaintenance,
  getMaintenance,
  insertMaintenance,
  listMaintenance,
  updateMaintenance,
  type MaintenanceFields,
  type MaintenanceRow,
} from '../../../../db/elevator/maintenance';
import { listStreetItems } from '../../../../db/elevator/checklist-items';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { STREET_CODE } from '../checklist';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { elevatorContract } from '../contract';

type C = typeof elevatorContract;

function elevatorOf(db: Db, id: string) {
  const elevator = getElevator(db, id);
  if (!elevator) throw notFound('电梯');
  return elevator;
}

/**
 * A signed-off record is what the safety manager vouched for: it is neither changed nor deleted (a correction is a
 * new record). This is the answer to "假维保" — a record that counts cannot be rewritten afterwards.
 */
function unsignedRecord(db: Db, id: string): MaintenanceRow {
  const before = getMaintenance(db, id);
  if (!before) throw notFound('维保记录');
  if (before.signedOn) {
    throw new DomainError('CONFLICT', `这条记录已由安全管理员${before.signedBy}于 ${before.signedOn} 签认，不能修改或删除；如有错误请另补一条记录说明`, 'MAINTENANCE_SIGNED');
  }
  return before;
}

/**
 * The street's items a record ticks (A3-xx, A4-xx) must be in its table (设置 → 电梯维保项目), and not retired unless
 * the record had them already (`kept`): the schema checks only their form.
 */
function assertStreetItems(db: Db, items: readonly string[], kept: readonly string[]): void {
  const wanted = items.filter((code) => STREET_CODE.test(code));
  if (wanted.length === 0) return;
  const table = new Map(listStreetItems(db).map((i) => [i.code, i]));
  const missing = wanted.find((code) => !table.has(code));
  if (missing) throw fieldError('items', `维保项目 ${missing} 不在本街道的维保项目表中（设置 → 电梯维保项目）`);
  const retired = wanted.find((code) => table.get(code)!.retired && !kept.includes(code));
  if (retired) throw fieldError('items', `维保项目 ${retired}（${table.get(retired)!.name}）已停用，不能再勾选`);
}

/** A periodic inspection's new certificate moves the elevator's next inspection date forward (never back); the import too. */
export function takeNextInspection(f: MaintenanceFields, { db, operator, audit }: Pick<Ctx, 'db' | 'operator' | 'audit'>) {
  const elevator = elevatorOf(db, f.elevatorId);
  if (!f.nextInspectionOn || (elevator.nextInspectionOn && elevator.nextInspectionOn >= f.nextInspectionOn)) return;
  setNextInspection(db, elevator.id, f.nextInspectionOn, operator);
  audit({ action: 'update', entity: 'elevator', entityId: elevator.id, before: { nextInspectionOn: elevator.nextInspectionOn }, after: { nextInspectionOn: f.nextInspectionOn } });
}

export const maintenanceHandlers: Pick<
  Handlers<C>,
  'elevator.listMaintenance' | 'elevator.createMaintenance' | 'elevator.updateMaintenance' | 'elevator.deleteMaintenance'
> = {
  'elevator.listMaintenance': (input, { db }) => {
    elevatorOf(db, input.elevatorId);
    return listMaintenance(db, input);
  },

  'elevator.createMaintenance': (input, ctx) => {
    const { db, operator, audit } = ctx;
    elevatorOf(db, input.elevatorId);
    assertStreetItems(db, input.items, []);
    const id = insertMaintenance(db, input, operator);
    const after = getMaintenance(db, id)!;
    audit({ action: 'create', entity: 'elevator_maintenance', entityId: id, after });
    takeNextInspection(input, ctx);
    return after;
  },

  'elevator.updateMaintenance': ({ id, ...fields }, ctx) => {
    const { db, operator, audit } = ctx;
    const before = unsignedRecord(db, id);
    if (fields.elevatorId !== before.elevatorId) elevatorOf(db, fields.elevatorId);
    assertStreetItems(db, fields.items, before.items);
    updateMaintenance(db, id, fields, operator);
    const after = getMaintenance(db, id)!;
    audit({ action: fields.signedOn ? 'sign_off' : 'update', entity: 'elevator_maintenance', entityId: id, before, after });
    takeNextInspection(fields, ctx);
    return after;
  },

  'elevator.deleteMaintenance': ({ id }, { db, audit }) => {
    const before = unsignedRecord(db, id);
    deleteMaintenance(db, id);
    audit({ action: 'delete', entity: 'elevator_maintenance', entityId: id, before });
    return null;
  },
};
