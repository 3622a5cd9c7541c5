import { labelOrgName, labelOrgNames } from '../../party/org-names';
import type { Db } from '../../../../db/open';
import { findMemberByIdNumber, getMember } from '../../../../db/party/members';
import { searchPeople as searchPeopleRows } from '../../../../db/volunteer/people-search';
import { listHonours } from '../../../../db/volunteer/honours';
import { personYears } from '../../../../db/volunteer/ledger';
import {
  findResidentByIdNumber,
  linkToMember,
  listVolunteers,
  setResidentActive,
  updateResident,
  updateVolunteerFields,
  insertResident,
  volunteerIdOfMember,
  type ResidentFields,
} from '../../../../db/volunteer/people';
import { ruleOn } from '../../../../db/volunteer/rules';
import { serviceLines } from '../../../../db/volunteer/service-record';
import { DomainError, fieldError } from '../../common/errors';
import { maskIdCard, maskPhone } from '../../common/identifiers';
import { todayIso } from '../../common/calendar';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { PersonHit, volunteerContract } from '../contract';
import { maskVolunteer, memberVolunteer, mustUnit, mustVolunteer, scopePath, spendable } from './common';

type C = typeof volunteerContract;

const RESIDENT_UNITS = new Set(['community_committee', 'branch', 'group']);

/** A resident's unit takes volunteers, and their ID number is no one else's — not another resident's, not a member's. */
function checkResident(db: Db, r: ResidentFields, selfId?: string) {
  const org = mustUnit(db, r.orgId, 'orgId', '所属单位');
  if (!RESIDENT_UNITS.has(org.level)) throw fieldError('orgId', '请选择社区党组织、党支部或党小组');
  if (!r.idNumber) return;
  const member = findMemberByIdNumber(db, r.idNumber);
  if (member) throw fieldError('idNumber', `该身份证号是党员${member.name}的，请用“从党员名册添加”登记，不要重复建档`);
  const other = findResidentByIdNumber(db, r.idNumber);
  if (other && other.id !== selfId) throw fieldError('idNumber', `该身份证号已登记为志愿者（${other.name}）`);
}

/** The person pickers' hits, each with the points the person may spend. */
function searchPeople(db: Db, q: string, limit: number): PersonHit[] {
  if (!q) return [];
  return searchPeopleRows(db, q, limit).map((p) => ({ ...p, balance: p.volunteerId ? spendable(db, p.volunteerId) : 0 }));
}

function updated(ctx: Ctx, id: string, before: ReturnType<typeof mustVolunteer>, action = 'update') {
  const after = mustVolunteer(ctx.db, id);
  ctx.audit({ action, entity: 'volunteer', entityId: id, before: maskVolunteer(before), after: maskVolunteer(after) });
  return maskVolunteer(after);
}

export const peopleHandlers: Pick<
  Handlers<C>,
  | 'volunteer.listVolunteers'
  | 'volunteer.getVolunteer'
  | 'volunteer.searchPeople'
  | 'volunteer.createResident'
  | 'volunteer.addMember'
  | 'volunteer.updateVolunteer'
  | 'volunteer.revealVolunteer'
  | 'volunteer.linkMember'
  | 'volunteer.setLeft'
