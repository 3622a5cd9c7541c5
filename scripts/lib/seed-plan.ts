import type { Lifecycle, MemberFields } from '../../db/party/members';
import { chineseName, idNumber, mobile, pick } from './people';
import * as W from './seed-words';

/**
 * The generated dataset planned in memory before anything is written: the place tree, who lives where, who
 * leads which branch. Planning first lets party groups be formed only where a building really has members.
 */

export type Rand = () => number;

const DAY_MS = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const addDays = (iso: string, n: number): string => new Date(ms(iso) + n * DAY_MS).toISOString().slice(0, 10);
export const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const dateIn = (r: Rand, lo: string, hi: string): string =>
  addDays(lo, Math.floor(r() * (Math.round((ms(hi) - ms(lo)) / DAY_MS) + 1)));
const later = (a: string, b: string) => (a > b ? a : b);
/** 6576 days is at least 18 years whatever the leap days, so a join date from it passes the age rule. */
const EIGHTEEN = 6576;

export interface BuildingPlan {
  name: string;
  units: number;
  households: number;
  members: PlannedMember[];
  hasGroup: boolean;
  id: string;
  groupId: string | null;
}

export interface EstatePlan {
  name: string;
  households: number;
  buildings: BuildingPlan[];
  /** Share of required meetings this branch skips: some branches are reliably behind. */
  missRate: number;
  id: string;
  branchId: string;
  branchPath: string;
}

export interface CommunityPlan {
  name: string;
  code: string;
  estates: EstatePlan[];
  id: string;
  orgId: string;
  orgPath: string;
}

export interface PlannedMember extends Omit<MemberFields, 'orgId' | 'buildingId'> {
  building: BuildingPlan;
  /** Branch committee members belong to the branch itself, everyone else to their building's group if any. */
  inBranch: boolean;
  lifecycle: Lifecycle;
  leftOn: string | null;
  leftTo: string | null;
  transferIn: { on: string; from: string } | null;
  id: string;
  orgId: string;
}

function communityName(i: number, words: string[]): string {
  return `${words[i % words.length]}${W.COMMUNITY_SUFFIXES[Math.floor(i / words.length) % W.COMMUNITY_SUFFIXES.length]}社区`;
}

