import type { Scheme } from '../../../../main/api/fund/split';

/**
 * The households of a new campaign as typed, one a line, separated by spaces (a sheet's columns pasted in come
 * separated by tabs, which count as spaces). The columns follow the scheme (`householdColumns`): the area where the
 * scheme needs it (optional under 按户均摊), the floor for 楼层系数 × 面积, the 份额 for 自定义. Areas and 份额 go
 * to the core in hundredths.
 */
export interface TypedHousehold {
  room: string;
  ownerName: string;
  areaHundredths: number | null;
  floor: number | null;
  weightHundredths: number | null;
}

type Column = 'area' | 'floor' | 'weight';

/** After 房号 and 姓名: the columns each scheme reads, and whether the last may be left out. */
export const householdColumns: Record<Scheme, { columns: Column[]; lastOptional: boolean }> = {
  equal: { columns: ['area'], lastOptional: true },
  area: { columns: ['area'], lastOptional: false },
  floor_area: { columns: ['area', 'floor'], lastOptional: false },
  custom: { columns: ['weight'], lastOptional: false },
};

const hundredths = (s: string): number => (/^\d+(\.\d{1,2})?$/.test(s) ? Math.round(Number(s) * 100) : NaN);
const wholeFloor = (s: string): number => (/^\d{1,3}$/.test(s) && Number(s) >= 1 ? Number(s) : NaN);

export function parseHouseholds(text: string, scheme: Scheme): { households: TypedHousehold[]; badLines: number[] } {
  const { columns, lastOptional } = householdColumns[scheme];
  const households: TypedHousehold[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) return;
    const [room, ownerName, ...rest] = parts;
    const fits = rest.length === columns.length || (lastOptional && rest.length === columns.length - 1);
    const value = (c: Column): number | null => {
      const at = columns.indexOf(c);
      const s = at < 0 ? undefined : rest[at];
      if (s === undefined) return null;
      return c === 'floor' ? wholeFloor(s) : hundredths(s);
    };
    const h = { room: room ?? '', ownerName: ownerName ?? '', areaHundredths: value('area'), floor: value('floor'), weightHundredths: value('weight') };
    if (!ownerName || !fits || [h.areaHundredths, h.floor, h.weightHundredths].some((v) => Number.isNaN(v))) badLines.push(i + 1);
    else households.push(h);
  });
  return { households, badLines };
}
