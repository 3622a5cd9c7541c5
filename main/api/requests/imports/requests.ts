import { applyStep, insertRequest, requestIdentities, type RequestFacts, type RequestStateCode } from '../../../../db/requests/requests';
import { maskName, maskPhone } from '../../common/identifiers';
import { ValueQuestions } from '../../import/questions';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { valueText, wordKey } from '../../import/values';
import type { PlaceEntry } from '../../party/imports/place-directory';
import { checkCategory, streetCategories } from '../handlers/categories';
import { reportedGrid } from '../handlers/requests';
import { requestSettings } from '../handlers/settings';
import { handlerKinds, ratings, requestSources, requestStates } from '../labels';
import { defaultDueOn } from '../rules';
import { DoneStep, ReportInput } from '../schemas';
import { BuildingNames } from './buildings';

/**
 * 诉求台账: requests a community kept in Excel before, entered through the ledger's own write path (insertRequest,
 * applyStep) with the history the sheet can tell — every step dated by the sheet (登记日期, 办结日期), none invented:
 * 未办 stays 待梳理 (待交办 with a 类别), 办理中 is 交办 to the community's level on the day it was registered, 办结 is
 * 办结 on its 办结日期. 公示 and 回访 are not in such sheets, so a 满意度 is kept as a note of the 办结 step and the
 * request waits for its 公示. 来源 and 类别 written otherwise than the lists are asked once per value for the file.
 * Identity: the register's 编号 when the file has one (kept in the 上报 step), else day + place + content.
 */

const fields = [
  { key: 'registerNo', label: '编号', synonyms: ['诉求编号', '工单号', '登记编号'], kind: 'text', hint: '有编号时按编号判断是否已导入' },
  { key: 'reportedOn', label: '登记日期', synonyms: ['反映日期', '受理日期', '上报日期', '日期', '登记时间'], required: true, kind: 'date' },
  { key: 'source', label: '来源', synonyms: ['诉求来源', '反映渠道', '渠道', '来源渠道'], required: true, kind: 'text' },
  { key: 'reporterName', label: '反映人', synonyms: ['反映人姓名', '居民姓名', '诉求人'], kind: 'personName', maskAsName: true, hint: '匿名可写“匿名”' },
  { key: 'reporterPhone', label: '联系电话', synonyms: ['电话', '反映人电话', '联系方式'], kind: 'phone' },
  { key: 'community', label: '社区', synonyms: ['所属社区'], kind: 'text' },
  { key: 'estate', label: '小区名称', synonyms: ['小区', '所在小区'], required: true, kind: 'text' },
  { key: 'building', label: '楼栋', synonyms: ['楼号', '楼栋号'], kind: 'text', hint: '不填按小区登记' },
  { key: 'content', label: '诉求内容', synonyms: ['反映问题', '问题描述', '诉求事项', '反映内容'], required: true, kind: 'text' },
  { key: 'category', label: '类别', synonyms: ['诉求类别', '问题类别', '分类', '受理类别'], kind: 'text' },
  {
    key: 'status', label: '办理情况', synonyms: ['状态', '办理状态', '处理情况'], required: true, kind: 'choice',
    choices: { done: ['办结', '已办结', '已解决', '完成', '已完成'], assigned: ['办理中', '正在办理', '处理中', '在办'], open: ['未办', '未办理', '待办', '未处理'] },
  },
  { key: 'handlerName', label: '承办单位', synonyms: ['责任单位', '办理单位', '承办人'], kind: 'text' },
  { key: 'result', label: '办理结果', synonyms: ['处理结果', '答复情况', '办理结果及答复'], kind: 'text' },
  { key: 'doneOn', label: '办结日期', synonyms: ['办结时间', '完成日期'], kind: 'date' },
  {
    key: 'rating', label: '满意度', synonyms: ['群众满意度', '评价'], kind: 'choice',
    choices: { satisfied: [ratings.satisfied], mostly_satisfied: [ratings.mostly_satisfied, '较满意', '比较满意'], unsatisfied: [ratings.unsatisfied] },
  },
] as const satisfies readonly ImportField[];

/** Words of free-text 来源 that suggest a source; a suggestion is the clerk's to confirm. */
const SOURCE_WORDS: [RegExp, keyof typeof requestSources][] = [
  [/12345/, 'city_12345'], [/电话|热线/, 'hotline'], [/网格/, 'grid_round'], [/箱/, 'suggestion_box'], [/问题墙/, 'problem_wall'], [/来访|上门|窗口|来信/, 'visit'],
];

