import { appendEntry, openingEntries, type Category } from '../../../../db/volunteer/ledger';
import { ensureMemberVolunteer } from '../../../../db/volunteer/people';
import { DomainError } from '../../common/errors';
import { parseLooseDate, toHalfWidth } from '../../common/identifiers';
import { todayIso } from '../../common/calendar';
import { defineRegister, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { earningCategories } from '../labels';
import { isTenths, tenthsText } from '../tenths';
import { normalisedId, PersonDirectory, text, type PersonEntry } from './person-directory';
import { idField } from './posts';

/**
 * 期初积分: the balances a community kept in Excel before StreetDesk, one row per person and category, written as
 * `opening` entries (期初结转) — appended like any entry, so importing the same file twice is refused row by row.
 */

interface Opening {
  person: PersonEntry;
  category: Exclude<Category, 'redeem'>;
  amount: number;
  onDate: string;
  reason: string;
}

const keyOf = (o: { category: string; onDate: string; who: string }) => `${o.who}|${o.category}|${o.onDate}`;

function start(run: RunContext, rows: readonly RowValues[]) {
  const people = new PersonDirectory(run.db, rows);
  const today = todayIso();
  // Opening entries already in the ledger, by person, category and date: a second import of the file finds them.
  const stored = new Map(openingEntries(run.db).map((e) => [keyOf(e), e.id]));
  const who = (o: Opening) => o.person.memberId ?? o.person.volunteerId!;
  return {
    toRecord(v: RowValues, problems: RowProblems): Opening | null {
      const fail = (field: string, message: string) => {
        problems.add(field, message);
        return null;
      };
      const found = people.find(normalisedId(v.idNumber), text(v.name));
      if (!('entry' in found)) return fail(found.field, found.problem);
      const points = Number(toHalfWidth(text(v.amount) ?? '').trim());
      if (!text(v.amount) || !Number.isFinite(points)) return fail('amount', '请填写积分（数字）');
      if (points <= 0 || points > 100000 || !isTenths(points)) return fail('amount', '期初积分应为正数，最多一位小数');
      const onDate = parseLooseDate(text(v.onDate) ?? today);
      if (!onDate || onDate > today) return fail('onDate', '结转日期格式不对或晚于今天，例如 2025-12-31');
      if (!v.category) return fail('category', '请填写积分类别：基础分、服务分或贡献分');
      const category = v.category as Opening['category'];
      return { person: found.entry, category, amount: Math.round(points * 10), onDate, reason: text(v.reason) ?? '' };
    },
    keyOf: (o: Opening) => keyOf({ ...o, who: who(o) }),
    existingId: (o: Opening) => stored.get(keyOf({ ...o, who: who(o) })) ?? null,
    save(o: Opening, existingId: string | null) {
      // The ledger is append-only: "update" cannot overwrite an entry, so a repeated row is refused here.
      if (existingId) throw new DomainError('CONFLICT', '', undefined, [{ path: 'amount', message: '这一项期初积分已导入过；台账只能追加，如需更正请在积分台账中冲正后补记' }]);
      if (!run.write) return;
      const volunteerId = o.person.volunteerId ?? ensureMemberVolunteer(run.db, o.person.memberId!, o.onDate, run.operator).id;
      appendEntry(run.db, {
        volunteerId, orgId: o.person.orgId, onDate: o.onDate, category: o.category, amount: o.amount, hours: 0,
        reason: o.reason ? `期初结转：${o.reason}` : '期初结转', sourceKind: 'opening', sourceId: run.importId, ruleId: null, reversesId: null,
      }, run.operator);
    },
    preview: (o: Opening) => ({ name: o.person.name, category: earningCategories[o.category], amount: tenthsText(o.amount), onDate: o.onDate, reason: o.reason }),
    extras: () => [],
  };
}

export const openingRegister = defineRegister<Opening>({
  key: 'volunteer.opening',
  title: '期初积分',
  description: '启用前在表格中累计的积分，每行一人一类；写入积分台账的“期初结转”记录',
  fields: [
    { key: 'name', label: '姓名', synonyms: ['党员姓名', '志愿者姓名'], required: true, kind: 'personName' },
    idField,
    {
      key: 'category', label: '积分类别', synonyms: ['类别', '积分类型'], required: true, kind: 'choice',
      choices: { base: ['基础分', '基础积分'], service: ['服务分', '服务积分'], contribution: ['贡献分', '贡献积分'] },
    },
    { key: 'amount', label: '积分', synonyms: ['期初积分', '分值', '累计积分', '积分余额'], required: true, kind: 'text' },
    { key: 'onDate', label: '结转日期', synonyms: ['日期', '截至日期'], kind: 'date', hint: '空着的按今天' },
    { key: 'reason', label: '说明', synonyms: ['备注'], kind: 'text' },
  ],
  keyFields: ['idNumber', 'name'],
  start,
});
