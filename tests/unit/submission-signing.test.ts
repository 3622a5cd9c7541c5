import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, KEY_FOLDER } from '../../main/export/package/signing';
import { hasPoppler, pdfText } from './pdf-text';
import { tempDir } from './helpers';
import { communityInstall, packageOf, streetInstall, thisMonth } from './submission-fixture';

const inspect = (t: Awaited<ReturnType<typeof streetInstall>>, pkg: { fileName: string; contentBase64: string }) => t.call('submission.inspectPackage', pkg);

describe('the installation’s signing key', () => {
  it('is made at setup, in the data folder, readable by its owner only', async () => {
    const community = await communityInstall();
    const file = path.join(community.dir, KEY_FOLDER, KEY_FILE);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    if (process.platform !== 'win32') {
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    }
    const { signingFingerprint } = await community.call('system.getStatus', {});
    expect(signingFingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/);
    const street = await streetInstall();
    const inspected = await inspect(street, await packageOf(community));
    expect(inspected.signer).toEqual({ fingerprint: signingFingerprint, pinnedAt: null });
    expect(inspected.checks).toContain(`签名有效（密钥指纹 ${signingFingerprint}）`);
    const audit = await community.call('system.listAudit', { entity: 'installation' });
    expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({ signingKey: signingFingerprint });
  });

  it('is made at the first export of an installation set up before packages were signed, and then kept', async () => {
    const community = await communityInstall();
    fs.rmSync(path.join(community.dir, KEY_FOLDER), { recursive: true });
    expect((await community.call('system.getStatus', {})).signingFingerprint).toBeNull();
    const street = await streetInstall();
    const first = await inspect(street, await packageOf(community));
    const made = (await community.call('system.getStatus', {})).signingFingerprint;
    expect(first.signer!.fingerprint).toBe(made);
    expect((await inspect(street, await packageOf(community))).signer!.fingerprint).toBe(made);
  });

  it.skipIf(!hasPoppler)('is printed on the community’s signed 上报汇总表, as the street shows it pinned', async () => {
    const community = await communityInstall();
    const out = await community.call('submission.buildMonthly', { level: 'community', period: thisMonth(), modules: ['party'] });
    const { signingFingerprint } = await community.call('system.getStatus', {});
    expect(pdfText(out.pdf!.contentBase64).replace(/\s+/g, '')).toContain(`本单位数据包签名密钥指纹：${signingFingerprint!.replace(/ /g, '')}`);
    const street = await streetInstall();
    await street.call('submission.importPackage', { fileName: out.package!.fileName, contentBase64: out.package!.contentBase64 });
    expect((await street.call('submission.listUnits', {}))[0]).toMatchObject({ name: '西里社区', fingerprint: signingFingerprint });
  });
});

describe('a community’s key pinned at the street', () => {
  it('refuses a package signed with another key until an administrator accepts the change, audited', async () => {
    const community = await communityInstall();
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(community));
    const pinned = (await community.call('system.getStatus', {})).signingFingerprint!;
    expect((await street.call('system.listAudit', { entity: 'unit_key' })).rows.map((r) => r.action)).toEqual(['pin_key']);

    // The community's laptop is reinstalled: same unit, a new data folder, a new key.
    const reinstalled = await communityInstall({ dataDir: tempDir() });
    const fresh = (await reinstalled.call('system.getStatus', {})).signingFingerprint!;
    expect(fresh).not.toBe(pinned);
    const pkg = await packageOf(reinstalled);
    const inspected = await street.call('submission.inspectPackage', pkg);
    expect(inspected.refusal).toMatchObject({ reason: 'PACKAGE_KEY_CHANGED', message: expect.stringContaining(`已记录 ${pinned}，本数据包 ${fresh}`) });
    expect(inspected.keyChange).toMatchObject({ pinned, incoming: fresh });
    expect(await street.attempt('submission.importPackage', pkg)).toMatchObject({ ok: false, error: { reason: 'PACKAGE_KEY_CHANGED' } });

    expect(await street.call('submission.acceptKeyChange', pkg)).toEqual({ unitName: '西里社区', fingerprint: fresh, previous: pinned });
    const audit = await street.call('system.listAudit', { entity: 'unit_key' });
    expect(audit.rows[0]).toMatchObject({ action: 'key_change', entityId: '130104001001' });
    expect(JSON.parse(audit.rows[0]!.before!)).toMatchObject({ fingerprint: pinned });
    expect(JSON.parse(audit.rows[0]!.after!)).toMatchObject({ fingerprint: fresh });
    // Accepted once: the package imports, and the old key is the one refused now.
    expect((await street.call('submission.inspectPackage', pkg)).signer).toMatchObject({ fingerprint: fresh, pinnedAt: expect.any(String) });
    await street.call('submission.importPackage', pkg);
    expect((await street.call('submission.listUnits', {}))[0]!.fingerprint).toBe(fresh);
    expect(await street.attempt('submission.importPackage', await packageOf(community))).toMatchObject({ ok: false, error: { reason: 'PACKAGE_KEY_CHANGED' } });
    expect(await street.attempt('submission.acceptKeyChange', pkg)).toMatchObject({ ok: false, error: { reason: 'KEY_NOT_CHANGED' } });
  });

  it('accepts no key change from a package that fails another rule (a community of another street)', async () => {
    const street = await streetInstall();
    await street.call('submission.importPackage', await packageOf(await communityInstall()));
    const foreign = await communityInstall({ parent: { name: '东花市街道', code: '110101002' } });
    expect(await street.attempt('submission.acceptKeyChange', await packageOf(foreign))).toMatchObject({
      ok: false, error: { reason: 'PACKAGE_NOT_ACCEPTED', message: expect.stringContaining('不是本街道') },
    });
    expect((await street.call('system.listAudit', { entity: 'unit_key' })).rows.map((r) => r.action)).toEqual(['pin_key']);
  });
});
