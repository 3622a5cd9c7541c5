import type { ApplicationStatusCode } from '../../../db/fund/types-applications';
import type { AccountStatus, AttachmentMime, CampaignScheme, Direction, EntryStatus, GrantKind, ReconciliationStatus, Side } from '../../../db/fund/types';

/**
 * Chinese names of the elevator fund's codes (forms, tables, errors). The categories are a table
 * (fund_categories, channel fund.listCategories), so that the lists can be edited without a release.
 */

export const directions = { income: '收入', expense: '支出' } as const satisfies Record<Direction, string>;

/** The two holders of an account: each signs an expense before it is posted. */
export const sides = { company: '物业服务企业', committee: '业主委员会' } as const satisfies Record<Side, string>;

/** The voucher types an entry takes (scanned 凭证, invoices, contracts): the content's magic bytes decide, not the name. */
export const attachmentTypes = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG 图片', 'image/png': 'PNG 图片' } as const satisfies Record<AttachmentMime, string>;

export const entryStatuses = { draft: '待签字', posted: '已过账', voided: '已作废' } as const satisfies Record<EntryStatus, string>;

export const accountStatuses = { active: '使用中', closed: '已销户' } as const satisfies Record<AccountStatus, string>;

/** Where an account's money belongs, as the PDFs' subtitles print it: 西里社区 · 阳光小区 3号楼. */
export const accountPlace = (a: { communityName: string | null; estateName: string; buildingName: string | null }): string =>
  `${a.communityName ?? ''} · ${a.estateName}${a.buildingName ? ` ${a.buildingName}` : ''}`;

/** How accounts are opened: one per estate, or one per building of an estate (设置 → 电梯维保基金). */
export const accountScopes = { estate: '按小区设立', building: '按楼栋设立' } as const;

export const signatoryStatuses = { active: '可以签字', retired: '已停止签字资格' } as const;

export const campaignStatuses = { open: '筹集中', closed: '已结束' } as const;

export const reconciliationStatuses = { draft: '草稿', confirmed: '已确认' } as const satisfies Record<ReconciliationStatus, string>;

/** The two columns of 未达账项: entered in the journal and not yet on the statement, or the other way round. */
export const reconciliationItemSides = { ledger: '账上已记、银行未记', bank: '银行已记、账上未记' } as const;

/** How a crowd-funding campaign's owners' part is shared among its households. */
export const campaignSchemes = {
  equal: '按户均摊',
  area: '按建筑面积分摊',
  floor_area: '按楼层系数 × 建筑面积分摊',
  custom: '自定义份额（按填写的份额比例分摊）',
} as const satisfies Record<CampaignScheme, string>;

/** Grants a campaign receives besides the owners' payments (each one income entry of that category). */
export const grantKinds = { subsidy: '政府补贴', maintenance_grant: '维修资金拨付' } as const satisfies Record<GrantKind, string>;

/**
 * The categories the fund posts by itself — 物业费提取 (allocations), 众筹 (campaign payments), and the grants
 * (grantKinds): never retired or deleted, or that income could not be posted.
 */
export const SYSTEM_CATEGORIES: readonly { direction: Direction; code: string }[] = ['fee_allocation', 'crowdfunding', ...Object.keys(grantKinds)]
  .map((code) => ({ direction: 'income', code }));

/** A maintenance-fund use application's states (steps in applications.ts). */
export const applicationStatuses = {
  proposed: '拟定方案',
  noticed: '方案公示中',
  approved: '已批准',
  result_noticed: '结果公示中',
  closed: '已办结',
  rejected: '未通过',
  withdrawn: '已撤回',
} as const satisfies Record<ApplicationStatusCode, string>;

/** The vote rule an application is decided by (民法典 §278). */
export const consentRules = { use: '使用维修资金（双过半）', raise: '筹集维修资金、改建重建（双四分之三）' } as const;

/** Which payment of the works an expense is. */
export const paymentStages = { first: '首付款', progress: '进度款', final: '尾款' } as const;
