import { streetChecklistLevels } from '../../../../main/api/elevator/labels';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { CategoryListEditor, CategoryListsCard } from '../../components/CategoryListEditor';
import { elev } from '../../i18n/elevator';

const t = elev.checklist;
const { title: _title, hint: _hint, list: _list, newLabel: _newLabel, ...words } = t;

/**
 * The street's half-yearly and yearly maintenance items (TSG T5002 tables A3, A4), typed from the printed rule: each
 * with its code and how many records ticked it; retired once a record has it, deleted only while none does.
 */
export function ElevatorChecklistCard() {
  const list = useApiQuery('elevator.listChecklistItemUse', {});
  const add = useApiMutation('elevator.addChecklistItem', { quiet: true });
  const retire = useApiMutation('elevator.retireChecklistItem');
  const remove = useApiMutation('elevator.deleteChecklistItem', { quiet: true });
  if (!list.data) return null;
  return (
    <CategoryListsCard title={t.title} hint={t.hint}>
      {(['half_yearly', 'yearly'] as const).map((level) => {
        const name = streetChecklistLevels[level];
        const rows = list.data.filter((i) => i.level === level).map((i) => ({ code: i.code, label: `${i.code} ${i.name}`, retired: i.retired, inUse: i.inUse }));
        return (
          <CategoryListEditor key={level} title={t.list(name)} rows={rows} words={{ ...words, newLabel: t.newLabel(name) }} adding={add.isPending}
            onAdd={(label) => add.mutateAsync({ level, name: label })}
            onRetire={(code, retired) => retire.mutate({ code, retired })}
            onDelete={(code) => remove.mutateAsync({ code })} />
        );
      })}
    </CategoryListsCard>
  );
}
