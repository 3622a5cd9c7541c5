/**
 * `npm run seed -- --data-dir DIR --scale street|district [--members N]`: a realistic generated dataset.
 *
 * street   ≈ 10 communities (社区党委/党总支), each with 3–6 estates (小区, one 小区党支部 each) of 4–12 buildings
 *            (楼栋, 1–6 units, a 楼栋党小组 where a building has enough members); ≈3,000 party members with valid
 *            ID numbers, categories, roles, centre households, transfers and deaths; six quarters of 三会一课 +
 *            主题党日 with attendance, resolutions and ~10% of required meetings missing; two years of star ratings.
 * district = 10× street (≈100 communities, ≈30,000 members), all under the one street root because an
 *            installation keeps one unit's registers. `--members 100000` matches the ARCHITECTURE budgets.
 *
 * Residents (≈10,000 at street scale) are not a table yet: they are the `households` counts on buildings,
 * summed up to estates and communities (≈10,000 households a street). Plug a residents' table in here later.
 *
 * The content is deterministic (a fixed rng seed; dates are relative to today so the compliance view always
 * has a current quarter); row ids are ULIDs and differ between runs. Everything is written in one transaction
 * through the db repositories — the API would validate and audit each of a million rows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openFile, type Db } from '../db/open';
import { getOrg, rootOrgs } from '../db/party/orgs';
import { withStatementCache } from '../db/statement-cache';
import { withMoment } from '../db/moment';
import { DEFAULT_TIME_ZONE } from '../main/api/common/calendar';
import { momentOf, systemClock, type Clock } from '../main/clock';
import { createCore, DB_FILE_NAME } from '../main/core';
import { rng } from './lib/people';
import { writeMeetings } from './lib/seed-meetings';
import { planMembers, planTree } from './lib/seed-plan';
import { writeMembers, writeTree } from './lib/seed-write';
import { countVolunteerRows, formatVolunteerCounts, writeVolunteers } from './lib/seed-volunteer';
import { writeProperty } from './lib/seed-property';
import { writeElevators } from './lib/seed-elevator';
import { writeFund } from './lib/seed-fund';
import { SEED_ADMIN, SEED_PASSWORD } from './lib/seed-account';
import { writeAssessments } from './lib/seed-assessments';
import { writeCare } from './lib/seed-care';
import { writeRequests } from './lib/seed-requests';

export type ScaleName = 'street' | 'district';
export const SCALES: Record<ScaleName, { communities: number; members: number }> = {
  street: { communities: 10, members: 3_000 },
  district: { communities: 100, members: 30_000 },
};

export const SEED_OPERATOR = '种子数据';
export { SEED_ADMIN, SEED_PASSWORD } from './lib/seed-account';
const SEED = 20261122;

export interface SeedOptions {
  /** Overrides the scale's member count (the tree stays the scale's). */
  members?: number;
  /** The clock the data is generated relative to ("today" and the rows' timestamps); the machine's by default. */
  clock?: Clock;
}

export interface SeedSummary {
  dataDir: string;
  scale: ScaleName;
  counts: Record<string, number>;
  elapsedMs: number;
}

/** Thrown for a folder that already holds data: the seed never mixes generated rows into real registers. */
export class SeedRefused extends Error {}

export async function seedDataset(dataDir: string, scale: ScaleName, options: SeedOptions = {}): Promise<SeedSummary> {
  const started = performance.now();
  const dir = path.resolve(dataDir);
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
    throw new SeedRefused(`数据文件夹 ${dir} 里已有数据，种子数据只写入空文件夹。请换一个新的文件夹。`);
  }
  const clock = options.clock ?? systemClock;
  const moment = momentOf(clock, DEFAULT_TIME_ZONE);
  const today = moment.today;
  const { communities, members } = { ...SCALES[scale], ...(options.members ? { members: options.members } : {}) };

  // Through the core, as a clerk's first start would: migrations, then the unit and its root organisation.
  // Plain, so the bulk below can write the file directly: the app encrypts it at the administrator's first sign-in.
  const core = await createCore({ dataDir: dir, autoBackup: false, clock, encrypt: false });
  const setup = await core.dispatch('system.setup', {
    unitLevel: 'street', unitName: '西里街道', unitCode: '130104001', operator: SEED_ADMIN, password: SEED_PASSWORD, confirm: SEED_PASSWORD,
  });
  core.close();
  if (!setup.ok) throw new Error(`初始设置失败：${setup.error.message}`);

  // The repositories prepare on every call; a million inserts would each leave a native statement behind until
  // V8 collects it (gigabytes of RSS). Cached, they reuse one per SQL text.
  const db = withStatementCache(openFile(path.join(dir, DB_FILE_NAME)));
  try {
    const root = getOrg(db, rootOrgs(db)[0]!.id)!;
    const r = rng(SEED);
    const tree = planTree(r, communities);
    planMembers(r, tree, members, today);
    let scored: { estateId: string; companyId: string }[] = [];
    withMoment(moment, () =>
      db.transaction(() => {
        writeTree(db, r, tree, root, SEED_OPERATOR);
        writeMembers(db, r, tree, today, SEED_OPERATOR);
        writeMeetings(db, r, tree, today, SEED_OPERATOR);
        writeVolunteers(db, r, tree, today, SEED_OPERATOR);
        const property = writeProperty(db, r, tree, today, SEED_OPERATOR);
        scored = [...property.companyOf].map(([estateId, company]) => ({ estateId, companyId: company.id }));
        const elevators = writeElevators(db, r, tree, today, SEED_OPERATOR);
        writeFund(db, r, tree, property, elevators, today, SEED_OPERATOR);
        writeRequests(db, r, tree, today, SEED_OPERATOR);
        writeCare(db, SEED + 16, tree, today, SEED_OPERATOR);
      })(),
    );
    // Scores and published lists go through the handlers (scripts/lib/seed-assessments.ts), once the bulk is in.
    db.close();
    const api = await createCore({ dataDir: dir, autoBackup: false, clock, encrypt: false });
    try {
      await writeAssessments(api, r, scored, today);
    } finally {
      api.close();
    }
    const counting = openFile(path.join(dir, DB_FILE_NAME), { readonly: true });
    try {
      return { dataDir: dir, scale, counts: countRows(counting, today), elapsedMs: performance.now() - started };
    } finally {
      counting.close();
    }
  } finally {
    if (db.open) db.close();
  }
}

