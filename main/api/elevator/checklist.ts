/**
 * The maintenance items of TSG T5002-2017 annex A (曳引与强制驱动电梯), as data: each level's own items, cumulative
 * upwards (a quarterly visit does the half-monthly items too). A record stores the codes ticked, so the list can
 * grow without a migration.
 *
 * Typed in: the half-monthly 31 items (A1) and the quarterly 13 (A2). The half-yearly 15 (A3) and yearly 17 (A4)
 * are not yet typed in from the printed annex: those levels show the items below them. Check wording against the
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

/** The items of one level alone; a level's checklist is its own items after those of the levels below it. */
const OWN: Record<'half_monthly' | 'quarterly' | 'half_yearly' | 'yearly', ChecklistItem[]> = {
  half_monthly: HALF_MONTHLY,
  quarterly: QUARTERLY,
  half_yearly: [],
  yearly: [],
};

const ORDER = ['half_monthly', 'quarterly', 'half_yearly', 'yearly'] as const;

/** The cumulative checklist of a routine level; none for other kinds of record (按需 follows its contract). */
export function checklistFor(kind: string): ChecklistItem[] {
  const upTo = ORDER.indexOf(kind as (typeof ORDER)[number]);
  return upTo < 0 ? [] : ORDER.slice(0, upTo + 1).flatMap((level) => OWN[level]);
}

export const CHECKLIST_CODES: ReadonlySet<string> = new Set(ORDER.flatMap((level) => OWN[level].map((i) => i.code)));
