import type { Clock } from '../../main/clock';
import { createHash } from 'node:crypto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { signBytes, signingKey } from '../../main/export/package/signing';
import { idNumber } from '../../scripts/lib/people';
import { setupInput, testCore, today } from './helpers';
import { rootOrg } from '../orgs';

export const thisMonth = (): string => today().slice(0, 7);

/** The month `back` months before this one (the tests' clock). */
export function monthsAgo(back: number): string {
  const [y, m] = thisMonth().split('-').map(Number) as [number, number];
  const n = y * 12 + (m - 1) - back;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** The street of the fixture's communities, which `streetInstall` sets up. */
export const STREET = { name: '西里街道', code: '130104001' };

/**
 * A community installation (its own StreetDesk) with a branch, a party group, members, a meeting and a rating.
 * `parent`: its street as given at setup (default the fixture's street; null: an installation that never named it).
 */
export async function communityInstall(unit: { name?: string; code?: string; dataDir?: string; parent?: { name: string; code: string } | null; clock?: Clock } = {}) {
  const t = await testCore({ setUp: false, dataDir: unit.dataDir, clock: unit.clock });
  const name = unit.name ?? '西里社区';
  const parent = unit.parent === undefined ? STREET : unit.parent;
  await t.call('system.setup', {
    ...setupInput('community', '李娜', { name, code: unit.code ?? '130104001001' }),
    parentName: parent?.name ?? null, parentCode: parent?.code ?? null,
  });
  // The installation's own today: a test may run it on a clock of its own.
  const day = (await t.call('system.getClock', {})).today;
  const root = await rootOrg(t.call);
  const place = (await t.call('party.listPlaces', {}))[0]!;
  const estate = await t.call('party.createPlace', { kind: 'estate', parentId: place.id, name: '阳光小区' });
  const branch = await t.call('party.createOrg', { parentId: root.id, level: 'branch', kind: '小区党支部', name: '阳光小区党支部', placeId: estate.id });
  const group = await t.call('party.createOrg', { parentId: branch.id, level: 'group', kind: '楼栋党小组', name: '3号楼党小组' });
  let seq = 0;
  const member = (who: string, extra: Record<string, unknown> = {}) =>
    t.call('party.createMember', {
      name: who, gender: 'male', idNumber: idNumber('130104', '1968-05-12', ++seq, 'male'), phone: '13812348000',
      joinedOn: '1995-07-01', status: 'full', category: 'community', orgId: branch.id, ...extra,
    });
  const zhang = await member('张三', { role: 'secretary' });
  const li = await member('李四', { status: 'probationary', joinedOn: '2026-03-01', gender: 'female', idNumber: idNumber('130104', '1990-02-03', ++seq, 'female') });
  const wang = await member('王五', { category: 'in_service', workUnit: '区人民医院', orgId: group.id });
  const meeting = await t.call('party.createMeeting', {
    orgId: branch.id, type: 'committee', heldOn: day, topic: '研究本月工作', place: '党群服务中心', host: '张三', recorder: '李四',
    attendance: [
      { memberId: zhang.id, name: '张三', status: 'present' },
      { memberId: li.id, name: '李四', status: 'absent', reason: '出差' },
    ],
    resolutions: [{ content: '清理楼道堆物', owner: '张三' }],
  });
  const lastYear = Number(day.slice(0, 4)) - 1;
  await t.call('party.rateBranch', { orgId: branch.id, year: lastYear, stars: 4, reasons: '组织生活规范', ratedOn: `${lastYear + 1}-01-15` });
  return { ...t, name, root, estate, branch, group, members: { zhang, li, wang }, meeting, member };
}

/** The district above the fixture's street, which `districtInstall` sets up. */
export const DISTRICT = { name: '桥西区', code: '130104' };

/**
 * A street installation that consolidates its communities' packages, on a clock of its own if given. `unit.parent`:
 * its district as given at setup (default none: a street that never named it).
 */
export async function streetInstall(
  dataDir?: string,
  unit: { name?: string; code?: string; parent?: { name: string; code: string } | null; clock?: Clock } = {},
) {
  const t = await testCore({ setUp: false, dataDir, clock: unit.clock });
  await t.call('system.setup', {
    ...setupInput('street', '王芳', { name: unit.name ?? STREET.name, code: unit.code ?? STREET.code }),
    parentName: unit.parent?.name ?? null, parentCode: unit.parent?.code ?? null,
  });
  return t;
}

/** A district installation that consolidates its streets' packages (each with the street's communities). */
export async function districtInstall(unit: { name?: string; code?: string } = {}) {
  const t = await testCore({ setUp: false });
  await t.call('system.setup', setupInput('district', '赵敏', { name: unit.name ?? DISTRICT.name, code: unit.code ?? DISTRICT.code }));
  return t;
}

/** An installation's own monthly package (a street's or a district's: its data with every unit it consolidated). */
export async function ownPackageOf(t: { call: Awaited<ReturnType<typeof testCore>>['call'] }, level: 'street' | 'district' = 'street', period = thisMonth(), modules = ['party']) {
  const out = await t.call('submission.buildMonthly', { level, period, modules, outputs: ['package'] });
  return { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 };
}

/** A community's monthly package, as the file a clerk carries to the street. */
export async function packageOf(t: { call: Awaited<ReturnType<typeof testCore>>['call'] }, period = thisMonth(), modules = ['party']) {
  const out = await t.call('submission.buildMonthly', { level: 'community', period, modules, outputs: ['package'] });
  return { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 };
}

/**
 * Rewrites a package as someone with an unzip tool could: `edit` changes the files and the manifest, then every
 * table's checksum and the manifest's are redone. The signature is left as it was (so it no longer verifies)
 * unless `signWith` names a data folder whose key signs the new manifest — the source's own (a real bug at the
 * source) or another installation's (a forger with a key of their own).
 */
export function rewritePackage(
  base64: string,
  edit: (files: Record<string, Uint8Array>, manifest: Record<string, unknown>) => void,
  signWith?: string,
): string {
  const files = unzipSync(Buffer.from(base64, 'base64'));
  const manifest = JSON.parse(strFromU8(files['manifest.json']!));
  edit(files, manifest);
  for (const t of manifest.tables as { file: string; sha256: string }[]) t.sha256 = createHash('sha256').update(files[t.file]!).digest('hex');
  if (signWith) {
    const key = signingKey(signWith);
    manifest.signer = { algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint };
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  files['manifest.sha256'] = strToU8(createHash('sha256').update(files['manifest.json']!).digest('hex'));
  if (signWith) files['manifest.sig'] = strToU8(signBytes(files['manifest.json']!, signingKey(signWith)));
  return Buffer.from(zipSync(files)).toString('base64');
}
