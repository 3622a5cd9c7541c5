import type { CategoryKind } from '../../../../main/api/requests/rules';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { CategoryListEditor, CategoryListsCard } from '../../components/CategoryListEditor';
import { rq } from '../../i18n/requests';

const t = rq.categories;

/**
 * The street's two lists (应受理事项、不受理事项各 7 大类 in the source): a category is added by name, retired when
 * requests have it (they keep it; 梳理 no longer offers it), and deleted only while none does.
 */
export function RequestCategoriesCard() {
  const list = useApiQuery('requests.listCategories', {});
  if (!list.data) return null;
  return (
    <CategoryListsCard title={t.title} hint={t.hint}>
      {(['accepted', 'not_accepted'] as const).map((kind) => (
        <KindList key={kind} kind={kind} rows={list.data.filter((c) => c.kind === kind)} />
      ))}
    </CategoryListsCard>
  );
}

function KindList({ kind, rows }: { kind: CategoryKind; rows: { code: string; label: string; retired: boolean; inUse: number }[] }) {
  const add = useApiMutation('requests.addCategory', { quiet: true });
  const retire = useApiMutation('requests.retireCategory');
  const remove = useApiMutation('requests.deleteCategory', { quiet: true });
  return (
    <CategoryListEditor title={t.kinds[kind]} rows={rows} words={{ ...t, newLabel: t.newLabel(t.kinds[kind]) }} adding={add.isPending}
      onAdd={(label) => add.mutateAsync({ kind, label })}
      onRetire={(code, retired) => retire.mutate({ code, retired })}
      onDelete={(code) => remove.mutateAsync({ code })} />
  );
}
