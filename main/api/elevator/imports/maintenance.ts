import { listElevators, type ElevatorRow } from '../../../../db/elevator/elevators';
import { findMaintenance, insertMaintenance, type MaintenanceFields } from '../../../../db/elevator/maintenance';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { valueText, wordKey } from '../../import/values';
import { PlaceDirectory } from '../../party/imports/place-directory';
import { EstateNames } from '../../property/imports/estate-names';
import { takeNextInspection } from '../handlers/maintenance';
import { inspectionResults, maintenanceKinds } from '../labels';
import { normaliseRegCode } from '../rules';
import { MaintenanceInput } from '../schemas';

/**
 * 维保记录: one record a row, its elevator named by 注册代码 or by its place (小区, 楼栋, 单元, 梯号 — the estate
 * found as the property imports find it, the clerk confirming every guess). Checked by the form's MaintenanceInput
 * (two workers for a routine level, the sign-off's name and date together) and written with insertMaintenance, as
 * the handler writes; a periodic inspection moves the next inspection date as the handler's takeNextInspection does.
 * A record of the same elevator, day and level is the same record: found again, it is left as it is (a signed-off
 * record is never changed).
 */

const fields = [
  { key: 'regCode', label: '注册代码', synonyms: ['电梯注册代码', '设备注册代码'], kind: 'code', hint: '有注册代码时按它找电梯；没有时按小区、楼栋、单元、梯号' },
  { key: 'community', label: '社区', synonyms: ['所属社区', '所在社区'], kind: 'text' },
  { key: 'estate', label: '小区名称', synonyms: ['小区', '所在小区', '使用地点'], kind: 'text' },
  { key: 'building', label: '楼栋', synonyms: ['楼号', '楼栋号', '所在楼栋'], kind: 'text' },
  { key: 'unitNo', label: '单元', synonyms: ['单元号'], kind: 'integer' },
  { key: 'carLabel', label: '梯号', synonyms: ['电梯编号', '内部编号'], kind: 'text' },
  { key: 'doneOn', label: '维保日期', synonyms: ['保养日期', '日期', '作业日期', '检验日期'], required: true, kind: 'date' },
  {
    key: 'kind', label: '维保类别', synonyms: ['保养类别', '维保级别', '类别', '维保类型', '保养类型'], required: true, kind: 'choice',
    choices: {
      half_monthly: [maintenanceKinds.half_monthly, '半月', '半月保养', '半月维护保养'],
      quarterly: [maintenanceKinds.quarterly, '季度', '季度保养', '季度维护保养'],
      half_yearly: [maintenanceKinds.half_yearly, '半年', '半年保养', '半年度维保', '半年维护保养'],
      yearly: [maintenanceKinds.yearly, '年度', '年度保养', '年度维护保养'],
      on_demand: [maintenanceKinds.on_demand, '按需'],
      repair: [maintenanceKinds.repair, '故障维修', '维修保养'],
      self_inspection: [maintenanceKinds.self_inspection, '自检', '年度自检', '年度自行检查'],
      periodic_inspection: [maintenanceKinds.periodic_inspection, '定检', '年检', '定期检验（年检）'],
    },
  },
  { key: 'result', label: '检验结论', synonyms: ['结论'], kind: 'choice', choices: { pass: [inspectionResults.pass], pass_after_fix: [inspectionResults.pass_after_fix, '复检合格'], fail: [inspectionResults.fail] } },
  { key: 'nextInspectionOn', label: '下次检验日期', synonyms: ['下次定检日期', '检验有效期至'], kind: 'date' },
  { key: 'company', label: '维保单位', synonyms: ['维保公司', '维护保养单位', '检验机构'], required: true, kind: 'text' },
  { key: 'worker1', label: '维保人员', synonyms: ['维保人员1', '维保人', '作业人员', '保养人员'], required: true, kind: 'text', hint: '两人写在一格里（李明、赵强）也可以' },
  { key: 'worker2', label: '维保人员2', synonyms: ['第二名维保人员', '第二维保人员'], kind: 'personName' },
  { key: 'findings', label: '发现的问题', synonyms: ['存在问题', '维保情况', '故障及处理情况', '问题及处理'], kind: 'text' },
  { key: 'partsReplaced', label: '更换的部件', synonyms: ['更换配件', '更换部件'], kind: 'text' },
  { key: 'signedBy', label: '安全管理员', synonyms: ['安全管理员签字', '安全管理员签认', '使用单位安全管理员', '签认人'], kind: 'personName' },
  { key: 'signedOn', label: '签认日期', synonyms: ['签字日期', '确认日期'], kind: 'date' },
] as const satisfies readonly ImportField[];

type FieldKey = (typeof fields)[number]['key'];
type Parsed = Omit<MaintenanceFields, 'elevatorId'>;
interface MaintenanceImportRow extends MaintenanceFields {
  elevator: ElevatorRow;
  existing: { id: string; signedOn: string | null } | null;
}

/** 李明、赵强 / 李明,赵强 / 李明 赵强 in one cell: the two workers a routine level needs. */
function workers(v: RowValues): [string | null, string | null] {
  const one = valueText(v.worker1);
  if (valueText(v.worker2) || !one) return [one, valueText(v.worker2)];
  const names = one.split(/[、，,;；/\s]+/).filter(Boolean);
  return names.length === 2 ? [names[0]!, names[1]!] : [one, null];
}

