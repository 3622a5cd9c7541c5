import zlib from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readXlsx } from '../../main/api/import/read/xlsx';
import { packageTables } from '../../main/api/submission/modules';
import { openPackage } from '../../main/export/package/read';
import { zipFiles } from '../../main/export/package/zip';
import { communityInstall, packageOf, streetInstall } from './submission-fixture';

/** A zip bomb is refused before it is inflated — by the sizes it declares, and while inflating when those lie. */

afterEach(() => vi.restoreAllMocks());

const MB = 1024 * 1024;

/**
 * Raw deflate of `mb` megabytes of zeros: one megabyte's stream, ended on a byte boundary by a sync flush, repeated,
 * then an empty final block (0x03 0x00). A gigabyte of it is a megabyte to build and send.
 */
function zeros(mb: number): Buffer {
  const megabyte = zlib.deflateRawSync(Buffer.alloc(MB), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array<Buffer>(mb).fill(megabyte), Buffer.from([0x03, 0x00])]);
}

/** A zip of one file of `mb` megabytes of zeros whose directory says it holds `declared` bytes. */
const bomb = (name: string, mb: number, declared = mb * MB) =>
  zipFiles([{ name, deflated: zeros(mb), crc32: 0, size: declared }], new Date('2026-01-01T00:00:00Z'));

const refusal = (bytes: Uint8Array) => {
  try {
    openPackage(bytes, packageTables);
  } catch (err) {
    return err;
  }
  throw new Error('the package was opened');
};

describe('zip bombs', () => {
  it('refuses a package that declares more than 200 MB without inflating any of it', () => {
    const inflate = vi.spyOn(zlib, 'inflateRawSync');
    const bytes = bomb('manifest.json', 300);
    expect(bytes.length).toBeLessThan(MB / 2);
    expect(refusal(bytes)).toMatchObject({ reason: 'PACKAGE_TOO_LARGE', message: expect.stringContaining('解压后超过 200 MB') });
    expect(inflate).not.toHaveBeenCalled();
  });

  it('stops inflating a package whose declared sizes lie once it passes 200 MB', () => {
    const inflate = vi.spyOn(zlib, 'inflateRawSync');
    // 4 GB of zeros that say they are 1 KB: inflated in full it would take seconds and more memory than we have.
    expect(refusal(bomb('manifest.json', 4096, 1024))).toMatchObject({ reason: 'PACKAGE_TOO_LARGE' });
    expect(inflate).toHaveBeenCalledOnce();
    expect(inflate.mock.results[0]).toMatchObject({ type: 'throw', value: { code: 'ERR_BUFFER_TOO_LARGE' } });
  });

  it('refuses as damaged a package whose file inflates to other than its declared size', () => {
    expect(refusal(bomb('manifest.json', 2, 1024))).toMatchObject({ reason: 'PACKAGE_CORRUPT', message: expect.stringContaining('无法解压') });
  });

  it('answers the submission import with its refusal envelope, not an internal error', async () => {
    const street = await streetInstall();
    const file = { fileName: '西里社区.sdpkg', contentBase64: bomb('manifest.json', 4096, 1024).toString('base64') };
    const imported = await street.attempt('submission.importPackage', file);
    expect(imported).toMatchObject({ ok: false, error: { code: 'DOMAIN', reason: 'PACKAGE_TOO_LARGE', message: expect.stringContaining('未导入任何数据') } });
    const inspected = await street.call('submission.inspectPackage', file);
    expect(inspected.refusal).toMatchObject({ reason: 'PACKAGE_TOO_LARGE' });
  });

  it('still opens a real package with the capped reader', async () => {
    const pkg = await packageOf(await communityInstall());
    expect(openPackage(Buffer.from(pkg.contentBase64, 'base64'), packageTables).tables.length).toBeGreaterThan(0);
  });

  it('refuses an .xlsx bomb with the same reader, declared or lying', () => {
    expect(() => readXlsx(bomb('xl/worksheets/sheet1.xml', 300))).toThrow('文件解压后超过 200 MB，请拆分后再导入');
    expect(() => readXlsx(bomb('xl/worksheets/sheet1.xml', 4096, 1024))).toThrow('文件解压后超过 200 MB，请拆分后再导入');
    // Parts it does not read are neither counted nor inflated.
    expect(() => readXlsx(bomb('xl/media/image1.png', 300))).toThrow('里面没有工作表');
  });
});
