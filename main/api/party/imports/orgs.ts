import { getOrg, updateOrg, type OrgLevel } from '../../../../db/party/orgs';
import type { PlaceKind } from '../../../../db/party/places';
import type { ImportField, RowProblems, RowValues, RunContext } from '../../import/register';
import { DomainError } from '../../common/errors';
import { defineRegister } from '../../import/register';
import { valueText, wordKey } from '../../import/values';
import { childLevel, orgKinds, orgLevels, placeChildKind, placeKinds } from '../labels';
import { placeOfLevel, unitKindProblem, unitParentProblem } from '../rules';
import { OrgInput } from '../schemas';
import { kindFromName, OrgDirectory, type UnitEntry } from './org-directory';
import { PlaceDirectory } from './place-directory';

/**
 * 党组织架构: each row a unit under a parent named in the tree or in the file itself (parents are taken first,
 * wherever they stand in the file). The level follows from the category or the parent when not given.
 */

const fields = [
  { key: 'name', label: '组织名称', synonyms: ['党组织名称', '组织全称', '党组织全称', '名称'], required: true, kind: 'text' },
  { key: 'parent', label: '上级组织', synonyms: ['上级党组织', '所属党组织', '隶属党组织', '上级党组织名称'], required: true, kind: 'text' },
  {
    key: 'level',
    label: '组织层级',
    synonyms: ['层级', '级别', '组织级别'],
    kind: 'choice',
    choices: {
      street_committee: [orgLevels.street_committee, '街道'],
      community_committee: [orgLevels.community_committee, '社区党委', '社区党总支', '党委', '党总支'],
      branch: [orgLevels.branch, '支部'],
      group: [orgLevels.group, '小组'],
    },
    hint: '空着时按组织类别或上级组织推定',
  },
  { key: 'kind', label: '组织类别', synonyms: ['类别', '组织类型', '党组织类别', '类型'], kind: 'text', hint: '例如 小区党支部、楼栋党小组；空着时按名称推定' },
  { key: 'place', label: '关联地点', synonyms: ['所在小区', '对应小区', '所在地点', '地点', '所在楼栋', '对应楼栋', '所在社区'], kind: 'text' },
  { key: 'establishedOn', label: '成立日期', synonyms: ['成立时间', '组建日期', '组建时间'], kind: 'date' },
] as const satisfies readonly ImportField[];

interface OrgRow {
  parent: UnitEntry;
  level: OrgLevel;
  kind: string;
  name: string;
  placeId: string | null;
  establishedOn: string | null;
}

const levelOfKind = (kind: string | null) =>
  (Object.keys(orgKinds) as OrgLevel[]).find((l) => (orgKinds[l] as readonly string[]).includes(kind ?? '')) ?? null;

