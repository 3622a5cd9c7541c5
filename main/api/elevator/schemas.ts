import { z } from 'zod';
import { choice, chosen, id, nullableId, optionalCount, optionalDate, optionalPastDate, optionalText, pageInput, pastDate, phone, requiredText, wholeNumber } from '../common/fields';
import { toHalfWidth } from '../common/identifiers';
import { yuanField } from '../common/money';
import { todayIso } from '../common/calendar';
import { isChecklistCode } from './checklist';
import { elevatorStatuses, elevatorTypes, elevatorWarnings, faultCauses, inspectionResults, maintenanceKinds, rescueAreas, streetChecklistLevels } from './labels';
import { normaliseRegCode, parseWallTime } from './rules';

const issueAt = (ctx: z.RefinementCtx, path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
/**
 * Cross-field rules run even when another field failed (zod skips them otherwise), so a form shows every message at
 * once — but only when the fields they read parsed, so they never see a value of the wrong type.
 */
const whenParsed = (...fields: string[]) => ({
  when: (p: { value: unknown; issues: readonly { path?: PropertyKey[] }[] }) =>
    typeof p.value === 'object' && p.value !== null && !Array.isArray(p.value) && !p.issues.some((i) => fields.includes(String(i.path?.[0]))),
});

/** The routine levels: what keeps an elevator's maintenance interval, and needs two workers on site. */
export const ROUTINE_KINDS: readonly (keyof typeof maintenanceKinds)[] = ['half_monthly', 'quarterly', 'half_yearly', 'yearly', 'on_demand'];
export const isRoutine = (kind: string): boolean => (ROUTINE_KINDS as readonly string[]).includes(kind);

// ---------------------------------------------------------------- settings

export const ElevatorSettingsInput = z.object({
  rescueArea: choice(rescueAreas, '所在地区'),
  inspectionWarnDays: wholeNumber('检验提前提醒天数', 1, 180),
});

// ---------------------------------------------------------------- elevators

/** Never refused beyond being given: the soft check (rules.ts, regCodeWarnings) warns beside the field. */
const regCode = z
  .string({ error: '请填写注册代码' })
  .transform(normaliseRegCode)
  .pipe(z.string().min(1, '请填写注册代码').max(40, '注册代码不能超过 40 个字符'));

/** An optional price per month typed as yuan (¥350 or 350.00), kept as integer fen. */
const optionalMonthlyPrice = z
  .string()
  .nullish()
  .transform((s) => (s && s.trim() ? s : null))
  .pipe(yuanField('每月维保费').refine((fen) => fen >= 0, '每月维保费不能为负数').nullable());

/** Rated speed typed in m/s (1.75), kept as integer hundredths (175). */
const optionalSpeed = z
  .string()
  .nullish()
  .transform((s, ctx) => {
    const v = toHalfWidth(s ?? '').trim().replace(/\s*m\/s$/i, '');
    if (!v) return null;
    const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(v);
    const cms = m ? Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0')) : 0;
    if (!m || cms < 1 || cms > 2000) {
      ctx.addIssue({ code: 'custom', message: '额定速度应为 0.01–20 之间的数，单位米/秒，例如 1.75' });
      return z.NEVER;
    }
    return cms;
  });

/** The rescue number shown in the car: often a short service number (96333) rather than a phone, so digits and dashes. */
const rescueNumber = optionalText('救援电话', 30).transform((s) => (s ? toHalfWidth(s).replace(/\s/g, '') : null))
  .refine((s) => s === null || /^\d[\d-]{2,19}$/.test(s), '救援电话只能是数字和短横线，例如 96333 或 027-82345678');

const elevatorShape = z.object({
  estateId: chosen('小区'),
  buildingId: chosen('楼栋'),
  unitNo: optionalCount('单元', 99, 1),
  carLabel: optionalText('梯号', 20),
  regCode,
  deviceCode: optionalText('设备代码', 40),
  useCertNo: optionalText('使用登记证编号', 40),
  rescuePhone: rescueNumber,
  make: optionalText('制造单位', 60),
  model: optionalText('型号', 40),
  type: choice(elevatorTypes, '电梯类型'),
  floors: optionalCount('层站数', 200, 2),
  speed: optionalSpeed,
  installedOn: optionalPastDate('安装日期'),
  maintainer: optionalText('维保单位', 60),
  maintainerPhone: phone,
  contractPrice: optionalMonthlyPrice,
  contractStartsOn: optionalDate('合同开始日期'),
  contractEndsOn: optionalDate('合同结束日期'),
  status: choice(elevatorStatuses, '使用状态'),
  nextInspectionOn: optionalDate('下次检验日期'),
  intervalDays: wholeNumber('维保间隔', 1, 90).default(15),
  note: optionalText('备注', 500),
});
const elevatorRules = (e: z.output<typeof elevatorShape>, ctx: z.RefinementCtx) => {
  if (e.contractStartsOn && e.contractEndsOn && e.contractEndsOn < e.contractStartsOn) issueAt(ctx, 'contractEndsOn', '合同结束日期不能早于开始日期');
};
export const ElevatorInput = elevatorShape.superRefine(elevatorRules, whenParsed('contractStartsOn', 'contractEndsOn'));
export const ElevatorUpdate = elevatorShape.extend({ id }).superRefine(elevatorRules, whenParsed('contractStartsOn', 'contractEndsOn'));

export const ElevatorList = z.object({
  estateId: nullableId,
  buildingId: nullableId,
  status: choice(elevatorStatuses, '使用状态').nullish().transform((v) => v ?? null),
  /** The two street-wide lists read through their indexes; the others filter the page. */
  warning: z.enum(['maintenance_overdue', 'inspection_due']).nullish().transform((v) => v ?? null),
  q: z.string().trim().max(40).default(''),
  sort: z.enum(['place', 'routine', 'inspection']).default('place'),
  ...pageInput,
});
export type ElevatorListInput = z.output<typeof ElevatorList>;
export const WARNING_FILTERS = { maintenance_overdue: elevatorWarnings.maintenance_overdue, inspection_due: '定期检验 30 天内到期或已过期' } as const;

// ---------------------------------------------------------------- maintenance records

const maintenanceShape = z.object({
  elevatorId: chosen('电梯'),
  doneOn: pastDate('维保日期'),
  kind: choice(maintenanceKinds, '记录类别'),
  result: choice(inspectionResults, '检验结论').nullish().transform((v) => v ?? null),
  nextInspectionOn: optionalDate('下次检验日期'),
  company: requiredText('维保单位', 60),
  worker1: requiredText('维保人员', 20),
  worker2: optionalText('第二名维保人员', 20),
  items: z.array(z.string().max(10)).max(200).default([]),
  findings: optionalText('发现的问题', 1000),
  partsReplaced: optionalText('更换的部件', 500),
  signedBy: optionalText('安全管理员', 20),
  signedOn: optionalPastDate('签认日期'),
});
const maintenanceRules = (m: z.output<typeof maintenanceShape>, ctx: z.RefinementCtx) => {
  if (isRoutine(m.kind) && !m.worker2) issueAt(ctx, 'worker2', '例行维保应有两名维保人员在场，请填写第二名');
  if (m.worker2 && m.worker2 === m.worker1) issueAt(ctx, 'worker2', '两名维保人员不能是同一人');
  if (m.kind === 'periodic_inspection' && !m.result) issueAt(ctx, 'result', '请选择检验结论');
  if (m.kind !== 'periodic_inspection' && m.nextInspectionOn) issueAt(ctx, 'nextInspectionOn', '只有定期检验记录填写下次检验日期');
  if (m.nextInspectionOn && m.nextInspectionOn <= m.doneOn) issueAt(ctx, 'nextInspectionOn', '下次检验日期应晚于本次检验日期');
  if (m.signedBy && !m.signedOn) issueAt(ctx, 'signedOn', '请填写签认日期');
  if (m.signedOn && !m.signedBy) issueAt(ctx, 'signedBy', '请填写签认的安全管理员');
  if (m.signedOn && m.signedOn < m.doneOn) issueAt(ctx, 'signedOn', '签认日期不能早于维保日期');
  const unknown = m.items.find((code) => !isChecklistCode(code));
  if (unknown) issueAt(ctx, 'items', `维保项目 ${unknown} 不在 TSG T5002 项目表中`);
};
/** Result only for periodic inspections, kept out of other records rather than refused (a form may leave it set). */
const MAINTENANCE_FIELDS = ['doneOn', 'kind', 'result', 'nextInspectionOn', 'worker1', 'worker2', 'items', 'signedBy', 'signedOn'];
const tidy = <T extends { kind: string; result: string | null }>(m: T): T => ({ ...m, result: m.kind === 'periodic_inspection' ? m.result : null });
export const MaintenanceInput = maintenanceShape.superRefine(maintenanceRules, whenParsed(...MAINTENANCE_FIELDS)).transform(tidy);
export const MaintenanceUpdate = maintenanceShape.extend({ id }).superRefine(maintenanceRules, whenParsed(...MAINTENANCE_FIELDS)).transform(tidy);
/** The safety manager's sign-off of a record already entered (the form of 签认; the core checks it with the record). */
export const SignOffFields = z.object({ signedBy: requiredText('安全管理员', 20), signedOn: pastDate('签认日期') });
export const MaintenanceList = z.object({ elevatorId: chosen('电梯'), ...pageInput });

// ---------------------------------------------------------------- faults and entrapments

const wallTimeText = z.string().nullish().transform((s) => s?.trim() ?? '');
const faultShape = z.object({
  elevatorId: chosen('电梯'),
  alarmAt: wallTimeText,
  arrivedAt: wallTimeText,
  releasedAt: wallTimeText,
  peopleTrapped: wholeNumber('被困人数', 0, 100),
  cause: choice(faultCauses, '原因'),
  rescuer: requiredText('救援人', 40),
  note: optionalText('经过', 1000),
});
const WALL_TIME_HINT = '例如 2026-11-30 14:05，或只写 14:05（与报警同日）';
/** Times as typed → `YYYY-MM-DD HH:MM`; arrival and release may be given as a time only, on the alarm's day. */
function timesOf(f: { alarmAt: string; arrivedAt: string; releasedAt: string }) {
  const alarmAt = f.alarmAt ? parseWallTime(f.alarmAt, null) : null;
  const day = alarmAt?.slice(0, 10) ?? null;
  return { alarmAt, arrivedAt: f.arrivedAt ? parseWallTime(f.arrivedAt, day) : null, releasedAt: f.releasedAt ? parseWallTime(f.releasedAt, day) : null };
}
/** The alarm is not after today, arrival ≥ alarm, release ≥ arrival; a release is needed when anyone was trapped. */
const faultTimes = (f: z.output<typeof faultShape>, ctx: z.RefinementCtx) => {
  const t = timesOf(f);
  if (!f.alarmAt) issueAt(ctx, 'alarmAt', '请填写报警时间');
  else if (!t.alarmAt) issueAt(ctx, 'alarmAt', '报警时间格式不正确，例如 2026-11-30 14:05');
  else if (t.alarmAt.slice(0, 10) > todayIso()) issueAt(ctx, 'alarmAt', '报警时间不能晚于今天');
  if (!f.arrivedAt) issueAt(ctx, 'arrivedAt', '请填写到达时间');
  else if (!t.arrivedAt) issueAt(ctx, 'arrivedAt', `到达时间格式不正确，${WALL_TIME_HINT}`);
  else if (t.alarmAt && t.arrivedAt < t.alarmAt) issueAt(ctx, 'arrivedAt', '到达时间不能早于报警时间');
  if (f.releasedAt && !t.releasedAt) issueAt(ctx, 'releasedAt', `解困时间格式不正确，${WALL_TIME_HINT}`);
  else if (!f.releasedAt && f.peopleTrapped > 0) issueAt(ctx, 'releasedAt', '有人被困时请填写解困时间');
  else if (t.releasedAt && t.arrivedAt && t.releasedAt < t.arrivedAt) issueAt(ctx, 'releasedAt', '解困时间不能早于到达时间');
};
const normaliseTimes = <T extends z.output<typeof faultShape>>(f: T) => {
  const t = timesOf(f);
  return { ...f, alarmAt: t.alarmAt!, arrivedAt: t.arrivedAt!, releasedAt: t.releasedAt };
};
export const FaultInput = faultShape.superRefine(faultTimes, whenParsed('alarmAt', 'arrivedAt', 'releasedAt', 'peopleTrapped')).transform(normaliseTimes);
export const FaultUpdate = faultShape.extend({ id }).superRefine(faultTimes, whenParsed('alarmAt', 'arrivedAt', 'releasedAt', 'peopleTrapped')).transform(normaliseTimes);
export const FaultList = z.object({
  elevatorId: nullableId,
  estateId: nullableId,
  /** Only those with people trapped (困人). */
  entrapmentsOnly: z.boolean().default(false),
  /** Only rescues slower than the limit. */
  slowOnly: z.boolean().default(false),
  from: optionalDate('开始日期'),
  to: optionalDate('结束日期'),
  ...pageInput,
});
export type FaultListInput = z.output<typeof FaultList>;

export const byId = z.object({ id });

// ---------------------------------------------------------------- the street's checklist items (TSG T5002 A3, A4)

const checklistLevel = choice(streetChecklistLevels, '维保级别');
export const AddChecklistItem = z.object({ level: checklistLevel, name: requiredText('维保项目名称', 60) });
export const RetireChecklistItem = z.object({ code: chosen('维保项目'), retired: z.boolean() });
export const DeleteChecklistItem = z.object({ code: chosen('维保项目') });
