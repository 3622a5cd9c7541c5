import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { communityInstall, packageOf, rewritePackage, streetInstall, thisMonth } from './submission-fixture';

type Call = Awaited<ReturnType<typeof streetInstall>>['call'];

/** Everything the street holds from its communities, to compare before and after an import. */
async function snapshot(call: Call) {
  const units = await call('submission.listUnits', {});
  const records = [];
  for (const u of units) {
    for (const table of u.tables) {
      records.push(...(await call('submission.listRecords', { unitCode: u.code, table: table.name, limit: 500 })).rows);
    }
  }
  return { units, records, conflicts: await call('submission.listConflicts', { status: 'all' }) };
}

/** Rewrites one file inside a package, keeping everything else (the manifest and its checksums) as it was. */
function tamper(base64: string, file: string, edit: (text: string) => string): string {
  const files = unzipSync(Buffer.from(base64, 'base64'));
  files[file] = strToU8(edit(strFromU8(files[file]!)));
  return Buffer.from(zipSync(files)).toString('base64');
}

describe('a community package consolidated at the street', () => {
  it('is imported once: a second import of the same package changes nothing', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    const pkg = await packageOf(community);

    const preview = await street.call('submission.inspectPackage', pkg);
    expect(preview.refusal).toBeNull();
    expect(preview.manifest).toMatchObject({ source: { name: '西里社区', level: 'community' }, period: thisMonth(), personalData: 'masked' });
    expect(preview.importedBefore).toBeNull();

    const first = await street.call('submission.importPackage', pkg);
    // orgs: 社区党委, 支部, 党小组 (3); members 3; meetings 1; ratings 1.
    expect(first.counts).toEqual({ new: 8, updated: 0, unchanged: 0, older: 0, removed: 0, conflicts: 0 });
    expect(preview.preview).toEqual(first.counts);
    const after = await snapshot(street.call);
    expect(after.units).toMatchObject([{ name: '西里社区', period: thisMonth(), pendingConflicts: 0 }]);
    expect(after.records.find((r) => r.table === 'party.members' && r.fields.some((f) => f.display === '张三'))!.fields.find((f) => f.key === 'idNumber')!.display).toMatch(/^130104\*{8}\d{3}[\dX]$/);

    const again = await street.call('submission.importPackage', pkg);
    expect(again.counts).toEqual({ new: 0, updated: 0, unchanged: 8, older: 0, removed: 0, conflicts: 0 });
    expect(await snapshot(street.call)).toEqual(after);
    expect((await street.call('submission.inspectPackage', pkg)).importedBefore).not.toBeNull();
  });
});

/**
 * Someone who edits a table and recomputes every checksum. Without `signWith` the signature no longer verifies;
 * with the source's own data folder it does (a bug at the source: only the receiving schema stops it).
 */
function forge(base64: string, table: string, edit: (body: { units: Record<string, Record<string, unknown>[]> }) => void, manifestEdit?: (m: Record<string, unknown>) => void, signWith?: string): string {
  return rewritePackage(base64, (files, manifest) => {
    const file = `tables/${table}.json`;
    const body = JSON.parse(strFromU8(files[file]!));
    edit(body);
    files[file] = strToU8(JSON.stringify(body));
    manifestEdit?.(manifest);
  }, signWith);
}

