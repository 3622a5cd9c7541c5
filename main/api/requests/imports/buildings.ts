import type { RowProblems, RowValues, RunContext } from '../../import/register';
import { valueText, wordKey } from '../../import/values';
import { PlaceDirectory, type PlaceEntry } from '../../party/imports/place-directory';
import { EstateNames } from '../../property/imports/estate-names';

/**
 * The building a row names (社区 / 小区 / 楼栋 columns): the estate found as the property imports find it
 * (EstateNames — a name only like one is asked once for the file, the clerk judges), the building by name within it,
 * ３号楼, 3栋, 3幢 and 3# read as 3号楼. Nothing is created: a building the places register lacks is refused.
 */

const buildingKey = (name: string) => wordKey(name).replace(/(号楼|号|栋|幢|#|楼)$/, '');

export interface BuildingAt {
  building: PlaceEntry;
  estate: PlaceEntry;
}

export class BuildingNames {
  readonly places: PlaceDirectory;
  readonly estates: EstateNames;

  constructor(run: RunContext, rows: readonly RowValues[]) {
    this.places = new PlaceDirectory(run);
    this.estates = new EstateNames(this.places, run, rows, false);
  }

  resolve(v: RowValues, problems: RowProblems): BuildingAt | null {
    const name = valueText(v.building);
    if (!name) problems.add('building', '请填写楼栋');
    const estate = this.estates.resolve(v, problems);
    if (!estate || !name) return null;
    const exact = this.places.child(estate.id, name);
    if (exact?.kind === 'building') return { building: exact, estate };
    const loose = this.places.ofKind('building').filter((b) => b.parentId === estate.id && buildingKey(b.name) === buildingKey(name));
    if (loose.length === 1) return { building: loose[0]!, estate };
    problems.add('building', `${estate.name}没有“${name}”：请先在地点登记中建立这栋楼，或核对楼栋名称`);
    return null;
  }

  communityName = (at: BuildingAt) => this.places.get(at.estate.parentId)?.name ?? '';
}
