import { DomainError } from '../common/errors';
import { modules } from '../modules';
import type { RegisterInfo } from './contract';
import type { ImportRegister } from './register';

/** Every importable register: the modules' `imports`, in the modules' order (docs/import.md). */
export const registers: readonly ImportRegister[] = modules.flatMap((m) => m.imports ?? []);

export function registerOf(key: string): ImportRegister {
  const found = registers.find((r) => r.key === key);
  if (!found) throw new DomainError('NOT_FOUND', '没有这种可以导入的台账');
  return found;
}

export const registerInfo = (r: ImportRegister): RegisterInfo => ({
  key: r.key,
  title: r.title,
  description: r.description,
  fields: r.fields.map((f) => ({ key: f.key, label: f.label, synonyms: [...(f.synonyms ?? [])], required: !!f.required, hint: f.hint ?? null, orSheetName: !!f.orSheetName })),
  titleFields: [...(r.titleFields ?? [r.fields[0]!.key])],
});
