import { hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../../db/ids';
import { MAX_ATTACHMENT_BYTES } from '../../main/api/fund/schemas';
import { manualClock } from '../../main/clock';
import { DB_FILE_NAME } from '../../main/core';
import { COMMITTEE_PIN, COMPANY_PIN, fundFixture } from './fund-fixture';
import { FIXED_NOW } from './helpers';
import { pdfFlatText } from './pdf-text';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** A file of `size` bytes starting with `magic`, the rest every byte value in turn (so a text round trip would break it). */
const bytes = (magic: number[] | string, size = 2000): Buffer => {
  const head = typeof magic === 'string' ? Buffer.from(magic, 'latin1') : Buffer.from(magic);
  return Buffer.concat([head, Buffer.from(Array.from({ length: size - head.length }, (_, i) => (i * 7 + 3) % 256))]);
};
const file = (fileName: string, content: Buffer) => ({ fileName, contentBase64: content.toString('base64') });
const sha = (b: Buffer) => hash('sha256', b, 'hex');

describe('voucher attachments of the fund journal', () => {
  it('keeps PDF, JPEG and PNG by their content, bytes back exactly, the same content once', async () => {
    const { call, draft, rawDb } = await fundFixture();
    const d = await draft('800.00', '2026-04-01');
    const pdf = bytes('%PDF-1.7\n', 30_000);
    const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0]);
    const png = bytes(PNG, 5000);
    for (const [name, b] of [['发票.pdf', pdf], ['现场照片.JPG', jpeg], ['合同第1页.png', png]] as const) {
      await call('fund.addAttachment', { entryId: d.entry.id, file: file(name, b) });
    }
    const detail = await call('fund.getEntry', { id: d.entry.id });
    expect(detail.attachments.map((a) => [a.fileName, a.mime, a.bytes, a.personal])).toEqual([
      ['发票.pdf', 'application/pdf', 30_000, false], ['现场照片.JPG', 'image/jpeg', 2000, false], ['合同第1页.png', 'image/png', 5000, false],
    ]);
    expect([...detail.entry.attachmentHashes].sort()).toEqual([sha(pdf), sha(jpeg), sha(png)].sort());

    const out = await call('fund.downloadAttachment', { entryId: d.entry.id, sha256: sha(png) });
    expect(out).toMatchObject({ fileName: '合同第1页.png', mime: 'image/png', bytes: 5000, sha256: sha(png) });
    expect(Buffer.from(out.contentBase64, 'base64').equals(png)).toBe(true);

    // The same scan again — on this draft or another — is stored once and listed once.
    const again = await call('fund.addAttachment', { entryId: d.entry.id, file: file('发票（重复）.pdf', pdf) });
    expect(again.entry.attachmentHashes).toHaveLength(3);
    const other = await draft('100.00', '2026-04-02');
    await call('fund.addAttachment', { entryId: other.entry.id, file: file('发票副本.pdf', pdf) });
    const db = rawDb();
    expect(db.prepare('SELECT count(*) FROM fund_attachments').pluck().get()).toBe(3);
    expect(db.prepare('SELECT file_name FROM fund_attachments WHERE sha256 = ?').pluck().get(sha(pdf))).toBe('发票.pdf');
    expect(Buffer.from(db.prepare('SELECT content FROM fund_attachments WHERE sha256 = ?').pluck().get(sha(jpeg)) as Uint8Array).equals(jpeg)).toBe(true);
  });

  it('refuses other types by their bytes, a name that disagrees with them, and a file over 5 MB naming its size', async () => {
    const { call, draft, rawDb } = await fundFixture();
    const d = await draft('800.00', '2026-04-01');
    const refused = (name: string, content: Buffer) => call('fund.addAttachment', { entryId: d.entry.id, file: file(name, content) }).catch((e) => e.body);
    // A Word file (a zip) renamed .pdf is still a Word file.
    expect(await refused('发票.pdf', bytes('PK\x03\x04'))).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'file', message: expect.stringContaining('不是 PDF、JPEG 或 PNG') }] });
    expect(await refused('说明.txt', Buffer.from('就是一段文字'))).toMatchObject({ code: 'VALIDATION' });
    expect(await refused('照片.jpg', bytes(PNG))).toMatchObject({ fields: [{ message: expect.stringContaining('内容是PNG 图片，与扩展名“.jpg”不符') }] });
    const big = await refused('整本合同.pdf', bytes('%PDF-1.4\n', 6 * 1024 * 1024));
    expect(big).toMatchObject({ code: 'VALIDATION' });
    expect(JSON.stringify(big)).toContain('文件有 6.0 MB，超过附件 5 MB 的上限');
    // Exactly the limit is accepted; a byte more is not (the decoded bytes are counted, not the base64 text).
    await call('fund.addAttachment', { entryId: d.entry.id, file: file('扫描.pdf', bytes('%PDF-1.4\n', MAX_ATTACHMENT_BYTES)) });
    expect(JSON.stringify(await refused('扫描2.pdf', bytes('%PDF-1.5\n', MAX_ATTACHMENT_BYTES + 1)))).toContain('超过附件 5 MB 的上限');
    expect(rawDb().prepare('SELECT count(*) FROM fund_attachments').pluck().get()).toBe(1);
  });

  it('an attachment added after a sign-off voids it; posted, the vouchers are fixed', async () => {
    const { call, draft, company, committee } = await fundFixture();
    const d = await draft('800.00', '2026-04-01');
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: company.id, pin: COMPANY_PIN });
    const attached = await call('fund.addAttachment', { entryId: d.entry.id, file: file('发票.png', bytes(PNG)) });
    expect(attached.signoffs).toMatchObject([{ side: 'company', valid: false }]);
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: committee.id, pin: COMMITTEE_PIN });
    expect(await call('fund.postExpense', { entryId: d.entry.id }).catch((e) => e.body)).toMatchObject({ reason: 'SIGNOFF_MISSING' });

    // Removing one voids the sign-offs as well, and is audited with the file it removed.
    const second = bytes(PNG, 3000);
    await call('fund.addAttachment', { entryId: d.entry.id, file: file('多传的.png', second) });
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: committee.id, pin: COMMITTEE_PIN });
    const removed = await call('fund.removeAttachment', { entryId: d.entry.id, sha256: sha(second) });
    expect(removed.attachments.map((a) => a.fileName)).toEqual(['发票.png']);
    // The sign-off given with both files no longer counts; the content is back to what 陈主任 first approved, so that one counts again.
    expect(removed.signoffs.map((s) => `${s.signerName}:${s.valid}`).sort()).toEqual(['刘经理:false', '陈主任:false', '陈主任:true']);
    const audit = await call('system.listAudit', { entity: 'fund_entry', entityId: d.entry.id, limit: 50 });
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['attach', 'detach']));
    const detach = audit.rows.find((r) => r.action === 'detach')!;
    expect(detach.before).toContain('多传的.png');
    expect(detach.after).toContain('陈主任（业委会）');

    // An edit of the draft's other fields keeps its attachments (they are not the form's to drop).
    await call('fund.updateDraft', { ...removed.entry, amount: '900.00' });
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: company.id, pin: COMPANY_PIN });
    await call('fund.signOff', { entryId: d.entry.id, signatoryId: committee.id, pin: COMMITTEE_PIN });
    const posted = await call('fund.postExpense', { entryId: d.entry.id });
    expect(posted.entry).toMatchObject({ status: 'posted', attachmentHashes: [sha(bytes(PNG))] });

    const add = await call('fund.addAttachment', { entryId: d.entry.id, file: file('补的.png', bytes(PNG, 4000)) }).catch((e) => e.body);
    expect(add).toMatchObject({ code: 'DOMAIN', reason: 'NOT_DRAFT', message: expect.stringContaining('冲正') });
    const remove = await call('fund.removeAttachment', { entryId: d.entry.id, sha256: sha(bytes(PNG)) }).catch((e) => e.body);
    expect(remove).toMatchObject({ reason: 'NOT_DRAFT' });
    expect((await call('fund.getEntry', { id: d.entry.id })).attachments).toHaveLength(1);
  });

  it('a voucher no entry lists any more is deleted; the database refuses deleting one still listed', async () => {
    const { call, draft, rawDb } = await fundFixture();
    const a = await draft('100.00', '2026-04-01');
    const b = await draft('200.00', '2026-04-01');
    const png = bytes(PNG);
    await call('fund.addAttachment', { entryId: a.entry.id, file: file('共用.png', png) });
    await call('fund.addAttachment', { entryId: b.entry.id, file: file('共用.png', png) });
    const db = rawDb();
    expect(() => db.prepare('DELETE FROM fund_attachments').run()).toThrow('还有流水引用这个附件');
    expect(() => db.prepare('UPDATE fund_attachments SET content = x\'00\', bytes = 1').run()).toThrow('附件内容保存后不能修改');
    await call('fund.removeAttachment', { entryId: a.entry.id, sha256: sha(png) });
    expect(db.prepare('SELECT count(*) FROM fund_attachments').pluck().get()).toBe(1);
    await call('fund.removeAttachment', { entryId: b.entry.id, sha256: sha(png) });
    expect(db.prepare('SELECT count(*) FROM fund_attachments').pluck().get()).toBe(0);
    // A draft cannot name a voucher that is not stored.
    const stray = await call('fund.draftExpense', { id: '01KBZZZZZZZZZZZZZZZZZZZZZZ', accountId: a.entry.accountId, onDate: '2026-04-01', category: 'routine', amount: '1.00', purpose: '测试', attachmentHashes: [sha(png)] }).catch((e) => e.body);
    expect(stray).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'attachmentHashes' }] });
  });

  it('a personal voucher: its name and size for everyone, its bytes for 审核人 and 管理员 only, each download audited', async () => {
    const { call, callAs, signInAs, draft } = await fundFixture();
    const d = await draft('800.00', '2026-04-01');
    const idCopy = bytes([0xff, 0xd8, 0xff, 0xe1], 4096);
    await call('fund.addAttachment', { entryId: d.entry.id, file: file('收款人身份证.jpg', idCopy), personal: true });
    const clerk = await signInAs('entry', '李娜');
    const reader = await signInAs('readonly', '孙读');
    const reviewer = await signInAs('reviewer', '赵敏');
    const ref = { entryId: d.entry.id, sha256: sha(idCopy) };

    expect((await callAs(clerk, 'fund.getEntry', { id: d.entry.id })).attachments).toMatchObject([{ fileName: '收款人身份证.jpg', bytes: 4096, personal: true }]);
    for (const token of [clerk, reader]) {
      expect(await callAs(token, 'fund.downloadAttachment', ref).catch((e) => e.body)).toMatchObject({
        code: 'FORBIDDEN', reason: 'PERSONAL_ATTACHMENT', message: expect.stringContaining('含个人信息，仅审核人和管理员可查看'),
      });
      expect(await callAs(token, 'fund.downloadPersonalAttachment', ref).catch((e) => e.body)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('需要管理员或审核人账号') });
    }
    const got = await callAs(reviewer, 'fund.downloadPersonalAttachment', ref);
    expect(Buffer.from(got.contentBase64, 'base64').equals(idCopy)).toBe(true);
    await call('fund.downloadPersonalAttachment', ref);
    const audit = await call('system.listAudit', { entity: 'fund_entry', entityId: d.entry.id, limit: 50 });
    const downloads = audit.rows.filter((r) => r.action === 'download_attachment');
    expect(downloads.map((r) => r.operator).sort()).toEqual(['王芳', '赵敏'].sort());
    expect(downloads[0]!.after).toContain('收款人身份证.jpg');

    // The same content uploaded again unflagged stays personal: the flag is never lowered.
    const other = await draft('50.00', '2026-04-02');
    const again = await call('fund.addAttachment', { entryId: other.entry.id, file: file('复印件.jpg', idCopy) });
    expect(again.attachments).toMatchObject([{ personal: true }]);
  });

  it('the 公示 statement counts each expense\'s vouchers, and prints none of them', async () => {
    const { call, draft, signBoth } = await fundFixture();
    const d = await draft('800.00', '2026-02-10', { voucherNo: 'FP-0210' });
    await call('fund.addAttachment', { entryId: d.entry.id, file: file('发票.pdf', bytes('%PDF-1.4\n')) });
    await call('fund.addAttachment', { entryId: d.entry.id, file: file('身份证.jpg', bytes([0xff, 0xd8, 0xff, 0xe0])), personal: true });
    await signBoth(d.entry.id);
    await call('fund.postExpense', { entryId: d.entry.id });
    const s = await call('fund.getStatement', { accountId: d.entry.accountId, from: '2026-02-01', to: '2026-02-28' });
    expect(s.expenses.map((l) => [l.voucherNo, l.attachments])).toEqual([['FP-0210', 2]]);
    const made = await call('fund.makeDisclosure', { accountId: d.entry.accountId, from: '2026-02-01', to: '2026-02-28', noticeFrom: '2026-12-03', noticeTo: '2026-12-12' });
    const text = pdfFlatText(made.contentBase64);
    expect(text).toContain('FP-0210附件2张');
    expect(text).not.toContain('身份证.jpg');
  });

  it('an encrypted data file holds the voucher sealed: its bytes are nowhere in the file or its journal, and come back exactly', async () => {
    const { call, draft, dir } = await fundFixture({ encrypted: true });
    const d = await draft('800.00', '2026-04-01');
    const marker = Buffer.from('身份证号码 130104196805121234 收款人银行卡 6222020200112233445');
    const scan = Buffer.concat([Buffer.from('%PDF-1.4\n'), marker, bytes([0x25], 4000)]);
    await call('fund.addAttachment', { entryId: d.entry.id, file: file('身份证.pdf', scan), personal: true });
    const got = await call('fund.downloadPersonalAttachment', { entryId: d.entry.id, sha256: sha(scan) });
    expect(Buffer.from(got.contentBase64, 'base64').equals(scan)).toBe(true);
    for (const name of fs.readdirSync(dir).filter((n) => n.startsWith(DB_FILE_NAME))) {
      expect(fs.readFileSync(path.join(dir, name)).includes(marker), name).toBe(false);
    }
  });
});

