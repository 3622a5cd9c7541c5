import { insertCareHousehold, insertVisit } from '../../db/requests/care';
import type { Db } from '../../db/open';
import { DEFAULT_REQUEST_SETTINGS } from '../../main/api/requests/rules';
import { chineseName, idNumber, mobile, pick, rng } from './people';
import { addDays, int, type CommunityPlan } from './seed-plan';

/**
 * 重点关爱户 (issue 16): about one household in sixty of each community's buildings, red, yellow or green, most paired
 * with a member of the building's register, visited on their colour's interval for up to two years — most on time,
 * one in eight now past it (今日待办). Its own random stream (rng), so the data seeded before it is unchanged.
 */

const KINDS: [category: string, colour: 'red' | 'yellow' | 'green', situation: string][] = [
  ['elderly_alone', 'red', '独居，行动不便'],
  ['elderly_childless', 'red', '孤寡老人，无子女照顾'],
  ['empty_nest', 'yellow', '子女在外地工作'],
  ['disabled', 'yellow', '肢体残疾，需轮椅出行'],
  ['hardship', 'yellow', '低保家庭'],
  ['left_behind_child', 'green', '父母在外务工，随祖辈生活'],
  ['seriously_ill', 'red', '长期透析治疗'],
];
const VISITS = ['上门问候，了解身体状况', '送米面油', '检查燃气和用电安全', '陪同就医复查', '帮助代缴水电费', '协助申请临时救助'];

export function writeCare(db: Db, seed: number, tree: CommunityPlan[], today: string, operator: string): number {
  const r = rng(seed);
  let households = 0;
  for (const c of tree) {
    for (const b of c.estates.flatMap((e) => e.buildings)) {
      for (let k = Math.round(b.households / 60); k > 0; k--) {
        const [category, colour, situation] = pick(r, KINDS);
        const registeredOn = addDays(today, -int(r, 20, 730));
        const member = b.members.find((m) => m.lifecycle === 'active' && r() < 0.8) ?? null;
        const id = insertCareHousehold(db, {
          buildingId: b.id, room: `${int(r, 1, Math.max(1, b.units))}单元${int(r, 1, 6)}0${int(r, 1, 4)}`, category, colour,
          personName: chineseName(r), personPhone: r() < 0.8 ? mobile(r) : null, idNumber: r() < 0.6 ? idNumber('130104', addDays('1940-01-01', int(r, 0, 9000)), int(r, 1, 999), 'female') : null,
          situation, memberId: member?.id ?? null, registeredOn,
        }, operator);
        households++;
        const every = DEFAULT_REQUEST_SETTINGS.careVisitDays[colour];
        // One in eight has fallen behind: its visits stop a little more than one interval ago.
        const last = r() < 0.125 ? addDays(today, -every - int(r, 1, every)) : today;
        for (let day = addDays(registeredOn, int(r, 0, every)); day <= last; day = addDays(day, int(r, Math.ceil(every / 2), every))) {
          insertVisit(db, id, { visitedOn: day, visitorMemberId: member?.id ?? null, visitorName: member?.name ?? '网格员', content: pick(r, VISITS), followUp: null }, null, operator);
        }
      }
    }
  }
  return households;
}