/** Parents before their children: a row's depth is how many of its ancestors the file itself lists. */
function parentsFirst(rows: readonly RowValues[]): number[] {
  const rowOf = new Map(rows.map((v, i) => [wordKey(valueText(v.name) ?? ''), i] as const));
  const depth = (i: number, seen = new Set<number>()): number => {
    const parent = rowOf.get(wordKey(valueText(rows[i]!.parent) ?? ''));
    if (parent === undefined || seen.has(parent)) return 0;
    seen.add(i);
    return 1 + depth(parent, seen);
  };
  return rows.map((_, i) => ({ i, d: depth(i) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.i);
}

function start(run: RunContext) {
  const orgs = new OrgDirectory(run);
  const places = new PlaceDirectory(run);

  /** The place a unit is tied to, looked for within its parent's place; created there if missing and allowed. */
  function placeOf(name: string, level: OrgLevel, parent: UnitEntry, problems: RowProblems): string | null {
    const fail = (message: string) => {
      problems.add('place', message);
      return null;
    };
    const kind: PlaceKind | null = placeOfLevel[level];
    if (!kind) return fail(`${orgLevels[level]}不关联地点`);
    const scope = places.get(parent.placeId);
    const found = scope ? places.within(scope.id, kind, name) : places.ofKind(kind, name);
    if (found.length === 1) return found[0]!.id;
    if (found.length > 1) return fail(`有 ${found.length} 个名为“${name}”的${placeKinds[kind]}，请先在组织架构中关联`);
    const canCreate = run.options.createMissing && (kind === 'community' || (scope && placeChildKind[scope.kind] === kind));
    if (canCreate) return places.createMissing(kind, name, scope).id;
    return fail(`${placeKinds[kind]}“${name}”还没有登记${scope ? `（在${scope.name}中）` : ''}：请先导入地点，或选择“自动新增缺少的组织和地点”`);
  }

  return {
    toRecord(v: RowValues, problems: RowProblems): OrgRow | null {
      const fail = (field: string, message: string) => {
        problems.add(field, message);
        return null;
      };
      const name = valueText(v.name);
      const parentName = valueText(v.parent);
      if (!parentName) return fail('parent', '请填写上级组织');
      const found = orgs.find(parentName, null);
      if ('problem' in found) return fail('parent', found.problem);
      if (!('entry' in found)) return fail('parent', `上级组织“${parentName}”不在组织架构中，也不在本文件中`);
      const parent = found.entry;
      const level = (v.level as OrgLevel | null) ?? levelOfKind(valueText(v.kind)) ?? childLevel[parent.level];
      if (!level) return fail('level', `${orgLevels[parent.level]}下面不能再建立组织`);
      const kind = valueText(v.kind) ?? kindFromName(name ?? '', level);
      const placeName = valueText(v.place);
      const placeId = placeName ? placeOf(placeName, level, parent, problems) : null;
      const parsed = OrgInput.safeParse({ parentId: parent.id, level, kind, name, placeId, establishedOn: v.establishedOn });
      if (!parsed.success) problems.addZod(parsed.error, { parentId: 'parent', placeId: 'place' });
      const parentProblem = unitParentProblem(parent, level);
      if (parentProblem) problems.add(v.level ? 'level' : 'parent', parentProblem);
      const kindProblem = unitKindProblem(level, kind);
      if (kindProblem) problems.add('kind', kindProblem);
      return parsed.success && !problems.count ? { ...parsed.data, parent, kind, level } : null;
    },
    keyOf: (r: OrgRow) => `${r.parent.id}|${wordKey(r.name)}`,
    existingId(r: OrgRow) {
      const found = orgs.child(r.parent.id, r.name);
      return found && !found.fresh ? found.id : null;
    },
    save(r: OrgRow, existingId: string | null) {
      const fields = { parentId: r.parent.id, level: r.level, kind: r.kind, name: r.name, placeId: r.placeId, establishedOn: r.establishedOn };
      if (!existingId) return void orgs.create(fields);
      const before = getOrg(run.db, existingId)!;
      if (before.level !== r.level) {
        throw new DomainError('CONFLICT', '', undefined, [{ path: 'level', message: `${before.name}已登记为${orgLevels[before.level]}，导入不改变组织层级` }]);
      }
      if (!run.write) return;
      const keep = <K extends 'kind' | 'placeId' | 'establishedOn'>(k: K, column: string) => (run.mapped.has(column) ? r[k] : before[k]);
      const after = { name: before.name, kind: keep('kind', 'kind'), placeId: keep('placeId', 'place'), establishedOn: keep('establishedOn', 'establishedOn') };
      updateOrg(run.db, existingId, after, run.operator);
      run.audit({ action: 'import_update', entity: 'org', entityId: existingId, before, after: { ...before, ...after, importId: run.importId } });
    },
    preview(r: OrgRow) {
      const place = places.get(r.placeId);
      return {
        name: r.name,
        parent: r.parent.fresh ? `${r.parent.name}（新建）` : r.parent.name,
        level: orgLevels[r.level],
        kind: r.kind,
        place: place ? (place.fresh ? `${place.name}（新建）` : place.name) : '',
        establishedOn: r.establishedOn ?? '',
      };
    },
    extras: () => [...orgs.extras, ...places.extras],
  };
}

export const orgsRegister = defineRegister<OrgRow>({
  key: 'party.orgs',
  title: '党组织架构',
  description: '每行一个党组织及其上级组织；上级可以是已有的组织，也可以是本文件中的另一行',
  fields,
  keyFields: ['name'],
  order: parentsFirst,
  start,
});
