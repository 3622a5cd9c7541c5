import { z } from 'zod';
import { choice, chosen, date, id, nullableId, optionalCount, optionalDate, optionalText, pageInput, pastDate, phone, requiredText, wholeNumber } from '../common/fields';
import { fileIn } from '../common/files';
import { yuanField } from '../common/money';
import { schemeWeight } from './split';
import { accountScopes, accountStatuses, campaignSchemes, consentRules, directions, grantKinds, paymentStages, sides } from './labels';

/**
 * The id of a new entry, made by the form when it opens (a ULID): a double click or a retried request carries
 * the same id and posts once.
 */
export const clientId = z.string({ error: '缺少记录编号' }).regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '记录编号应为表单打开时生成的编号（ULID）');

/** Six digits, set by the signer. The message never repeats what was typed. */
export const pin = z.string({ error: '请输入 6 位数字签字密码' }).regex(/^\d{6}$/, '签字密码应为 6 位数字');

/** A voucher's size limit: a scanned page at 300 dpi is well under it; a whole contract scanned in colour may not be. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 50;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, '附件校验码应为 64 位十六进制（SHA-256）');

export const AccountInput = z.object({
  estateId: chosen('小区'),
  /** One of the estate's buildings when accounts are kept per building (设置 → 电梯维保基金); null: the estate's. */
  buildingId: nullableId,
  /** Empty: "<小区>电梯维保基金" (or "<小区><楼栋>电梯维保基金"). */
  name: optionalText('账户名称', 60),
  bankName: optionalText('开户银行', 60),
  bankAccount: optionalText('银行账号', 40),
  openingBalance: yuanField('开户余额').refine((fen) => fen >= 0, '开户余额不能为负'),
  openedOn: pastDate('开户日期'),
  note: optionalText('备注', 500),
});
export const AccountList = z.object({ status: choice(accountStatuses, '账户状态').nullish().transform((v) => v ?? null) });

export const SignatoryInput = z.object({
  accountId: chosen('基金账户'),
  side: choice(sides, '签字方'),
  name: requiredText('姓名', 30),
  phone,
});
export const SetPin = z.object({
  signatoryId: chosen('签字人'),
  pin,
  /** Needed to change a PIN already set: nobody sets a PIN for someone else. */
  currentPin: pin.nullish().transform((v) => v ?? null),
});

const content = {
  onDate: pastDate('日期'),
  category: chosen('类别'),
  amount: yuanField('金额').refine((fen) => fen > 0, '金额应大于 0'),
  counterparty: optionalText('对方单位', 100),
  voucherNo: optionalText('凭证号', 50),
  purpose: requiredText('用途', 200),
  elevatorIds: z.array(id).max(200, '一笔最多关联 200 部电梯').default([]),
};
const attachmentHashes = z.array(sha256Hex).max(MAX_ATTACHMENTS, `一笔最多 ${MAX_ATTACHMENTS} 个附件`).default([]);
const overrideReason = optionalText('透支说明', 200);

export const IncomeInput = z.object({ id: clientId, accountId: chosen('基金账户'), ...content, attachmentHashes });
export const ExpenseDraftInput = z.object({ id: clientId, accountId: chosen('基金账户'), ...content, attachmentHashes, overrideReason });
/** A draft's attachments are not in it: they change only through fund.addAttachment / removeAttachment, so a form open meanwhile cannot drop one. */
export const DraftUpdate = z.object({ id, ...content, overrideReason });

export const attachmentTooLarge = (bytes: number) =>
  `文件有 ${(bytes / 1024 / 1024).toFixed(1)} MB，超过附件 5 MB 的上限，未添加。请降低扫描分辨率（200–300 dpi、黑白或灰度）或分成几个文件再添加`;
/** One voucher for a draft (the page sends several one after another: each file's request stays small). */
export const AttachmentInput = z.object({
  entryId: id,
  file: fileIn(MAX_ATTACHMENT_BYTES, attachmentTooLarge),
  /** Holds personal data (an ID copy, a bank card): only 审核人 and 管理员 may download it. */
  personal: z.boolean().default(false),
});
export const AttachmentRef = z.object({ entryId: id, sha256: sha256Hex });
/** A voucher picked in 录入收入, kept until the income is saved with it (its hash in attachmentHashes). */
export const VoucherInput = AttachmentInput.omit({ entryId: true });

