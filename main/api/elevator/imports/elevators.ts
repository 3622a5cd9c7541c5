import { findElevatorByRegCode, getElevator, insertElevator, updateElevator, type ElevatorFields } from '../../../../db/elevator/elevators';
import { todayIso } from '../../common/calendar';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { valueText } from '../../import/values';
import { PlaceDirectory, type PlaceEntry } from '../../party/imports/place-directory';
import { EstateNames } from '../../property/imports/estate-names';
import { checkElevator } from '../handlers/elevators';
import { elevatorStatuses, elevatorTypes } from '../labels';
import { regCodeWarnings } from '../rules';
import { ElevatorInput } from '../schemas';

/**
 * 电梯台账: one elevator a row, its estate found in the places register as the property imports find it
 * (estate-names.ts: the clerk confirms every guess in 小区名称对应), its building by name within the estate; with
 * "create missing" (or 新建) an estate and a building the places register lacks are added to it.
 * Checked by the form's ElevatorInput and the handler's checkElevator; identified by 注册代码, so the same file
 * again writes nothing. The soft check of the code warns and still saves; a code Excel turned into a number is
 * refused by the engine's `code` kind (its last digits are gone).
 */

const fields = [
  { key: 'community', label: '社区', synonyms: ['所属社区', '所在社区'], kind: 'text', hint: '同名的小区靠它区分；只有一个社区时可以不填' },
  { key: 'estate', label: '小区名称', synonyms: ['小区', '所在小区', '小区（院落）', '使用地点', '项目名称'], required: true, kind: 'text', hint: '与地点登记中的名称一致' },
  { key: 'building', label: '楼栋', synonyms: ['楼号', '楼栋号', '所在楼栋', '幢号'], required: true, kind: 'text' },
  { key: 'unitNo', label: '单元', synonyms: ['单元号', '所在单元'], kind: 'integer' },
  { key: 'carLabel', label: '梯号', synonyms: ['电梯编号', '内部编号', '梯位'], kind: 'text' },
  { key: 'regCode', label: '注册代码', synonyms: ['电梯注册代码', '设备注册代码', '注册登记代码'], required: true, kind: 'code', hint: '20 位数字；这一列请设为“文本”格式' },
  { key: 'deviceCode', label: '设备代码', synonyms: ['设备编号', '产品编号', '出厂编号'], kind: 'code' },
  { key: 'useCertNo', label: '使用登记证编号', synonyms: ['使用登记证号', '登记证编号', '使用证编号'], kind: 'text' },
  { key: 'make', label: '制造单位', synonyms: ['品牌', '生产厂家', '制造厂家', '制造商'], kind: 'text' },
  { key: 'model', label: '型号', synonyms: ['规格型号', '电梯型号', '产品型号'], kind: 'text' },
  {
    key: 'type', label: '电梯类型', synonyms: ['设备品种', '类型', '电梯类别', '设备类别'], kind: 'choice',
    choices: {
      passenger: [elevatorTypes.passenger, '乘客电梯', '客梯', '曳引式乘客电梯', '住宅电梯'],
      freight: [elevatorTypes.freight, '货梯', '曳引驱动载货电梯'],
      hydraulic: [elevatorTypes.hydraulic, '液压电梯'],
      escalator: [elevatorTypes.escalator, '自动扶梯', '扶梯', '自动人行道'],
      dumbwaiter: [elevatorTypes.dumbwaiter],
      other: [elevatorTypes.other],
    },
    hint: '空着按曳引驱动乘客电梯登记',
  },
  { key: 'floors', label: '层站数', synonyms: ['层数', '层站', '停靠层站'], kind: 'integer' },
  { key: 'speed', label: '额定速度', synonyms: ['速度', '额定速度（m/s）', '速度（m/s）'], kind: 'text', hint: '米/秒，例如 1.75' },
  { key: 'installedOn', label: '安装日期', synonyms: ['投用日期', '投入使用日期', '安装时间'], kind: 'date' },
  { key: 'maintainer', label: '维保单位', synonyms: ['维护保养单位', '维保公司'], kind: 'text' },
  { key: 'maintainerPhone', label: '维保电话', synonyms: ['维保单位电话', '维保联系电话'], kind: 'phone' },
  { key: 'nextInspectionOn', label: '下次检验日期', synonyms: ['下次检验日期', '下次定检日期', '检验有效期至', '下次检验时间'], kind: 'date' },
  {
    key: 'status', label: '使用状态', synonyms: ['状态', '设备状态'], kind: 'choice',
    choices: { in_service: [elevatorStatuses.in_service, '在用', '正常', '使用中'], stopped: [elevatorStatuses.stopped, '停用', '停运'], retired: [elevatorStatuses.retired, '报废', '注销'] },
    hint: '空着按在用登记',
  },
  { key: 'note', label: '备注', synonyms: ['说明'], kind: 'text' },
] as const satisfies readonly ImportField[];

type FieldKey = (typeof fields)[number]['key'];
type Parsed = Omit<ElevatorFields, 'estateId' | 'buildingId'>;
interface ElevatorImportRow extends ElevatorFields {
  estate: PlaceEntry;
  building: PlaceEntry;
}

/** The row's fields the form has: the place columns are looked up later, the others are the form's own. */
const FORM_FIELDS = ['unitNo', 'carLabel', 'regCode', 'deviceCode', 'useCertNo', 'make', 'model', 'type', 'floors', 'speed', 'installedOn', 'maintainer', 'maintainerPhone', 'nextInspectionOn', 'status', 'note'] as const;

