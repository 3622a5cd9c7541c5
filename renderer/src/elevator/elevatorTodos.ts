import { useApiQuery } from '../api/queries';
import type { TodoSection } from '../app/module';
import { href } from '../app/router';
import { elev } from '../i18n/elevator';

const h = elev.home;

/** The elevator register's part of "今日待办": maintenance overdue, inspections due, slow rescues this year — each linking to its list. */
export function useElevatorTodos(): TodoSection[] {
  const todos = useApiQuery('elevator.getTodos', {});
  const t = todos.data;
  const items = !t ? [] : [
    t.maintenanceOverdue > 0 && { key: 'overdue', label: h.overdue(t.maintenanceOverdue), detail: h.overdueDetail, href: href('/elevator/register', { warning: 'maintenance_overdue' }) },
    t.inspectionDue > 0 && { key: 'inspection', label: h.inspection(t.inspectionDue, t.inspectionWarnDays), detail: h.inspectionDetail, href: href('/elevator/register', { warning: 'inspection_due' }) },
    t.slowRescues > 0 && { key: 'slow', label: h.slow(t.slowRescues, t.limitMinutes), detail: h.slowDetail, href: href('/elevator/faults', { slow: '1' }) },
  ].filter((i) => i !== false);
  return [{ key: 'elevator', title: h.title, loading: todos.isPending, error: todos.error?.message, items }];
}
