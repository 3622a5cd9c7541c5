/**
 * The maintenance items of TSG T5002-2017 annex A (曳引与强制驱动电梯), as data: each level's own items, cumulative
 * upwards (a quarterly visit does the half-monthly items too). A record stores the codes ticked, so the list can
 * grow without a migration.
 *
 * Shipped: the half-monthly 31 items (A1) and the quarterly 13 (A2). The half-yearly (A3) and yearly (A4) tables are
 * the street's, typed in from the printed annex in 设置 → 电梯维保项目 (migration 048, db/elevator/checklist-items.ts):
 * the program does not carry wording nobody here has checked against the rule. Check the shipped wording against the
 * printed rule before relying on it in an audit (docs/elevator.md).
 */

export interface ChecklistItem {
  code: string;
  name: string;
}

const items = (prefix: string, names: readonly string[]): ChecklistItem[] =>
  names.map((name, i) => ({ code: `${prefix}-${String(i + 1).padStart(2, '0')}`, name }));

const HALF_MONTHLY = items('A1', [
  '机房、滑轮间环境', '手动紧急操作装置', '驱动主机', '制动器各销轴部位', '制动器间隙',
  '制动器作为轿厢意外移动保护装置制停子系统时的自监测', '编码器', '限速器各销轴部位', '层门和轿门旁路装置', '紧急电动运行',
  '轿顶', '轿顶检修开关、停止装置', '导靴上油杯', '对重/平衡重块及其压板', '井道照明',
  '轿厢照明、风扇、应急照明', '轿厢检修开关、停止装置', '轿内报警装置、对讲系统', '轿内显示、指令按钮、IC卡系统', '轿门防撞击保护装置（安全触板、光幕等）',
  '轿门门锁电气触点', '轿门运行', '轿厢平层准确度', '层站召唤、层楼显示', '层门地坎',
  '层门自动关门装置', '层门门锁自动复位', '层门门锁电气触点', '层门锁紧元件啮合长度', '底坑环境',
  '底坑停止装置',
]);

const QUARTERLY = items('A2', [
  '减速机润滑油', '制动衬', '编码器', '选层器动静触点', '曳引轮槽、悬挂装置',
  '限速器轮槽、限速器钢丝绳', '靴衬、滚轮', '验证轿门关闭的电气安全装置', '层门、轿门系统中传动钢丝绳、链条、胶带', '层门门导靴',
  '消防开关', '耗能缓冲器', '限速器张紧轮装置和电气安全装置',
]);

/** The shipped items of one level alone; a level's checklist is its own items after those of the levels below it. */
const SHIPPED: Record<'half_monthly' | 'quarterly', ChecklistItem[]> = { half_monthly: HALF_MONTHLY, quarterly: QUARTERLY };

const ORDER = ['half_monthly', 'quarterly', 'half_yearly', 'yearly'] as const;

/** A street's own item (tables A3 and A4) as the checklist needs it. */
export interface StreetItem extends ChecklistItem {
  level: 'half_yearly' | 'yearly';
  retired: boolean;
}

/**
 * The cumulative checklist of a routine level — the shipped tables, then the street's items of the levels up to it —
 * none for other kinds of record (按需 follows its contract). A retired street item is offered only where `kept` has
 * it (a record that ticked it before it was retired).
 */
export function checklistFor(kind: string, street: readonly StreetItem[], kept: readonly string[] = []): ChecklistItem[] {
  const upTo = ORDER.indexOf(kind as (typeof ORDER)[number]);
  if (upTo < 0) return [];
  const levels = new Set<string>(ORDER.slice(0, upTo + 1));
  const shipped = (['half_monthly', 'quarterly'] as const).filter((l) => levels.has(l)).flatMap((l) => SHIPPED[l]);
  const own = street.filter((i) => levels.has(i.level) && (!i.retired || kept.includes(i.code))).map(({ code, name }) => ({ code, name }));
  return [...shipped, ...own];
}

const SHIPPED_CODES: ReadonlySet<string> = new Set(Object.values(SHIPPED).flatMap((items) => items.map((i) => i.code)));
/** The form a street item's code has (A3-01, A4-12); whether the street has it is the core's to check. */
export const STREET_CODE = /^A[34]-\d{2}$/;

/** A code a record may carry: a shipped item's, or one of the form the street's items have. */
export const isChecklistCode = (code: string): boolean => SHIPPED_CODES.has(code) || STREET_CODE.test(code);