interface HistoricRequest {
  registerNo: string | null;
  reportedOn: string;
  source: string;
  anonymous: boolean;
  reporterName: string | null;
  reporterPhone: string | null;
  place: PlaceEntry;
  content: string;
  category: string | null;
  status: 'done' | 'assigned' | 'open';
  handlerName: string;
  doneOn: string | null;
  result: string | null;
  rating: keyof typeof ratings | null;
}

/** A value of a list written otherwise: read by its label, else asked once per value with the proposals given. */
class ListValues {
  readonly questions: ValueQuestions;
  constructor(private readonly run: RunContext, private readonly field: string, rows: readonly RowValues[], readonly targets: { id: string; label: string }[]) {
    this.questions = new ValueQuestions(field, rows);
  }

  resolve(value: string, proposals: string[], problems: RowProblems, what: string): string | null {
    const exact = this.targets.find((t) => wordKey(t.label) === wordKey(value) || t.id === value);
    if (exact) return exact.id;
    const answer = this.run.answer(this.field, value);
    const answered = this.targets.find((t) => t.id === answer);
    const offered = this.targets.filter((t) => proposals.includes(t.id));
    this.questions.ask(value, () => ({ proposals: offered, answer: answered?.id ?? null, reading: null }));
    if (answered) return answered.id;
    problems.add(this.field, `${what}“${value}”不在列表中${offered.length ? `，与“${offered[0]!.label}”相近` : ''}：请在“${what}对应”中确认`);
    return null;
  }
}