const direction = choice(directions, '收支');
/** A category added to a list in 设置; its code is its name (so a name is used once in a list, and not renamed). */
export const AddCategory = z.object({ direction, label: requiredText('类别名称', 20) });
export const RetireCategory = z.object({ direction, code: chosen('类别'), retired: z.boolean() });
export const DeleteCategory = z.object({ direction, code: chosen('类别') });

/** 销户, by an administrator, saying why (the estate's fund handed over, the elevators retired…). */
export const CloseAccount = z.object({ id, reason: requiredText('销户原因', 200) });

/** An administrator lifts a signer's lock before it ends (a signer who has remembered their PIN, at a meeting), saying why. */
export const UnlockSignatory = z.object({ signatoryId: chosen('签字人'), reason: requiredText('解除原因', 200) });
export const SignOff = z.object({ entryId: id, signatoryId: chosen('签字人'), pin });
export const EntryRef = z.object({ entryId: id });
export const VoidDraft = z.object({ entryId: id, reason: requiredText('作废原因', 200) });
export const ReverseEntry = z.object({
  id: clientId,
  entryId: id,
  reason: requiredText('冲正原因', 200),
  /** Dated like the original instead of today (allowed while its period is not disclosed). */
  onOriginalDate: z.boolean().default(false),
  overrideReason,
});

export const JournalList = z.object({
  accountId: chosen('基金账户'),
  from: optionalDate('开始日期'),
  to: optionalDate('结束日期'),
  ...pageInput,
});

/** A period of an account's journal that has ended (a statement of days still to come would change). */
export const StatementInput = z
  .object({ accountId: chosen('基金账户'), from: pastDate('开始日期'), to: pastDate('结束日期') })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' });

/** A statement made for public disclosure, with the 公示期 it is posted for (starting after the period ends). */
export const DisclosureInput = z
  .object({
    accountId: chosen('基金账户'),
    from: pastDate('开始日期'),
    to: pastDate('结束日期'),
    noticeFrom: date('公示开始日期'),
    noticeTo: date('公示结束日期'),
  })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束日期不能早于开始日期' })
  .refine((v) => v.noticeFrom > v.to, { path: ['noticeFrom'], message: '公示期应在统计期间结束之后开始' })
  .refine((v) => v.noticeFrom <= v.noticeTo, { path: ['noticeTo'], message: '公示结束日期不能早于开始日期' });

export const AccountRef = z.object({ accountId: chosen('基金账户') });

/**
 * How often an account must be disclosed: 住宅专项维修资金管理办法 §30 asks at least yearly, so 12 months is the
 * longest a setting may allow; the default is a quarter, as finances are usually posted in a community.
 */
export const FundSettingsInput = z.object({
  disclosureIntervalMonths: wholeNumber('公示间隔（月）', 1, 12),
  /** A month is to be reconciled with the bank by this day of the next month (settings saved before it existed: 10). */
  reconciliationDueDay: wholeNumber('银行对账截止日', 1, 28).default(10),
  /**
   * A maintenance-fund use's notices (a city procedure, PROPERTY-ELEVATOR.md): the plan at least 5 days before works;
   * the result within a month of the last payment, at least 10 days. Settings saved before these existed get them.
   */
  planNoticeDays: wholeNumber('方案公示天数', 1, 60).default(5),
  resultNoticeDays: wholeNumber('结果公示天数', 1, 60).default(10),
  resultNoticeWithinDays: wholeNumber('结果公示期限（末笔付款后天数）', 1, 180).default(30),
  /** Whether a new account is opened for an estate or for one of its buildings (the street's practice). */
  accountScope: choice(accountScopes, '账户设立方式').default('estate'),
});

