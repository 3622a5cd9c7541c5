import { hundredthsText } from '../../../export/format';
import type { Register } from '../../../export/types';
import type { ElevatorExport, FaultExport, MaintenanceExport } from '../../../../db/elevator/export';
import { zhCompare } from '../../party/export/org-index';
import { elevatorStatuses, elevatorTypes, faultCauses, inspectionResults, maintenanceKinds } from '../labels';
import { elevatorsTable, faultsTable, maintenanceTable } from './tables';

/**
 * Rows in Chinese order, local or copied alike (a copy comes back in id order, and SQL orders names by their
 * bytes): the tables are small, so the same register reads the same at the source and at the street.
 */
const inOrder = <R>(rows: R[], compare: (a: R, b: R) => number): R[] => rows.sort(compare);

/** 1号楼2单元1号梯 (the fund's 收支明细 names the elevators an entry concerns the same way). */
export const placeOf = (r: Pick<ElevatorExport, 'buildingName' | 'unitNo' | 'carLabel'>) => `${r.buildingName}${r.unitNo ? `${r.unitNo}单元` : ''}${r.carLabel ?? ''}`;

/** 电梯台账: every elevator with its codes, maintainer and contract, and its maintenance and inspection dates at the period's end. */
export const elevatorRegister: Register<ElevatorExport> = {
  key: 'elevator.elevators',
  title: '电梯台账',
  periodNote: (p) => `（截至 ${p.to}）`,
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'estate', header: '小区', width: 16, kind: 'text', value: (r) => r.estateName },
    { key: 'place', header: '安装位置', width: 16, kind: 'text', value: placeOf, total: { count: '台' } },
    { key: 'regCode', header: '注册代码', width: 22, kind: 'text', value: (r) => r.regCode },
    { key: 'useCertNo', header: '使用登记证编号', width: 16, kind: 'text', value: (r) => r.useCertNo },
    { key: 'type', header: '类型', width: 16, kind: 'text', value: (r) => elevatorTypes[r.type] },
    { key: 'make', header: '制造单位', width: 16, kind: 'text', value: (r) => r.make },
    { key: 'floors', header: '层站数', width: 6, kind: 'int', value: (r) => r.floors },
    { key: 'speed', header: '速度（m/s）', width: 8, kind: 'text', value: (r) => hundredthsText(r.speed) },
    { key: 'installedOn', header: '安装日期', width: 11, kind: 'date', value: (r) => r.installedOn },
    { key: 'maintainer', header: '维保单位', width: 20, kind: 'text', value: (r) => r.maintainer },
    { key: 'price', header: '维保费（元/月）', width: 11, kind: 'money', value: (r) => r.contractPrice, total: 'sum' },
    { key: 'status', header: '状态', width: 6, kind: 'text', value: (r) => elevatorStatuses[r.status] },
    { key: 'lastRoutineOn', header: '最近维保日期', width: 11, kind: 'date', value: (r) => r.lastRoutineOn },
    { key: 'routineDueOn', header: '下次维保到期', width: 11, kind: 'date', value: (r) => r.routineDueOn },
    { key: 'lastSelfInspectionOn', header: '最近自检日期', width: 11, kind: 'date', value: (r) => r.lastSelfInspectionOn },
    { key: 'lastInspectionOn', header: '最近定期检验', width: 11, kind: 'date', value: (r) => r.lastInspectionOn },
    { key: 'nextInspectionOn', header: '下次检验日期', width: 11, kind: 'date', value: (r) => r.nextInspectionOn },
    { key: 'rescuePhone', header: '救援电话', width: 12, kind: 'text', value: (r) => r.rescuePhone },
  ],
  rows: (data) =>
    inOrder([...data.rows(elevatorsTable)], (a, b) =>
      zhCompare(a.community, b.community) || zhCompare(a.estateName, b.estateName) || zhCompare(placeOf(a), placeOf(b)) || a.id.localeCompare(b.id)),
};

/** 电梯维保记录: the month's records, who did them and whether the estate's safety manager signed them off. */
export const maintenanceRegister: Register<MaintenanceExport> = {
  key: 'elevator.maintenance',
  title: '电梯维保记录',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'doneOn', header: '日期', width: 11, kind: 'date', value: (r) => r.doneOn },
    { key: 'estate', header: '小区', width: 16, kind: 'text', value: (r) => r.estateName },
    { key: 'regCode', header: '注册代码', width: 22, kind: 'text', value: (r) => r.regCode, total: { count: '次' } },
    { key: 'kind', header: '类别', width: 10, kind: 'text', value: (r) => maintenanceKinds[r.kind] + (r.result ? `（${inspectionResults[r.result]}）` : '') },
    { key: 'company', header: '维保单位', width: 20, kind: 'text', value: (r) => r.company },
    { key: 'workers', header: '维保人员', width: 12, kind: 'text', value: (r) => r.workers },
    { key: 'findings', header: '发现问题', width: 20, kind: 'text', value: (r) => r.findings },
    { key: 'parts', header: '更换部件', width: 16, kind: 'text', value: (r) => r.partsReplaced },
    { key: 'signedBy', header: '安全管理员签字', width: 10, kind: 'text', value: (r) => r.signedBy ?? '未签字' },
    { key: 'signedOn', header: '签字日期', width: 11, kind: 'date', value: (r) => r.signedOn },
  ],
  rows(data, p) {
    const rows = [...data.rows(maintenanceTable)].filter((m) => m.doneOn >= p.from && m.doneOn <= p.to);
    return inOrder(rows, (a, b) => a.doneOn.localeCompare(b.doneOn) || zhCompare(a.estateName, b.estateName) || a.regCode.localeCompare(b.regCode));
  },
};

/** 电梯故障及困人台账: the month's faults, the response time from the alarm and how many were trapped. */
export const faultRegister: Register<FaultExport> = {
  key: 'elevator.faults',
  title: '电梯故障及困人台账',
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'alarmAt', header: '报警时间', width: 16, kind: 'text', value: (r) => r.alarmAt, total: { count: '次' } },
    { key: 'estate', header: '小区', width: 16, kind: 'text', value: (r) => r.estateName },
    { key: 'regCode', header: '注册代码', width: 22, kind: 'text', value: (r) => r.regCode },
    { key: 'cause', header: '原因', width: 16, kind: 'text', value: (r) => faultCauses[r.cause] },
    { key: 'arrivedAt', header: '到达时间', width: 16, kind: 'text', value: (r) => r.arrivedAt },
    { key: 'releasedAt', header: '解救时间', width: 16, kind: 'text', value: (r) => r.releasedAt },
    { key: 'response', header: '响应时间（分钟）', width: 10, kind: 'int', value: (r) => r.responseMinutes, total: 'average' },
    { key: 'trapped', header: '被困人数', width: 8, kind: 'int', value: (r) => r.peopleTrapped, total: 'sum' },
    { key: 'rescuer', header: '救援人员', width: 16, kind: 'text', value: (r) => r.rescuer },
  ],
  rows(data, p) {
    const rows = [...data.rows(faultsTable)].filter((f) => f.onDate >= p.from && f.onDate <= p.to);
    return inOrder(rows, (a, b) => a.alarmAt.localeCompare(b.alarmAt) || a.id.localeCompare(b.id));
  },
};
