import { elev } from '../../i18n/elevator';

/** An elevator's place in words: 阳光小区 · 3号楼 · 1单元 · 1号梯. */
export const placeOf = (e: { estateName: string; buildingName: string; unitNo: number | null; carLabel: string | null }) =>
  elev.place(e.estateName, e.buildingName, e.unitNo, e.carLabel);
