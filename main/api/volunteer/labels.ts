import type { Attendance, Category, Expiry, HonourTitle, SourceKind } from '../../../db/volunteer/types';

/** Chinese names of the volunteer module's codes: one catalogue for forms, tables, exports, the certificate and errors. */

export const volunteerKinds = { member: '党员志愿者', resident: '群众志愿者' } as const;

export const postKinds = { standard: '标准岗位', custom: '自设岗位' } as const;
export const postStatuses = { active: '在用', retired: '已停用' } as const;

export const itemStatuses = { active: '可兑换', retired: '已下架' } as const;

/** What a points entry counts as (卫东区's three kinds), and spending in the shop. */
export const pointCategories = { base: '基础分', service: '服务分', contribution: '贡献分', redeem: '兑换' } as const satisfies Record<Category, string>;
/** The categories a clerk may award or deduct by hand (spending happens only in the shop). */
export const earningCategories = { base: '基础分', service: '服务分', contribution: '贡献分' } as const;

export const sourceKinds = {
  activity: '志愿活动',
  meeting: '组织生活',
  donation: '捐赠',
  redemption: '积分兑换',
  manual: '手工记分',
  opening: '期初结转',
} as const satisfies Record<SourceKind, string>;
/** The sources of a hand-written entry. */
export const manualSourceKinds = { manual: '手工记分', donation: '捐赠' } as const;
/** The sources whose points are applied in one go by the rule in force (points_applications). */
export const appliedSourceKinds = { activity: sourceKinds.activity, meeting: sourceKinds.meeting } as const;

export const attendanceStates = { pending: '未登记', present: '到场', absent: '缺席' } as const satisfies Record<Attendance, string>;

export const activityStatuses = { planned: '计划中', recorded: '已登记工时', credited: '已计入积分' } as const;

export const expiryRules = { rollover: '长期累计，不清零', yearly: '按年清零，只计当年' } as const satisfies Record<Expiry, string>;

export const honourTitles = { vanguard: '党员先锋', star: '社区之星', excellent: '优秀志愿者' } as const satisfies Record<HonourTitle, string>;

export const rankLevels = { person: '个人', branch: '党支部', community_committee: '社区' } as const;

export const quarterNames = { 0: '全年', 1: '第一季度', 2: '第二季度', 3: '第三季度', 4: '第四季度' } as const;

export const periodLabel = (year: number, quarter: number | null): string =>
  `${year}年${quarter ? quarterNames[quarter as 1 | 2 | 3 | 4] : '度'}`;

