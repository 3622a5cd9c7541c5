import { getEstate } from '../../../../db/property/estates';
import { membersOfTerm, termsOfEstate, updateTerm, type CommitteeMemberRow, type TermRow } from '../../../../db/property/committees';
import { optionalIdCardNumber } from '../../common/fields';
import { maskIdCard, parseLooseDate } from '../../common/identifiers';
import { todayIso } from '../../common/calendar';
import { defineRegister, type ImportField, type RowProblems, type RowValues, type RunContext } from '../../import/register';
import { isMonthValue, valueText, wordKey } from '../../import/values';
import { canonicalName } from '../../party/imports/branch-names';
import { PlaceDirectory, type PlaceEntry } from '../../party/imports/place-directory';
import { propertySettings } from '../handlers/settings';
import { committeeRoles } from '../labels';
import { committeeSizeProblem } from '../rules';
import { CommitteeMemberInput } from '../schemas';
import { CommitteePeople, type PartyTie, type PersonFacts } from './committee-people';
import { EstateNames } from './estate-names';

/**
 * 业委会成员名单: one member of an estate's owners' committee a row, added to a term already registered (the
 * estate's current one — the latest started — unless 届次 names another). The roster is the term's, written
 * whole through the module's repository (updateTerm) as the form writes it; a member already on it (same name)
 * is updated with the file's columns. The form's rules hold for the roster the import leaves: one 主任, and the
 * size (5–11, odd; 3 for a small estate) checked on the last row of each term.
 */

const fields = [
  { key: 'community', label: '社区', synonyms: ['所属社区', '所在社区'], kind: 'text', hint: '同名的小区靠它区分' },
  { key: 'estate', label: '小区名称', synonyms: ['小区', '小区（院落）', '小区（院落）名称', '院落名称', '所在小区'], required: true, kind: 'text' },
  { key: 'termNo', label: '届次', synonyms: ['第几届', '业委会届次', '换届届次'], kind: 'text', hint: '空着的按小区现任一届' },
  { key: 'name', label: '姓名', synonyms: ['成员姓名', '委员姓名', '业委会成员'], required: true, kind: 'personName' },
  {
    key: 'role', label: '职务', synonyms: ['业委会职务', '担任职务', '职位'], required: true, kind: 'choice',
    choices: { chair: [committeeRoles.chair, '业委会主任', '主任委员'], vice_chair: [committeeRoles.vice_chair, '业委会副主任', '副主任委员'], member: [committeeRoles.member, '成员', '业委会委员'] },
  },
  {
    key: 'isPartyMember', label: '是否党员', synonyms: ['政治面貌', '是否中共党员', '党员'], kind: 'choice',
    choices: { yes: ['是', '中共党员', '党员', '预备党员', '中共预备党员', '√'], no: ['否', '群众', '非党员', '共青团员', '×'] },
  },
  { key: 'idNumber', label: '身份证号', synonyms: ['公民身份号码', '身份证号码', '身份证'], kind: 'idNumber', hint: '党员靠它与党员名册关联' },
  { key: 'birthDate', label: '出生日期', synonyms: ['出生年月', '出生年月日'], kind: 'date', monthOnly: 'keep', hint: '没有身份证号时，姓名和出生日期用来关联党员名册' },
  { key: 'onResidentsCommittee', label: '交叉任职', synonyms: ['是否交叉任职', '兼任居委会委员', '是否兼任居委会成员', '兼任居委会成员'], kind: 'boolean', hint: '同时是社区居委会成员' },
] as const satisfies readonly ImportField[];

interface Parsed {
  facts: PersonFacts;
  role: CommitteeMemberRow['role'];
  onResidentsCommittee: boolean;
}

interface MemberRow extends Parsed {
  estate: PlaceEntry;
  term: TermRow;
  tie: PartyTie;
}

/** 第三届, 第3届, 3, 三 — compared as the numeral (canonicalName writes digits as Chinese numerals). */
const termKey = (written: string) => canonicalName(written.replace(/业主委员会|业委会|届/g, ''));

