import { permille } from '../../../../main/api/fund/split';
import type { VoteTally } from '../../../../main/api/fund/applications';
import { fmtArea, fmtInt } from '../../components/format';
import { fundApplications } from '../../i18n/fund-applications';

const v = fundApplications.vote;

/** 66.6%: tenths of a percent from integers, rounded down, as the printed notice has it. */
export const share = (part: number, whole: number): string => {
  const p = permille(part, whole);
  return `${Math.floor(p / 10)}.${p % 10}%`;
};

/** The vote in two lines, households and area, each with the share taking part and the share of them agreeing. */
export const voteLines = (x: VoteTally): [string, string] => [
  `${v.households}：${v.line(`${fmtInt(x.votedHouseholds)} 户`, share(x.votedHouseholds, x.totalHouseholds), `${fmtInt(x.agreedHouseholds)} 户`, share(x.agreedHouseholds, x.votedHouseholds))}`,
  `${v.area}：${v.line(`${fmtArea(x.votedArea)} m²`, share(x.votedArea, x.totalArea), `${fmtArea(x.agreedArea)} m²`, share(x.agreedArea, x.votedArea))}`,
];
