import { deleteStreetItem, insertStreetItem, listStreetItems, setStreetItemRetired, streetItemUse } from '../../../../db/elevator/checklist-items';
import type { StreetChecklistItem, StreetChecklistItemUse } from '../../../../db/elevator/types';
import type { Db } from '../../../../db/open';
import { DomainError, fieldError } from '../../common/errors';
import type { Ctx } from '../../context';
import type { Handlers } from '../../router';
import type { elevatorContract } from '../contract';
import { streetChecklistLevels } from '../labels';

type C = typeof elevatorContract;

function withUse(db: Db): StreetChecklistItemUse[] {
  const use = streetItemUse(db);
  return listStreetItems(db).map((i) => ({ ...i, inUse: use.get(i.code) ?? 0 }));
}

function mustItem(db: Db, code: string): StreetChecklistItemUse {
  const item = withUse(db).find((i) => i.code === code);
  if (!item) throw fieldError('code', '维保项目不存在');
  return item;
}

const audit = (ctx: Ctx, action: string, item: Pick<StreetChecklistItem, 'code' | 'level' | 'name'>) =>
  ctx.audit({ action, entity: 'elevator_checklist_item', entityId: item.code, after: { level: streetChecklistLevels[item.level], code: item.code, name: item.name } });

/**
 * The street's half-yearly and yearly items (TSG T5002 tables A3, A4), typed in from the printed rule: added by name
 * at the end of their table; one a record ticked is retired (no longer offered, still named on that record), and
 * only one no record has is deleted. Never renamed: the records say what was done by these names.
 */
export const checklistHandlers: Pick<
  Handlers<C>,
  'elevator.listChecklistItems' | 'elevator.listChecklistItemUse' | 'elevator.addChecklistItem' | 'elevator.retireChecklistItem' | 'elevator.deleteChecklistItem'
> = {
  'elevator.listChecklistItems': (_input, { db }) => listStreetItems(db),
  'elevator.listChecklistItemUse': (_input, { db }) => withUse(db),

  'elevator.addChecklistItem': ({ level, name }, ctx) => {
    if (listStreetItems(ctx.db).some((i) => i.level === level && i.name === name)) throw fieldError('name', `${streetChecklistLevels[level]}项目中已有“${name}”`);
    const code = insertStreetItem(ctx.db, level, name, ctx.operator);
    audit(ctx, 'create', { code, level, name });
    return withUse(ctx.db);
  },

  'elevator.retireChecklistItem': ({ code, retired }, ctx) => {
    const item = mustItem(ctx.db, code);
    setStreetItemRetired(ctx.db, code, retired);
    audit(ctx, retired ? 'retire' : 'restore', item);
    return withUse(ctx.db);
  },

  'elevator.deleteChecklistItem': ({ code }, ctx) => {
    const item = mustItem(ctx.db, code);
    if (item.inUse > 0) {
      throw new DomainError('CONFLICT', `已有 ${item.inUse} 条维保记录勾选了“${item.name}”，不能删除；可以停用，停用后新记录不再提供，原有记录保留这个项目`, 'CHECKLIST_ITEM_IN_USE');
    }
    deleteStreetItem(ctx.db, code);
    audit(ctx, 'delete', item);
    return withUse(ctx.db);
  },
};
