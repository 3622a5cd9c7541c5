/**
 * `npx tsx scripts/bench-driver.ts [--members N] [--runs N] [--rounds N]`: the same representative reads and a bulk write
 * through each SQLite driver (db/driver/): better-sqlite3-multiple-ciphers' upstream prebuild on a plain and on an
 * encrypted data file (issue 13: the cost of encryption), our glibc-2.28 Linux build of it (if
 * scripts/build-linux-sqlite.mjs has built it), and the node:sqlite fallback. One district-scale data folder is
 * seeded once; each driver runs in a process of its own (the driver is chosen once per process) on a fresh copy,
 * through core.dispatch — validation and handler included, no HTTP, so the difference is the driver's. The drivers
 * take turns for `--rounds` rounds and each keeps its best median, so a shared machine's load drifting over the run
 * does not land on one driver.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEED_ADMIN, SEED_PASSWORD } from './lib/seed-account';
import { Worker } from 'node:worker_threads';
import { builtFile } from './build-linux-sqlite.mjs';
import { benchImportRows } from './lib/bench-import';
import { volunteerOps } from './lib/bench-volunteer';
import { DEFAULT_TIME_ZONE } from '../main/api/common/calendar';
import { momentOf, systemClock } from '../main/clock';
import { createCore } from '../main/core';
import { largestFirst, walkOrgs } from './lib/bench-orgs';

const arg = (flag: string, fallback: number) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** One driver, in this process: the median of each operation, as JSON on stdout's last line. */
async function measure(dataDir: string, runs: number) {
  const encrypt = process.env.STREETDESK_BENCH_ENCRYPTED === '1';
  const start = () => createCore({ dataDir, autoBackup: false, clock: systemClock, log: { info: () => undefined, error: console.error }, encrypt });
  const signIn = async (c: Awaited<ReturnType<typeof createCore>>) => {
    const env = await c.dispatch('system.signIn', { name: SEED_ADMIN, password: SEED_PASSWORD });
    if (!env.ok) throw new Error(`system.signIn: ${env.error.message}`);
    return (env.data as { token: string }).token;
  };
  const result: Record<string, number> = {};
  // The seeded folder is plain: encrypted, the first sign-in converts it (once, at the upgrade).
  let t = performance.now();
  const first = await start();
  await signIn(first);
  result['first start and sign-in (encrypted: converting the file)'] = performance.now() - t;
  first.close();
  // What every later start costs: opening the data file at start (plain) or at the sign-in that unseals it.
  t = performance.now();
  const core = await start();
  const session = await signIn(core);
  result['start and sign-in, data file opened'] = performance.now() - t;
  const call = async (channel: string, input: unknown) => {
    const env = await core.dispatch(channel, input, session);
    if (!env.ok) throw new Error(`${channel}: ${env.error.message}`);
    return env.data;
  };
  const orgs = await walkOrgs(call);
  const [community, branch] = [largestFirst(orgs, 'community_committee')[0]!, largestFirst(orgs, 'branch')[0]!];
  const { today } = momentOf(systemClock, DEFAULT_TIME_ZONE);
  const [year, quarter] = [Number(today.slice(0, 4)), Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1];
  const ops = [
    { name: 'member list, first page', channel: 'party.listMembers', input: {} },
    { name: 'member list, full pinyin q=zhang', channel: 'party.listMembers', input: { q: 'zhang' } },
    { name: 'global search q=wf', channel: 'system.search', input: { q: 'wf' } },
    { name: 'compliance, whole district, this quarter', channel: 'party.getCompliance', input: { year, quarter } },
    { name: 'organisation tree, root level', channel: 'party.orgChildren', input: {} },
    { name: 'organisation tree, one community’s children', channel: 'party.orgChildren', input: { parentId: community.id } },
    { name: 'dashboard, whole district', channel: 'party.getDashboard', input: {} },
    ...(await volunteerOps(call, { community, branch, year, quarter })).filter((o) => /ranking, whole district, this year|register, first page|points ledger, first page/.test(o.name)),
  ];
  for (const op of ops) {
    for (let i = 0; i < 3; i++) await call(op.channel, op.input);
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await call(op.channel, op.input);
      times.push(performance.now() - t);
    }
    result[op.name] = median(times);
  }
  for (const line of await benchImportRows(call, branch.id, 1)) {
    const [, name, ms] = /^\| ([^|]+) \| (\d+) ms/.exec(line)!;
    result[name!.trim()] = Number(ms);
  }
  core.close();
  console.log(JSON.stringify(result));
}

