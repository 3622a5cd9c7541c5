import { findCompanyByCreditCode, getCompany, insertCompany, updateCompany, type CompanyFields } from '../../../../db/property/companies';
import { DomainError } from '../../common/errors';
import { todayIso } from '../../common/calendar';
import { maskPhone } from '../../common/identifiers';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { partyOrgForms } from '../labels';
import { CompanyInput } from '../schemas';

/**
 * 物业服务企业台账: one company a row, checked by the form's CompanyInput (the credit code to its check character),
 * matched to stored companies by the credit code — a re-import updates them, keeping the columns the file lacks.
 */

const fields = [
  { key: 'name', label: '企业名称', synonyms: ['物业服务企业', '物业企业名称', '物业公司', '物业服务企业名称', '公司名称', '单位名称'], required: true, kind: 'text' },
  { key: 'creditCode', label: '统一社会信用代码', synonyms: ['社会信用代码', '信用代码', '统一信用代码', '组织机构代码'], required: true, kind: 'text' },
  { key: 'contactPerson', label: '联系人', synonyms: ['负责人', '项目负责人', '企业负责人', '法定代表人'], kind: 'personName' },
  { key: 'contactPhone', label: '联系电话', synonyms: ['电话', '手机', '联系方式', '负责人电话'], kind: 'phone' },
  { key: 'address', label: '地址', synonyms: ['办公地址', '企业地址', '注册地址', '住所'], kind: 'text' },
  {
    key: 'partyOrgForm', label: '党组织组建方式', synonyms: ['党组织形式', '组建方式', '党组织组建形式', '党组织建设情况'], kind: 'choice',
    choices: { own: [partyOrgForms.own, '单建', '独立组建'], joint: [partyOrgForms.joint, '联建'], sector: [partyOrgForms.sector, '共建'] },
    hint: '单独组建、区域联建、行业共建；未组建的空着',
  },
  { key: 'partyMembers', label: '党员人数', synonyms: ['党员数', '党员数量', '党员（人）'], kind: 'integer' },
  { key: 'note', label: '备注', synonyms: ['说明'], kind: 'text' },
] as const satisfies readonly ImportField[];

type Company = CompanyFields;
type FieldKey = (typeof fields)[number]['key'];

function parse(v: RowValues, problems: RowProblems): Company | null {
  const parsed = CompanyInput.safeParse(v);
  if (parsed.success) return parsed.data;
  problems.addZod(parsed.error);
  return null;
}

const stored = (c: NonNullable<ReturnType<typeof getCompany>>): Company => ({
  name: c.name, creditCode: c.creditCode, contactPerson: c.contactPerson, contactPhone: c.contactPhone, address: c.address,
  partyOrgForm: c.partyOrgForm, partyMembers: c.partyMembers, note: c.note,
});

function start(run: RunContext) {
  const { db, operator } = run;
  const today = todayIso();

  /** The stored company with the file's columns laid over it, checked again as the edit form would. */
  function update(id: string, row: Company): 'unchanged' | undefined {
    const before = getCompany(db, id, today)!;
    const was = stored(before);
    const changes = Object.fromEntries((Object.keys(was) as FieldKey[]).filter((k) => run.mapped.has(k)).map((k) => [k, row[k]]));
    const merged = CompanyInput.safeParse({ ...was, ...changes });
    if (!merged.success) throw new DomainError('VALIDATION', '', undefined, merged.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })));
    const after = merged.data;
    if ((Object.keys(was) as FieldKey[]).every((k) => was[k] === after[k])) return 'unchanged';
    if (!run.write) return;
    updateCompany(db, id, after, operator);
    run.audit({ action: 'import_update', entity: 'property_company', entityId: id, before, after: { ...getCompany(db, id, today)!, importId: run.importId } });
  }

  return {
    toRecord(_v: RowValues, problems: RowProblems, parsed: unknown): Company | null {
      const c = parsed as Company | null;
      const same = c && findCompanyByCreditCode(db, c.creditCode);
      // The credit code names the company; a name written otherwise is the clerk's to see before it is overwritten.
      if (c && same && same.name !== c.name) problems.warn('name', `这个统一社会信用代码已登记为“${same.name}”，按同一家企业对应`);
      return c;
    },
    keyOf: (c: Company) => c.creditCode,
    existingId: (c: Company) => findCompanyByCreditCode(db, c.creditCode)?.id ?? null,
    save(c: Company, existingId: string | null) {
      if (existingId) return update(existingId, c);
      // Audited with the import's one entry (file, checksum, counts).
      if (run.write) insertCompany(db, c, operator);
    },
    preview: (c: Company): Record<FieldKey, string> => ({
      name: c.name,
      creditCode: c.creditCode,
      contactPerson: c.contactPerson ?? '',
      contactPhone: maskPhone(c.contactPhone),
      address: c.address ?? '',
      partyOrgForm: c.partyOrgForm ? partyOrgForms[c.partyOrgForm] : '',
      partyMembers: c.partyMembers === null ? '' : String(c.partyMembers),
      note: c.note ?? '',
    }),
    extras: () => [],
  };
}

export const companiesRegister = defineRegister<Company>({
  key: 'property.companies',
  title: '物业服务企业台账',
  description: '每行一家物业服务企业；按统一社会信用代码识别已登记的企业，再次导入时更新',
  fields,
  keyFields: ['creditCode'],
  parse,
  start,
});
