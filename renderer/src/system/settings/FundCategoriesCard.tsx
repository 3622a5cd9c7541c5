import { directions } from '../../../../main/api/fund/labels';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { CategoryListEditor, CategoryListsCard } from '../../components/CategoryListEditor';
import { fund } from '../../i18n/fund';
import type { Out } from '../../fund/types';

const t = fund.categories;

/**
 * 电梯维保基金's income and expense categories: added by name, retired once entries have them (still named on those
 * entries and on statements), deleted only while none does; the ones the fund posts by itself stay as they are.
 */
export function FundCategoriesCard() {
  const list = useApiQuery('fund.listCategoryUse', {});
  if (!list.data) return null;
  return (
    <CategoryListsCard title={t.title} hint={t.hint}>
      {(['income', 'expense'] as const).map((direction) => (
        <DirectionList key={direction} direction={direction} rows={list.data.filter((c) => c.direction === direction)} />
      ))}
    </CategoryListsCard>
  );
}

function DirectionList({ direction, rows }: { direction: keyof typeof directions; rows: Out<'fund.listCategoryUse'> }) {
  const add = useApiMutation('fund.addCategory', { quiet: true });
  const retire = useApiMutation('fund.retireCategory');
  const remove = useApiMutation('fund.deleteCategory', { quiet: true });
  const title = t.list(directions[direction]);
  return (
    <CategoryListEditor title={title} rows={rows.map((c) => ({ ...c, locked: c.system }))} words={{ ...t, newLabel: t.newLabel(directions[direction]) }}
      adding={add.isPending}
      onAdd={(label) => add.mutateAsync({ direction, label })}
      onRetire={(code, retired) => retire.mutate({ direction, code, retired })}
      onDelete={(code) => remove.mutateAsync({ direction, code })} />
  );
}