> = {
  'volunteer.listVolunteers': (input, { db }) => {
    const page = listVolunteers(db, { ...input, orgPath: scopePath(db, input.orgId), year: input.year ?? Number(todayIso().slice(0, 4)) });
    const rows = page.rows.map(({ idNumber, phone, ...r }) => ({ ...r, idNumberMasked: maskIdCard(idNumber), phoneMasked: maskPhone(phone) }));
    return { total: page.total, rows: labelOrgNames(db, rows) };
  },

  'volunteer.getVolunteer': ({ id }, { db }) => {
    const v = mustVolunteer(db, id);
    const today = todayIso();
    return {
      volunteer: labelOrgName(db, maskVolunteer(v)),
      years: personYears(db, id),
      balance: spendable(db, id),
      expiry: ruleOn(db, today).expiry,
      honours: labelOrgNames(db, listHonours(db, { year: null, volunteerId: id })),
      recentActivities: serviceLines(db, id, '2000-01-01', today, true, 10),
    };
  },

  'volunteer.searchPeople': ({ q, limit }, { db }) => labelOrgNames(db, searchPeople(db, q, limit)),

  'volunteer.createResident': (input, ctx) => {
    const { team, skills, registeredOn, note, ...resident } = input;
    checkResident(ctx.db, resident);
    const id = insertResident(ctx.db, resident, { team, skills, registeredOn, note }, ctx.operator);
    const v = mustVolunteer(ctx.db, id);
    ctx.audit({ action: 'create', entity: 'volunteer', entityId: id, after: maskVolunteer(v) });
    return maskVolunteer(v);
  },

  'volunteer.addMember': ({ memberId, ...fields }, ctx) => {
    if (volunteerIdOfMember(ctx.db, memberId)) {
      throw new DomainError('CONFLICT', '该党员已在志愿者名册中', 'ALREADY_VOLUNTEER', [{ path: 'memberId', message: '已在志愿者名册中' }]);
    }
    const v = memberVolunteer(ctx, memberId, fields.registeredOn);
    if (!v.active) throw fieldError('memberId', `${v.name}已不在册，不能登记为志愿者`);
    updateVolunteerFields(ctx.db, v.id, fields, ctx.operator);
    return updated(ctx, v.id, v);
  },

  'volunteer.updateVolunteer': ({ id, resident, team, skills, registeredOn, note }, ctx) => {
    const before = mustVolunteer(ctx.db, id);
    if (resident) {
      if (before.kind === 'member') throw fieldError('resident', '党员志愿者的个人信息请在党员名册中修改');
      const { keepIdNumber, keepPhone, ...fields } = resident;
      const merged = { ...fields, idNumber: keepIdNumber ? before.idNumber : fields.idNumber, phone: keepPhone ? before.phone : fields.phone };
      checkResident(ctx.db, merged, id);
      updateResident(ctx.db, id, merged, ctx.operator);
    }
    updateVolunteerFields(ctx.db, id, { team, skills, registeredOn, note }, ctx.operator);
    return updated(ctx, id, before);
  },

  'volunteer.revealVolunteer': ({ id, field, reason }, { db, audit }) => {
    const v = mustVolunteer(db, id);
    // Seeing a full ID number or phone is itself a recorded act, with the reason given.
    audit({ action: 'reveal', entity: 'volunteer', entityId: id, after: { field, reason } });
    return { value: v[field] ?? '' };
  },

  'volunteer.linkMember': ({ id, memberId }, ctx) => {
    const before = mustVolunteer(ctx.db, id);
    if (before.kind === 'member') throw new DomainError('DOMAIN', `${before.name}已是党员志愿者`, 'ALREADY_MEMBER');
    if (volunteerIdOfMember(ctx.db, memberId)) {
      throw new DomainError('CONFLICT', '该党员已有志愿者档案，不能再关联；如确为同一人，请联系管理员合并', 'MEMBER_HAS_VOLUNTEER');
    }
    const member = getMember(ctx.db, memberId);
    if (!member) throw fieldError('memberId', '党员不存在');
    if (before.idNumber && member.idNumber && before.idNumber !== member.idNumber) {
      throw fieldError('memberId', `${member.name}的身份证号与该志愿者不一致，不是同一人`);
    }
    linkToMember(ctx.db, id, memberId, ctx.operator);
    return updated(ctx, id, before, 'link_member');
  },

  'volunteer.setLeft': ({ id, leftOn }, ctx) => {
    const before = mustVolunteer(ctx.db, id);
    if (before.kind === 'member') throw new DomainError('DOMAIN', '党员志愿者随党员名册在册状态变化', 'MEMBER_FOLLOWS_REGISTER');
    setResidentActive(ctx.db, id, leftOn, ctx.operator);
    return updated(ctx, id, before, leftOn ? 'volunteer_left' : 'volunteer_back');
  },
};
