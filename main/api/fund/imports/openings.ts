import { activeAccountOf } from '../../../../db/fund/accounts';
import { formatFen } from '../../common/money';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { PlaceDirectory, type PlaceEntry } from '../../party/imports/place-directory';
import { EstateNames } from '../../property/imports/estate-names';
import { openAccount } from '../handlers/accounts';
import { AccountInput } from '../schemas';

/**
 * 基金账户期初余额: one account a row — the estate (and its building, when accounts are kept per building) (found as the property imports find it; the clerk confirms every
 * guess), the opening balance in yuan (the form's yuanField: exact to the fen, 1,234.567 and words refused) and its
 * date. The account is opened with the handler's openAccount: the opening balance is how the account starts, not a
 * journal entry, so nothing goes past the two sign-offs. An estate that has an account already is reported and
 * left as it is (its opening balance is under every entry's hash).
 */

const fields = [
  { key: 'community', label: '社区', synonyms: ['所属社区', '所在社区'], kind: 'text', hint: '同名的小区靠它区分；只有一个社区时可以不填' },
  { key: 'estate', label: '小区名称', synonyms: ['小区', '小区（院落）', '所在小区'], required: true, kind: 'text', hint: '与地点登记中的名称一致' },
  { key: 'building', label: '楼栋', synonyms: ['楼号', '楼栋号', '所在楼栋'], kind: 'text', hint: '按楼栋设立账户时填写，与地点登记中的楼栋名称一致' },
  { key: 'name', label: '账户名称', synonyms: ['账户名', '户名', '基金账户名称'], kind: 'text', hint: '空着为“<小区>电梯维保基金”' },
  { key: 'bankName', label: '开户银行', synonyms: ['开户行', '银行'], kind: 'text' },
  { key: 'bankAccount', label: '银行账号', synonyms: ['账号', '银行卡号', '开户账号'], kind: 'code', hint: '这一列请设为“文本”格式' },
  { key: 'openingBalance', label: '期初余额', synonyms: ['期初余额（元）', '开户余额', '余额', '期初金额', '结转余额', '余额（元）'], required: true, kind: 'text', hint: '元，最多两位小数，例如 12,345.60' },
  { key: 'openedOn', label: '期初日期', synonyms: ['开户日期', '结转日期', '余额日期', '截止日期'], required: true, kind: 'date' },
  { key: 'note', label: '备注', synonyms: ['说明'], kind: 'text' },
] as const satisfies readonly ImportField[];

type FieldKey = (typeof fields)[number]['key'];
type Parsed = Omit<ReturnType<typeof AccountInput.parse>, 'estateId' | 'buildingId'>;
interface Opening extends Parsed {
  estate: PlaceEntry;
  building: PlaceEntry | null;
}

function parse(v: RowValues, problems: RowProblems): Parsed | null {
  const parsed = AccountInput.safeParse({
    estateId: 'looked-up-later', buildingId: null, name: v.name, bankName: v.bankName, bankAccount: v.bankAccount,
    // A number cell arrives as its text (1234.5); the field reads it exactly, as typed into the form.
    openingBalance: v.openingBalance === null || v.openingBalance === undefined ? '' : String(v.openingBalance),
    openedOn: v.openedOn, note: v.note,
  });
  if (!parsed.success) {
    problems.addZod(parsed.error);
    return null;
  }
  const { estateId: _e, buildingId: _b, ...rest } = parsed.data;
  return rest;
}

function start(run: RunContext, rows: readonly RowValues[]) {
  const places = new PlaceDirectory(run);
  const names = new EstateNames(places, run, rows, false, '请先在“组织与地点”中登记这个小区');
  return {
    toRecord(v: RowValues, problems: RowProblems, parsed: unknown): Opening | null {
      const estate = names.resolve(v, problems);
      const values = parsed as Parsed | null;
      if (!estate || !values) return null;
      // A building names one of the estate's, as the places register has it; the account form's rules do the rest.
      const buildingName = typeof v.building === 'string' ? v.building.trim() : '';
      const building = buildingName ? (places.child(estate.id, buildingName) ?? null) : null;
      if (buildingName && !building) {
        problems.add('building', `${estate.name}没有登记“${buildingName}”，请先在“组织与地点”中登记这栋楼`);
        return null;
      }
      const existing = activeAccountOf(run.db, estate.id, building?.id ?? null);
      if (existing) {
        problems.warn('openingBalance', `${estate.name}${building?.name ?? ''}已有基金账户“${existing.name}”（${existing.openedOn} 期初余额 ${formatFen(existing.openingBalance)}），不会修改`);
      }
      return { ...values, estate, building };
    },
    keyOf: (o: Opening) => `${o.estate.id}:${o.building?.id ?? ''}`,
    existingId: (o: Opening) => activeAccountOf(run.db, o.estate.id, o.building?.id ?? null)?.id ?? null,
    save(o: Opening, existingId: string | null) {
      // An opened account's opening balance is covered by every entry's hash: never overwritten by an import.
      if (existingId) return 'unchanged' as const;
      if (!run.write) return;
      const { estate, building, ...f } = o;
      openAccount({ ...f, estateId: estate.id, buildingId: building?.id ?? null }, run);
    },
    preview: (o: Opening): Record<FieldKey, string> => ({
      community: places.get(o.estate.parentId)?.name ?? '',
      estate: o.estate.name,
      building: o.building?.name ?? '',
      name: o.name ?? `${o.estate.name}${o.building?.name ?? ''}电梯维保基金`,
      bankName: o.bankName ?? '',
      bankAccount: o.bankAccount ?? '',
      openingBalance: formatFen(o.openingBalance),
      openedOn: o.openedOn,
      note: o.note ?? '',
    }),
    extras: () => [],
    questions: () => names.questions.list(),
    targets: names.targets,
  };
}

export const openingsRegister = defineRegister<Opening>({
  key: 'fund.openings',
  title: '基金账户期初余额',
  description: '每行一个小区（按楼栋设立时一栋楼）的电梯维保基金账户：期初余额（元）和日期；已有账户的只列出，不修改',
  fields,
  keyFields: ['estate', 'building'],
  titleFields: ['community', 'estate', 'building'],
  parse,
  start,
});