/** What the data folder holds, for the summary and the benchmark's header. */
export function countRows(db: Db, today: string): Record<string, number> {
  const n = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number | null }).n ?? 0;
  return {
    communities: n("SELECT COUNT(*) AS n FROM places WHERE kind = 'community'"),
    estates: n("SELECT COUNT(*) AS n FROM places WHERE kind = 'estate'"),
    buildings: n("SELECT COUNT(*) AS n FROM places WHERE kind = 'building'"),
    households: n("SELECT SUM(households) AS n FROM places WHERE kind = 'building'"),
    orgs: n('SELECT COUNT(*) AS n FROM orgs'),
    branches: n("SELECT COUNT(*) AS n FROM orgs WHERE level = 'branch'"),
    groups: n("SELECT COUNT(*) AS n FROM orgs WHERE level = 'group'"),
    members: n('SELECT COUNT(*) AS n FROM members'),
    active: n("SELECT COUNT(*) AS n FROM members WHERE lifecycle = 'active'"),
    transferredOut: n("SELECT COUNT(*) AS n FROM members WHERE lifecycle = 'transferred_out'"),
    deceased: n("SELECT COUNT(*) AS n FROM members WHERE lifecycle = 'deceased'"),
    probationary: n("SELECT COUNT(*) AS n FROM members WHERE status = 'probationary'"),
    inService: n("SELECT COUNT(*) AS n FROM members WHERE category = 'in_service'"),
    migrant: n("SELECT COUNT(*) AS n FROM members WHERE category = 'migrant'"),
    centreHouseholds: n('SELECT COUNT(*) AS n FROM members WHERE is_centre_household = 1'),
    memberEvents: n('SELECT COUNT(*) AS n FROM member_events'),
    servedHouseholds: n('SELECT COUNT(*) AS n FROM served_households'),
    meetings: n('SELECT COUNT(*) AS n FROM meetings'),
    attendance: n('SELECT COUNT(*) AS n FROM meeting_attendance'),
    resolutions: n('SELECT COUNT(*) AS n FROM meeting_resolutions'),
    overdueResolutions: n("SELECT COUNT(*) AS n FROM meeting_resolutions WHERE status = 'open' AND due_on < ?", today),
    ratings: n('SELECT COUNT(*) AS n FROM branch_ratings'),
    ...countVolunteerRows(db),
    companies: n('SELECT COUNT(*) AS n FROM property_companies'),
    estateProfiles: n('SELECT COUNT(*) AS n FROM property_estates'),
    contracts: n('SELECT COUNT(*) AS n FROM property_contracts'),
    committeeTerms: n('SELECT COUNT(*) AS n FROM committee_terms'),
    committeeMembers: n('SELECT COUNT(*) AS n FROM committee_members'),
    jointMeetings: n('SELECT COUNT(*) AS n FROM joint_meetings'),
    jointResolutions: n('SELECT COUNT(*) AS n FROM joint_resolutions'),
    overdueJointResolutions: n("SELECT COUNT(*) AS n FROM joint_resolutions WHERE status IN ('open', 'in_progress') AND due_on < ?", today),
    surveys: n('SELECT COUNT(*) AS n FROM property_surveys'),
    fees: n('SELECT COUNT(*) AS n FROM property_fees'),
    elevators: n('SELECT COUNT(*) AS n FROM elevators'),
    maintenance: n('SELECT COUNT(*) AS n FROM elevator_maintenance'),
    entrapments: n('SELECT COUNT(*) AS n FROM elevator_faults'),
    fundAccounts: n('SELECT COUNT(*) AS n FROM fund_accounts'),
    fundEntries: n("SELECT COUNT(*) AS n FROM fund_entries WHERE status = 'posted'"),
    fundReconciliations: n("SELECT COUNT(*) AS n FROM fund_reconciliations WHERE status = 'confirmed'"),
    fundApplications: n('SELECT COUNT(*) AS n FROM fund_grant_applications'),
    assessments: n('SELECT COUNT(*) AS n FROM assessments'),
    publishedLists: n('SELECT COUNT(*) AS n FROM assessment_lists'),
    grids: n('SELECT COUNT(*) AS n FROM grids'),
    stewards: n('SELECT COUNT(*) AS n FROM stewards'),
    requests: n('SELECT COUNT(*) AS n FROM requests'),
    openRequests: n("SELECT COUNT(*) AS n FROM requests WHERE state IN ('assigned', 'supervised')"),
    overdueRequests: n("SELECT COUNT(*) AS n FROM requests WHERE state IN ('assigned', 'supervised') AND due_on < ?", today),
    requestSteps: n('SELECT COUNT(*) AS n FROM request_steps'),
    wishes: n('SELECT COUNT(*) AS n FROM wishes'),
    careHouseholds: n('SELECT COUNT(*) AS n FROM care_households'),
    careVisits: n('SELECT COUNT(*) AS n FROM care_visits'),
  };
}