/** The database-free facts of a row; also read for every row at the start, to look people up in bulk. */
function factsOf(v: RowValues): PersonFacts | null {
  const name = valueText(v.name);
  if (!name) return null;
  const id = optionalIdCardNumber.safeParse(v.idNumber);
  const birth = valueText(v.birthDate);
  return {
    name,
    partyWord: (v.isPartyMember as PersonFacts['partyWord']) ?? null,
    idNumber: id.success ? id.data : null,
    birthDate: birth && (isMonthValue(birth) ? birth : parseLooseDate(birth)),
  };
}

function parse(v: RowValues, problems: RowProblems): Parsed | null {
  const id = optionalIdCardNumber.safeParse(v.idNumber);
  if (!id.success) problems.add('idNumber', id.error.issues[0]!.message);
  const birth = valueText(v.birthDate);
  if (birth && !isMonthValue(birth) && !parseLooseDate(birth)) problems.add('birthDate', '出生日期格式不正确，例如 1968-05-12 或 1968年5月');
  const parsed = CommitteeMemberInput.safeParse({ memberId: null, name: v.name, role: v.role, isPartyMember: v.isPartyMember === 'yes', onResidentsCommittee: v.onResidentsCommittee ?? false });
  if (!parsed.success) problems.addZod(parsed.error);
  const facts = factsOf(v);
  if (!parsed.success || !facts || problems.count) return null;
  return { facts, role: parsed.data.role, onResidentsCommittee: parsed.data.onResidentsCommittee };
}

/** The roster as the repository writes it: a linked member's name is read from the register. */
const asFields = (m: CommitteeMemberRow) => ({ ...m, name: m.memberId ? null : m.name });

