import type { Db } from '../../db/open';
import { insertTerm, type CommitteeMemberFields, type CommitteeRole } from '../../db/property/committees';
import { insertCompany } from '../../db/property/companies';
import { insertContract } from '../../db/property/contracts';
import { insertEstate, type ManagementType } from '../../db/property/estates';
import { FEES, insertFigure, SURVEYS } from '../../db/property/figures';
import { insertJointMeeting } from '../../db/property/joint-meetings';
import { setResolutionFeedback, setResolutionStatus, type JointParty, type ResidentRating } from '../../db/property/resolutions';
import { creditCodeProblem } from '../../main/api/common/identifiers';
import { chineseName, mobile, pick } from './people';
import { addDays, dateIn, int, type CommunityPlan, type EstatePlan, type Rand } from './seed-plan';

/**
 * Red property's generated data (issue 10): about one property company for every three estates, each with a valid
 * unified social credit code; an estate profile for every estate (most company-managed, some 自管 and a few 弃管)
 * with its contract history; owners' committee terms over the last five years with members (some from the party
 * register); a three-party joint meeting a quarter for two years with resolutions (most done, some overdue); and
 * satisfaction surveys and fee collection for the last eight quarters, improving over time as the seeds describe.
 */

const COMPANY_WORDS = ['宏达', '安居', '恒信', '锦程', '华庭', '盛世', '万家', '嘉和', '明德', '众诚', '康泰', '金盾', '绿城', '悦居', '同心'];
const COMPANY_KINDS = ['物业服务有限公司', '物业管理有限公司', '物业服务集团有限公司'];
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const TOPICS = ['电梯维保与更新', '楼道堆物清理', '停车位规划', '垃圾分类投放点', '外墙渗水维修', '绿化补种', '监控设备更新', '物业费收缴', '消防通道畅通', '充电桩安装'];
const RESOLUTIONS = ['清理楼道堆物并张贴告示', '维修外墙渗水部位', '增设非机动车充电桩', '更换单元门禁', '补种小区绿化', '公布物业费收支情况', '修复路面坑洼', '整改消防通道占用'];
const RESPONSIBLE: JointParty[] = ['property_company', 'property_company', 'owners_committee', 'residents_committee', 'party_org'];

/** A valid 统一社会信用代码: 9 (企业) 1 (法人), the region, a 9-character organisation code, then its check character. */
export function creditCodeFor(r: Rand, region: string): string {
  const first17 = `91${region}${Array.from({ length: 9 }, () => pick<string>(r, CODE_CHARS)).join('')}`;
  const check = [...CODE_CHARS].find((c) => creditCodeProblem(first17 + c) === null);
  return first17 + check!;
}

/** Quarters `YYYY-Qn` ending before today's quarter, oldest first, with their first day. */
export function pastQuarters(today: string, count: number): { period: string; startsOn: string }[] {
  let year = Number(today.slice(0, 4));
  let q = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const out: { period: string; startsOn: string }[] = [];
  for (let i = 0; i < count; i++) {
    q -= 1;
    if (q === 0) [q, year] = [4, year - 1];
    out.unshift({ period: `${year}-Q${q}`, startsOn: `${year}-${String(q * 3 - 2).padStart(2, '0')}-01` });
  }
  return out;
}

export interface PropertySeed {
  companyOf: Map<string, { id: string; name: string; contact: string }>;
  management: Map<string, ManagementType>;
  /** The current committee term's chair and one other member (the fund's committee signatories). */
  committeeOf: Map<string, string[]>;
  counts: Record<string, number>;
}

const ROLES = (size: number): CommitteeRole[] => Array.from({ length: size }, (_, i) => (i === 0 ? 'chair' : i <= (size >= 7 ? 2 : 1) ? 'vice_chair' : 'member'));

function termMembers(r: Rand, e: EstatePlan): CommitteeMemberFields[] {
  const size = e.households < 300 && r() < 0.3 ? 3 : pick(r, [5, 5, 7, 7, 9]);
  const register = e.buildings.flatMap((b) => b.members).filter((m) => m.lifecycle === 'active');
  const used = new Set<string>();
  return ROLES(size).map((role) => {
    const fromRegister = register.length > 0 && r() < 0.45 ? pick(r, register) : null;
    if (fromRegister && !used.has(fromRegister.id)) {
      used.add(fromRegister.id);
      return { memberId: fromRegister.id, name: null, role, isPartyMember: true, onResidentsCommittee: r() < 0.3 };
    }
    return { memberId: null, name: chineseName(r), role, isPartyMember: r() < 0.1, onResidentsCommittee: r() < 0.15 };
  });
}

