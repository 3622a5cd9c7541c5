import { strFromU8, strToU8 } from 'fflate';
import { fundChainName, fundChainSpec } from '../../db/fund/chain';
import { fieldOfColumn } from '../../db/fund/export';
import { newId } from '../../db/ids';
import { chainHash, genesisHash } from '../../db/ledger/canonical';
import { REG_CODE } from './elevator-fixture';
import { COMMITTEE_PIN, COMPANY_PIN } from './fund-fixture';
import { today } from './helpers';
import { CREDIT_CODE } from './property-fixture';
import { communityInstall, rewritePackage, thisMonth } from './submission-fixture';

/** A sheet of 100: one binary item of 60 and a deduction item of 40 (10 a finding). */
const SHEET = {
  name: '物业服务质量考评表',
  totalTenths: 1000,
  categories: [{
    name: '基础管理', pointsTenths: 1000, items: [
      { content: '服务标准公示', method: 'binary' as const, pointsTenths: 600 },
      { content: '公共区域清扫保洁', method: 'deduction' as const, pointsTenths: 400, perFindingTenths: 100 },
    ],
  }],
};

/**
 * A community installation (submission-fixture's 西里社区) with red property, an elevator and a fund account, all
 * dated this month on the tests' clock, as the property, elevator and fund fixtures make them but through the
 * community's own StreetDesk: 阳光小区 served by 阳光物业 under a contract, a committee term of 5 (张三 a party
 * member from the register), a joint meeting with two resolutions (one done), an assessment scored 92.0 on the
 * year's list as published, an elevator with a signed-off routine record and an entrapment (2 people, 22 minutes), and a fund account opened with
 * ¥10,000.00 that took ¥12,345.67 in and paid out ¥1,000.50 with both sign-offs for that elevator, with a use application proposed.
 */
export async function communityWithPlaces(unit: Parameters<typeof communityInstall>[0] = {}) {
  const t = await communityInstall(unit);
  const { call } = t;
  const month = thisMonth();
  const year = month.slice(0, 4);
  const first = `${month}-01`;
  const place = (await call('party.listPlaces', {})).find((p) => p.kind === 'estate')!;
  const estate = await call('property.createEstate', { placeId: place.id, management: 'company', floorAreaHundredths: 4_567_890 });
  const company = await call('property.createCompany', {
    name: '阳光物业服务有限公司', creditCode: CREDIT_CODE, contactPerson: '刘经理', contactPhone: '13912345678', partyOrgForm: 'joint', partyMembers: 4,
  });
  await call('property.createContract', { estateId: estate.placeId, companyId: company.id, startsOn: '2024-01-01' });
  const term = await call('property.createTerm', {
    estateId: estate.placeId, termNo: 1, electedOn: '2024-06-20', startsOn: '2024-07-01', endsOn: '2029-06-30', filedOn: '2024-07-10',
    members: [
      { memberId: t.members.zhang.id, role: 'chair', isPartyMember: true },
      { name: '业主甲', role: 'vice_chair', isPartyMember: true, onResidentsCommittee: true },
      { name: '业主乙', role: 'member' },
      { name: '业主丙', role: 'member' },
      { name: '业主丁', role: 'member' },
    ],
  } as never);
  const meeting = await call('property.createJointMeeting', {
    estateId: estate.placeId, heldOn: first, convener: '西里社区党委 张书记', place: '社区党群服务中心',
    attendees: [{ party: 'party_org', name: '张书记' }, { party: 'property_company', name: '刘经理', title: '项目经理' }],
    topics: ['3号楼楼道堆物', '电梯维保资金使用'],
    resolutions: [
      { content: '清理3号楼楼道堆物', responsibleParty: 'property_company', responsiblePerson: '刘经理', dueOn: first },
      { content: '公示电梯维保资金使用方案', responsibleParty: 'owners_committee', dueOn: `${Number(year) + 1}-01-31` },
    ],
  });
  const later = meeting.resolutions[1]!;
  await call('property.moveResolution', { id: later.id, to: 'in_progress' });
  await call('property.moveResolution', { id: later.id, to: 'done', doneOn: today() });

  const draft = await call('property.createTemplate', SHEET);
  const template = await call('property.publishTemplate', { id: draft.template.id });
  const assessment = await call('property.createAssessment', { period: year, estateId: estate.placeId, companyId: company.id, templateId: template.template.id });
  const [binary, deduction] = assessment.template.categories.flatMap((c) => c.items);
  await call('property.saveAssessmentSheet', {
    assessmentId: assessment.assessment.id, body: 'street', scoredOn: today(),
    entries: [{ itemId: binary!.id, met: true }, { itemId: deduction!.id, findings: [] }],
  });
  await call('property.saveAssessmentSheet', {
    assessmentId: assessment.assessment.id, body: 'owners_committee', scoredOn: today(),
    entries: [{ itemId: binary!.id, met: true }, { itemId: deduction!.id, findings: ['楼道有垃圾', '绿化带杂物'] }],
  });
  const list = await call('property.publishList', { period: year });

  const building = await call('party.createPlace', { kind: 'building', parentId: place.id, name: '3号楼', unitCount: 2 });
  const elevator = await call('elevator.createElevator', {
    estateId: place.id, buildingId: building.id, unitNo: 1, carLabel: '1号梯', regCode: REG_CODE, type: 'passenger',
    status: 'in_service', rescuePhone: '027-96333', maintainer: '江城电梯工程有限公司', contractPrice: '¥350.00',
    speed: '1.75', floors: 18, nextInspectionOn: `${Number(year) + 1}-03-15`,
  });
  await call('elevator.createMaintenance', {
    elevatorId: elevator.id, doneOn: first, kind: 'half_monthly', company: '江城电梯工程有限公司', worker1: '李师傅', worker2: '赵师傅',
    signedBy: '陈安全', signedOn: first,
  });

  // Just after midnight on the 1st: before "now" even when the tests run on a month's first morning.
  await call('elevator.createFault', {
    elevatorId: elevator.id, alarmAt: `${first} 00:10`, arrivedAt: `${first} 00:32`, releasedAt: `${first} 00:40`, peopleTrapped: 2,
    cause: 'door', rescuer: '江城电梯 王师傅',
  });
  const account = await call('fund.openAccount', { estateId: place.id, openingBalance: '10,000.00', openedOn: first });
  const signer = async (side: 'company' | 'committee', name: string, pin: string) => {
    const s = await call('fund.addSignatory', { accountId: account.id, side, name });
    return call('fund.setSignatoryPin', { signatoryId: s.id, pin });
  };
  const companySigner = await signer('company', '刘经理', COMPANY_PIN);
  const committeeSigner = await signer('committee', '陈主任', COMMITTEE_PIN);
  const income = (amount: string) =>
    call('fund.postIncome', { id: newId(), accountId: account.id, onDate: today(), amount, purpose: '物业费提取', category: 'fee_allocation' });
  const spend = async (amount: string) => {
    const d = await call('fund.draftExpense', {
      id: newId(), accountId: account.id, onDate: today(), amount, purpose: '日常维保', category: 'routine', counterparty: '江城电梯工程有限公司', voucherNo: 'PZ-001',
      elevatorIds: [elevator.id],
    });
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: companySigner.id, pin: COMPANY_PIN });
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: committeeSigner.id, pin: COMMITTEE_PIN });
    return (await call('fund.postExpense', { entryId: d.entry.id })).entry;
  };
  await income('12,345.67');
  await spend('1,000.50');
  // A use application in the package too (its bank reconciliations need a month that has ended: submission-fund-procedures).
  await call('fund.createApplication', {
    accountId: account.id, title: '3号楼电梯大修', works: '更换曳引机', budget: '150,000.00', rule: 'use', totalHouseholds: 300, totalArea: 3_000_000,
  });
  return { ...t, month, year, estate, company, term, meeting, list, elevator, account, income, spend };
}