describe('vouchers for income', () => {
  it('are stored before the income is saved and go with it; one left by a form closed unsaved goes a day later', async () => {
    const clock = manualClock(FIXED_NOW);
    const { call, attempt, account, rawDb } = await fundFixture({ clock });
    const notice = bytes('%PDF-1.4\n', 8_000);
    const stored = await call('fund.storeVoucher', { file: file('财政补贴拨付通知.pdf', notice), personal: false });
    expect(stored).toMatchObject({ sha256: sha(notice), fileName: '财政补贴拨付通知.pdf', mime: 'application/pdf', bytes: 8_000 });
    expect(await attempt('fund.storeVoucher', { file: file('通知.pdf', bytes(PNG)), personal: false }))
      .toMatchObject({ ok: false, error: { fields: [{ path: 'file', message: expect.stringContaining('与扩展名“.pdf”不符') }] } });

    const income = await call('fund.postIncome', {
      id: newId(), accountId: account.id, onDate: '2026-11-20', amount: '20,000.00', category: 'subsidy', purpose: '电梯更新改造补贴', attachmentHashes: [stored.sha256],
    });
    const detail = await call('fund.getEntry', { id: income.id });
    expect(detail.attachments.map((a) => a.fileName)).toEqual(['财政补贴拨付通知.pdf']);
    expect(Buffer.from((await call('fund.downloadAttachment', { entryId: income.id, sha256: stored.sha256 })).contentBase64, 'base64').equals(notice)).toBe(true);

    // Picked, then the form closed: kept for a day, then gone at the next voucher stored; a listed one stays.
    const abandoned = bytes([0xff, 0xd8, 0xff, 0xe0], 3_000);
    await call('fund.storeVoucher', { file: file('照片.jpg', abandoned), personal: true });
    const kept = () => rawDb().prepare('SELECT sha256 FROM fund_attachments ORDER BY sha256').pluck().all();
    clock.advance(25 * 3_600_000);
    await call('fund.storeVoucher', { file: file('回执.png', bytes(PNG, 1_200)), personal: false });
    expect(kept()).toEqual([sha(notice), sha(bytes(PNG, 1_200))].sort());
    expect((await call('system.listAudit', { limit: 10 })).rows.filter((r) => r.action === 'store_voucher')).toHaveLength(3);
  });
});