function parse(v: RowValues, problems: RowProblems): Parsed | null {
  const [worker1, worker2] = workers(v);
  const parsed = MaintenanceInput.safeParse({
    elevatorId: 'looked-up-later', doneOn: v.doneOn, kind: v.kind, result: v.result, nextInspectionOn: v.nextInspectionOn,
    company: v.company, worker1, worker2, findings: v.findings, partsReplaced: v.partsReplaced, signedBy: v.signedBy, signedOn: v.signedOn,
  });
  if (!parsed.success) {
    problems.addZod(parsed.error);
    return null;
  }
  const { elevatorId: _e, ...rest } = parsed.data;
  return rest;
}

function start(run: RunContext, rows: readonly RowValues[]) {
  const { db, operator } = run;
  const places = new PlaceDirectory(run);
  const names = new EstateNames(places, run, rows.filter((r) => !valueText(r.regCode)), false, '请先导入电梯台账或登记这个小区的电梯');
  const elevators = listElevators(db, { estateId: null, status: null, q: '', warning: null, sort: 'place', offset: 0, limit: Number.MAX_SAFE_INTEGER }).rows;
  const byCode = new Map(elevators.map((e) => [e.regCode, e]));

  /** The elevator a row names: by its code, else the one elevator at the place the row gives. */
  function elevatorOf(v: RowValues, problems: RowProblems): ElevatorRow | null {
    const code = valueText(v.regCode);
    if (code) {
      const e = byCode.get(normaliseRegCode(code));
      if (!e) problems.add('regCode', `注册代码 ${code} 不在电梯档案中：请先导入电梯台账或登记这部电梯`);
      return e ?? null;
    }
    if (!valueText(v.estate) || !valueText(v.building)) {
      problems.add('regCode', '请填写注册代码，或填写小区名称和楼栋（同一楼栋有几部电梯时再加单元、梯号）');
      return null;
    }
    const estate = names.resolve(v, problems);
    if (!estate) return null;
    const car = valueText(v.carLabel);
    const here = elevators.filter((e) => e.estateId === estate.id && wordKey(e.buildingName) === wordKey(valueText(v.building)!)
      && (v.unitNo === null || v.unitNo === undefined || e.unitNo === v.unitNo) && (!car || wordKey(e.carLabel ?? '') === wordKey(car)));
    if (here.length === 1) return here[0]!;
    const where = `${estate.name}${valueText(v.building)}${v.unitNo ? `${v.unitNo}单元` : ''}${car ?? ''}`;
    problems.add('regCode', here.length === 0 ? `电梯档案中没有${where}的电梯` : `${where}有 ${here.length} 部电梯：请填写注册代码或梯号`);
    return null;
  }

  return {
    toRecord(v: RowValues, problems: RowProblems, parsed: unknown): MaintenanceImportRow | null {
      const elevator = elevatorOf(v, problems);
      const values = parsed as Parsed | null;
      if (!elevator || !values) return null;
      const existing = findMaintenance(db, elevator.id, values.doneOn, values.kind) ?? null;
      if (existing) problems.warn('doneOn', `这部电梯 ${values.doneOn} 已有一条${maintenanceKinds[values.kind]}记录，保留已登记的，不再导入`);
      return { ...values, elevatorId: elevator.id, elevator, existing };
    },
    keyOf: (r: MaintenanceImportRow) => `${r.elevatorId}|${r.doneOn}|${r.kind}`,
    existingId: (r: MaintenanceImportRow) => r.existing?.id ?? null,
    save(r: MaintenanceImportRow, existingId: string | null) {
      // A record already entered is the clerk's to correct on its page (and, signed off, is never changed).
      if (existingId) return 'unchanged' as const;
      if (!run.write) return;
      const { elevator: _e, existing: _x, ...f } = r;
      // Audited with the import's one entry (file, checksum, counts); the next inspection date as the handler moves it.
      insertMaintenance(db, f, operator);
      takeNextInspection(f, run);
    },
    preview: (r: MaintenanceImportRow): Record<FieldKey, string> => ({
      regCode: r.elevator.regCode,
      community: places.get(places.get(r.elevator.estateId)?.parentId ?? null)?.name ?? '',
      estate: r.elevator.estateName,
      building: r.elevator.buildingName,
      unitNo: r.elevator.unitNo === null ? '' : String(r.elevator.unitNo),
      carLabel: r.elevator.carLabel ?? '',
      doneOn: r.doneOn,
      kind: maintenanceKinds[r.kind],
      result: r.result ? inspectionResults[r.result] : '',
      nextInspectionOn: r.nextInspectionOn ?? '',
      company: r.company,
      worker1: r.worker1,
      worker2: r.worker2 ?? '',
      findings: r.findings ?? '',
      partsReplaced: r.partsReplaced ?? '',
      signedBy: r.signedBy ?? '',
      signedOn: r.signedOn ?? '',
    }),
    extras: () => [],
    questions: () => names.questions.list(),
    targets: names.targets,
  };
}


export const maintenanceRegister = defineRegister<MaintenanceImportRow>({
  key: 'elevator.maintenance',
  title: '电梯维保记录',
  description: '每行一条维保、维修、自检或定期检验记录；电梯按注册代码（或小区、楼栋、单元、梯号）对应电梯档案',
  fields,
  keyFields: ['regCode', 'doneOn', 'kind'],
  titleFields: ['estate', 'building', 'carLabel', 'doneOn'],
  parse,
  start,
});