/** 物业费提取 settings of an account: the rate as yuan per m² per month (¥1.18 → 118 fen), the fund's share as a fraction. */
export const FeeSettingsInput = z
  .object({
    accountId: chosen('基金账户'),
    rate: yuanField('每平方米每月费率').refine((fen) => fen > 0 && fen <= 100_000, '费率应大于 0、不超过 ¥1,000.00'),
    shareNum: wholeNumber('提取比例的分子', 1, 10_000),
    shareDen: wholeNumber('提取比例的分母', 1, 10_000),
    /** A building account's floor area (hundredths of a m²): the red-property profile has only the estate's. */
    areaHundredths: optionalCount('楼栋建筑面积', 10_000_000_000, 1),
  })
  .refine((v) => v.shareNum <= v.shareDen, { path: ['shareNum'], message: '提取比例不能超过 1（分子不大于分母）' });

export const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-11');
export const AllocationMonth = z.object({ accountId: chosen('基金账户'), month });
/** A month's allocation, posted as income; `id` is the entry's ULID made when the screen opened (a retry posts once). */
export const AllocationInput = z.object({ id: clientId, accountId: chosen('基金账户'), month });

const zeroOrMore = (label: string) => yuanField(label).refine((fen) => fen >= 0, `${label}不能为负`);
const household = z.object({
  room: requiredText('房号', 30),
  ownerName: requiredText('业主姓名', 30),
  /** Hundredths of a m²; needed when the scheme is by area or by floor coefficient × area. */
  areaHundredths: optionalCount('建筑面积', 10_000_000, 1),
  /** 楼层; needed by the floor-coefficient scheme. */
  floor: optionalCount('楼层', 200, 1),
  /** The custom scheme's 份额 in hundredths (a proportion: yuan, percentages or 份). */
  weightHundredths: optionalCount('份额', 100_000_000_000),
});

const floorCoefficient = z.object({ floor: wholeNumber('楼层', 1, 200), coefficientHundredths: wholeNumber('楼层系数（百分之一）', 0, 10_000) });

type CampaignShape = { scheme: keyof typeof campaignSchemes; households: z.infer<typeof household>[]; floorCoefficients: z.infer<typeof floorCoefficient>[] };

/** What each scheme needs of the households, and that the weights leave something to share. */
function schemeProblem(v: CampaignShape): { path: 'households' | 'floorCoefficients'; message: string } | null {
  const households = (message: string) => ({ path: 'households' as const, message });
  const hs = v.households;
  if (v.scheme === 'area' && !hs.every((h) => h.areaHundredths)) return households('按建筑面积分摊时每户都要填写建筑面积');
  if (v.scheme === 'custom' && !hs.every((h) => h.weightHundredths != null)) return households('自定义份额时每户都要填写份额');
  if (v.scheme === 'floor_area') {
    if (!hs.every((h) => h.areaHundredths && h.floor)) return households('按楼层系数 × 建筑面积分摊时每户都要填写建筑面积和楼层');
    const known = new Set(v.floorCoefficients.map((c) => c.floor));
    const missing = [...new Set(hs.map((h) => h.floor!))].filter((f) => !known.has(f)).sort((a, b) => a - b);
    if (missing.length > 0) return { path: 'floorCoefficients', message: `楼层系数表缺少第 ${missing.join('、')} 层` };
  }
  const table = new Map(v.floorCoefficients.map((c) => [c.floor, c.coefficientHundredths]));
  if (hs.every((h) => schemeWeight(v.scheme, h, table) === 0)) return households('各户的分摊份额不能全为 0');
  return null;
}

/**
 * A crowd-funding campaign: the target and the parts others pay (subsidy, maintenance-fund grant, the fund's own
 * balance), the owners' part being what is left; and the households sharing it, by the scheme (with the floor
 * coefficients it uses, for 楼层系数 × 面积).
 */