function writeTerms(db: Db, r: Rand, e: EstatePlan, today: string, operator: string): { terms: number; chair: string[] } {
  // The current term began up to five years ago; one estate in twenty let it lapse (逾期未换届).
  const lapsed = r() < 0.05;
  const startsOn = lapsed ? addDays(today, -int(r, 1830, 2000)) : addDays(today, -int(r, 30, 1800));
  const spans = [{ startsOn: addDays(startsOn, -1826), endsOn: addDays(startsOn, -1) }, { startsOn, endsOn: addDays(startsOn, 1825) }];
  let chair: string[] = [];
  spans.forEach((span, i) => {
    const electedOn = addDays(span.startsOn, -int(r, 1, 10));
    const members = termMembers(r, e);
    insertTerm(db, {
      estateId: e.id, termNo: i + 1, electedOn, startsOn: span.startsOn, endsOn: span.endsOn,
      filedOn: r() < 0.9 ? addDays(electedOn, int(r, 5, 30)) : null, firstMeetingOn: addDays(electedOn, int(r, 1, 7)), note: null,
      members,
    }, operator);
    // Signatories are named people: members from the register sign under their own names, which the seed does not keep here.
    chair = members.flatMap((m) => (m.name ? [m.name] : [])).slice(0, 2);
  });
  return { terms: spans.length, chair };
}

type Fate = { status: 'in_progress' | 'done' | 'dropped'; doneOn: string | null; droppedReason: string | null };

/** Where a resolution stands today: most past their deadline are done, one in ten is overdue, a few dropped. */
function resolutionFate(r: Rand, heldOn: string, dueOn: string, today: string): Fate | null {
  const inProgress: Fate = { status: 'in_progress', doneOn: null, droppedReason: null };
  if (dueOn >= today) return r() < 0.5 ? inProgress : null;
  const x = r();
  if (x < 0.1) return r() < 0.5 ? inProgress : null;
  if (x < 0.15) return { status: 'dropped', doneOn: null, droppedReason: '经三方协商，纳入下一年度计划统一实施' };
  return { status: 'done', doneOn: dateIn(r, heldOn, addDays(dueOn, 10) < today ? addDays(dueOn, 10) : today), droppedReason: null };
}

function writeMeetings(db: Db, r: Rand, e: EstatePlan, company: string | null, today: string, operator: string): Record<string, number> {
  const n = { meetings: 0, resolutions: 0 };
  for (const q of pastQuarters(today, 8)) {
    const heldOn = addDays(q.startsOn, int(r, 10, 80));
    if (heldOn >= today) continue;
    const resolutions = Array.from({ length: int(r, 1, 3) }, () => ({
      content: pick(r, RESOLUTIONS), responsibleParty: pick(r, RESPONSIBLE), responsiblePerson: chineseName(r), dueOn: addDays(heldOn, int(r, 30, 90)),
    }));
    const id = insertJointMeeting(db, {
      estateId: e.id, heldOn, convener: `${e.name}党支部`, place: `${e.name}党群服务站`,
      minutes: `围绕${pick(r, TOPICS)}等事项三方协商，形成决议 ${resolutions.length} 项。`,
      attendees: [
        { party: 'party_org', name: chineseName(r), title: '党支部书记' },
        { party: 'residents_committee', name: chineseName(r), title: '社区居委会主任' },
        { party: 'owners_committee', name: chineseName(r), title: '业委会主任' },
        ...(company ? [{ party: 'property_company' as const, name: chineseName(r), title: `${company}项目经理` }] : []),
      ],
      topics: [pick(r, TOPICS), pick(r, TOPICS)],
      resolutions,
    }, operator);
    n.meetings++;
    const ids = db.prepare('SELECT id, due_on AS dueOn FROM joint_resolutions WHERE meeting_id = ? ORDER BY seq').all(id) as { id: string; dueOn: string }[];
    for (const res of ids) {
      n.resolutions++;
      const fate = resolutionFate(r, heldOn, res.dueOn, today);
      if (!fate) continue;
      setResolutionStatus(db, res.id, fate, operator);
      if (fate.doneOn && r() < 0.6) {
        const rating: ResidentRating = pick(r, ['satisfied', 'satisfied', 'mostly_satisfied', 'unsatisfied']);
        const noticedOn = addDays(fate.doneOn, int(r, 0, 5));
        setResolutionFeedback(db, res.id, { noticedOn: noticedOn < today ? noticedOn : fate.doneOn, rating }, operator);
      }
    }
  }
  return n;
}