function start(run: RunContext, rows: readonly RowValues[]) {
  const { db, operator } = run;
  const names = new BuildingNames(run, rows);
  const settings = requestSettings(db);
  const categories = streetCategories(db).filter((c) => c.kind === 'accepted' && !c.retired);
  const sources = new ListValues(run, 'source', rows, Object.entries(requestSources).map(([id, label]) => ({ id, label })));
  const kinds = new ListValues(run, 'category', rows, categories.map((c) => ({ id: c.code, label: c.label })));
  const contentKey = (day: string, placeId: string, content: string) => `${day}|${placeId}|${wordKey(content)}`;
  const known = new Map<string, string>();
  for (const r of requestIdentities(db)) {
    if (r.registerNo) known.set(`no|${r.registerNo}`, r.id);
    known.set(contentKey(r.reportedOn, r.placeId, r.content), r.id);
  }
  const keyOf = (r: HistoricRequest) => (r.registerNo ? `no|${r.registerNo}` : contentKey(r.reportedOn, r.place.id, r.content));

  function communityOf(p: PlaceEntry): PlaceEntry | undefined {
    let at: PlaceEntry | undefined = p;
    while (at && at.kind !== 'community') at = names.places.get(at.parentId);
    return at;
  }

  function place(v: RowValues, problems: RowProblems): PlaceEntry | null {
    if (valueText(v.building)) return names.resolve(v, problems)?.building ?? null;
    return names.estates.resolve(v, problems);
  }

  function status(v: RowValues, problems: RowProblems, reportedOn: string | null) {
    const result = valueText(v.result);
    const read = v.doneOn === null || v.doneOn === undefined ? null : DoneStep.shape.doneOn.safeParse(v.doneOn);
    if (read && !read.success) problems.add('doneOn', read.error.issues[0]!.message);
    const doneOn = read?.success ? read.data : null;
    if (v.status === 'done') {
      if (!read) problems.add('doneOn', '已办结的诉求请填写办结日期');
      else if (reportedOn && doneOn && doneOn < reportedOn) problems.add('doneOn', `办结日期不能早于登记日期（${reportedOn}）`);
      if (!result) problems.add('result', '已办结的诉求请填写办理结果');
    } else if (v.rating) problems.add('rating', '只有已办结的诉求才有满意度');
    return { doneOn, result };
  }

  return {
    toRecord(v: RowValues, problems: RowProblems): HistoricRequest | null {
      const anonymous = /^匿名/.test(valueText(v.reporterName) ?? '');
      const sourceText = valueText(v.source);
      const source = sourceText ? sources.resolve(sourceText, SOURCE_WORDS.filter(([re]) => re.test(sourceText)).map(([, s]) => s), problems, '来源') : null;
      const categoryText = valueText(v.category);
      const category = categoryText
        ? kinds.resolve(categoryText, categories.filter((c) => c.label.includes(categoryText) || categoryText.includes(c.label)).map((c) => c.code), problems, '类别')
        : null;
      if (!categoryText && v.status !== 'open') problems.add('category', '办理中或已办结的诉求请填写类别');
      const at = place(v, problems);
      const parsed = ReportInput.safeParse({
        reportedOn: v.reportedOn, source: source ?? 'other', anonymous, reporterName: anonymous ? null : v.reporterName,
        reporterPhone: v.reporterPhone, placeId: at?.id ?? 'looked-up', content: v.content,
      });
      if (!parsed.success) problems.addZod(parsed.error, { reportedOn: 'reportedOn' });
      const done = status(v, problems, parsed.success ? parsed.data.reportedOn : null);
      if (!parsed.success || !at || !source || (categoryText && !category) || problems.count) return null;
      const handlerName = valueText(v.handlerName) ?? communityOf(at)?.name ?? handlerKinds.community;
      if (v.status !== 'open' && !valueText(v.handlerName)) problems.warn('handlerName', `原台账没有承办单位，按“${handlerName}”（${handlerKinds.community}）交办登记`);
      if (v.rating) problems.warn('rating', '原台账没有公示和回访日期：满意度记在办结的备注中，公示、评价在系统中补登');
      return {
        ...parsed.data, registerNo: valueText(v.registerNo), source, place: at, category, status: v.status as HistoricRequest['status'],
        handlerName, doneOn: done.doneOn, result: done.result, rating: (v.rating as HistoricRequest['rating']) ?? null,
      };
    },
    keyOf,
    // A 编号 not seen before may still be a request entered from a file without the column: day, place and content.
    existingId: (r: HistoricRequest) => known.get(keyOf(r)) ?? known.get(contentKey(r.reportedOn, r.place.id, r.content)) ?? null,
    save(r: HistoricRequest, existingId: string | null) {
      if (existingId) return 'unchanged';
      if (r.category) checkCategory(db, r.category, 'accepted');
      if (!run.write) return;
      const origin = { importId: run.importId, ...(r.registerNo ? { registerNo: r.registerNo } : {}) };
      const id = insertRequest(db, { ...r, placeId: r.place.id, gridId: reportedGrid(db, r.place.id) }, operator, origin);
      let from: RequestStateCode = 'reported';
      const step = (to: RequestStateCode, onDay: string, facts: Partial<RequestFacts>, note: string | null = null) => {
        applyStep(db, id, { from, to, onDay, facts, detail: { ...facts, importId: run.importId }, note }, operator);
        from = to;
      };
      if (!r.category) return;
      step('sorted', r.reportedOn, { category: r.category, urgency: 'normal' });
      if (r.status === 'open') return;
      step('assigned', r.reportedOn, { handlerKind: 'community', handlerName: r.handlerName, dueOn: defaultDueOn(r.reportedOn, 'community', settings) });
      if (r.status === 'done') step('done', r.doneOn!, { doneOn: r.doneOn, result: r.result }, r.rating ? `原台账满意度：${ratings[r.rating]}` : null);
    },
    preview: (r: HistoricRequest) => ({
      registerNo: r.registerNo ?? '',
      reportedOn: r.reportedOn,
      source: requestSources[r.source as keyof typeof requestSources],
      reporterName: r.anonymous ? '匿名' : maskName(r.reporterName),
      reporterPhone: maskPhone(r.reporterPhone),
      estate: r.place.kind === 'building' ? `${names.places.get(r.place.parentId)?.name ?? ''}${r.place.name}` : r.place.name,
      content: r.content,
      category: categories.find((c) => c.code === r.category)?.label ?? '',
      status: requestStates[r.status === 'open' ? (r.category ? 'sorted' : 'reported') : r.status],
      doneOn: r.doneOn ?? '',
      result: r.result ?? '',
      rating: r.rating ? ratings[r.rating] : '',
    }),
    extras: () => [],
    questions: () => [...names.estates.questions.list(), ...sources.questions.list(), ...kinds.questions.list()],
    targets: () => ({ ...names.estates.targets(), source: sources.targets, category: kinds.targets }),
  };
}

export const requestsRegister = defineRegister<HistoricRequest>({
  key: 'requests.requests',
  title: '诉求台账',
  description: '每行一件以前登记的诉求：登记日期、来源、反映人、地点、内容、类别、办理情况；按编号（没有编号时按日期、地点和内容）不重复导入',
  fields,
  keyFields: ['registerNo', 'content'],
  titleFields: ['reportedOn', 'content'],
  start,
});