export const CampaignInput = z
  .object({
    accountId: chosen('基金账户'),
    title: requiredText('众筹名称', 60),
    purpose: requiredText('用途', 200),
    target: yuanField('目标金额').refine((fen) => fen > 0, '目标金额应大于 0'),
    subsidyPart: zeroOrMore('政府补贴'),
    grantPart: zeroOrMore('维修资金拨付'),
    balancePart: zeroOrMore('基金余额支付'),
    scheme: choice(campaignSchemes, '分摊方式'),
    households: z.array(household).min(1, '请至少填写一户').max(5000, '一次众筹最多 5000 户'),
    floorCoefficients: z.array(floorCoefficient).max(200).default([]),
  })
  .refine((v) => v.subsidyPart + v.grantPart + v.balancePart <= v.target, { path: ['target'], message: '补贴、拨付和基金余额之和不能超过目标金额' })
  .refine((v) => new Set(v.households.map((h) => h.room.trim())).size === v.households.length, { path: ['households'], message: '房号有重复' })
  .refine((v) => new Set(v.floorCoefficients.map((c) => c.floor)).size === v.floorCoefficients.length, { path: ['floorCoefficients'], message: '楼层系数表中有重复的楼层' })
  .superRefine((v, ctx) => {
    const problem = schemeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

export const CampaignRef = z.object({ campaignId: chosen('众筹') });
/** 结束众筹: no more pledges, payments or grants; what was pledged and not paid stays unpaid. */
export const CloseCampaign = z.object({ campaignId: chosen('众筹'), reason: requiredText('结束原因', 200) });
export const PledgeInput = z.object({ householdId: chosen('住户'), amount: zeroOrMore('认缴金额'), onDate: pastDate('认缴日期') });
/** A payment; `id` is the entry's ULID made when the form opened, so a retry posts once. */
export const PaymentInput = z.object({
  id: clientId,
  householdId: chosen('住户'),
  amount: yuanField('缴款金额').refine((fen) => fen > 0, '缴款金额应大于 0'),
  receiptNo: requiredText('收据号', 50),
  onDate: pastDate('缴款日期'),
});
export const GrantInput = z.object({
  id: clientId,
  campaignId: chosen('众筹'),
  kind: choice(grantKinds, '到账类别'),
  amount: yuanField('到账金额').refine((fen) => fen > 0, '到账金额应大于 0'),
  voucherNo: optionalText('凭证号', 50),
  onDate: pastDate('到账日期'),
});

/** A line of the bank statement not in the journal yet (interest credited, a bank charge), typed as the clerk reads it. */
const bankItem = z.object({
  onDate: pastDate('日期'),
  direction: choice(directions, '收付'),
  amount: yuanField('金额').refine((fen) => fen > 0, '金额应大于 0'),
  note: requiredText('摘要', 100),
});

/**
 * A month's bank reconciliation as the clerk saves it: the statement's closing balance, the posted entries the bank
 * has not shown yet, and the statement's lines the journal does not have yet. `id` is made when the month's form
 * opens (a ULID); saving again replaces the month's draft until both sides have confirmed it.
 */
export const ReconciliationInput = z.object({
  id: clientId,
  accountId: chosen('基金账户'),
  month,
  bankBalance: yuanField('对账单余额'),
  ledgerItems: z.array(id).max(5000, '一次最多 5000 笔未达账项').default([]),
  bankItems: z.array(bankItem).max(200, '银行方未达账项最多 200 笔').default([]),
});
export const ReconciliationMonth = z.object({ accountId: chosen('基金账户'), month });
export const ConfirmReconciliation = z.object({ reconciliationId: id, signatoryId: chosen('签字人'), pin });
export const ReconciliationRef = z.object({ reconciliationId: id });

// ---------------------------------------------------------------- 维修资金使用申请 (applications.ts)

/** Hundredths of a m², as the form keeps a typed area (21,893.00 m² → 2,189,300). */
const areaHundredths = (label: string) => wholeNumber(label, 0, 10_000_000_000);

/** A proposal: the works, their budget, the vote rule, and the households and area the vote is counted against. */
export const ApplicationInput = z.object({
  accountId: chosen('基金账户'),
  title: requiredText('申请名称', 60),
  works: requiredText('工程方案', 500),
  budget: yuanField('预算金额').refine((fen) => fen > 0, '预算金额应大于 0'),
  rule: choice(consentRules, '表决规则'),
  totalHouseholds: wholeNumber('业主总户数', 1, 100_000),
  totalArea: areaHundredths('专有部分总面积').refine((a) => a > 0, '专有部分总面积应大于 0'),
});

export const ApplicationRef = z.object({ applicationId: chosen('维修资金使用申请') });
export const ApplicationList = z.object({
  accountId: z.string().min(1).max(64).nullish().transform((v) => v ?? null),
  /** Only those not yet closed, rejected or withdrawn. */
  open: z.boolean().default(false),
});

/** The vote as counted: who took part and who agreed, in households and in area. */
export const VoteInput = z
  .object({
    applicationId: chosen('维修资金使用申请'),
    votedHouseholds: wholeNumber('参与表决户数', 0, 100_000),
    votedArea: areaHundredths('参与表决面积'),
    agreedHouseholds: wholeNumber('同意户数', 0, 100_000),
    agreedArea: areaHundredths('同意面积'),
    voteClosedOn: pastDate('表决截止日期'),
  })
  .refine((v) => v.agreedHouseholds <= v.votedHouseholds, { path: ['agreedHouseholds'], message: '同意户数不能多于参与表决户数' })
  .refine((v) => v.agreedArea <= v.votedArea, { path: ['agreedArea'], message: '同意面积不能大于参与表决面积' });

const noticePeriod = (what: string) => ({ noticeFrom: date(`${what}开始日期`), noticeTo: date(`${what}结束日期`) });

/** A step of an application, with what that step records. */
export const ApplicationStepInput = z.discriminatedUnion('to', [
  z.object({ applicationId: chosen('维修资金使用申请'), to: z.literal('noticed'), ...noticePeriod('方案公示') }),
  z.object({
    applicationId: chosen('维修资金使用申请'),
    to: z.literal('approved'),
    approvedOn: pastDate('批准日期'),
    approvalRef: optionalText('批准文号', 60),
    objections: wholeNumber('异议件数', 0, 100_000),
    objectionReply: optionalText('异议处理情况', 500),
  }),
  z.object({ applicationId: chosen('维修资金使用申请'), to: z.literal('result_noticed'), ...noticePeriod('结果公示') }),
  z.object({ applicationId: chosen('维修资金使用申请'), to: z.literal('closed') }),
  z.object({ applicationId: chosen('维修资金使用申请'), to: z.literal('rejected'), reason: requiredText('未通过原因', 200) }),
  z.object({ applicationId: chosen('维修资金使用申请'), to: z.literal('withdrawn'), reason: requiredText('撤回原因', 200) }),
], { error: '请选择下一步' });

export const WorksStartInput = z.object({ applicationId: chosen('维修资金使用申请'), worksStartedOn: pastDate('开工日期') });

/**
 * A payment of the works: an expense draft of the journal (`id` its ULID, made when the form opens), signed by both
 * sides in person and posted on the journal's one path.
 */
export const ApplicationPaymentInput = z.object({
  id: clientId,
  applicationId: chosen('维修资金使用申请'),
  stage: choice(paymentStages, '付款阶段'),
  category: chosen('类别'),
  onDate: pastDate('付款日期'),
  amount: yuanField('付款金额').refine((fen) => fen > 0, '付款金额应大于 0'),
  counterparty: requiredText('收款单位', 100),
  voucherNo: optionalText('凭证号', 50),
  overrideReason,
});

export const ApplicationNoticeInput = z.object({ applicationId: chosen('维修资金使用申请'), kind: z.enum(['plan', 'result'], { error: '请选择公示类别' }) });

/**
 * A line of a saved reconciliation's bank side (its place in the list) entered into the journal: interest posted as
 * income, a charge drafted as an expense; `id` is the entry's ULID, made when the dialog opens.
 */
export const BankLineInput = z.object({
  id: clientId,
  reconciliationId: chosen('银行对账'),
  index: wholeNumber('银行方未达账项', 0, 199),
  category: chosen('类别'),
  overrideReason,
});