/** Eight quarters of surveys and fees, rising from a poor start (the seeds cite 46% → 94%) toward the estate's level. */
function writeFigures(db: Db, r: Rand, e: EstatePlan, areaHundredths: number, today: string, operator: string): number {
  const quarters = pastQuarters(today, 8);
  const start = 0.45 + r() * 0.25;
  const end = 0.8 + r() * 0.18;
  quarters.forEach((q, i) => {
    const level = start + ((end - start) * i) / (quarters.length - 1);
    const reached = Math.min(e.households, int(r, 60, 120));
    const satisfied = Math.floor(reached * level * (0.7 + r() * 0.2));
    const mostly = Math.floor((reached * level) - satisfied);
    insertFigure(db, SURVEYS, e.id, q.period, {
      households: e.households, sampleSize: Math.min(e.households, reached + int(r, 0, 20)), reached, satisfied, mostlySatisfied: Math.max(0, mostly),
      unsatisfied: reached - satisfied - Math.max(0, mostly), note: null,
    }, operator);
    // ¥1.18 per m² a month over the quarter, in fen: area (hundredths of m²) × 118 fen × 3 ÷ 100.
    const receivableFen = Math.floor((areaHundredths * 118 * 3) / 100);
    insertFigure(db, FEES, e.id, q.period, {
      receivableFen, unpaidFen: Math.floor(receivableFen * (1 - level)), arrearsCollectedFen: r() < 0.3 ? int(r, 1_000, 50_000) * 100 : 0, note: null,
    }, operator);
  });
  return quarters.length;
}

export function writeProperty(db: Db, r: Rand, tree: CommunityPlan[], today: string, operator: string): PropertySeed {
  const estates = tree.flatMap((c) => c.estates);
  const companies = Array.from({ length: Math.max(3, Math.round(estates.length / 3)) }, (_, i) => {
    const name = `${COMPANY_WORDS[i % COMPANY_WORDS.length]}${i >= COMPANY_WORDS.length ? String(Math.floor(i / COMPANY_WORDS.length) + 1) : ''}${pick(r, COMPANY_KINDS)}`;
    const contact = chineseName(r);
    const id = insertCompany(db, {
      name, creditCode: creditCodeFor(r, '130104'), contactPerson: contact, contactPhone: mobile(r), address: `西里街道${int(r, 1, 200)}号`,
      partyOrgForm: pick(r, ['own', 'joint', 'sector', null]), partyMembers: int(r, 0, 12), note: null,
    }, operator);
    return { id, name, contact };
  });
  const seed: PropertySeed = { companyOf: new Map(), management: new Map(), committeeOf: new Map(), counts: { companies: companies.length, contracts: 0, terms: 0, jointMeetings: 0, jointResolutions: 0, figureQuarters: 0 } };
  for (const e of estates) {
    const x = r();
    const management: ManagementType = x < 0.8 ? 'company' : x < 0.95 ? 'self' : 'abandoned';
    const areaHundredths = e.households * int(r, 70, 120) * 100;
    insertEstate(db, { placeId: e.id, management, floorAreaHundredths: areaHundredths, note: null }, operator);
    seed.management.set(e.id, management);
    let company: (typeof companies)[number] | null = null;
    if (management === 'company') {
      // The contract in force, and the one before it with another company: the history is kept.
      const current = pick(r, companies);
      const previous = pick(r, companies);
      const changedOn = addDays(today, -int(r, 200, 1500));
      insertContract(db, { estateId: e.id, companyId: previous.id, startsOn: addDays(changedOn, -1826), endsOn: addDays(changedOn, -1), note: null }, operator);
      insertContract(db, { estateId: e.id, companyId: current.id, startsOn: changedOn, endsOn: r() < 0.5 ? null : addDays(changedOn, 1825), note: null }, operator);
      seed.counts.contracts! += 2;
      seed.companyOf.set(e.id, current);
      company = current;
    }
    if (management !== 'abandoned') {
      const t = writeTerms(db, r, e, today, operator);
      seed.counts.terms! += t.terms;
      seed.committeeOf.set(e.id, t.chair);
    }
    const m = writeMeetings(db, r, e, company?.name ?? null, today, operator);
    seed.counts.jointMeetings! += m.meetings!;
    seed.counts.jointResolutions! += m.resolutions!;
    if (management === 'company') seed.counts.figureQuarters! += writeFigures(db, r, e, areaHundredths, today, operator);
  }
  return seed;
}
