import {
  activeMembersNamed,
  addMemberEvent,
  getMember,
  insertMember,
  membersByIdNumbers,
  updateMember,
  type MemberFields,
} from '../../../../db/party/members';
import { DomainError } from '../../common/errors';
import { todayIso } from '../../common/calendar';
import { idCardBirthDate, idCardGender, idCardProblem, maskIdCard, maskPhone, toHalfWidth } from '../../common/identifiers';
import { defineRegister, type CellValue, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { isMonthValue, monthOnlyWarning, monthText, valueText } from '../../import/values';
import { maskMember } from '../handlers/members';
import { genders, lifecycles, memberCategories, memberRoles, memberStatuses } from '../labels';
import { memberUnitProblem } from '../rules';
import { MemberImportInput } from '../schemas';
import { memberFields, type MemberFieldKey } from './member-fields';
import { MemberUnits } from './member-unit';
import { OrgDirectory, type UnitEntry } from './org-directory';

/** 党员花名册: one row per member, matched to stored members by ID number (without one: name + birth date), checked by the module's schema (MemberImportInput: MemberInput's rules, the work unit may come later). */

interface MemberRow {
  fields: MemberFields;
  unit: UnitEntry;
  /** A row without an ID number: the stored member it names (name + birth date, or name + organisation). */
  matched: string | null;
}


/** Where the module schema's paths sit in the file: the unit id came from the 所在支部 / 所在党小组 column. */
const unitColumn = (v: RowValues) => (valueText(v.group) ? 'group' : 'branch');

/** An ID number as the schema stores it (optionalIdCardNumber normalises the same way). */
const normalisedId = (v: CellValue | undefined) => toHalfWidth(valueText(v) ?? '').trim().toUpperCase();

const DATE_LABELS = { birthDate: '出生日期', joinedOn: '入党日期', fullOn: '转正日期', reportedOn: '报到日期' } as const;

/**
 * Dates written to the month only (出生年月 1956.03, 入党时间 2003年7月): the birth date is the ID number's when the
 * month agrees (and a disagreement is reported); the others are registered as the 1st, with a warning on the row
 * and "日期不详" in the member's 备注 — never refused, never silently shifted.
 */
function settleMonths(v: RowValues, id: string, problems: RowProblems): RowValues {
  let out: Record<string, CellValue> | null = null;
  const marks: string[] = [];
  const fromId = id && idCardProblem(id) === null ? idCardBirthDate(id) : null;
  for (const [key, label] of Object.entries(DATE_LABELS)) {
    const month = v[key];
    if (!isMonthValue(month)) continue;
    out ??= { ...v };
    if (key === 'birthDate' && fromId) {
      const agrees = fromId.startsWith(month);
      if (!agrees) problems.add(key, `出生年月（${monthText(month)}）与身份证号不一致（身份证为 ${fromId}）`);
      out[key] = agrees ? fromId : null;
      continue;
    }
    out[key] = `${month}-01`;
    problems.warn(key, monthOnlyWarning(month));
    marks.push(`${label}不详（只知 ${monthText(month)}）`);
  }
  if (out && marks.length) out.note = [valueText(v.note), ...marks].filter(Boolean).join('；');
  return out ?? v;
}

/**
 * The row through the module's schema, before its unit is looked up (which needs the database): the gender
 * follows from the ID number when the column is empty, as on the form; the unit id is filled in by toRecord.
 */
function parse(row: RowValues, problems: RowProblems): MemberFields | null {
  const id = normalisedId(row.idNumber);
  const v = settleMonths(row, id, problems);
  const probationary = v.category === 'probationary'; // 预备党员 in 人员类别
  if (probationary && v.status === 'full') problems.add('status', '人员类别写的是预备党员，党员状态却是正式党员，请核对');
  const category = probationary ? 'community' : (v.category ?? 'community');
  if (category === 'in_service' && !v.workUnit) problems.warn('workUnit', '在职党员没有工作单位，导入后请在党员档案中补全（报到单位常写在备注里）');
  const parsed = MemberImportInput.safeParse({
    ...v,
    gender: v.gender ?? (/^\d{17}[\dX]$/.test(id) ? idCardGender(id) : null),
    status: v.status ?? (probationary ? 'probationary' : v.fullOn ? 'full' : null),
    category,
    isCentreHousehold: v.isCentreHousehold ?? false,
    orgId: 'unit-looked-up-later',
    buildingId: null,
  });
  if (parsed.success) return parsed.data;
  problems.addZod(parsed.error, { orgId: unitColumn(v) });
  return null;
}

/** Field keys of the file → member fields an update overwrites (the three unit columns all set the unit). */
function overwritten(mapped: ReadonlySet<string>): (keyof MemberFields)[] {
  const keys = [...mapped].filter((k) => k !== 'branch' && k !== 'group' && k !== 'parentOrg') as (keyof MemberFields)[];
  return mapped.has('branch') || mapped.has('group') ? [...keys, 'orgId'] : keys;
}

function maskedFields(f: MemberFields, unit: UnitEntry, importId: string) {
  const { idNumber, phone, ...rest } = f;
  return { ...rest, idNumberMasked: maskIdCard(idNumber), phoneMasked: maskPhone(phone), orgName: unit.name, importId };
}

function start(run: RunContext, rows: readonly RowValues[]) {
  const orgs = new OrgDirectory(run);
  const units = new MemberUnits(orgs, run, rows);
  const stored = membersByIdNumbers(run.db, rows.map((v) => normalisedId(v.idNumber)).filter(Boolean));
  const named = activeMembersNamed(run.db, rows.filter((v) => !normalisedId(v.idNumber) && v.name).map((v) => String(v.name)));
  const { db, operator, audit, importId } = run;

  /**
   * A register without ID numbers imported again must not create everyone twice: a row names a stored member by
   * name and birth date (without a birth date: name and organisation); same-named ones are told apart by the
   * organisation, and when they cannot be, the row asks for the ID number.
   */
  function byName({ name, birthDate, orgId }: MemberFields): { id: string | null } | { problem: string } {
    const candidates = named.get(name) ?? [];
    const same = candidates.filter((m) => (birthDate ? m.birthDate === birthDate : m.orgId === orgId));
    if (same.length <= 1) return { id: same[0]?.id ?? null };
    const inOrg = same.filter((m) => m.orgId === orgId);
    if (inOrg.length === 1) return { id: inOrg[0]!.id };
    return { problem: `已登记 ${same.length} 名同名${birthDate ? '、出生日期相同' : ''}的党员，无法确定是哪一位：请填写身份证号` };
  }

  function create({ fields }: MemberRow) {
    if (!run.write) return;
    // Audited as part of the import's one entry (file, checksum, counts); the member's history names the import.
    const id = insertMember(db, fields, operator);
    addMemberEvent(db, id, 'created', fields.joinedOn, { orgId: fields.orgId, importId }, operator);
  }

  /** The stored member with the file's columns laid over it, checked again as a whole (as an edit is). */
  function update(id: string, { fields, unit }: MemberRow): 'unchanged' | undefined {
    const before = getMember(db, id)!;
    if (before.lifecycle !== 'active') {
      throw new DomainError('CONFLICT', '', undefined, [
        { path: 'idNumber', message: `${before.name}${lifecycles[before.lifecycle]}，不能用导入修改；重新转入请在其档案中办理` },
      ]);
    }
    // Matched by name, a row without an ID number does not clear the stored one.
    const keys = overwritten(run.mapped).filter((k) => k !== 'idNumber' || fields.idNumber);
    const changes = Object.fromEntries(keys.map((k) => [k, fields[k]]));
    const merged = MemberImportInput.safeParse({ ...before, ...changes });
    if (!merged.success) {
      const issues = merged.error.issues.map((i) => ({ path: i.path[0] === 'orgId' ? 'branch' : String(i.path[0] ?? ''), message: i.message }));
      throw new DomainError('VALIDATION', '', undefined, issues);
    }
    // Only real changes are written and audited: re-importing last month's file changes nothing.
    const stored = before as unknown as Record<string, unknown>;
    if (Object.entries(merged.data).every(([k, v]) => (stored[k] ?? null) === (v ?? null))) return 'unchanged';
    if (!run.write) return;
    updateMember(db, id, merged.data, operator);
    if (before.orgId !== merged.data.orgId) {
      addMemberEvent(db, id, 'org_changed', todayIso(), { from: before.orgName, to: unit.name, importId }, operator);
    }
    audit({ action: 'import_update', entity: 'member', entityId: id, before: maskMember(before), after: maskedFields(merged.data, unit, importId) });
  }

  return {
    toRecord(v: RowValues, problems: RowProblems, parsed: unknown): MemberRow | null {
      const unit = units.resolve(v, problems);
      const unitProblem = unit && memberUnitProblem(unit);
      if (unitProblem) problems.add(unitColumn(v), unitProblem);
      if (!parsed || !unit || problems.count) return null;
      const fields: MemberFields = { ...(parsed as MemberFields), orgId: unit.id };
      if (fields.idNumber) return { fields, unit, matched: null };
      const match = byName(fields);
      if ('problem' in match) {
        problems.add('name', match.problem);
        return null;
      }
      if (match.id) problems.warn('name', `没有身份证号，按姓名和${fields.birthDate ? '出生日期' : '所在组织'}对应到已登记的党员`);
      return { fields, unit, matched: match.id };
    },
    keyOf: (r: MemberRow) => r.fields.idNumber ?? (r.matched ? `member:${r.matched}` : null),
    existingId: (r: MemberRow) => (r.fields.idNumber ? (stored.get(r.fields.idNumber) ?? null) : r.matched),
    save: (r: MemberRow, existingId: string | null) => (existingId ? update(existingId, r) : create(r)),
    preview({ fields: f, unit }: MemberRow): Partial<Record<MemberFieldKey, string>> {
      return {
        name: f.name,
        gender: genders[f.gender],
        ethnicity: f.ethnicity ?? '',
        education: f.education ?? '',
        birthDate: f.birthDate ?? '',
        idNumber: maskIdCard(f.idNumber),
        phone: maskPhone(f.phone),
        joinedOn: f.joinedOn,
        fullOn: f.fullOn ?? '',
        status: memberStatuses[f.status],
        category: memberCategories[f.category],
        workUnit: f.workUnit ?? '',
        reportedOn: f.reportedOn ?? '',
        branch: unit.fresh ? `${unit.name}（新建）` : unit.name,
        address: f.address ?? '',
        role: f.role ? memberRoles[f.role] : '',
        isCentreHousehold: f.isCentreHousehold ? '是' : '否',
        note: f.note ?? '',
      };
    },
    extras: () => orgs.extras,
    questions: () => units.questions.list(),
    targets: units.targets,
  };
}

export const membersRegister = defineRegister<MemberRow>({
  key: 'party.members',
  title: '党员花名册',
  description: '每行一名党员；按身份证号识别已登记的党员，所在支部按名称对应组织架构',
  fields: memberFields,
  keyFields: ['idNumber'],
  parse,
  start,
});
