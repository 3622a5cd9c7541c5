import { insertPlace, listPlaces, type PlaceFields, type PlaceKind } from '../../../../db/party/places';
import type { RunContext } from '../../import/register';
import { wordKey } from '../../import/values';
import { placeKinds } from '../labels';

/** Places (社区 → 小区 → 楼栋) as an import sees them: found by name within their parent, plus those it creates. */

export interface PlaceEntry {
  id: string;
  kind: PlaceKind;
  parentId: string | null;
  name: string;
  /** Created (or, while checking, to be created) by this import. */
  fresh: boolean;
}

const siblingKey = (parentId: string | null, name: string) => `${parentId ?? ''}|${wordKey(name)}`;

export class PlaceDirectory {
  private readonly byParent = new Map<string, PlaceEntry>();
  private readonly byId = new Map<string, PlaceEntry>();
  readonly extras: string[] = [];
  private planned = 0;

  constructor(private readonly run: RunContext) {
    for (const p of listPlaces(run.db)) this.index({ ...p, fresh: false });
  }

  private index(p: PlaceEntry) {
    this.byId.set(p.id, p);
    this.byParent.set(siblingKey(p.parentId, p.name), p);
  }

  get(id: string | null): PlaceEntry | undefined {
    return id ? this.byId.get(id) : undefined;
  }

  child(parentId: string | null, name: string): PlaceEntry | undefined {
    return this.byParent.get(siblingKey(parentId, name));
  }

  /** Places of a kind, optionally only those with a name (a building "3号楼" exists in many estates). */
  ofKind(kind: PlaceKind, name?: string): PlaceEntry[] {
    const key = name === undefined ? null : wordKey(name);
    return [...this.byId.values()].filter((p) => p.kind === kind && (key === null || wordKey(p.name) === key));
  }

  /** Descendants of a place (itself included) of a kind with a name: an estate's "3号楼", a community's estates. */
  within(ancestorId: string, kind: PlaceKind, name: string): PlaceEntry[] {
    return this.ofKind(kind, name).filter((p) => {
      for (let at: PlaceEntry | undefined = p; at; at = this.get(at.parentId)) if (at.id === ancestorId) return true;
      return false;
    });
  }

  /** Creates a place when committing (audited with the import as a whole); while checking, only remembers it. */
  create(fields: PlaceFields): PlaceEntry {
    const id = this.run.write ? insertPlace(this.run.db, fields, this.run.operator) : `planned-place-${++this.planned}`;
    const entry: PlaceEntry = { id, kind: fields.kind, parentId: fields.parentId, name: fields.name, fresh: true };
    this.index(entry);
    return entry;
  }

  /** A place a row names but the register lacks (the "create missing" option), noted for the summary. */
  createMissing(kind: PlaceKind, name: string, parent: PlaceEntry | undefined): PlaceEntry {
    this.extras.push(`新建${placeKinds[kind]}“${name}”${parent ? `（${parent.name}）` : ''}`);
    return this.create({ kind, parentId: parent?.id ?? null, name, code: null, unitCount: null, households: null, note: null });
  }
}
