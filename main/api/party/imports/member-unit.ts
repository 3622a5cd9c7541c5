import { NEW_TARGET } from '../../import/contract';
import { ValueQuestions } from '../../import/questions';
import type { RowProblems, RowValues, RunContext } from '../../import/register';
import { valueText } from '../../import/values';
import { unitParentProblem } from '../rules';
import type { Db } from '../../../../db/open';
import { OrgDirectory, type UnitEntry } from './org-directory';

/**
 * The branch (and party group) a member row names. A name the tree has is read as it; one it has in another form
 * (中共…委员会, …支部, the community in front) is read as that branch, with a warning; one that is only like a
 * branch (一支部 for 第一党支部) is proposed and refused until the clerk confirms it — once for the whole file, in
 * 所在支部对应, where every name not found is asked about; the answers are remembered with the layout.
 */


function missingBranchParent(orgs: OrgDirectory, branchName: string, parentName: string | null): UnitEntry | string {
  if (!parentName) {
    return (
      orgs.only('community_committee') ??
      `“${branchName}”不在组织架构中，也无法确定它属于哪个社区党组织：请在文件中加一列“上级党组织”，或先在组织架构中建立它`
    );
  }
  const found = orgs.find(parentName, null);
  if (!('entry' in found)) return 'problem' in found ? found.problem : `上级党组织“${parentName}”不在组织架构中`;
  return unitParentProblem(found.entry, 'branch') ?? found.entry;
}

/**
 * Sheet names that read as branches (工作表名称 = 所在支部 proposed): most of them are a branch of the tree by
 * name, in a normalised form, or alike — the same three readings `resolve` gives a 所在支部 cell.
 */
export function sheetNamesAreBranches(db: Db, names: readonly string[]): boolean {
  const orgs = new OrgDirectory({ db, write: false, operator: '' });
  const branch = (name: string) => {
    const found = orgs.find(name, null);
    return ('entry' in found && found.entry.level === 'branch') || !!orgs.findLoose(name, ['branch']) || orgs.similar(name, ['branch'], 1).length > 0;
  };
  return names.filter(branch).length * 2 > names.length;
}

export class MemberUnits {
  readonly questions: ValueQuestions;

  constructor(private readonly orgs: OrgDirectory, private readonly run: RunContext, rows: readonly RowValues[]) {
    this.questions = new ValueQuestions('branch', rows);
  }

  /** Every branch a 所在支部 value may be mapped to. */
  targets = () => ({ branch: this.orgs.targets('branch') });

  resolve(v: RowValues, problems: RowProblems): UnitEntry | null {
    const fail = (field: 'branch' | 'group', message: string) => {
      problems.add(field, message);
      return null;
    };
    const { orgs } = this;
    const createMissing = this.run.options.createMissing;
    const branchName = valueText(v.branch);
    const groupName = valueText(v.group);
    if (!branchName) return fail('branch', '请填写所在支部');
    const found = orgs.find(branchName, valueText(v.parentOrg));
    if ('problem' in found) return fail('branch', found.problem);
    const branch = 'entry' in found ? found.entry : this.notFound(branchName, valueText(v.parentOrg), problems);
    if (!branch) return null;
    if (!groupName) return branch;
    const group = orgs.child(branch.id, groupName);
    if (group) return group;
    if (!createMissing) return fail('group', `${branch.name}下没有“${groupName}”：请核对名称，或选择“自动新增缺少的组织和地点”`);
    return orgs.createMissing(groupName, 'group', branch);
  }

  /** A 所在支部 the tree does not have by that name: the clerk's answer, the normalised name, or a question. */
  private notFound(name: string, parentName: string | null, problems: RowProblems): UnitEntry | null {
    const { orgs } = this;
    const given = this.run.answer('branch', name);
    const answered = given && given !== NEW_TARGET ? orgs.get(given) : undefined;
    const answer = given === NEW_TARGET || (answered?.level === 'branch' && answered.status === 'active' && !answered.fresh) ? given : undefined;
    const loose = orgs.findLoose(name, ['branch']);
    const proposals = loose ? [loose] : orgs.similar(name, ['branch']);
    const createMissing = this.run.options.createMissing;
    this.questions.ask(name, () => ({
      proposals: proposals.map((u) => ({ id: u.id, label: orgs.label(u) })),
      answer: answer ?? null,
      reading: loose?.id ?? (createMissing && proposals.length === 0 ? NEW_TARGET : null),
    }));

    if (answer && answer !== NEW_TARGET) return answered!;
    if (answer !== NEW_TARGET) {
      if (loose) {
        problems.warn('branch', `组织架构中没有“${name}”，按“${loose.name}”对应；不对请在“所在支部对应”中改选`);
        return loose;
      }
      if (proposals.length) {
        problems.add('branch', `组织架构中没有“${name}”，与“${proposals[0]!.name}”相近：请在“所在支部对应”中确认`);
        return null;
      }
      if (!createMissing) {
        problems.add('branch', `“${name}”不在组织架构中：请在“所在支部对应”中选择它对应的支部，或选择“自动新增缺少的组织和地点”`);
        return null;
      }
    }
    const parent = missingBranchParent(orgs, name, parentName);
    if (typeof parent === 'string') {
      problems.add('branch', parent);
      return null;
    }
    return orgs.createMissing(name, 'branch', parent);
  }
}