function shuffled<T>(r: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Communities → estates (小区) → buildings (楼栋) with unit and household counts. */
export function planTree(r: Rand, communities: number): CommunityPlan[] {
  const words = shuffled(r, W.COMMUNITY_WORDS);
  return Array.from({ length: communities }, (_, i): CommunityPlan => {
    const estateNames = new Set<string>();
    const estateCount = int(r, 3, 6);
    while (estateNames.size < estateCount) {
      estateNames.add(`${pick<string>(r, W.ESTATE_WORDS)}${pick<string>(r, W.ESTATE_SUFFIXES)}`);
    }
    const estates = [...estateNames].map((name): EstatePlan => {
      const buildings = Array.from({ length: int(r, 4, 12) }, (_, k): BuildingPlan => {
        const units = int(r, 1, 6);
        // Walk-ups of 3–6 floors, mostly two flats a landing.
        const households = units * int(r, 3, 6) * (r() < 0.8 ? 2 : 1);
        return { name: `${k + 1}号楼`, units, households, members: [], hasGroup: false, id: '', groupId: null };
      });
      const households = buildings.reduce((s, b) => s + b.households, 0);
      return { name, households, buildings, missRate: 0.02 + r() * 0.16, id: '', branchId: '', branchPath: '' };
    });
    // Street code + community code, as in 12-digit statistical division codes.
    const code = `130104${String(Math.floor(i / 10) + 1).padStart(3, '0')}${String((i % 10) + 1).padStart(3, '0')}`;
    return { name: communityName(i, words), code, estates, id: '', orgId: '', orgPath: '' };
  });
}

function birthYear(r: Rand, category: MemberFields['category']): number {
  if (category === 'in_service') return int(r, 1966, 2000);
  if (category === 'migrant') return int(r, 1970, 2003);
  // Registered community members are mostly retirees.
  return r() < 0.65 ? int(r, 1940, 1965) : int(r, 1966, 2003);
}

function planPerson(r: Rand, today: string, building: BuildingPlan, idSeq: Map<string, number>): PlannedMember {
  const gender = r() < 0.55 ? 'male' : 'female';
  const c = r();
  const category = c < 0.75 ? 'community' : c < 0.95 ? 'in_service' : 'migrant';
  const year = birthYear(r, category);
  const birthDate = dateIn(r, `${year}-01-01`, `${year}-12-31`);
  const adult = addDays(birthDate, EIGHTEEN);
  const probationary = r() < 0.05;
  // Full members joined before the last 14 months; probationary ones within them (some now due to become full).
  const fullCutoff = addDays(today, -430);
  let joinedOn: string;
  if (probationary) joinedOn = dateIn(r, later(adult, addDays(today, -425)), today);
  else {
    joinedOn = addDays(adult, Math.floor(r() * r() * 30 * 365.25));
    if (joinedOn > fullCutoff) joinedOn = dateIn(r, adult, fullCutoff);
  }
  const key = `${birthDate}${gender}`;
  const seq = idSeq.get(key) ?? 0;
  idSeq.set(key, seq + 1);
  const transferIn = r() < 0.08
    ? { on: dateIn(r, later(joinedOn, '2010-01-01'), later(addDays(today, -60), joinedOn)), from: pick<string>(r, W.TRANSFER_FROM) }
    : null;
  const since = transferIn?.on ?? joinedOn;
  const x = r();
  let lifecycle: Lifecycle = 'active';
  let leftOn: string | null = null;
  let leftTo: string | null = null;
  if (!probationary && x < 0.03 && since < addDays(today, -60)) {
    lifecycle = 'transferred_out';
    leftOn = dateIn(r, later(addDays(since, 30), addDays(today, -5 * 365)), addDays(today, -1));
    leftTo = pick<string>(r, W.TRANSFER_TO);
  } else if (x < 0.05 && year < 1965 && since < addDays(today, -60)) {
    lifecycle = 'deceased';
    leftOn = dateIn(r, later(addDays(since, 30), addDays(today, -5 * 365)), addDays(today, -1));
  }
  return {
    name: chineseName(r),
    gender,
    ethnicity: pick(r, W.ETHNICITIES),
    education: pick(r, year < 1965 ? W.EDUCATION_OLD : W.EDUCATION_YOUNG),
    birthDate,
    idNumber: idNumber('130104', birthDate, seq, gender),
    phone: mobile(r),
    joinedOn,
    fullOn: probationary ? null : addDays(joinedOn, 365),
    status: probationary ? 'probationary' : 'full',
    category,
    workUnit: category === 'in_service' ? pick(r, W.WORK_UNITS) : null,
    reportedOn: category === 'in_service' ? later(since, dateIn(r, '2019-01-01', addDays(today, -30))) : null,
    address: `${building.name}${int(r, 1, building.units)}单元${int(r, 1, 6)}0${int(r, 1, 2)}`,
    role: null,
    isCentreHousehold: false,
    note: null,
    building,
    inBranch: false,
    lifecycle,
    leftOn,
    leftTo,
    transferIn,
    id: '',
    orgId: '',
  };
}

/** Spreads `total` members over the buildings in proportion to their households. */
export function planMembers(r: Rand, tree: CommunityPlan[], total: number, today: string): PlannedMember[] {
  const buildings = tree.flatMap((c) => c.estates.flatMap((e) => e.buildings));
  const cumulative: number[] = [];
  let sum = 0;
  for (const b of buildings) cumulative.push((sum += b.households));
  const idSeq = new Map<string, number>();
  const members: PlannedMember[] = [];
  for (let i = 0; i < total; i++) {
    const target = r() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    const building = buildings[lo]!;
    const m = planPerson(r, today, building, idSeq);
    building.members.push(m);
    members.push(m);
  }
  for (const c of tree) for (const e of c.estates) planRoles(r, e);
  return members;
}

/** One secretary and two committee members per branch; a party group (with a leader) where a building has enough members. */
function planRoles(r: Rand, estate: EstatePlan) {
  const active = estate.buildings.flatMap((b) => b.members).filter((m) => m.lifecycle === 'active');
  const year = (m: PlannedMember) => Number(m.birthDate!.slice(0, 4));
  const suitable = active.filter((m) => m.category !== 'migrant' && m.status === 'full' && year(m) >= 1950 && year(m) <= 1990);
  const leaders = shuffled(r, suitable.length >= 3 ? suitable : active).slice(0, 3);
  leaders.forEach((m, i) => {
    m.role = i === 0 ? 'secretary' : 'committee';
    m.inBranch = true;
  });
  for (const b of estate.buildings) {
    const members = b.members.filter((m) => m.lifecycle === 'active' && !m.inBranch);
    b.hasGroup = members.length >= 5 && r() < 0.6;
    if (b.hasGroup) {
      const leader = members.find((m) => m.category === 'community') ?? members[0]!;
      leader.role = 'group_leader';
    }
  }
  for (const m of active) {
    if (m.category === 'community' && r() < 0.07) m.isCentreHousehold = true;
  }
}
