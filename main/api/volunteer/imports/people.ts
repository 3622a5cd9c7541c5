import { ensureMemberVolunteer, getVolunteer, insertResident, updateResident, updateVolunteerFields, type VolunteerFields } from '../../../../db/volunteer/people';
import { DomainError } from '../../common/errors';
import { idCardGender } from '../../common/identifiers';
import { todayIso } from '../../common/calendar';
import { defineRegister, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { wordKey } from '../../import/values';
import { OrgDirectory, type UnitEntry } from '../../party/imports/org-directory';
import { maskVolunteer } from '../handlers/common';
import { ResidentInput } from '../schemas';
import { normalisedId, PersonDirectory, text, type PersonEntry } from './person-directory';
import { idField } from './posts';

/**
 * 志愿者名册: residents (群众志愿者) with their own data, checked by the same ResidentInput as the form. A row
 * whose ID number is a party member's is that member: only the volunteer's team, skills and date are taken, the
 * member register keeping the person (one person, one record).
 */

type Parsed = ReturnType<typeof ResidentInput.parse>;

interface VolunteerRow {
  resident: Parsed;
  unit: UnitEntry;
  /** The member or registered resident the row's ID number belongs to. */
  known: PersonEntry | null;
}

const UNIT_LEVELS = new Set(['community_committee', 'branch', 'group']);

function parse(v: RowValues, problems: RowProblems): Parsed | null {
  const id = normalisedId(v.idNumber);
  const parsed = ResidentInput.safeParse({
    ...v,
    gender: v.gender ?? (/^\d{17}[\dX]$/.test(id) ? idCardGender(id) : null),
    orgId: 'unit-looked-up-later',
    registeredOn: v.registeredOn ?? todayIso(),
  });
  if (parsed.success) return parsed.data;
  problems.addZod(parsed.error, { orgId: 'unit' });
  return null;
}

const fieldsOf = (r: Parsed): VolunteerFields => ({ team: r.team, skills: r.skills, registeredOn: r.registeredOn, note: r.note });

function start(run: RunContext, rows: readonly RowValues[]) {
  const orgs = new OrgDirectory(run);
  const people = new PersonDirectory(run.db, rows);
  /** An update overwrites only the file's columns: an edit keeps what it does not show. */
  const fromFile = <T>(key: string, inFile: T, stored: T): T => (run.mapped.has(key) ? inFile : stored);

  return {
    toRecord(v: RowValues, problems: RowProblems, parsed: unknown): VolunteerRow | null {
      // 所属社区 西里社区 names the community: its party organisation is the unit.
      const named = orgs.find(text(v.unit) ?? '', null);
      const community = 'missing' in named ? orgs.communityNamed(text(v.unit) ?? '') : undefined;
      const found = community ? { entry: community } : named;
      if ('problem' in found) problems.add('unit', found.problem);
      else if (!('entry' in found)) problems.add('unit', `“${text(v.unit)}”不在组织架构中，请核对名称`);
      else if (!UNIT_LEVELS.has(found.entry.level)) problems.add('unit', '所属单位应为社区党组织、党支部或党小组');
      const resident = parsed as Parsed | null;
      if (!resident || !('entry' in found) || problems.count) return null;
      const known = resident.idNumber ? people.find(resident.idNumber, null) : null;
      const entry = known && 'entry' in known ? known.entry : null;
      if (entry && wordKey(entry.name) !== wordKey(resident.name)) {
        problems.add('name', `身份证号对应的是${entry.name}，请核对姓名`);
        return null;
      }
      return { resident: { ...resident, orgId: found.entry.id }, unit: found.entry, known: entry };
    },
    keyOf: (r: VolunteerRow) => r.resident.idNumber,
    existingId: (r: VolunteerRow) => r.known?.volunteerId ?? null,
    save(r: VolunteerRow, existingId: string | null) {
      const member = r.known?.memberId ?? null;
      if (!run.write) return;
      if (!existingId) {
        // New: a member becomes a volunteer through their record; a resident is registered with their own data.
        if (member) updateVolunteerFields(run.db, ensureMemberVolunteer(run.db, member, r.resident.registeredOn, run.operator).id, fieldsOf(r.resident), run.operator);
        else insertResident(run.db, r.resident, fieldsOf(r.resident), run.operator);
        return;
      }
      const before = getVolunteer(run.db, existingId)!;
      if (!before.active && !member) throw new DomainError('CONFLICT', '', undefined, [{ path: 'name', message: `${before.name}已停止服务，不能用导入修改` }]);
      const f = r.resident;
      updateVolunteerFields(run.db, existingId, {
        team: fromFile('team', f.team, before.team), skills: fromFile('skills', f.skills, before.skills),
        registeredOn: fromFile('registeredOn', f.registeredOn, before.registeredOn), note: fromFile('note', f.note, before.note),
      }, run.operator);
      if (!member) {
        updateResident(run.db, existingId, {
          name: f.name, gender: fromFile('gender', f.gender, before.gender), idNumber: before.idNumber,
          phone: fromFile('phone', f.phone, before.phone), address: fromFile('address', f.address, before.address), orgId: f.orgId,
        }, run.operator);
      }
      run.audit({ action: 'import_update', entity: 'volunteer', entityId: existingId, before: maskVolunteer(before), after: { ...maskVolunteer(getVolunteer(run.db, existingId)!), importId: run.importId } });
    },
    preview: (r: VolunteerRow) => ({
      name: r.known?.memberId ? `${r.resident.name}（党员）` : r.resident.name,
      unit: r.unit.name,
      team: r.resident.team ?? '',
      skills: r.resident.skills ?? '',
      registeredOn: r.resident.registeredOn,
    }),
    extras: () => [],
  };
}

export const peopleRegister = defineRegister<VolunteerRow>({
  key: 'volunteer.people',
  title: '志愿者名册',
  description: '每行一名志愿者；身份证号是党员的，按党员登记（个人信息以党员名册为准），其余按群众志愿者登记',
  fields: [
    { key: 'name', label: '姓名', synonyms: ['志愿者姓名', '名字'], required: true, kind: 'personName' },
    { key: 'gender', label: '性别', kind: 'choice', choices: { male: ['男', '男性'], female: ['女', '女性'] }, hint: '空着时按身份证号填写' },
    idField,
    { key: 'phone', label: '联系电话', synonyms: ['手机', '手机号', '手机号码', '电话', '联系方式'], kind: 'phone' },
    { key: 'address', label: '住址', synonyms: ['家庭住址', '居住地址', '地址'], kind: 'text' },
    { key: 'unit', label: '所属单位', synonyms: ['所属社区', '所属支部', '所在支部', '社区', '支部'], required: true, kind: 'text', hint: '与组织架构中的名称一致' },
    { key: 'team', label: '所属队伍', synonyms: ['服务队', '队伍', '志愿服务队'], kind: 'text' },
    { key: 'skills', label: '特长', synonyms: ['特长技能', '技能', '专长'], kind: 'text' },
    { key: 'registeredOn', label: '登记日期', synonyms: ['注册日期', '加入日期'], kind: 'date', hint: '空着的按今天' },
    { key: 'note', label: '备注', synonyms: ['说明'], kind: 'text' },
  ],
  keyFields: ['idNumber'],
  parse,
  start,
});
