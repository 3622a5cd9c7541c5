import { Badge } from '@mantine/core';
import { applicationStatuses } from '../../../../main/api/fund/labels';
import { fundApplications } from '../../i18n/fund-applications';
import type { Application } from './types';

const colors: Record<Application['status'], string> = {
  proposed: 'gray', noticed: 'blue', approved: 'teal', result_noticed: 'blue', closed: 'green', rejected: 'red', withdrawn: 'gray',
};

/** A step an application can take: every state but the first. */
export type Step = Exclude<Application['status'], 'proposed'>;
export const stepsOf = (a: Application): Step[] => a.nextSteps.filter((s): s is Step => s !== 'proposed');

export const StatusBadge = ({ status }: { status: Application['status'] }) => <Badge color={colors[status]} variant="light">{applicationStatuses[status]}</Badge>;

/** What the application waits for, in words (the core decides which). */
export function todoWords(a: Pick<Application, 'todo' | 'resultNoticeDueBy'>): string {
  const w = fundApplications.todo;
  switch (a.todo) {
    case null: return '';
    case 'result_notice_due': return w.result_notice_due(a.resultNoticeDueBy ?? '');
    default: return w[a.todo];
  }
}
