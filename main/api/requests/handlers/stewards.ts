import { getMember } from '../../../../db/party/members';
import { getPlace } from '../../../../db/party/places';
import { wallRows } from '../../../../db/requests/requests';
import { buildingCards, deleteSteward, getSteward, insertSteward, listStewards, stewardOfMember, updateSteward, type StewardFields, type StewardRow } from '../../../../db/requests/stewards';
import type { Db } from '../../../../db/open';
import { unitNameOf } from '../../../../db/settings';
import { pdfOut } from '../../../export/file-out';
import { DomainError, fieldError, notFound } from '../../common/errors';
import { maskPhone } from '../../common/identifiers';
import type { Handlers } from '../../router';
import type { requestsContract, StewardView } from '../contract';
import { CARD_TITLE, renderBuildingCards, renderProblemWall, WALL_TITLE } from '../notices-pdf';

type C = typeof requestsContract;

/** The clerk's list masks the phone like every other list; the full number is printed only on the card, if agreed. */
const view = (row: StewardRow): StewardView => ({ ...row, phone: maskPhone(row.phone) || null });

function load(db: Db, id: string): StewardView {
  const row = getSteward(db, id);
  if (!row) throw notFound('红色小管家');
  return view(row);
}

/** A member in the register (在册), not a steward already, looking after buildings only. */
function check(db: Db, f: StewardFields, stewardId: string | null) {
  const member = getMember(db, f.memberId);
  if (!member) throw fieldError('memberId', '所选党员不存在');
  if (member.lifecycle !== 'active') throw fieldError('memberId', `${member.name}已不在册，不能担任红色小管家`);
  const existing = stewardOfMember(db, f.memberId);
  if (existing && existing !== stewardId) {
    throw new DomainError('CONFLICT', `${member.name}已经是红色小管家，请在原记录中增加联系的楼栋`, 'STEWARD_EXISTS', [{ path: 'memberId', message: `${member.name}已经是红色小管家` }]);
  }
  if (new Set(f.buildingIds).size !== f.buildingIds.length) throw fieldError('buildingIds', '同一栋楼选了两次');
  for (const b of f.buildingIds) if (getPlace(db, b)?.kind !== 'building') throw fieldError('buildingIds', '只能选择楼栋');
}


export const stewardHandlers: Pick<Handlers<C>,
  'requests.listStewards' | 'requests.createSteward' | 'requests.updateSteward' | 'requests.deleteSteward' | 'requests.printBuildingCards' | 'requests.printProblemWall'
> = {
  'requests.listStewards': ({ communityId }, { db }) => listStewards(db, communityId).map(view),

  'requests.createSteward': (input, { db, operator, audit }) => {
    check(db, input, null);
    const id = insertSteward(db, input, operator);
    audit({ action: 'create', entity: 'steward', entityId: id, after: load(db, id) });
    return load(db, id);
  },

  'requests.updateSteward': ({ id, ...fields }, { db, operator, audit }) => {
    const before = getSteward(db, id);
    if (!before) throw notFound('红色小管家');
    check(db, fields, id);
    updateSteward(db, id, fields, operator);
    audit({ action: 'update', entity: 'steward', entityId: id, before: view(before), after: load(db, id) });
    return load(db, id);
  },

  'requests.deleteSteward': ({ id }, { db, audit }) => {
    const before = getSteward(db, id);
    if (!before) throw notFound('红色小管家');
    deleteSteward(db, id);
    audit({ action: 'delete', entity: 'steward', entityId: id, before: view(before) });
    return null;
  },

  /**
   * The 楼栋公示卡 of the chosen buildings. A public notice with names and (where agreed) full phones: the print is
   * audited with the buildings and how many full numbers it carried.
   */
  'requests.printBuildingCards': async ({ buildingIds }, ctx) => {
    const cards = buildingCards(ctx.db, buildingIds);
    if (cards.length === 0) throw fieldError('buildingIds', '所选楼栋不存在');
    const pdf = await renderBuildingCards(cards, { unitName: unitNameOf(ctx.db), madeOn: ctx.today });
    const fullPhones = cards.reduce((n, c) => n + c.stewards.filter((s) => s.phonePublic && s.phone).length, 0);
    ctx.db.transaction(() => ctx.audit({
      action: 'print', entity: 'building_cards', entityId: cards[0]!.buildingId,
      after: { buildings: cards.map((c) => `${c.estateName}${c.buildingName}`), stewards: cards.reduce((n, c) => n + c.stewards.length, 0), fullPhones },
    })).immediate();
    const name = cards.length === 1 ? `${cards[0]!.estateName}${cards[0]!.buildingName}` : `${cards.length}栋`;
    return pdfOut(`${CARD_TITLE.replace(' · ', '-')}-${name}.pdf`, pdf);
  },

  'requests.printProblemWall': async ({ communityId, from, to }, ctx) => {
    const community = communityId ? getPlace(ctx.db, communityId) : undefined;
    if (communityId && community?.kind !== 'community') throw fieldError('communityId', '请选择社区');
    const unit = unitNameOf(ctx.db);
    const scopeName = community?.name ?? unit;
    const pdf = await renderProblemWall(wallRows(ctx.db, { communityId, from, to }), { unitName: unit, scopeName, from, to, madeOn: ctx.today, operator: ctx.operator });
    return pdfOut(`${WALL_TITLE.replace(' · ', '-')}-${scopeName}-${from}至${to}.pdf`, pdf);
  },
};
