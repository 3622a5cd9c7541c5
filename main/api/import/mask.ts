import { maskIdCard, maskName, maskPhone } from '../common/identifiers';
import type { ImportField } from './register';

/**
 * A cell as an import screen or the downloaded report shows it: ID numbers and phones masked like every other
 * export — by the field its column is mapped to, and, in any column (a hidden column of old phones, an unmapped
 * one), by their look. Full values only by the explicit, audited choice of the report download.
 */

const ID_LIKE = /^\d{17}[\dXx]$/;
const MOBILE_LIKE = /^1\d{10}$/;

export function maskedText(text: string, field?: Pick<ImportField, 'kind' | 'maskAsName'>): string {
  const t = text.trim();
  if (t === '') return text;
  if (field?.maskAsName) return maskName(t);
  const kind = field?.kind;
  if (kind === 'idNumber' || ID_LIKE.test(t)) return maskIdCard(t);
  if (kind === 'phone' || MOBILE_LIKE.test(t)) return maskPhone(t);
  return text;
}
