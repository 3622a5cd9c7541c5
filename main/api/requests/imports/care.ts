import { activeMembersNamed, type NamedMember } from '../../../../db/party/members';
import { getOrg } from '../../../../db/party/orgs';
import { insertCareHousehold, listCareHouseholds, type CareFields } from '../../../../db/requests/care';
import { todayIso } from '../../common/calendar';
import { maskIdCard, maskName, maskPhone } from '../../common/identifiers';
import { ValueQuestions } from '../../import/questions';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { valueText, wordKey } from '../../import/values';
import { checkHousehold } from '../handlers/care';
import { careCategories, careColourShort } from '../labels';
import { CareInput } from '../schemas';
import { BuildingNames, type BuildingAt } from './buildings';

/**
 * 重点关爱户名单: one household per row — where (社区 / 小区 / 楼栋 / 门牌), the person (name, ID number, phone:
 * stored as the form stores them, masked in the preview and the report like every resident), category, colour
 * (红/黄/绿) and the paired member, matched to the member register by name and confirmed by the clerk once per
 * name (结对党员对应). A household is the same as a stored one by ID number, else by building, door and name: a
 * re-import creates nothing twice, and a stored household is left as it is (corrections go through its drawer,
 * where the person is shown masked).
 */

/** Words registers write for the categories beside their labels. */
type CareCategory = keyof typeof careCategories;
const CATEGORY_WORDS: Partial<Record<CareCategory, string[]>> = {
  elderly_alone: ['独居'],
  elderly_childless: ['孤寡', '孤老', '五保户'],
  empty_nest: ['空巢'],
  disabled: ['残疾', '残障人士'],
  hardship: ['困难户', '低保户', '低保家庭', '特困'],
  left_behind_child: ['留守'],
  seriously_ill: ['大病', '重病'],
};

const fields = [
  { key: 'community', label: '社区', synonyms: ['所属社区', '所在社区'], kind: 'text', hint: '只有一个社区时可以不填' },
  { key: 'estate', label: '小区名称', synonyms: ['小区', '小区（院落）', '所在小区'], required: true, kind: 'text' },
  { key: 'building', label: '楼栋', synonyms: ['楼号', '楼栋号'], required: true, kind: 'text' },
  { key: 'room', label: '门牌', synonyms: ['单元房号', '房号', '门牌号', '住址', '单元'], kind: 'text' },
  { key: 'personName', label: '姓名', synonyms: ['户主姓名', '关爱对象', '户主', '对象姓名'], required: true, kind: 'personName', maskAsName: true },
  { key: 'idNumber', label: '身份证号', synonyms: ['身份证号码', '公民身份号码'], kind: 'idNumber' },
  { key: 'personPhone', label: '联系电话', synonyms: ['电话', '手机号', '联系方式'], kind: 'phone' },
  {
    key: 'category', label: '关爱类别', synonyms: ['类别', '人员类别', '困难类型', '类型'], required: true, kind: 'choice',
    choices: Object.fromEntries(Object.entries(careCategories).map(([code, label]) => [code, [label, ...(CATEGORY_WORDS[code as CareCategory] ?? [])]])),
  },
  {
    key: 'colour', label: '关注等级', synonyms: ['颜色', '分色', '色别', '等级', '关爱等级'], required: true, kind: 'choice',
    choices: { red: [careColourShort.red, '红色', '重点关注'], yellow: [careColourShort.yellow, '黄色', '经常关注'], green: [careColourShort.green, '绿色', '一般关注'] },
  },
  { key: 'member', label: '结对党员', synonyms: ['结对帮扶党员', '帮扶党员', '联系党员', '包保党员'], kind: 'personName', hint: '按姓名对应党员名册，导入前逐个确认' },
  { key: 'situation', label: '基本情况', synonyms: ['情况说明', '备注', '家庭情况'], kind: 'text' },
  { key: 'registeredOn', label: '登记日期', synonyms: ['建档日期', '纳入日期'], kind: 'date', hint: '不填按今天登记' },
] as const satisfies readonly ImportField[];

interface CareImportRow extends BuildingAt {
  fields: CareFields;
  memberName: string | null;
}

/** The paired member: a name of the member register, confirmed by the clerk once per name. */
class PairedMembers {
  readonly questions: ValueQuestions;
  private readonly named: Map<string, NamedMember[]>;

  constructor(private readonly run: RunContext, rows: readonly RowValues[]) {
    this.questions = new ValueQuestions('member', rows);
    this.named = activeMembersNamed(run.db, rows.flatMap((v) => (valueText(v.member) ? [valueText(v.member)!] : [])));
  }

