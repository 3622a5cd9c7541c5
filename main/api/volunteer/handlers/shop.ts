import { newId } from '../../../../db/ids';
import type { Db } from '../../../../db/open';
import { getEntryRow } from '../../../../db/volunteer/entries';
import { appendEntry } from '../../../../db/volunteer/ledger';
import {
  changeStock,
  getItem,
  insertItem,
  insertRedemption,
  itemNameTaken,
  listItems,
  listRedemptions,
  updateItem,
  type ItemRow,
} from '../../../../db/volunteer/shop';
import { DomainError, fieldError, notFound } from '../../common/errors';
import type { Handlers } from '../../router';
import type { volunteerContract } from '../contract';
import { tenthsText } from '../tenths';
import { assertNotNegative, resolvePerson, spendable } from './common';

type C = typeof volunteerContract;

function mustItem(db: Db, id: string): ItemRow {
  const item = getItem(db, id);
  if (!item) throw notFound('兑换物品');
  return item;
}

export const shopHandlers: Pick<
  Handlers<C>,
  | 'volunteer.listItems'
  | 'volunteer.createItem'
  | 'volunteer.updateItem'
  | 'volunteer.restock'
  | 'volunteer.redeem'
  | 'volunteer.listRedemptions'
> = {
  'volunteer.listItems': ({ includeRetired }, { db }) => listItems(db, includeRetired),

  'volunteer.createItem': ({ stock, ...fields }, { db, operator, audit }) => {
    if (itemNameTaken(db, fields.name)) throw fieldError('name', `已有名为“${fields.name}”的物品`);
    const id = insertItem(db, fields, stock, operator);
    const row = mustItem(db, id);
    audit({ action: 'create', entity: 'redemption_item', entityId: id, after: row });
    return row;
  },

  'volunteer.updateItem': ({ id, retired, ...fields }, { db, operator, audit }) => {
    const before = mustItem(db, id);
    if (itemNameTaken(db, fields.name, id)) throw fieldError('name', `已有名为“${fields.name}”的物品`);
    updateItem(db, id, fields, retired ? 'retired' : 'active', operator);
    const after = mustItem(db, id);
    audit({ action: 'update', entity: 'redemption_item', entityId: id, before, after });
    return after;
  },

  'volunteer.restock': ({ id, delta, note }, { db, operator, audit }) => {
    const before = mustItem(db, id);
    if (!changeStock(db, id, delta, operator)) throw fieldError('delta', `库存只有 ${before.stock}${before.unit}，不能减少 ${-delta}${before.unit}`);
    const after = mustItem(db, id);
    audit({ action: 'restock', entity: 'redemption_item', entityId: id, before: { stock: before.stock }, after: { stock: after.stock, delta, note } });
    return after;
  },

  /**
   * Stock, ledger entry and balance in one transaction. The stock is taken first, by one conditional statement, so
   * of two redemptions of the last item exactly one gets it; a balance that would go negative undoes everything.
   */
  'volunteer.redeem': ({ person, itemId, quantity, onDate }, ctx) => {
    const taken = changeStock(ctx.db, itemId, -quantity, ctx.operator);
    const item = mustItem(ctx.db, itemId);
    if (item.status !== 'active') throw fieldError('itemId', `“${item.name}”已下架`);
    if (!taken) {
      throw new DomainError('DOMAIN', `“${item.name}”库存不足（剩 ${item.stock}${item.unit}），未兑换`, 'OUT_OF_STOCK', [
        { path: 'quantity', message: `库存只剩 ${item.stock}${item.unit}` },
      ]);
    }
    const v = resolvePerson(ctx, person, onDate, { active: true, path: 'person' });
    const points = item.price * quantity;
    const redemptionId = newId();
    const entryId = appendEntry(ctx.db, {
      volunteerId: v.id, orgId: v.orgId, onDate, category: 'redeem', amount: -points, hours: 0,
      reason: `兑换“${item.name}”${quantity}${item.unit}，${tenthsText(points)} 分`, sourceKind: 'redemption',
      sourceId: redemptionId, ruleId: null, reversesId: null,
    }, ctx.operator);
    insertRedemption(ctx.db, { id: redemptionId, itemId, volunteerId: v.id, quantity, points, entryId, onDate }, ctx.operator);
    assertNotNegative(ctx.db, v, Number(onDate.slice(0, 4)), '兑换');
    const entry = getEntryRow(ctx.db, entryId)!;
    ctx.audit({ action: 'redeem', entity: 'redemption', entityId: redemptionId, after: { item: item.name, quantity, points: tenthsText(points), person: v.name } });
    return { redemptionId, entry, balance: spendable(ctx.db, v.id, Number(onDate.slice(0, 4))), stock: item.stock };
  },

  'volunteer.listRedemptions': (input, { db }) => listRedemptions(db, input),
};