const fmt = (v: number) => v.toLocaleString('en-US');

export function formatCounts(c: Record<string, number>): string {
  const v = (k: string) => fmt(c[k] ?? 0);
  return [
    `  地点    社区 ${v('communities')} · 小区 ${v('estates')} · 楼栋 ${v('buildings')} · 户数 ${v('households')}（居民暂以户数表示）`,
    `  党组织  ${v('orgs')} 个（党支部 ${v('branches')} · 党小组 ${v('groups')}）`,
    `  党员    ${v('members')} 人：在册 ${v('active')} · 已转出 ${v('transferredOut')} · 已去世 ${v('deceased')}；` +
      `预备 ${v('probationary')} · 在职 ${v('inService')} · 流动 ${v('migrant')} · 中心户 ${v('centreHouseholds')}`,
    `  履历    ${v('memberEvents')} 条 · 中心户联系户 ${v('servedHouseholds')} 户`,
    `  会议    ${v('meetings')} 次 · 出席登记 ${v('attendance')} 条 · 决议 ${v('resolutions')} 项` +
      `（逾期未办结 ${v('overdueResolutions')}）· 五星评定 ${v('ratings')} 条`,
    formatVolunteerCounts(c),
    `  红色物业 物业企业 ${v('companies')} 家 · 小区档案 ${v('estateProfiles')} 个 · 服务合同 ${v('contracts')} 份 · 业委会届次 ${v('committeeTerms')} 届（委员 ${v('committeeMembers')} 人）· ` +
      `三方联动会议 ${v('jointMeetings')} 次 · 决议 ${v('jointResolutions')} 项（逾期 ${v('overdueJointResolutions')}）· 满意度调查 ${v('surveys')} 次 · 物业费 ${v('fees')} 期 · ` +
      `考评 ${v('assessments')} 份 · 已公布红黑榜 ${v('publishedLists')} 期`,
    `  电梯    ${v('elevators')} 部 · 维保记录 ${v('maintenance')} 条 · 困人 ${v('entrapments')} 次 · 基金账户 ${v('fundAccounts')} 个 · 已过账流水 ${v('fundEntries')} 笔 · 已对账 ${v('fundReconciliations')} 个月 · 维修资金使用申请 ${v('fundApplications')} 件`,
    `  民呼必应 网格 ${v('grids')} 个 · 红色小管家 ${v('stewards')} 人 · 诉求 ${v('requests')} 件（办理中 ${v('openRequests')}，超期 ${v('overdueRequests')}）· 办理记录 ${v('requestSteps')} 条 · 微心愿 ${v('wishes')} 条 · 重点关爱户 ${v('careHouseholds')} 户（走访 ${v('careVisits')} 次）`,
  ].join('\n');
}

function parseArgs(argv: string[]): { dataDir: string; scale: ScaleName; members?: number } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const dataDir = value('--data-dir');
  const scale = value('--scale') ?? 'street';
  const members = value('--members');
  if (!dataDir || !(scale in SCALES) || (members !== undefined && !/^\d+$/.test(members))) {
    throw new SeedRefused('用法：npm run seed -- --data-dir 文件夹 --scale street|district [--members 人数]');
  }
  return { dataDir, scale: scale as ScaleName, members: members ? Number(members) : undefined };
}

if (import.meta.main) {
  try {
    const args = parseArgs(process.argv.slice(2));
    const s = await seedDataset(args.dataDir, args.scale, { members: args.members });
    console.log(`种子数据已写入 ${s.dataDir}（规模 ${s.scale}，用时 ${(s.elapsedMs / 1000).toFixed(1)} 秒）`);
    console.log(formatCounts(s.counts));
  } catch (err) {
    if (!(err instanceof SeedRefused)) throw err;
    console.error(err.message);
    process.exitCode = 1;
  }
}
