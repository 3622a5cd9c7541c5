import { NEW_TARGET } from '../../import/contract';
import { ValueQuestions } from '../../import/questions';
import type { RowProblems, RowValues, RunContext } from '../../import/register';
import { valueText, wordKey } from '../../import/values';
import { nameSimilarity, SIMILAR_ENOUGH } from '../../party/imports/branch-names';
import type { PlaceDirectory, PlaceEntry } from '../../party/imports/place-directory';

/**
 * The estate (小区) a row names, found in the places register as branch names are found in the tree
 * (party/imports/member-unit.ts): by its name (spaces, width, brackets aside); written in another form (阳光 for
 * 阳光小区, the community in front) it is read as that estate with a warning; only *like* one (阳光苑 for 阳光小区)
 * it is proposed and its rows refused until the clerk confirms it — once per value for the whole file, in
 * 小区名称对应; the answers are remembered with the layout. 新建 (or "create missing") adds the estate to the
 * places register under the row's community, where the register allows it.
 */

/** An estate's name without the words registers add or leave out: 小区, （院落）, brackets. */
const looseKey = (name: string) => wordKey(name).replace(/[()（）]/g, '').replace(/(小区|院落)+$/, '');

export class EstateNames {
  readonly questions: ValueQuestions;
  /** Estates by name (wordKey), looked up once per row: a district's file names hundreds of them. */
  private readonly byName = new Map<string, PlaceEntry[]>();

  /**
   * `canCreate`: the register may add an estate it does not find (the profile register; not the committee's);
   * `first`: where, when it may not, the estate is to be registered first (said when the clerk picks 新建).
   */
  constructor(
    private readonly places: PlaceDirectory, private readonly run: RunContext, rows: readonly RowValues[], private readonly canCreate: boolean,
    private readonly first = '请先在“小区”中建立它的物业档案和业委会届次',
  ) {
    this.questions = new ValueQuestions('estate', rows);
    for (const p of places.ofKind('estate')) this.index(p);
  }

  private index(p: PlaceEntry) {
    const key = wordKey(p.name);
    this.byName.set(key, [...(this.byName.get(key) ?? []), p]);
  }

  label(p: PlaceEntry): string {
    const community = this.places.get(p.parentId);
    return community ? `${p.name}（${community.name}）` : p.name;
  }

  /** Every registered estate a 小区名称 value may be mapped to. */
  targets = () => ({
    estate: this.places.ofKind('estate').filter((p) => !p.fresh).map((p) => ({ id: p.id, label: this.label(p) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
  });

  resolve(v: RowValues, problems: RowProblems): PlaceEntry | null {
    const name = valueText(v.estate);
    if (!name) {
      problems.add('estate', '请填写小区名称');
      return null;
    }
    const communityName = valueText(v.community);
    const community = communityName ? this.places.child(null, communityName) : undefined;
    if (communityName && community?.kind !== 'community') {
      problems.add('community', `社区“${communityName}”不在地点登记中，请核对名称`);
      return null;
    }
    const same = (this.byName.get(wordKey(name)) ?? []).filter((p) => !community || p.parentId === community.id);
    if (same.length === 1) return same[0]!;
    if (same.length > 1) {
      problems.add('community', `有 ${same.length} 个名为“${name}”的小区，请在“社区”列写明它属于哪个社区`);
      return null;
    }
    return this.notFound(name, community, problems);
  }

  /** Estates of the community (or the street) whose names differ from `name` only in the words registers vary. */
  private loose(name: string, community: PlaceEntry | undefined): PlaceEntry | undefined {
    const estates = this.places.ofKind('estate').filter((p) => !p.fresh && (!community || p.parentId === community.id));
    const wanted = looseKey(name);
    const found = estates.filter((p) => {
      const key = looseKey(p.name);
      const prefix = looseKey(this.places.get(p.parentId)?.name ?? '\u0000');
      return key === wanted || (wanted.startsWith(prefix) && wanted.slice(prefix.length) === key);
    });
    return found.length === 1 ? found[0] : undefined;
  }

  private similar(name: string, community: PlaceEntry | undefined): PlaceEntry[] {
    return this.places.ofKind('estate')
      .filter((p) => !p.fresh && (!community || p.parentId === community.id))
      .map((p) => ({ p, score: nameSimilarity(name, p.name, [this.places.get(p.parentId)?.name ?? '']) }))
      .filter((x) => x.score >= SIMILAR_ENOUGH)
      .sort((a, b) => b.score - a.score || a.p.name.localeCompare(b.p.name, 'zh-CN'))
      .slice(0, 3)
      .map((x) => x.p);
  }

  /** A 小区名称 the register does not have by that name: the clerk's answer, the normalised name, or a question. */
  private notFound(name: string, community: PlaceEntry | undefined, problems: RowProblems): PlaceEntry | null {
    const given = this.run.answer('estate', name);
    const answered = given && given !== NEW_TARGET ? this.places.get(given) : undefined;
    const answer = given === NEW_TARGET || (answered?.kind === 'estate' && !answered.fresh) ? given : undefined;
    const loose = this.loose(name, community);
    const proposals = loose ? [loose] : this.similar(name, community);
    const create = this.canCreate && this.run.options.createMissing;
    this.questions.ask(name, () => ({
      proposals: proposals.map((p) => ({ id: p.id, label: this.label(p) })),
      answer: answer ?? null,
      reading: loose?.id ?? (create && proposals.length === 0 ? NEW_TARGET : null),
    }));

    if (answer && answer !== NEW_TARGET) return answered!;
    if (answer !== NEW_TARGET) {
      if (loose) {
        problems.warn('estate', `地点登记中没有“${name}”，按“${this.label(loose)}”对应；不对请在“小区名称对应”中改选`);
        return loose;
      }
      if (proposals.length) {
        problems.add('estate', `地点登记中没有“${name}”，与“${this.label(proposals[0]!)}”相近：请在“小区名称对应”中确认`);
        return null;
      }
      if (!create) {
        const how = this.canCreate ? '，或选择“自动新增缺少的组织和地点”' : '';
        problems.add('estate', `“${name}”不在地点登记的小区中：请在“小区名称对应”中选择它对应的小区${how}`);
        return null;
      }
    }
    if (!this.canCreate) {
      problems.add('estate', `“${name}”还没有登记：${this.first}`);
      return null;
    }
    return this.createUnder(name, community, problems);
  }

  /** A new estate in the places register, under the row's community or the only one. */
  private createUnder(name: string, community: PlaceEntry | undefined, problems: RowProblems): PlaceEntry | null {
    const communities = this.places.ofKind('community');
    const parent = community ?? (communities.length === 1 ? communities[0] : undefined);
    if (!parent) {
      problems.add('community', `新建小区“${name}”需要知道它属于哪个社区：请填写“社区”列`);
      return null;
    }
    const made = this.places.createMissing('estate', name, parent);
    this.index(made); // a second row of the same new estate finds it by name
    return made;
  }
}
