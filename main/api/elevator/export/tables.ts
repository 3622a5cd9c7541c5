import { z } from 'zod';
import {
  exportElevators,
  exportFaults,
  exportMaintenance,
  type ElevatorExport,
  type FaultExport,
  type MaintenanceExport,
} from '../../../../db/elevator/export';
import { count, day, fen, maybe, placed, stamp, text } from '../../../export/record-fields';
import type { PackageTable } from '../../../export/types';
import { id, keysOf } from '../../common/fields';
import { communityOf } from '../../property/export/tables';
import { elevatorStatuses, elevatorTypes, faultCauses, inspectionResults, maintenanceKinds } from '../labels';

/**
 * The elevator register's package tables. Elevators are a register (all of them, with the dates their warnings
 * come from as at the period's end); maintenance records travel for the month, faults for the year so far (the
 * year's entrapments are a figure). Places by name: the street has no places of the community's.
 */

const wallTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/, '时间应为 YYYY-MM-DD HH:MM');
const yearFrom = (p: { year: number }) => `${p.year}-01-01`;

export const elevatorsTable: PackageTable<ElevatorExport> = {
  name: 'elevator.elevators',
  title: '电梯',
  schema: z.object({
    id,
    estateId: id,
    ...placed,
    buildingName: text(100),
    unitNo: maybe(z.number().int().min(1).max(99)),
    carLabel: maybe(text(40)),
    regCode: text(40).min(1),
    deviceCode: maybe(text(60)),
    useCertNo: maybe(text(60)),
    rescuePhone: maybe(text(40)),
    make: maybe(text(100)),
    model: maybe(text(100)),
    type: z.enum(keysOf(elevatorTypes)),
    floors: maybe(z.number().int().min(2).max(200)),
    speed: maybe(z.number().int().min(1).max(2000)),
    installedOn: maybe(day),
    maintainer: maybe(text(200)),
    contractPrice: maybe(fen.min(0)),
    contractStartsOn: maybe(day),
    contractEndsOn: maybe(day),
    status: z.enum(keysOf(elevatorStatuses)),
    intervalDays: z.number().int().min(1).max(90),
    nextInspectionOn: maybe(day),
    lastRoutineOn: maybe(day),
    routineDueOn: maybe(day),
    lastSelfInspectionOn: maybe(day),
    lastInspectionOn: maybe(day),
    updatedAt: stamp,
  }),
  fields: {
    estateId: '小区', estateName: '小区名称', community: '所属社区', buildingName: '楼栋', unitNo: '单元', carLabel: '梯号',
    regCode: '注册代码', deviceCode: '设备代码', useCertNo: '使用登记证编号', rescuePhone: '救援电话', make: '制造单位', model: '型号',
    type: '类型', floors: '层站数', speed: '额定速度（厘米/秒）', installedOn: '安装日期', maintainer: '维保单位',
    contractPrice: '维保费（分/月）', contractStartsOn: '维保合同起始', contractEndsOn: '维保合同截止', status: '状态',
    intervalDays: '维保间隔（天）', nextInspectionOn: '下次检验日期', lastRoutineOn: '最近维保日期', routineDueOn: '下次维保到期',
    lastSelfInspectionOn: '最近自检日期', lastInspectionOn: '最近定期检验日期', updatedAt: '最后修改',
  },
  listFields: ['regCode', 'estateName', 'buildingName', 'status', 'nextInspectionOn'],
  labels: { type: elevatorTypes, status: elevatorStatuses },
  coverage: () => 'all',
  read: (db, scope, p) => exportElevators(db, communityOf(scope), p.to),
};

export const maintenanceTable: PackageTable<MaintenanceExport> = {
  name: 'elevator.maintenance',
  title: '电梯维保记录',
  schema: z.object({
    id,
    elevatorId: id,
    regCode: text(40),
    ...placed,
    doneOn: day,
    kind: z.enum(keysOf(maintenanceKinds)),
    result: maybe(z.enum(keysOf(inspectionResults))),
    company: text(200),
    workers: text(100),
    findings: maybe(text(2000)),
    partsReplaced: maybe(text(2000)),
    signedBy: maybe(text(40)),
    signedOn: maybe(day),
    updatedAt: stamp,
  }),
  fields: {
    elevatorId: '电梯', regCode: '注册代码', estateName: '小区名称', community: '所属社区', doneOn: '维保日期', kind: '类别',
    result: '检验结论', company: '维保单位', workers: '维保人员', findings: '发现问题', partsReplaced: '更换部件',
    signedBy: '安全管理员签字', signedOn: '签字日期', updatedAt: '最后修改',
  },
  listFields: ['doneOn', 'regCode', 'kind', 'signedBy'],
  labels: { kind: maintenanceKinds, result: inspectionResults },
  refs: { elevatorId: 'elevator.elevators' },
  coverage: (p) => ({ field: 'doneOn', from: p.from, to: p.to }),
  read: (db, scope, p) => exportMaintenance(db, communityOf(scope), p.from, p.to),
};

export const faultsTable: PackageTable<FaultExport> = {
  name: 'elevator.faults',
  title: '电梯故障及困人',
  schema: z.object({
    id,
    elevatorId: id,
    regCode: text(40),
    ...placed,
    alarmAt: wallTime,
    onDate: day,
    arrivedAt: wallTime,
    releasedAt: maybe(wallTime),
    responseMinutes: count,
    peopleTrapped: z.number().int().min(0).max(100),
    cause: z.enum(keysOf(faultCauses)),
    rescuer: text(200),
    updatedAt: stamp,
  }),
  fields: {
    elevatorId: '电梯', regCode: '注册代码', estateName: '小区名称', community: '所属社区', alarmAt: '报警时间', onDate: '日期',
    arrivedAt: '到达时间', releasedAt: '解救时间', responseMinutes: '响应时间（分钟）', peopleTrapped: '被困人数', cause: '原因',
    rescuer: '救援人员', updatedAt: '最后修改',
  },
  listFields: ['alarmAt', 'regCode', 'peopleTrapped', 'responseMinutes'],
  labels: { cause: faultCauses },
  refs: { elevatorId: 'elevator.elevators' },
  // The year so far: each month's package alone carries the year's entrapments.
  coverage: (p) => ({ field: 'onDate', from: yearFrom(p), to: p.to }),
  read: (db, scope, p) => exportFaults(db, communityOf(scope), yearFrom(p), p.to),
};