function parse(v: RowValues, problems: RowProblems): Parsed | null {
  if (v.type === null || v.type === undefined) problems.warn('type', `没有填写电梯类型，按“${elevatorTypes.passenger}”登记`);
  const input = Object.fromEntries(FORM_FIELDS.map((k) => [k, v[k] ?? null]));
  const parsed = ElevatorInput.safeParse({
    ...input, estateId: 'looked-up-later', buildingId: 'looked-up-later',
    type: v.type ?? 'passenger', status: v.status ?? 'in_service',
    speed: v.speed === null || v.speed === undefined ? null : String(v.speed),
  });
  if (!parsed.success) {
    problems.addZod(parsed.error);
    return null;
  }
  const { estateId: _e, buildingId: _b, ...rest } = parsed.data;
  for (const w of regCodeWarnings(rest.regCode, todayIso())) problems.warn('regCode', w.message);
  return rest;
}

const sameFields = (a: ElevatorFields, b: ElevatorFields) => (Object.keys(a) as (keyof ElevatorFields)[]).every((k) => a[k] === b[k]);

function start(run: RunContext, rows: readonly RowValues[]) {
  const { db, operator } = run;
  const places = new PlaceDirectory(run);
  const names = new EstateNames(places, run, rows, true);

  /** The building by name within the estate; with "create missing" a new one there. */
  function building(estate: PlaceEntry, v: RowValues, problems: RowProblems): PlaceEntry | null {
    const name = valueText(v.building)!;
    const found = places.within(estate.id, 'building', name);
    if (found.length === 1) return found[0]!;
    if (found.length > 1) {
      problems.add('building', `${estate.name}有 ${found.length} 个名为“${name}”的楼栋，请在地点登记中核对`);
      return null;
    }
    if (run.options.createMissing) return places.createMissing('building', name, estate);
    problems.add('building', `${estate.name}没有名为“${name}”的楼栋：请核对名称，或选择“自动新增缺少的组织和地点”`);
    return null;
  }

  /** A stored elevator with the file's columns laid over it (the others kept), checked as the edit form would. */
  function update(id: string, r: ElevatorImportRow): 'unchanged' | undefined {
    const before = getElevator(db, id)!;
    const was = Object.fromEntries(Object.keys(r).filter((k) => k !== 'estate' && k !== 'building').map((k) => [k, before[k as keyof ElevatorFields]])) as unknown as ElevatorFields;
    const after: ElevatorFields = { ...was, estateId: r.estateId, buildingId: r.buildingId };
    for (const k of FORM_FIELDS) if (run.mapped.has(k)) (after as unknown as Record<string, unknown>)[k] = r[k];
    if (sameFields(was, after)) return 'unchanged';
    if (!run.write) return;
    checkElevator(db, after, id);
    updateElevator(db, id, after, operator);
    run.audit({ action: 'import_update', entity: 'elevator', entityId: id, before, after: { ...getElevator(db, id)!, importId: run.importId } });
  }

  return {
    toRecord(v: RowValues, problems: RowProblems, parsed: unknown): ElevatorImportRow | null {
      const estate = names.resolve(v, problems);
      const values = parsed as Parsed | null;
      if (!estate) return null;
      const b = valueText(v.building) ? building(estate, v, problems) : (problems.add('building', '请填写楼栋'), null);
      if (!b || !values) return null;
      return { ...values, estateId: estate.id, buildingId: b.id, estate, building: b };
    },
    keyOf: (r: ElevatorImportRow) => r.regCode,
    existingId: (r: ElevatorImportRow) => findElevatorByRegCode(db, r.regCode)?.id ?? null,
    save(r: ElevatorImportRow, existingId: string | null) {
      if (existingId) return update(existingId, r);
      if (!run.write) return;
      const { estate: _e, building: _b, ...f } = r;
      checkElevator(db, f, null);
      // Audited with the import's one entry (file, checksum, counts).
      insertElevator(db, f, operator);
    },
    preview: (r: ElevatorImportRow): Record<FieldKey, string> => ({
      community: places.get(r.estate.parentId)?.name ?? '',
      estate: r.estate.name,
      building: r.building.fresh ? `${r.building.name}（新建）` : r.building.name,
      unitNo: r.unitNo === null ? '' : String(r.unitNo),
      carLabel: r.carLabel ?? '',
      regCode: r.regCode,
      deviceCode: r.deviceCode ?? '',
      useCertNo: r.useCertNo ?? '',
      make: r.make ?? '',
      model: r.model ?? '',
      type: elevatorTypes[r.type],
      floors: r.floors === null ? '' : String(r.floors),
      speed: r.speed === null ? '' : `${(r.speed / 100).toFixed(2)} m/s`,
      installedOn: r.installedOn ?? '',
      maintainer: r.maintainer ?? '',
      maintainerPhone: r.maintainerPhone ?? '',
      nextInspectionOn: r.nextInspectionOn ?? '',
      status: elevatorStatuses[r.status],
      note: r.note ?? '',
    }),
    extras: () => places.extras,
    questions: () => names.questions.list(),
    targets: names.targets,
  };
}

export const elevatorsRegister = defineRegister<ElevatorImportRow>({
  key: 'elevator.elevators',
  title: '电梯台账',
  description: '每行一部电梯：所在小区、楼栋、单元，注册代码和设备信息；按注册代码识别已登记的电梯，再次导入时更新',
  fields,
  keyFields: ['regCode'],
  titleFields: ['estate', 'building', 'carLabel'],
  parse,
  start,
});
