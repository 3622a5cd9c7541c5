import type { CareView } from '../types';

/** Where a household lives, as the list and the drawer show it: 西里社区 阳光小区3号楼 2单元302. */
export const careAddress = (h: CareView): string => `${h.communityName} ${h.estateName}${h.buildingName}${h.room ? ` ${h.room}` : ''}`;