  private label = (m: NamedMember) => `${m.name}（${getOrg(this.run.db, m.orgId)?.name ?? ''}）`;

  targets = () => ({ member: [...this.named.values()].flat().map((m) => ({ id: m.id, label: this.label(m) })) });

  resolve(name: string, problems: RowProblems): string | null | undefined {
    const same = this.named.get(name) ?? [];
    const answer = this.run.answer('member', name);
    const answered = same.find((m) => m.id === answer);
    this.questions.ask(name, () => ({ proposals: same.map((m) => ({ id: m.id, label: this.label(m) })), answer: answered?.id ?? null, reading: null }));
    if (answered) return answered.id;
    if (same.length === 1) problems.add('member', `结对党员“${name}”与党员名册中的${this.label(same[0]!)}同名：请在“结对党员对应”中确认`);
    else if (same.length) problems.add('member', `党员名册中有 ${same.length} 名“${name}”：请在“结对党员对应”中确认是哪一位`);
    else problems.add('member', `党员名册中没有在册的“${name}”，请核对姓名，或清空这一格`);
    return undefined;
  }
}

function start(run: RunContext, rows: readonly RowValues[]) {
  const { db, operator } = run;
  const names = new BuildingNames(run, rows);
  const members = new PairedMembers(run, rows);
  const stored = listCareHouseholds(db, { communityId: null, category: null, colour: null, due: null, includeClosed: true, offset: 0, limit: Number.MAX_SAFE_INTEGER }).rows;
  const placeKey = (f: Pick<CareFields, 'buildingId' | 'room' | 'personName'>) => `${f.buildingId}|${wordKey(f.room ?? '')}|${wordKey(f.personName ?? '')}`;
  const known = new Map<string, string>();
  for (const h of stored) {
    if (h.idNumber) known.set(`id|${h.idNumber}`, h.id);
    known.set(placeKey(h), h.id);
  }
  const keyOf = (r: CareImportRow) => (r.fields.idNumber ? `id|${r.fields.idNumber}` : placeKey(r.fields));

  return {
    toRecord(v: RowValues, problems: RowProblems): CareImportRow | null {
      const at = names.resolve(v, problems);
      const memberName = valueText(v.member);
      const memberId = memberName ? members.resolve(memberName, problems) : null;
      const parsed = CareInput.safeParse({
        buildingId: at?.building.id ?? 'looked-up', room: v.room, category: v.category, colour: v.colour, personName: v.personName,
        personPhone: v.personPhone, idNumber: v.idNumber, situation: v.situation, memberId: memberId ?? null, registeredOn: v.registeredOn ?? todayIso(),
      });
      if (!parsed.success) problems.addZod(parsed.error);
      if (!at || !parsed.success || memberId === undefined) return null;
      return { ...at, fields: parsed.data as CareFields, memberName };
    },
    keyOf,
    // By ID number, or by where and who (a household registered without one).
    existingId: (r: CareImportRow) => known.get(keyOf(r)) ?? known.get(placeKey(r.fields)) ?? null,
    save(r: CareImportRow, existingId: string | null) {
      if (existingId) return 'unchanged';
      checkHousehold(db, r.fields, null);
      if (run.write) insertCareHousehold(db, r.fields, operator);
    },
    preview: (r: CareImportRow) => ({
      community: names.communityName(r),
      estate: r.estate.name,
      building: r.building.name,
      room: r.fields.room ?? '',
      personName: maskName(r.fields.personName),
      idNumber: maskIdCard(r.fields.idNumber),
      personPhone: maskPhone(r.fields.personPhone),
      category: careCategories[r.fields.category as CareCategory],
      colour: careColourShort[r.fields.colour],
      member: r.memberName ?? '',
      situation: r.fields.situation ?? '',
      registeredOn: r.fields.registeredOn,
    }),
    extras: () => [],
    questions: () => [...names.estates.questions.list(), ...members.questions.list()],
    targets: () => ({ ...names.estates.targets(), ...members.targets() }),
  };
}

export const careRegister = defineRegister<CareImportRow>({
  key: 'requests.care',
  title: '重点关爱户名单',
  description: '每行一户：楼栋门牌、姓名、身份证号、电话、关爱类别、红黄绿分色、结对党员（按姓名对应党员名册并确认）',
  fields,
  keyFields: ['idNumber', 'personName'],
  titleFields: ['estate', 'building', 'room'],
  start,
});
