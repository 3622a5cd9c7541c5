import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { newId } from '../../db/ids';
import { communityInstall, packageOf, rewritePackage, streetInstall } from './submission-fixture';
import { today } from './helpers';

type Call = Awaited<ReturnType<typeof streetInstall>>['call'];

/** The street's copy of one record, as its read-only view shows it: field → displayed value. */
async function copyOf(call: Call, table: string, recordId: string) {
  const units = await call('submission.listUnits', {});
  const page = await call('submission.listRecords', { unitCode: units[0]!.code, table, limit: 500 });
  const row = page.rows.find((r) => r.recordId === recordId)!;
  return { row, shown: Object.fromEntries(row.fields.map((f) => [f.key, f.display])) };
}

describe('consolidation at the street', () => {
  it('updates a copy when the record changed at the source, and leaves the rest unchanged', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(community));
    await community.call('party.becomeFull', { id: community.members.li.id, on: today() });

    const second = await street.call('submission.importPackage', await packageOf(community));
    expect(second.counts).toEqual({ new: 0, updated: 1, unchanged: 7, older: 0, removed: 0, conflicts: 0 });
    expect((await copyOf(street.call, 'party.members', community.members.li.id)).shown).toMatchObject({ status: '正式党员', fullOn: today() });
  });

  it('takes packages in any order: an older one arriving late changes nothing', async () => {
    const community = await communityInstall();
    const older = await packageOf(community);
    await community.call('party.becomeFull', { id: community.members.li.id, on: today() });
    const newer = await packageOf(community);

    const street = await streetInstall();
    await street.call('submission.importPackage', newer);
    const late = await street.call('submission.importPackage', older);
    expect(late.counts).toMatchObject({ new: 0, updated: 0, older: 1, unchanged: 7 });
    expect((await copyOf(street.call, 'party.members', community.members.li.id)).shown.status).toBe('正式党员');
  });

  it('marks a record removed at the source once a newer package that covers it lacks it', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const first = await packageOf(community);
    await street.call('submission.importPackage', first);
    await community.call('party.deleteMeeting', { id: community.meeting.id });
    const second = await street.call('submission.importPackage', await packageOf(community));
    expect(second.counts).toMatchObject({ removed: 1, new: 0, updated: 0 });
    expect((await copyOf(street.call, 'party.meetings', community.meeting.id)).row.removed).toBe(true);
    // The first package again (it still holds the meeting) is older than the removal: it stays removed.
    expect((await street.call('submission.importPackage', first)).counts).toMatchObject({ older: 1, new: 0, updated: 0 });
    expect((await copyOf(street.call, 'party.meetings', community.meeting.id)).row.removed).toBe(true);
  });

  it('keeps a record removed when the package still holding it arrives after a newer one that covered it without it', async () => {
    const community = await communityInstall();
    const first = await packageOf(community);
    await community.call('party.deleteMeeting', { id: community.meeting.id });
    const second = await packageOf(community);
    const street = await streetInstall();
    await street.call('submission.importPackage', second);
    // Never seen here, but the newer export covered this month's meetings and lacked it: removed at the source.
    expect((await street.call('submission.importPackage', first)).counts).toMatchObject({ new: 0, older: 1, unchanged: 7 });
    expect((await copyOf(street.call, 'party.meetings', community.meeting.id)).row.removed).toBe(true);
  });

  it('shows a conflict when a copy corrected here changed at the source too, and never overwrites it silently', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(community));
    const [unit] = await street.call('submission.listUnits', {});
    const li = community.members.li.id;
    const corrected = await street.call('submission.correctRecord', { unitCode: unit!.code, table: 'party.members', recordId: li, changes: { workUnit: '街道核实：区教育局' } });
    expect(corrected.corrected).toBe(true);
    expect(corrected.fields.find((f) => f.key === 'workUnit')).toMatchObject({ display: '街道核实：区教育局', corrected: true });
    expect(await street.attempt('submission.correctRecord', { unitCode: unit!.code, table: 'party.members', recordId: li, changes: { idNumber: '110101199001011234' } }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'changes.idNumber', message: expect.stringContaining('个人信息') }] } });

    await community.call('party.becomeFull', { id: li, on: today() });
    const pkg = await packageOf(community);
    expect((await street.call('submission.importPackage', pkg)).counts).toMatchObject({ conflicts: 1, updated: 0 });
    const [conflict] = await street.call('submission.listConflicts', {});
    expect(conflict).toMatchObject({ unitName: '西里社区', tableTitle: '党员', recordLabel: expect.stringContaining('李四'), status: 'pending' });
    expect(conflict!.differences.map((d) => [d.label, d.mine, d.theirs])).toEqual(
      expect.arrayContaining([['党员类别', '预备党员', '正式党员'], ['工作单位', '街道核实：区教育局', '']]),
    );
    // The correction is still what the street's registers read.
    expect((await copyOf(street.call, 'party.members', li)).shown).toMatchObject({ status: '预备党员', workUnit: '街道核实：区教育局' });
    // Importing the same package again: the same conflict, nothing new.
    expect((await street.call('submission.importPackage', pkg)).counts).toMatchObject({ conflicts: 1 });
    expect(await street.call('submission.listConflicts', {})).toHaveLength(1);

    const theirs = await street.call('submission.resolveConflict', { id: conflict!.id, keep: 'theirs' });
    expect(theirs.status).toBe('took_theirs');
    const now = await copyOf(street.call, 'party.members', li);
    expect(now.row.corrected).toBe(false);
    expect(now.shown).toMatchObject({ status: '正式党员', workUnit: '' });
    expect(await street.call('submission.listConflicts', {})).toEqual([]);
    expect(await street.attempt('submission.resolveConflict', { id: conflict!.id, keep: 'mine' })).toMatchObject({ ok: false, error: { reason: 'CONFLICT_RESOLVED' } });
  });

  it('keeps a correction when the user chooses theirs-is-wrong, and the same package does not ask again', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(community));
    const [unit] = await street.call('submission.listUnits', {});
    const li = community.members.li.id;
    await street.call('submission.correctRecord', { unitCode: unit!.code, table: 'party.members', recordId: li, changes: { address: '阳光小区3号楼2单元301' } });
    await community.call('party.becomeFull', { id: li, on: today() });
    const pkg = await packageOf(community);
    await street.call('submission.importPackage', pkg);
    const [conflict] = await street.call('submission.listConflicts', {});
    await street.call('submission.resolveConflict', { id: conflict!.id, keep: 'mine' });
    expect((await copyOf(street.call, 'party.members', li)).shown.address).toBe('阳光小区3号楼2单元301');
    expect((await street.call('submission.importPackage', pkg)).counts).toMatchObject({ conflicts: 0, unchanged: 8 });
    const audit = await street.call('system.listAudit', { entity: 'consolidation_conflict' });
    expect(audit.rows.map((r) => r.action)).toEqual(['resolve_mine']);
  });

  it('keeps the newest source version waiting when the packages of a conflict arrive out of order', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(community));
    const [unit] = await street.call('submission.listUnits', {});
    const li = community.members.li.id;
    await street.call('submission.correctRecord', { unitCode: unit!.code, table: 'party.members', recordId: li, changes: { education: '大学本科' } });
    await community.call('party.becomeFull', { id: li, on: today() });
    const middle = await packageOf(community);
    await community.call('party.transferOut', { id: li, on: today(), to: '东城区某街道' });
    const latest = await packageOf(community);

    await street.call('submission.importPackage', latest);
    expect((await street.call('submission.importPackage', middle)).counts).toMatchObject({ conflicts: 1 });
    const [conflict] = await street.call('submission.listConflicts', {});
    expect(conflict!.differences.find((d) => d.field === 'lifecycle')).toMatchObject({ mine: '在册', theirs: '已转出' });
  });

  it('writes a package of many records in full, in batches, the odd ones after the last full batch', async () => {
    const community = await communityInstall();
    const pkg = await packageOf(community);
    // 258 records (253 members, 5 of other tables): two batches of 100 written at once, then 58 one by one.
    const many = rewritePackage(pkg.contentBase64, (files, manifest) => {
      const body = JSON.parse(strFromU8(files['tables/party.members.json']!));
      const [unit] = Object.keys(body.units);
      const zhang = body.units[unit!][0];
      body.units[unit!].push(...Array.from({ length: 250 }, (_, i) => ({ ...zhang, id: newId(), name: `队员${i + 1}` })));
      files['tables/party.members.json'] = strToU8(JSON.stringify(body));
      (manifest.tables as { name: string; rows: number }[]).find((t) => t.name === 'party.members')!.rows = 253;
    }, community.dir);
    const street = await streetInstall();
    expect((await street.call('submission.importPackage', { ...pkg, contentBase64: many })).counts).toMatchObject({ new: 253 + 5, conflicts: 0 });
    const [unit] = await street.call('submission.listUnits', {});
    const page = await street.call('submission.listRecords', { unitCode: unit!.code, table: 'party.members', limit: 500 });
    expect(page.total).toBe(253);
    const names = page.rows.map((r) => r.fields.find((f) => f.key === 'name')!.display);
    expect(new Set(names)).toEqual(new Set(['张三', '李四', '王五', ...Array.from({ length: 250 }, (_, i) => `队员${i + 1}`)]));
  });
});

