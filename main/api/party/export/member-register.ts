import type { MemberExport } from '../../../../db/party/export';
import type { Register, UnitData } from '../../../export/types';
import { genders, memberCategories, memberRoles, memberStatuses } from '../labels';
import { onRegisterAt, statusAt } from './as-of';
import { OrgIndex, zhCompare } from './org-index';
import { membersTable } from './tables';

interface MemberRow {
  m: MemberExport;
  orgName: string;
  community: string;
  status: MemberExport['status'];
}

/**
 * A consolidated copy comes back in the order it was stored, not the register's: order it by unit (as the
 * tree lists them) and then by name in pinyin order, as local records come from SQL.
 */
function* inRegisterOrder(data: UnitData, orgs: OrgIndex, rows: Iterable<MemberRow>): Iterable<MemberRow> {
  if (data.local) return yield* rows;
  const position = orgs.treeOrder();
  yield* [...rows].sort(
    (a, b) => (position.get(a.m.orgId) ?? 0) - (position.get(b.m.orgId) ?? 0) || zhCompare(a.m.name, b.m.name),
  );
}

/** 党员花名册: members on the register at the period's end; ID numbers and phones masked unless asked. */
export const memberRegister: Register<MemberRow> = {
  key: 'party.members',
  title: '党员花名册',
  periodNote: (p) => `（在册党员截至 ${p.to}）`,
  columns: [
    { key: 'community', header: '所属社区', width: 14, kind: 'text', multiUnit: true, value: (r) => r.community },
    { key: 'name', header: '姓名', width: 8, kind: 'text', value: (r) => r.m.name, total: { count: '人' } },
    { key: 'gender', header: '性别', width: 4, kind: 'text', value: (r) => genders[r.m.gender] },
    { key: 'ethnicity', header: '民族', width: 6, kind: 'text', value: (r) => r.m.ethnicity },
    { key: 'birthDate', header: '出生日期', width: 11, kind: 'date', value: (r) => r.m.birthDate },
    { key: 'idNumber', header: '身份证号', width: 20, kind: 'text', personal: 'idCard', value: (r) => r.m.idNumber },
    { key: 'phone', header: '联系电话', width: 13, kind: 'text', personal: 'phone', value: (r) => r.m.phone },
    { key: 'education', header: '学历', width: 8, kind: 'text', value: (r) => r.m.education },
    { key: 'joinedOn', header: '入党日期', width: 11, kind: 'date', value: (r) => r.m.joinedOn },
    { key: 'fullOn', header: '转正日期', width: 11, kind: 'date', value: (r) => (r.status === 'full' ? r.m.fullOn : null) },
    { key: 'status', header: '党员类别', width: 9, kind: 'text', value: (r) => memberStatuses[r.status] },
    { key: 'category', header: '人员类别', width: 9, kind: 'text', value: (r) => memberCategories[r.m.category] },
    { key: 'workUnit', header: '工作单位', width: 16, kind: 'text', value: (r) => r.m.workUnit },
    { key: 'org', header: '所在党组织', width: 20, kind: 'text', value: (r) => r.orgName },
    { key: 'role', header: '党内职务', width: 8, kind: 'text', value: (r) => (r.m.role ? memberRoles[r.m.role] : null) },
    { key: 'centre', header: '党员中心户', width: 6, kind: 'text', value: (r) => (r.m.isCentreHousehold ? '是' : null) },
    { key: 'address', header: '住址', width: 20, kind: 'text', value: (r) => r.m.address },
  ],
  *rows(data, p) {
    const orgs = OrgIndex.of(data);
    function* onRegister(): Iterable<MemberRow> {
      for (const m of data.rows(membersTable)) {
        if (!onRegisterAt(m, p.to)) continue;
        yield { m, orgName: orgs.label(m.orgId), community: orgs.communityOf(m.orgId), status: statusAt(m, p.to) };
      }
    }
    yield* inRegisterOrder(data, orgs, onRegister());
  },
};
