import { z } from 'zod';
import { idCardProblem, isLandline, isMobilePhone, parseLooseDate, toHalfWidth, todayIso } from './identifiers';

/**
 * Field schemas with Chinese messages, shared by every module's contract and by the forms.
 * They normalise what clerks paste (full-width characters, stray spaces, lower-case x).
 */

export const id = z.string().min(1, '缺少记录编号').max(64);

export const requiredText = (label: string, max = 100) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s) => s.trim())
    .pipe(z.string().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`));

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
  check: '身份证号校验位不正确，请核对',
} as const;

export const idCardNumber = z
  .string({ error: '请填写身份证号' })
  .transform((s) => toHalfWidth(s).trim().toUpperCase())
  .superRefine((v, ctx) => {
    const problem = idCardProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: ID_MESSAGES[problem], continue: false });
  });

export const phone = z
  .string()
  .transform((s) => toHalfWidth(s).replace(/\s/g, ''))
  .refine((v) => v === '' || isMobilePhone(v) || isLandline(v), '电话号码格式不正确（手机 11 位，或区号-座机号）')
  .nullish()
  .transform((v) => (v ? v : null));

/** A date typed or picked; always stored as YYYY-MM-DD. */
export const date = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .transform((s, ctx) => {
      const iso = parseLooseDate(s);
      if (!iso) {
        ctx.addIssue({ code: 'custom', message: `${label}格式不正确，例如 2019-07-01 或 2019年7月1日` });
        return z.NEVER;
      }
      return iso;
    })
    .refine((v) => v >= '1900-01-01' && v <= '2100-12-31', `${label}超出合理范围`);

export const pastDate = (label: string) =>
  date(label).refine((v) => v <= todayIso(), `${label}不能晚于今天`);

export const optionalDate = (label: string) =>
  z
    .union([z.literal(''), z.null(), date(label)])
    .optional()
    .transform((v) => (v ? v : null));

export const optionalPastDate = (label: string) =>
  z
    .union([z.literal(''), z.null(), pastDate(label)])
    .optional()
    .transform((v) => (v ? v : null));

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
