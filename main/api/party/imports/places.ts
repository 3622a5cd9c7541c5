import { getPlace, updatePlace, type PlaceKind } from '../../../../db/party/places';
import type { ImportField, RowProblems, RowValues, RunContext } from '../../import/register';
import { defineRegister } from '../../import/register';
import { wordKey } from '../../import/values';
import { placeKinds } from '../labels';
import { placeParentProblem } from '../rules';
import { PlaceInput } from '../schemas';
import { PlaceDirectory, type PlaceEntry } from './place-directory';

/**
 * 小区楼栋台账: each row names a place by its path — 社区, 小区, 楼栋 — and the deepest name given is the row's
 * place (a row with a building is a building). Its unit and household counts belong to that place.
 */

const fields = [
  { key: 'community', label: '社区', synonyms: ['社区名称', '所属社区', '所在社区'], kind: 'text', hint: '只有一个社区时可以不填' },
  { key: 'estate', label: '小区', synonyms: ['小区名称', '所属小区', '所在小区', '小区（院落）', '院落', '小区/院落'], kind: 'text' },
  { key: 'building', label: '楼栋', synonyms: ['楼栋号', '楼号', '楼栋名称', '栋号', '楼座', '楼栋（号）'], kind: 'text' },
  { key: 'code', label: '编码', synonyms: ['编号', '地点编码', '楼栋编码', '小区编码'], kind: 'text' },
  { key: 'unitCount', label: '单元数', synonyms: ['单元数量', '单元'], kind: 'integer' },
  { key: 'households', label: '户数', synonyms: ['住户数', '总户数', '户数（户）', '住户户数'], kind: 'integer' },
  { key: 'note', label: '备注', synonyms: ['说明'], kind: 'text' },
] as const satisfies readonly ImportField[];

const KINDS = ['community', 'estate', 'building'] as const;

interface PlaceRow {
  kind: PlaceKind;
  parent: PlaceEntry | undefined;
  name: string;
  code: string | null;
  unitCount: number | null;
  households: number | null;
  note: string | null;
}

const text = (v: RowValues[string] | undefined) => (v === null || v === undefined ? null : String(v));
const kindOf = (v: RowValues): PlaceKind | null => [...KINDS].reverse().find((k) => text(v[k])) ?? null;

function start(run: RunContext) {
  const places = new PlaceDirectory(run);
  const { createMissing } = run.options;

  /** A named place under its parent, or — with "create missing" — created there. */
  function ancestor(kind: PlaceKind, name: string, parent: PlaceEntry | undefined, problems: RowProblems): PlaceEntry | undefined {
    const found = places.child(parent?.id ?? null, name);
    if (found) return found;
    if (createMissing) return places.createMissing(kind, name, parent);
    problems.add(kind, `${placeKinds[kind]}“${name}”还没有登记：请核对名称，或选择“自动新增缺少的组织和地点”`);
    return undefined;
  }

  /** The community of a row that leaves it out: the estate's (if its name is unique) or the only community. */
  function impliedCommunity(v: RowValues, problems: RowProblems): PlaceEntry | undefined {
    const estates = text(v.estate) && kindOf(v) === 'building' ? places.ofKind('estate', text(v.estate)!) : [];
    if (estates.length === 1) return places.get(estates[0]!.parentId);
    const communities = places.ofKind('community');
    if (communities.length === 1) return communities[0];
    problems.add('community', '请填写所属社区');
    return undefined;
  }

  function parentOf(kind: PlaceKind, v: RowValues, problems: RowProblems): PlaceEntry | undefined {
    if (kind === 'community') return undefined;
    const communityName = text(v.community);
    const community = communityName ? ancestor('community', communityName, undefined, problems) : impliedCommunity(v, problems);
    if (kind === 'estate' || !community) return community;
    const estateName = text(v.estate);
    if (!estateName) {
      problems.add('estate', '请填写楼栋所属的小区');
      return undefined;
    }
    return ancestor('estate', estateName, community, problems);
  }

  return {
    toRecord(v: RowValues, problems: RowProblems): PlaceRow | null {
      const kind = kindOf(v);
      if (!kind) {
        problems.add(null, '请填写社区、小区或楼栋的名称');
        return null;
      }
      const parent = parentOf(kind, v, problems);
      if (problems.count) return null;
      const parsed = PlaceInput.safeParse({ ...v, kind, parentId: parent?.id ?? null, name: v[kind] });
      if (!parsed.success) {
        problems.addZod(parsed.error, { name: kind });
        return null;
      }
      const problem = placeParentProblem(kind, parent?.kind);
      if (problem) problems.add(kind, problem);
      return problems.count ? null : { ...parsed.data, kind, parent };
    },
    keyOf: (r: PlaceRow) => `${r.parent?.id ?? ''}|${wordKey(r.name)}`,
    existingId(r: PlaceRow) {
      const found = places.child(r.parent?.id ?? null, r.name);
      return found && !found.fresh ? found.id : null;
    },
    save(r: PlaceRow, existingId: string | null) {
      if (!existingId) {
        places.create({ kind: r.kind, parentId: r.parent?.id ?? null, name: r.name, code: r.code, unitCount: r.unitCount, households: r.households, note: r.note });
        return;
      }
      if (!run.write) return;
      const before = getPlace(run.db, existingId)!;
      // Columns the file does not have keep their stored values.
      const keep = <K extends 'code' | 'unitCount' | 'households' | 'note'>(k: K) => (run.mapped.has(k) ? r[k] : before[k]);
      const after = { name: before.name, code: keep('code'), unitCount: keep('unitCount'), households: keep('households'), note: keep('note') };
      updatePlace(run.db, existingId, after, run.operator);
      run.audit({ action: 'import_update', entity: 'place', entityId: existingId, before, after: { ...before, ...after, importId: run.importId } });
    },
    preview(r: PlaceRow) {
      const path: PlaceEntry[] = [];
      for (let at = r.parent; at; at = places.get(at.parentId)) path.unshift(at);
      const names = Object.fromEntries(path.map((p) => [p.kind, p.fresh ? `${p.name}（新建）` : p.name]));
      return { ...names, [r.kind]: r.name, code: r.code ?? '', unitCount: String(r.unitCount ?? ''), households: String(r.households ?? ''), note: r.note ?? '' };
    },
    extras: () => places.extras,
  };
}

export const placesRegister = defineRegister<PlaceRow>({
  key: 'party.places',
  title: '小区楼栋台账',
  description: '每行一个社区、小区或楼栋（写到哪一级就是哪一级），含单元数和户数',
  fields,
  keyFields: ['building', 'estate', 'community'],
  titleFields: ['community', 'estate', 'building'],
  // Communities first, then estates, then buildings: a row may name a place that a row further down defines.
  order: (rows) => rows.map((v, i) => ({ i, depth: KINDS.indexOf(kindOf(v) ?? 'community') })).sort((a, b) => a.depth - b.depth || a.i - b.i).map((x) => x.i),
  start,
});