describe('a package that is not sound', () => {
  async function imported() {
    const community = await communityInstall();
    const street = await streetInstall();
    const pkg = await packageOf(community);
    await street.call('submission.importPackage', pkg);
    const before = { ...(await snapshot(street.call)), log: await street.call('submission.listLog', {}) };
    let logBefore = before.log;
    const refusedWith = async (base64: string, reason: string, message: RegExp) => {
      const env = await street.attempt('submission.importPackage', { fileName: pkg.fileName, contentBase64: base64 });
      expect(env).toMatchObject({ ok: false, error: { reason, message: expect.stringMatching(message) } });
      const inspected = await street.call('submission.inspectPackage', { fileName: pkg.fileName, contentBase64: base64 });
      expect(inspected.refusal).toMatchObject({ reason });
      expect(await snapshot(street.call)).toEqual({ units: before.units, records: before.records, conflicts: before.conflicts });
      // Nothing written but the log entry of the refused attempt, with its reason.
      const log = await street.call('submission.listLog', {});
      expect(log.total).toBe(logBefore.total + 1);
      expect(log.rows.slice(1)).toEqual(logBefore.rows);
      logBefore = log;
      expect(log.rows[0]).toMatchObject({ direction: 'import', title: '数据包导入（未导入）', refusal: { reason, message: expect.stringMatching(message) }, result: null });
    };
    return { community, street, pkg, refusedWith };
  }

  it('is refused when a table file was edited and the manifest kept: nothing is written', async () => {
    const { pkg, refusedWith } = await imported();
    const edited = tamper(pkg.contentBase64, 'tables/party.members.json', (t) => t.replace('张三', '张三丰'));
    await refusedWith(edited, 'PACKAGE_TAMPERED', /“党员”.*校验码不符/);
  });

  it('is refused when the manifest was edited (its own checksum no longer matches)', async () => {
    const { pkg, refusedWith } = await imported();
    await refusedWith(tamper(pkg.contentBase64, 'manifest.json', (t) => t.replace(/"period": "\d{4}-\d{2}"/, '"period": "2020-01"')), 'PACKAGE_TAMPERED', /清单的校验码不符/);
  });

  it('is refused when the file is cut short or is not a package at all', async () => {
    const { pkg, refusedWith } = await imported();
    const bytes = Buffer.from(pkg.contentBase64, 'base64');
    await refusedWith(bytes.subarray(0, Math.floor(bytes.length * 0.6)).toString('base64'), 'PACKAGE_CORRUPT', /无法解压/);
    await refusedWith(Buffer.from('这不是数据包').toString('base64'), 'PACKAGE_CORRUPT', /无法解压/);
  });

  it('is refused for a format version this StreetDesk cannot read', async () => {
    const { pkg, refusedWith } = await imported();
    await refusedWith(forge(pkg.contentBase64, 'party.ratings', () => undefined, (m) => (m.formatVersion = 4)), 'PACKAGE_VERSION', /格式版本为 4.*请把 StreetDesk 升级/);
    await refusedWith(forge(pkg.contentBase64, 'party.ratings', () => undefined, (m) => (m.formatVersion = 1)), 'PACKAGE_VERSION', /格式版本为 1，是旧版.*升级/);
  });

  it('is refused, naming the row and field, when a row fails the receiving schema even signed by its source', async () => {
    const { pkg, refusedWith, community } = await imported();
    const forged = forge(pkg.contentBase64, 'party.members', (b) => {
      Object.values(b.units)[0]![1]!.gender = 'x';
    }, undefined, community.dir);
    await refusedWith(forged, 'PACKAGE_INVALID_ROW', /“党员”第 2 行.*性别/);
  });

  it('is refused with an upgrade message when a newer StreetDesk added a field (to a row or the manifest), not dropped', async () => {
    const { pkg, refusedWith, community } = await imported();
    const newerRow = forge(pkg.contentBase64, 'party.members', (b) => {
      Object.values(b.units)[0]![2]!.wechatId = 'zhangsan1968';
    }, undefined, community.dir);
    await refusedWith(newerRow, 'PACKAGE_UNKNOWN_FIELD', /“党员”第 3 行（单位 130104001001）含有本程序不认识的字段（wechatId），可能来自更新版本.*升级/);
    const newerManifest = forge(pkg.contentBase64, 'party.ratings', () => undefined, (m) => {
      (m.units as Record<string, unknown>[])[0]!.district = '新华区';
    }, community.dir);
    await refusedWith(newerManifest, 'PACKAGE_UNKNOWN_FIELD', /清单含有本程序不认识的项目（units\[0\]\.district）.*升级/);
  });

  it('is refused as forged when a table was edited and every checksum recomputed, but the signature is not the key’s', async () => {
    const { pkg, refusedWith } = await imported();
    const rename = (b: { units: Record<string, Record<string, unknown>[]> }) => (Object.values(b.units)[0]![0]!.name = '张三丰');
    await refusedWith(forge(pkg.contentBase64, 'party.members', rename), 'PACKAGE_SIGNATURE', /签名不符.*可能被伪造/);
    // No signature at all.
    const files = unzipSync(Buffer.from(pkg.contentBase64, 'base64'));
    delete files['manifest.sig'];
    await refusedWith(Buffer.from(zipSync(files)).toString('base64'), 'PACKAGE_SIGNATURE', /没有签名/);
    // Signed with a key of the forger's own: a key other than the one pinned at the first import.
    const forger = await communityInstall();
    await refusedWith(forge(pkg.contentBase64, 'party.members', rename, undefined, forger.dir), 'PACKAGE_KEY_CHANGED', /签名密钥与首次导入时记录的不同/);
  });

  it('is refused by a community installation, and by the street for its own package', async () => {
    const a = await communityInstall();
    const b = await communityInstall({ name: '东里社区', code: '130104001002' });
    expect(await b.attempt('submission.importPackage', await packageOf(a))).toMatchObject({ ok: false, error: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringContaining('本机是社区') } });
    const street = await streetInstall();
    const own = await street.call('submission.buildMonthly', { level: 'street', period: thisMonth(), modules: ['party'], outputs: ['package'] });
    expect(await street.attempt('submission.importPackage', { fileName: own.package!.fileName, contentBase64: own.package!.contentBase64 })).toMatchObject({
      ok: false, error: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringContaining('本单位') },
    });
  });

  it('is refused, in words and with its size, when the file is larger than an installation takes (24 MB)', async () => {
    const street = await streetInstall();
    // 25 MB as base64: the size alone refuses it, whatever it holds.
    const out = await street.attempt('submission.inspectPackage', { fileName: '大文件.sdpkg', contentBase64: 'A'.repeat(Math.ceil(25_000_000 / 3) * 4) });
    expect(out).toMatchObject({ ok: false, error: { fields: [{ path: 'contentBase64', message: expect.stringContaining('数据包有 25.0 MB，超过本机能导入的 24 MB') }] } });
  });
});
