/**
 * Identifier checks shared by the API schemas and the forms (GB 11643 ID cards, GB 32100 credit codes,
 * mainland mobile numbers), plus masking for display and export.
 */

import { todayIso } from './calendar';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export type IdCardProblem = 'format' | 'birth' | 'sequence' | 'check';

/** Returns null when the 18-character ID number is valid, or what is wrong with it. */
export function idCardProblem(value: string): IdCardProblem | null {
  if (!/^\d{17}[\dX]$/.test(value)) return 'format';
  const birth = idCardBirthDate(value);
  if (!birth || !isRealDate(birth) || birth < '1900-01-01' || birth > todayIso()) return 'birth';
  // The sequence part (顺序码) 000 is never issued: a right check digit does not make it a number.
  if (value.slice(14, 17) === '000') return 'sequence';
  if (idCardCheckChar(value.slice(0, 17)) !== value[17]) return 'check';
  return null;
}

export function idCardBirthDate(value: string): string | null {
  if (value.length !== 18) return null;
  return `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
}

/** 17th digit odd = male. */
export function idCardGender(value: string): 'male' | 'female' | null {
  if (value.length !== 18) return null;
  return Number(value[16]) % 2 === 1 ? 'male' : 'female';
}

export const isMobilePhone = (v: string): boolean => /^1[3-9]\d{9}$/.test(v);
/**
 * Landlines as written on registers: 0311-86012345 (an area code), or 86012345 (a 7–8 digit local number, which
 * never starts with 0 or 1 — 7 or 8 digits starting with 1 are a mobile number cut off).
 */
export const isLandline = (v: string): boolean => /^(0\d{2,3}-?)?[2-9]\d{6,7}$/.test(v);
/** A mobile number with digits missing (a column too narrow, a paste cut short): 1 and 6 to 9 more digits. */
export const isCutMobile = (v: string): boolean => /^1\d{6,9}$/.test(v);

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Returns null when the unified social credit code (统一社会信用代码) is valid, or what is wrong with it. */
export function creditCodeProblem(value: string): 'format' | 'check' | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return 'format';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(value[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARS[(31 - (sum % 31)) % 31] === value[17] ? null : 'check';
}

/** Unified social credit code (统一社会信用代码), 18 characters with a mod-31 check character. */
export const isCreditCode = (value: string): boolean => creditCodeProblem(value) === null;

export function maskIdCard(v: string | null | undefined): string {
  if (!v) return '';
  return v.length === 18 ? `${v.slice(0, 6)}********${v.slice(14)}` : '*'.repeat(v.length);
}

export function maskPhone(v: string | null | undefined): string {
  if (!v) return '';
  if (v.length === 11) return `${v.slice(0, 3)}****${v.slice(7)}`;
  return v.length > 4 ? `${'*'.repeat(v.length - 4)}${v.slice(-4)}` : '****';
}

/** A person's name as a list or public notice shows it: the surname and one mark per remaining character (张**). */
export function maskName(v: string | null | undefined): string {
  if (!v) return '';
  const chars = [...v];
  return chars.length === 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYY-MM-DD naming a day that exists. Arithmetic, not Date: an import checks several dates in each of 10,000 rows. */
export function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!);
}

/**
 * Reads a date the way clerks type it: 2019-07-01, 2019.7.1, 2019/7/1, 2019年7月1日, 20190701.
 * Returns YYYY-MM-DD or null.
 */
export function parseLooseDate(input: string): string | null {
  const s = toHalfWidth(input).trim();
  let m = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : null;
}

/** Full-width digits, letters and punctuation (common in pasted registers) to half-width. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