function start(run: RunContext, rows: readonly RowValues[]) {
  const { db, operator } = run;
  const today = todayIso();
  const settings = propertySettings(db);
  const places = new PlaceDirectory(run);
  const names = new EstateNames(places, run, rows, false);
  const people = new CommitteePeople(run, rows, factsOf);
  const terms = new Map<string, TermRow[]>();
  const rosters = new Map<string, CommitteeMemberRow[]>();
  const linkMapped = ['isPartyMember', 'idNumber', 'birthDate'].some((k) => run.mapped.has(k));

  // Each term's size is checked on its last row in the file, when the roster the import leaves is known.
  const groupOf = (v: RowValues) => [v.community, v.estate, v.termNo].map((x) => wordKey(valueText(x) ?? '')).join('|');
  const left = new Map<string, number>();
  for (const v of rows) left.set(groupOf(v), (left.get(groupOf(v)) ?? 0) + 1);

  const rosterOf = (term: TermRow) => {
    if (!rosters.has(term.id)) rosters.set(term.id, membersOfTerm(db, term.id));
    return rosters.get(term.id)!;
  };
  const indexIn = (roster: CommitteeMemberRow[], name: string) => roster.findIndex((m) => wordKey(m.name) === wordKey(name));

  function termOf(estate: PlaceEntry, written: string | null, problems: RowProblems): TermRow | null {
    if (!terms.has(estate.id)) terms.set(estate.id, termsOfEstate(db, estate.id));
    const all = terms.get(estate.id)!; // newest first
    const term = written ? all.find((t) => canonicalName(String(t.termNo)) === termKey(written)) : all.find((t) => t.startsOn <= today);
    if (term) return term;
    const message = written
      ? `${estate.name}没有登记“${written}”业委会：请先在“业委会”中新建这一届（选举日期、任期）`
      : all.length
        ? `${estate.name}还没有已开始任期的业委会：请在“届次”列写明第几届`
        : `${estate.name}还没有登记业委会届次：请先在“业委会”中新建这一届（选举日期、任期），再导入成员`;
    problems.add(written ? 'termNo' : 'estate', message);
    return null;
  }

  /** On a term's last row: the size of the roster the import leaves, if it changes it, as the form checks it. */
  function checkSize(r: MemberRow, problems: RowProblems) {
    const roster = rosterOf(r.term);
    const size = roster.length + (indexIn(roster, r.facts.name) < 0 ? 1 : 0);
    if (size === r.term.memberCount) return;
    const problem = committeeSizeProblem(size, getEstate(db, r.estate.id, today)?.households ?? null, settings);
    if (problem) problems.add(null, `导入后${r.estate.name}第 ${r.term.termNo} 届${problem}`);
  }

  function write(term: TermRow, roster: CommitteeMemberRow[]) {
    if (!run.write) return;
    const { estateId, termNo, electedOn, startsOn, endsOn, filedOn, firstMeetingOn, note } = term;
    updateTerm(db, term.id, { estateId, termNo, electedOn, startsOn, endsOn, filedOn, firstMeetingOn, note, members: roster.map(asFields) }, operator);
  }

  return {
    toRecord(v: RowValues, problems: RowProblems, parsed: unknown): MemberRow | null {
      const group = groupOf(v);
      const last = left.get(group) === 1;
      left.set(group, left.get(group)! - 1);
      const estate = names.resolve(v, problems);
      const term = estate && termOf(estate, valueText(v.termNo), problems);
      const row = parsed as Parsed | null;
      if (!estate || !term || !row) return null;
      const tie = people.tie(row.facts, problems);
      if (!tie) return null;
      const r: MemberRow = { ...row, estate, term, tie };
      const chair = rosterOf(term).find((m) => m.role === 'chair' && wordKey(m.name) !== wordKey(row.facts.name));
      if (row.role === 'chair' && chair) problems.add('role', `${estate.name}第 ${term.termNo} 届业委会已有主任${chair.name}（一届只有一名主任）`);
      if (last) checkSize(r, problems);
      return problems.count ? null : r;
    },
    keyOf: (r: MemberRow) => `${r.term.id}|${wordKey(r.facts.name)}`,
    existingId: (r: MemberRow) => (indexIn(rosterOf(r.term), r.facts.name) < 0 ? null : `${r.term.id}|${wordKey(r.facts.name)}`),
    save(r: MemberRow, existingId: string | null) {
      const roster = rosterOf(r.term);
      const member: CommitteeMemberRow = { name: r.facts.name, role: r.role, onResidentsCommittee: r.onResidentsCommittee, ...r.tie };
      if (!existingId) {
        // Audited with the import's one entry; remembered while checking, so the next rows see the roster.
        roster.push(member);
        write(r.term, roster);
        return;
      }
      const i = indexIn(roster, r.facts.name);
      const before = roster[i]!;
      const after: CommitteeMemberRow = {
        name: before.name,
        role: run.mapped.has('role') ? member.role : before.role,
        onResidentsCommittee: run.mapped.has('onResidentsCommittee') ? member.onResidentsCommittee : before.onResidentsCommittee,
        // A register member stays linked when the file has nothing to say about the tie.
        ...(linkMapped && (member.memberId || !before.memberId) ? r.tie : { memberId: before.memberId, isPartyMember: before.isPartyMember }),
      };
      if (after.role === before.role && after.onResidentsCommittee === before.onResidentsCommittee && after.memberId === before.memberId && after.isPartyMember === before.isPartyMember) return 'unchanged';
      roster[i] = after;
      write(r.term, roster);
      run.audit({ action: 'import_update', entity: 'committee_term', entityId: r.term.id, before: { member: before }, after: { member: after, importId: run.importId } });
    },
    preview: (r: MemberRow) => ({
      community: places.get(r.estate.parentId)?.name ?? '',
      estate: r.estate.name,
      termNo: `第 ${r.term.termNo} 届`,
      name: r.tie.memberId ? `${r.facts.name}（党员名册）` : r.facts.name,
      role: committeeRoles[r.role],
      isPartyMember: r.tie.isPartyMember ? '是' : '否',
      idNumber: maskIdCard(r.facts.idNumber),
      birthDate: r.facts.birthDate ?? '',
      onResidentsCommittee: r.onResidentsCommittee ? '是' : '否',
    }),
    extras: () => [],
    questions: () => names.questions.list(),
    targets: names.targets,
  };
}

export const committeeMembersRegister = defineRegister<MemberRow>({
  key: 'property.committeeMembers',
  title: '业委会成员名单',
  description: '每行一名业委会成员，加入小区已登记的业委会届次（默认现任一届）；党员按身份证号或姓名和出生日期关联党员名册',
  fields,
  keyFields: ['name'],
  titleFields: ['estate', 'name'],
  parse,
  start,
});