async function main() {
  const members = arg('--members', 30_000);
  const runs = arg('--runs', 20);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'streetdesk-bench-driver-'));
  const seeded = path.join(tmp, 'seeded');
  console.log(`生成区级数据（${members.toLocaleString('en-US')} 名党员）…`);
  await new Promise((resolve, reject) => {
    const w = new Worker(new URL('./lib/bench-seed-worker.ts', import.meta.url), { workerData: { dataDir: seeded, members } });
    w.once('message', resolve);
    w.once('error', reject);
  });
  const drivers: [string, NodeJS.ProcessEnv][] = [
    ['multiple-ciphers, plain (upstream prebuild)', { STREETDESK_SQLITE_DRIVER: 'native' }],
    ['multiple-ciphers, encrypted (upstream prebuild)', { STREETDESK_SQLITE_DRIVER: 'native', STREETDESK_BENCH_ENCRYPTED: '1' }],
    ...(fs.existsSync(builtFile('x64')) && process.arch === 'x64'
      ? [['multiple-ciphers, plain (our glibc-2.28 build)', { STREETDESK_SQLITE_DRIVER: 'native', STREETDESK_SQLITE_NATIVE_BINDING: builtFile('x64') }] as [string, NodeJS.ProcessEnv]]
      : []),
    ['node:sqlite (fallback)', { STREETDESK_SQLITE_DRIVER: 'fallback' }],
  ];
  const results: Record<string, number>[] = drivers.map(() => ({}));
  try {
    for (let round = 0; round < arg('--rounds', 2); round++) {
      for (const [i, [name, env]] of drivers.entries()) {
        const dir = path.join(tmp, `run-${round}-${i}`);
        fs.cpSync(seeded, dir, { recursive: true });
        console.log(`第 ${round + 1} 轮：${name} …`);
        const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--measure', dir, '--runs', String(runs)], {
          env: { ...process.env, ...env },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        fs.rmSync(dir, { recursive: true, force: true });
        const measured = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
        for (const [op, ms] of Object.entries(measured)) results[i]![op] = Math.min(results[i]![op] ?? Infinity, ms);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const ms = (v: number | undefined) => (v === undefined ? '—' : `${v.toFixed(v < 100 ? 2 : 0)} ms`);
  const base = results[0]!;
  const lines = [
    `| operation (best median of ${runs}) | ${drivers.map(([n]) => n).join(' | ')} | encrypted ÷ plain | fallback ÷ plain |`,
    `|---|${drivers.map(() => '---:|').join('')}---:|---:|`,
  ];
  for (const op of Object.keys(base)) {
    const ratio = (r: Record<string, number>) => `${(r[op]! / base[op]!).toFixed(2)}×`;
    lines.push(`| ${op} | ${results.map((r) => ms(r[op])).join(' | ')} | ${ratio(results[1]!)} | ${ratio(results.at(-1)!)} |`);
  }
  console.log(`\n${lines.join('\n')}\n\n(${os.cpus().length} CPU · Node ${process.version} · ${members.toLocaleString('en-US')} members)`);
}

const measureAt = process.argv.indexOf('--measure');
if (measureAt >= 0) await measure(process.argv[measureAt + 1]!, arg('--runs', 20));
else await main();
