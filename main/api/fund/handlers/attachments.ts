import { hash } from 'node:crypto';
import path from 'node:path';
import { attachmentContent, attachmentsOf, dropUnlisted, saveAttachment, staleUnlisted, type AttachmentMime } from '../../../../db/fund/attachments';
import type { EntryRow } from '../../../../db/fund/entries';
import { fileOut } from '../../../export/file-out';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { fundContract } from '../contract';
import { attachmentTypes } from '../labels';
import { attachmentTooLarge, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../schemas';
import { entryDetail, mustEntry } from './common';
import { rewriteDraft } from './entries';

type C = typeof fundContract;

/** The first bytes of each accepted type, and the file-name endings that go with it. */
const SIGNATURES: { mime: AttachmentMime; magic: number[]; extensions: string[] }[] = [
  { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d], extensions: ['.pdf'] }, // %PDF-
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff], extensions: ['.jpg', '.jpeg'] },
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], extensions: ['.png'] },
];

const ACCEPTED = '只能添加 PDF、JPEG 或 PNG 文件（扫描件、照片）';

/**
 * The voucher's type, read from its content: a Word file renamed .pdf, or a PNG named .jpg, is refused — the name
 * must say what the bytes are, so that whoever downloads it opens it with the right program.
 */
export function voucherType(fileName: string, content: Uint8Array): AttachmentMime {
  const found = SIGNATURES.find((s) => s.magic.every((b, i) => content[i] === b));
  const ext = path.extname(fileName).toLowerCase();
  if (!found) throw fieldError('file', `“${fileName}”不是 PDF、JPEG 或 PNG 文件，未添加。${ACCEPTED}`);
  if (!found.extensions.includes(ext)) {
    throw fieldError('file', `“${fileName}”的内容是${attachmentTypes[found.mime]}，与扩展名“${ext || '（无）'}”不符，未添加。请改为 ${found.extensions[0]} 后再添加`);
  }
  return found.mime;
}

/** A draft whose attachments may change; a posted or voided entry's vouchers are fixed with it. */
function mustDraftForVouchers(ctx: Ctx, entryId: string): EntryRow {
  const e = mustEntry(ctx.db, entryId);
  if (e.status === 'posted') throw new DomainError('DOMAIN', '这笔流水已过账，附件不能再增减。如凭证有误，请冲正后另录一笔并附上正确的凭证', 'NOT_DRAFT');
  if (e.status === 'voided') throw new DomainError('DOMAIN', '这笔流水已作废，附件不能再增减', 'NOT_DRAFT');
  return e;
}

/** A voucher the entry lists, with its bytes. */
function listedVoucher(ctx: Ctx, entryId: string, sha256: string) {
  const e = mustEntry(ctx.db, entryId);
  const a = e.attachmentHashes.includes(sha256) ? attachmentContent(ctx.db, sha256) : undefined;
  if (!a) throw notFound('附件');
  return { entry: e, attachment: a };
}

/** Reads a picked file as a voucher — within the limit, not empty, its type from its bytes — and keeps it by its hash. */
function storeVoucher(ctx: Ctx, file: { fileName: string; contentBase64: string }, personal: boolean): { sha256: string; content: Buffer } {
  const content = Buffer.from(file.contentBase64, 'base64');
  // The schema bounds the base64 text; the decoded bytes are held to the limit exactly.
  if (content.length > MAX_ATTACHMENT_BYTES) throw fieldError('file', attachmentTooLarge(content.length));
  if (content.length === 0) throw fieldError('file', `“${file.fileName}”是空文件，未添加`);
  const mime = voucherType(file.fileName, content);
  const sha256 = hash('sha256', content, 'hex');
  saveAttachment(ctx.db, { sha256, fileName: file.fileName, mime, content, personal }, ctx.operator);
  return { sha256, content };
}

const audited = (a: { fileName: string; sha256: string; bytes: number; personal: boolean }) =>
  ({ fileName: a.fileName, sha256: a.sha256, bytes: a.bytes, personal: a.personal });

export const attachmentHandlers: Pick<Handlers<C>, 'fund.addAttachment' | 'fund.storeVoucher' | 'fund.removeAttachment' | 'fund.downloadAttachment' | 'fund.downloadPersonalAttachment'> = {
  /** Adds a voucher to a draft: its content hash changes, so a sign-off given before no longer counts. */
  'fund.addAttachment': ({ entryId, file, personal }, ctx) => {
    const before = mustDraftForVouchers(ctx, entryId);
    const { sha256, content } = storeVoucher(ctx, file, personal);
    if (before.attachmentHashes.includes(sha256)) return entryDetail(ctx.db, entryId);
    if (before.attachmentHashes.length >= MAX_ATTACHMENTS) throw fieldError('file', `一笔最多 ${MAX_ATTACHMENTS} 个附件`);
    const voided = rewriteDraft(ctx, before, { ...before, attachmentHashes: [...before.attachmentHashes, sha256] }) ?? [];
    ctx.audit({
      action: 'attach', entity: 'fund_entry', entityId: entryId,
      after: { ...audited({ fileName: file.fileName, sha256, bytes: content.length, personal }), voidedSignoffs: voided },
    });
    return entryDetail(ctx.db, entryId);
  },

  /**
   * A voucher for an entry not written yet — income, posted the moment its form is saved, takes its vouchers with it
   * (IncomeInput's attachmentHashes): kept unlisted until then; one left by a form closed unsaved goes a day later.
   */
  'fund.storeVoucher': ({ file, personal }, ctx) => {
    const day = new Date(Date.parse(ctx.now) - 86_400_000).toISOString();
    for (const stale of staleUnlisted(ctx.db, day)) dropUnlisted(ctx.db, stale);
    const { sha256, content } = storeVoucher(ctx, file, personal);
    ctx.audit({ action: 'store_voucher', entity: 'fund_attachment', entityId: sha256, after: audited({ fileName: file.fileName, sha256, bytes: content.length, personal }) });
    return attachmentsOf(ctx.db, [sha256])[0]!;
  },

  /** Removes a voucher from a draft (voiding its sign-offs, as any change does); kept while another entry lists it. */
  'fund.removeAttachment': ({ entryId, sha256 }, ctx) => {
    const before = mustDraftForVouchers(ctx, entryId);
    const { attachment } = listedVoucher(ctx, entryId, sha256);
    const voided = rewriteDraft(ctx, before, { ...before, attachmentHashes: before.attachmentHashes.filter((h) => h !== sha256) }) ?? [];
    dropUnlisted(ctx.db, sha256);
    ctx.audit({ action: 'detach', entity: 'fund_entry', entityId: entryId, before: audited(attachment), after: { voidedSignoffs: voided } });
    return entryDetail(ctx.db, entryId);
  },

  'fund.downloadAttachment': ({ entryId, sha256 }, ctx) => {
    const { attachment: a } = listedVoucher(ctx, entryId, sha256);
    if (a.personal) throw new DomainError('FORBIDDEN', `“${a.fileName}”含个人信息，仅审核人和管理员可查看`, 'PERSONAL_ATTACHMENT');
    return fileOut(a.fileName, a.mime, a.content);
  },

  /** A voucher with personal data: the contract lets only 审核人 and 管理员 in, and each download is recorded. */
  'fund.downloadPersonalAttachment': ({ entryId, sha256 }, ctx) => {
    const { attachment: a } = listedVoucher(ctx, entryId, sha256);
    ctx.audit({ action: 'download_attachment', entity: 'fund_entry', entityId: entryId, after: audited(a) });
    return fileOut(a.fileName, a.mime, a.content);
  },
};
