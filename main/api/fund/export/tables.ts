import { z } from 'zod';
import { exportAccounts, exportJournal, type AccountExport, type JournalExport } from '../../../../db/fund/export';
import { day, fen, maybe, placed, sha256, stamp, text } from '../../../export/record-fields';
import type { PackageTable } from '../../../export/types';
import { id, keysOf } from '../../common/fields';
import { communityOf } from '../../property/export/tables';
import { accountStatuses, directions } from '../labels';
import { verifyJournal } from './chain-check';

/**
 * The fund's package tables: the accounts with their chain heads, and every posted journal entry with the fields
 * its chain hashes, so the street recomputes each account's chain on import (chain-check.ts). The journal is a
 * chain table: a package carries each account's entries after the head this installation sent up before, with
 * that head as the witness (main/api/submission/chain-delta.ts) — by seq, not by period, since a back-dated entry
 * has a later seq. The first package of an account, and a 完整上报, carry it whole.
 */

export const accountsTable: PackageTable<AccountExport> = {
  name: 'fund.accounts',
  title: '电梯维保基金账户',
  schema: z.object({
    id,
    estateId: id,
    ...placed,
    // A building's account only (migration 047): an estate's leaves them out, as packages made before did.
    buildingId: maybe(id).optional(),
    buildingName: maybe(text(100)).optional(),
    name: text(200).min(1),
    bankName: maybe(text(200)),
    openingBalance: fen.min(0),
    openedOn: day,
    status: z.enum(keysOf(accountStatuses)),
    headSeq: z.number().int().min(0),
    headHash: sha256,
    updatedAt: stamp,
  }),
  fields: {
    estateId: '小区', estateName: '小区名称', buildingId: '楼栋', buildingName: '楼栋名称', community: '所属社区', name: '账户名称', bankName: '开户银行',
    openingBalance: '开户余额（分）', openedOn: '开户日期', status: '状态', headSeq: '最新笔数', headHash: '最新校验码', updatedAt: '最后修改',
  },
  listFields: ['name', 'estateName', 'openingBalance', 'headSeq'],
  labels: { status: accountStatuses },
  readOnly: true,
  coverage: () => 'all',
  read: (db, scope) => exportAccounts(db, communityOf(scope)),
};

const nullableText = (max: number) => maybe(text(max));

export const journalTable: PackageTable<JournalExport> = {
  name: 'fund.entries',
  title: '电梯维保基金流水',
  schema: z.object({
    id,
    accountId: id,
    accountName: text(200),
    ...placed,
    seq: z.number().int().min(1),
    hash: sha256,
    prevHash: sha256,
    onDate: day,
    direction: z.enum(keysOf(directions)),
    category: text(40).min(1),
    categoryLabel: text(40),
    amount: fen.refine((v) => v !== 0, '金额不能为 0'),
    counterparty: nullableText(200),
    voucherNo: nullableText(100),
    purpose: text(1000),
    elevators: text(100_000),
    attachments: text(100_000),
    reversesId: maybe(id),
    overrideReason: nullableText(1000),
    openingBalance: fen.min(0),
    openedOn: day,
    companySignerId: maybe(id),
    companySignerName: nullableText(40),
    companySignedAt: nullableText(40),
    companyApprovedHash: maybe(sha256),
    committeeSignerId: maybe(id),
    committeeSignerName: nullableText(40),
    committeeSignedAt: nullableText(40),
    committeeApprovedHash: maybe(sha256),
    operator: text(100),
    createdAt: text(40),
    postedBy: text(100),
    postedAt: text(40),
    updatedAt: stamp,
  }),
  fields: {
    accountId: '账户', accountName: '账户名称', estateName: '小区名称', community: '所属社区', seq: '笔数', hash: '校验码',
    prevHash: '前一笔校验码', onDate: '日期', direction: '收支', category: '类别', categoryLabel: '类别名称', amount: '金额（分）',
    counterparty: '对方单位', voucherNo: '凭证号', purpose: '用途', elevators: '涉及电梯', attachments: '附件校验码',
    reversesId: '冲正的原记录', overrideReason: '余额不足的说明', openingBalance: '开户余额（分）', openedOn: '开户日期',
    companySignerId: '物业方签字人', companySignerName: '物业方签字人姓名', companySignedAt: '物业方签字时间',
    companyApprovedHash: '物业方签字的草稿校验码', committeeSignerId: '业委会签字人', committeeSignerName: '业委会签字人姓名',
    committeeSignedAt: '业委会签字时间', committeeApprovedHash: '业委会签字的草稿校验码', operator: '录入人', createdAt: '录入时间',
    postedBy: '过账人', postedAt: '过账时间', updatedAt: '最后修改',
  },
  listFields: ['onDate', 'accountName', 'direction', 'categoryLabel', 'amount'],
  labels: { direction: directions },
  refs: { accountId: 'fund.accounts', reversesId: 'fund.entries' },
  // A ledger: the street never corrects a copy (the community reverses and sends again).
  readOnly: true,
  // Whole for a package that starts a chain (or 完整上报); otherwise each account after the head sent before.
  coverage: () => 'all',
  chain: { per: 'accountId', seq: 'seq', hash: 'hash' },
  read: (db, scope) => exportJournal(db, communityOf(scope)),
  verify: verifyJournal,
};
