import { getEstate, listEstates, type EstateFields, type ManagementType } from '../../../../db/property/estates';
import { DomainError } from '../../common/errors';
import { todayIso } from '../../common/calendar';
import { formatArea } from '../../fund/split';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { PlaceDirectory, type PlaceEntry } from '../../party/imports/place-directory';
import { managementProblem, saveEstate } from '../handlers/estates';
import { managementTypes } from '../labels';
import { EstateInput } from '../schemas';
import { readArea } from './area';
import { EstateNames } from './estate-names';

/**
 * 小区（院落）基本情况台账: an estate's management type, households and floor area, the estate found in the places
 * register by name (estate-names.ts). A profile is created or, when the estate has one, updated with the file's
 * columns (the others kept); households are written to the places register, their one home.
 */

const fields = [
  { key: 'community', label: '社区', synonyms: ['所属社区', '所在社区', '社区名称'], kind: 'text', hint: '同名的小区靠它区分；只有一个社区时可以不填' },
  { key: 'estate', label: '小区名称', synonyms: ['小区', '小区（院落）', '小区（院落）名称', '院落名称', '小区院落名称', '项目名称'], required: true, kind: 'text', hint: '与地点登记中的名称一致' },
  {
    key: 'management', label: '管理方式', synonyms: ['物业管理方式', '管理模式', '物业管理模式', '管理类型', '管理形式'], kind: 'choice',
    choices: {
      company: [managementTypes.company, '物业', '物业管理', '物业公司', '物业企业', '专业物业', '物业服务企业管理', '市场化物业'],
      self: [managementTypes.self, '业主自管', '自治管理', '居民自治', '单位自管'],
      abandoned: [managementTypes.abandoned, '弃管小区', '无物业', '无物业管理', '失管'],
    },
  },
  { key: 'households', label: '户数', synonyms: ['总户数', '住户数', '居民户数', '住户户数', '户数（户）'], kind: 'integer' },
  { key: 'area', label: '建筑面积', synonyms: ['总建筑面积', '建筑面积（㎡）', '建筑面积（平方米）', '面积'], kind: 'text', hint: '平方米，例如 12,345.6 或 1.2万' },
  { key: 'areaWan', label: '建筑面积（万平方米）', synonyms: ['建筑面积（万㎡）', '建筑面积（万m²）', '总建筑面积（万平方米）', '总建筑面积（万㎡）'], kind: 'text', hint: '表头写着“万平方米”的面积列' },
  { key: 'note', label: '备注', synonyms: ['说明'], kind: 'text' },
] as const satisfies readonly ImportField[];

interface EstateRow {
  place: PlaceEntry;
  /** null: the cell was empty (a new profile needs one; an update keeps the stored one). */
  management: ManagementType | null;
  households: number | null;
  floorAreaHundredths: number | null;
  note: string | null;
}

/** The file's values through the form's schema; the estate is looked up by name later (the database's part). */
function parse(v: RowValues, problems: RowProblems): Omit<EstateRow, 'place'> | null {
  const area = v.areaWan !== null && v.areaWan !== undefined ? readArea(v.areaWan, true) : readArea(v.area);
  const areaField = v.areaWan !== null && v.areaWan !== undefined ? 'areaWan' : 'area';
  if ('problem' in area) problems.add(areaField, area.problem);
  const parsed = EstateInput.safeParse({
    placeId: 'looked-up-later',
    // Checked as the form checks it; an empty one is settled in toRecord (new profile or kept).
    management: v.management ?? 'company',
    households: v.households,
    floorAreaHundredths: 'problem' in area ? null : area.hundredths,
    note: v.note,
  });
  if (!parsed.success) {
    problems.addZod(parsed.error, { floorAreaHundredths: areaField });
    return null;
  }
  return 'problem' in area ? null : { ...parsed.data, management: (v.management as ManagementType | null) ?? null };
}

function start(run: RunContext, rows: readonly RowValues[]) {
  const { db, operator } = run;
  const today = todayIso();
  const places = new PlaceDirectory(run);
  const names = new EstateNames(places, run, rows, true);
  const profiled = new Set(listEstates(db, { communityId: null, management: null, offset: 0, limit: Number.MAX_SAFE_INTEGER }, today).rows.map((e) => e.placeId));
  const areaMapped = run.mapped.has('area') || run.mapped.has('areaWan');
  const fromFile = <T>(mapped: boolean, inFile: T, stored: T): T => (mapped ? inFile : stored);

  function update(placeId: string, r: EstateRow): 'unchanged' | undefined {
    const before = getEstate(db, placeId, today)!;
    const after: EstateFields & { households: number | null } = {
      placeId,
      management: r.management ?? before.management,
      // An empty cell does not clear the households (the places register keeps them, as the form does).
      households: fromFile(run.mapped.has('households'), r.households, null),
      floorAreaHundredths: fromFile(areaMapped, r.floorAreaHundredths, before.floorAreaHundredths),
      note: fromFile(run.mapped.has('note'), r.note, before.note),
    };
    const problem = managementProblem(db, placeId, after.management, today);
    if (problem) throw new DomainError('CONFLICT', problem, undefined, [{ path: 'management', message: problem }]);
    const same = after.management === before.management && after.floorAreaHundredths === before.floorAreaHundredths
      && after.note === before.note && (after.households === null || after.households === before.households);
    if (same) return 'unchanged';
    if (!run.write) return;
    saveEstate(db, after, operator, true);
    run.audit({ action: 'import_update', entity: 'property_estate', entityId: placeId, before, after: { ...getEstate(db, placeId, today)!, importId: run.importId } });
  }

  return {
    toRecord(v: RowValues, problems: RowProblems, parsed: unknown): EstateRow | null {
      const place = names.resolve(v, problems);
      const values = parsed as Omit<EstateRow, 'place'> | null;
      if (!place || !values) return null;
      if (!values.management && !profiled.has(place.id)) {
        problems.add('management', `${place.name}还没有物业档案，请填写管理方式：${Object.values(managementTypes).join('、')}`);
        return null;
      }
      return { ...values, place };
    },
    keyOf: (r: EstateRow) => r.place.id,
    existingId: (r: EstateRow) => (profiled.has(r.place.id) ? r.place.id : null),
    save(r: EstateRow, existingId: string | null) {
      if (existingId) return update(existingId, r);
      // A planned place (新建) is written by the directory first; while checking, nothing is.
      if (!run.write) return;
      saveEstate(db, { placeId: r.place.id, management: r.management!, households: r.households, floorAreaHundredths: r.floorAreaHundredths, note: r.note }, operator, false);
    },
    preview: (r: EstateRow) => ({
      community: places.get(r.place.parentId)?.name ?? '',
      estate: r.place.fresh ? `${r.place.name}（新建）` : r.place.name,
      management: r.management ? managementTypes[r.management] : '（不变）',
      households: r.households === null ? '' : String(r.households),
      area: r.floorAreaHundredths === null ? '' : formatArea(r.floorAreaHundredths),
      note: r.note ?? '',
    }),
    extras: () => places.extras,
    questions: () => names.questions.list(),
    targets: names.targets,
  };
}

export const estatesRegister = defineRegister<EstateRow>({
  key: 'property.estates',
  title: '小区（院落）基本情况台账',
  description: '每行一个小区：管理方式、户数、建筑面积；小区按名称对应地点登记，没有物业档案的新建档案',
  fields,
  keyFields: ['estate'],
  titleFields: ['community', 'estate'],
  parse,
  start,
});
