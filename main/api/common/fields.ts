import { z } from 'zod';
import { creditCodeProblem, idCardBirthDate, idCardProblem, isCutMobile, isLandline, isMobilePhone, parseLooseDate, toHalfWidth } from './identifiers';
import { todayIso } from './calendar';

/**
 * Field schemas with Chinese messages, shared by every module's contract and by the forms.
 * They normalise what clerks paste (full-width characters, stray spaces, lower-case x).
 */

export const id = z.string().min(1, '缺少记录编号').max(64);
/** An id that may be absent (a filter not set, an optional link): null then. */
export const nullableId = id.nullish().transform((v) => v ?? null);

/** The codes of a label catalogue, as the tuple z.enum wants. */
export const keysOf = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** One of a catalogue's codes; a missing or unknown one says "choose one". */
export const choice = <T extends Record<string, string>>(o: T, label: string) => z.enum(keysOf(o), { error: `请选择${label}` });

/** A record picked from a list: an empty pick says "choose one", not "缺少记录编号". */
export const chosen = (label: string) => z.string({ error: `请选择${label}` }).min(1, `请选择${label}`).max(64);

export const requiredText = (label: string, max = 100) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`));

/** Why a full ID number or phone is looked at (a reviewer's reveal): kept in the audit entry. */
export const revealReason = () => requiredText('查看原因', 100);

export const optionalText = (label: string, max = 200) =>
  z
    .string()
    .max(max, `${label}不能超过 ${max} 个字`)
    .transform((s) => s.trim())
    .nullish()
    .transform((s) => (s ? s : null));

const ID_MESSAGES = {
  format: '身份证号应为 18 位（最后一位可以是 X）',
  birth: '身份证号中的出生日期无效',
  sequence: '身份证号的顺序码（第 15–17 位）是 000，不是有效的号码，请核对',
  check: '身份证号校验位不正确，请核对',
} as const;

/** Normalises an ID number as typed or pasted and checks it; '' and null mean "not given". */
function checkIdCard(raw: string | null | undefined, ctx: z.RefinementCtx): string | null {
  const v = toHalfWidth(raw ?? '').trim().toUpperCase();
  if (!v) return null;
  const problem = idCardProblem(v);
  if (problem) {
    // Say which date: 19560231 is a day that does not exist, 20350101 one still to come.
    const message = problem === 'birth' && /^\d{17}[\dX]$/.test(v) ? `${ID_MESSAGES.birth}（${idCardBirthDate(v)} 不是可能的出生日期）` : ID_MESSAGES[problem];
    ctx.addIssue({ code: 'custom', message, continue: false });
  }
  return v;
}

export const optionalIdCardNumber = z
  .string()
  .nullish()
  .transform((s, ctx) => checkIdCard(s, ctx));

const CREDIT_CODE_MESSAGES = {
  format: '统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）',
  check: '统一社会信用代码校验位不正确，请核对',
} as const;

/** A unified social credit code as typed or pasted (full-width, spaces, lower case), checked to its last character. */
export const creditCode = z
  .string({ error: '请填写统一社会信用代码' })
  .transform((s) => toHalfWidth(s).replace(/\s/g, '').toUpperCase())
  .superRefine((v, ctx) => {
    const problem = v ? creditCodeProblem(v) : null;
    if (!v) ctx.addIssue({ code: 'custom', message: '请填写统一社会信用代码' });
    else if (problem) ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem] });
  });

export const phone = z
  .string()
  .nullish()
  .transform((s) => toHalfWidth(s ?? '').replace(/\s/g, ''))
  .superRefine((v, ctx) => {
    if (v === '' || isMobilePhone(v) || isLandline(v)) return;
    const message = isCutMobile(v)
      ? `手机号只有 ${v.length} 位（应为 11 位），可能被截断，请核对`
      : '电话号码格式不正确（手机 11 位；座机带区号，如 0311-86012345，或 7–8 位本地号码，不以 0、1 开头）';
    ctx.addIssue({ code: 'custom', message });
  })
  .transform((v) => (v ? v : null));

/**
 * Reads a date typed as people write it (2019.7.1, 2019年7月1日, 20190701) or picked; stores YYYY-MM-DD.
 * One parser for required and optional, past-only and any dates, so their messages agree.
 */
function checkDate(label: string, past: boolean) {
  return (raw: string | null | undefined, ctx: z.RefinementCtx): string | null => {
    if (!raw || !raw.trim()) return null;
    const iso = parseLooseDate(raw);
    const fail = (message: string) => (ctx.addIssue({ code: 'custom', message }), null);
    if (!iso) return fail(`${label}格式不正确，例如 2019-07-01 或 2019年7月1日`);
    if (iso < '1900-01-01' || iso > '2100-12-31') return fail(`${label}超出合理范围`);
    if (past && iso > todayIso()) return fail(`${label}不能晚于今天`);
    return iso;
  };
}

const requiredDate = (label: string, past: boolean) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s, ctx) => checkDate(label, past)(s, ctx) ?? '')
    .refine((v) => v !== '', `请填写${label}`);

const optionalDateOf = (label: string, past: boolean) =>
  z
    .string()
    .nullish()
    .transform((s, ctx) => checkDate(label, past)(s, ctx));

export const date = (label: string) => requiredDate(label, false);
export const pastDate = (label: string) => requiredDate(label, true);
export const optionalDate = (label: string) => optionalDateOf(label, false);
export const optionalPastDate = (label: string) => optionalDateOf(label, true);

/** A whole number a clerk types (户数, 届次, 人数), with the field's name in every message. */
export const wholeNumber = (label: string, min: number, max: number) =>
  z.number({ error: `${label}应为数字` }).int(`${label}应为整数`).min(min, `${label}至少为 ${min}`).max(max, `${label}不超过 ${max}`);

/** The same, left empty when not known. */
export const optionalCount = (label: string, max: number, min = 0) =>
  wholeNumber(label, min, max).nullish().transform((v) => v ?? null);

export const year = z.number().int().min(2000, '年份不早于 2000').max(2100, '年份不晚于 2100');

export const pageInput = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export interface Page<T> {
  rows: T[];
  total: number;
}

/** Who made a row and when, common to every register's rows. */
export interface Stamped {
  createdAt: string;
  updatedAt: string;
  operator: string;
}

/**
 * Points and hours cross the API as integer tenths (2.5 hours = 25), as they are stored and returned; forms show
 * and type them as decimals (renderer/src/volunteer/common/TenthsInput.tsx). Messages speak in whole units.
 */
export const tenths = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}最多保留一位小数`)
    .min(Math.round(min * 10), `${label}不小于 ${min}`)
    .max(Math.round(max * 10), `${label}不超过 ${max}`);