export const MODULES = ['party', 'property', 'fund', 'elevator'];
export type Rec = Record<string, unknown>;
export type Tables = Record<string, { table: string; units: Record<string, Rec[]> }>;

/**
 * A package edited and every checksum redone, then signed with the source's own key — a fault at the source, or
 * someone holding its key — so that only the receiving side's own checks (the schemas, the fund's hash chains)
 * stand in the way. (Signed with any other key, the signature check refuses it first: submission-signing.)
 */
export function forged(base64: string, signWith: string, edit: (tables: Tables) => void): string {
  return rewritePackage(base64, (files, manifest) => {
    const tables: Tables = {};
    for (const f of Object.keys(files).filter((f) => f.startsWith('tables/'))) tables[f.slice(7, -5)] = JSON.parse(strFromU8(files[f]!));
    edit(tables);
    for (const t of manifest.tables as { name: string; file: string; rows: number }[]) {
      files[t.file] = strToU8(JSON.stringify(tables[t.name]));
      t.rows = Object.values(tables[t.name]!.units).reduce((n, rows) => n + rows.length, 0);
    }
  }, signWith);
}

/** Every account's chain hashed again from hash_0, and each account's head moved to match: a consistent rewrite. */
export function rechain(tables: Tables) {
  const fields = fundChainSpec('', '').fields.map((f) => ({ kind: f.kind, name: fieldOfColumn(f.column) }));
  for (const [unit, entries] of Object.entries(tables['fund.entries']!.units)) {
    const prev = new Map<string, string>();
    for (const e of [...entries].sort((a, b) => Number(a.seq) - Number(b.seq))) {
      const account = String(e.accountId);
      e.prevHash = prev.get(account) ?? genesisHash(fundChainName(account));
      e.hash = chainHash(String(e.prevHash), fields.map((f) => ({ kind: f.kind, value: e[f.name] })));
      prev.set(account, String(e.hash));
    }
    for (const a of tables['fund.accounts']!.units[unit] ?? []) a.headHash = prev.get(String(a.id)) ?? a.headHash;
  }
}