describe('newer wins by the export, not by the record', () => {
  /** Two packages of one community with a rename between them: the place's new name reaches the org only by derivation. */
  async function renamedBetween() {
    const community = await communityInstall();
    const older = await packageOf(community);
    const estate = (await community.call('party.listPlaces', {})).find((p) => p.name === '阳光小区')!;
    await community.call('party.updatePlace', { id: estate.id, name: '阳光花园', code: null, unitCount: null, households: null, note: null });
    // The org's own updatedAt did not move: only the name it shows did.
    expect((await community.call('party.orgPath', { id: community.branch.id })).at(-1)!.updatedAt).toBe(community.branch.updatedAt);
    const newer = await packageOf(community);
    return { community, older, newer };
  }

  const everything = async (call: Call) => {
    const [unit] = await call('submission.listUnits', {});
    const tables = await Promise.all(unit!.tables.map((t) => call('submission.listRecords', { unitCode: unit!.code, table: t.name, limit: 500 })));
    return { unit: { ...unit!, importedAt: null }, records: tables.flatMap((t) => t.rows) };
  };

  it('an older package arriving after a newer one does not put the old name back', async () => {
    const { community, older, newer } = await renamedBetween();
    const street = await streetInstall();
    expect((await street.call('submission.importPackage', newer)).counts).toMatchObject({ new: 8 });
    const late = await street.call('submission.importPackage', older);
    expect(late.counts).toEqual({ new: 0, updated: 0, unchanged: 7, older: 1, removed: 0, conflicts: 0 });
    expect((await copyOf(street.call, 'party.orgs', community.branch.id)).shown.placeName).toBe('阳光花园');
  });

  it('gives the same copies whichever order the packages arrive in', async () => {
    const { community, older, newer } = await renamedBetween();
    const inOrder = await streetInstall();
    await inOrder.call('submission.importPackage', older);
    expect((await inOrder.call('submission.importPackage', newer)).counts).toMatchObject({ updated: 1, unchanged: 7 });
    const reversed = await streetInstall();
    await reversed.call('submission.importPackage', newer);
    await reversed.call('submission.importPackage', older);
    const a = await everything(inOrder.call);
    const b = await everything(reversed.call);
    expect(b.records.map((r) => r.fields)).toEqual(a.records.map((r) => r.fields));
    expect(b.unit).toEqual(a.unit);
    expect((await copyOf(reversed.call, 'party.orgs', community.branch.id)).shown.placeName).toBe('阳光花园');
  });

  it('a street’s package carries each community’s own export time, for the level above', async () => {
    const { newer } = await renamedBetween();
    const street = await streetInstall();
    await street.call('submission.importPackage', newer);
    const own = await street.call('submission.buildMonthly', { level: 'street', period: today().slice(0, 7), modules: ['party'], outputs: ['package'] });
    const manifestOf = (b64: string) => JSON.parse(strFromU8(unzipSync(Buffer.from(b64, 'base64'))['manifest.json']!));
    const community = manifestOf(newer.contentBase64);
    const m = manifestOf(own.package!.contentBase64);
    expect(m.units.map((u: { name: string; exportedAt: string }) => [u.name, u.exportedAt])).toEqual([
      ['西里街道', m.createdAt],
      ['西里社区', community.createdAt],
    ]);
  });
});
