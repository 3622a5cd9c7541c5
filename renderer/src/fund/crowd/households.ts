/**
 * The households of a new campaign as typed, one a line: 房号 姓名 [面积 m²], separated by spaces (a sheet's three
 * columns pasted in come separated by tabs, which count as spaces). Areas go to the core in hundredths of a m².
 */
export interface TypedHousehold {
  room: string;
  ownerName: string;
  areaHundredths: number | null;
}

export function parseHouseholds(text: string): { households: TypedHousehold[]; badLines: number[] } {
  const households: TypedHousehold[] = [];
  const badLines: number[] = [];
  text.split('\n').forEach((line, i) => {
    const parts = line.trim().split(/\s+/).filter(Boolean);
    if (parts.length === 0) return;
    const [room, ownerName, area] = parts;
    const m2 = area === undefined ? null : /^\d+(\.\d{1,2})?$/.test(area) ? Math.round(Number(area) * 100) : NaN;
    if (!room || !ownerName || parts.length > 3 || Number.isNaN(m2)) badLines.push(i + 1);
    else households.push({ room, ownerName, areaHundredths: m2 });
  });
  return { households, badLines };
}
