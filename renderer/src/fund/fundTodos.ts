import { addDays } from '../../../main/api/common/days';
import { useApiQuery } from '../api/queries';
import type { TodoSection } from '../app/module';
import { href } from '../app/router';
import { fmtMoney } from '../components/format';
import { fund } from '../i18n/fund';
import { fundApplications } from '../i18n/fund-applications';
import { todoWords } from './applications/words';
import { fundIncome } from '../i18n/fund-income';
import { fundReconcile } from '../i18n/fund-reconcile';
import { monthWords } from './common/months';

const h = fund.home;

/**
 * The fund's part of "今日待办": accounts with expense drafts waiting for sign-off, accounts whose journal has gone
 * undisclosed longer than the setting, accounts whose month is past its day for the bank reconciliation, and
 * accounts with fee settings whose ended months have no 物业费提取 (the first such month linked). An
 * account's open drafts are exactly balance − available and the list carries each account's disclosure and
 * reconciliation status, so one list of accounts answers all three without a request per account. And the
 * maintenance-fund use applications waiting for a step (a vote to record, a notice whose period has ended, a result
 * notice owed), from one list of the open ones, each saying what it waits for.
 */
export function useFundTodos(): TodoSection[] {
  const accounts = useApiQuery('fund.listAccounts', { status: 'active' });
  const waiting = (accounts.data ?? []).filter((a) => a.balance > a.available);
  const overdue = (accounts.data ?? []).filter((a) => a.disclosure.overdue);
  const unreconciled = (accounts.data ?? []).filter((a) => a.reconciliation.overdue);
  const unallocated = (accounts.data ?? []).filter((a) => (a.allocation?.missing.length ?? 0) > 0);
  const applications = useApiQuery('fund.listApplications', { open: true });
  const waitingApplications = (applications.data ?? []).filter((a) => a.todo !== null);
  return [
    {
      key: 'fund.drafts',
      title: h.drafts,
      loading: accounts.isPending,
      error: accounts.error?.message,
      items: waiting.map((a) => ({
        key: a.id,
        label: h.draftItem(a.name, fmtMoney(a.balance - a.available)),
        detail: a.communityName,
        href: href('/fund/journal', { account: a.id }),
      })),
    },
    {
      key: 'fund.disclosures',
      title: h.disclosures,
      loading: accounts.isPending,
      error: accounts.error?.message,
      items: overdue.map((a) => ({
        key: a.id,
        label: h.disclosureItem(a.name, a.disclosure.through ? addDays(a.disclosure.through, 1) : a.openedOn),
        detail: `${a.communityName} · ${h.disclosureDetail(a.disclosure.dueBy)}`,
        href: href('/fund/journal', { account: a.id }),
      })),
    },
    {
      key: 'fund.reconciliations',
      title: fundReconcile.home.title,
      loading: accounts.isPending,
      error: accounts.error?.message,
      items: unreconciled.map((a) => ({
        key: a.id,
        label: fundReconcile.home.item(a.name, monthWords(a.reconciliation.next)),
        detail: `${a.communityName} · ${fundReconcile.home.detail(a.reconciliation.dueBy)}`,
        href: href('/fund/reconcile', { account: a.id, month: a.reconciliation.next }),
      })),
    },
    {
      key: 'fund.allocations',
      title: fundIncome.allocation.home.title,
      loading: accounts.isPending,
      error: accounts.error?.message,
      items: unallocated.map((a) => {
        const missing = a.allocation!.missing;
        return {
          key: a.id,
          label: fundIncome.allocation.home.item(a.name, monthWords(missing[0]!), missing.length),
          detail: a.communityName,
          href: href('/fund/allocation', { account: a.id, month: missing[0]! }),
        };
      }),
    },
    {
      key: 'fund.applications',
      title: fundApplications.home.title,
      loading: applications.isPending,
      error: applications.error?.message,
      items: waitingApplications.map((a) => ({
        key: a.id,
        label: fundApplications.home.item(a.accountName, a.title, todoWords(a)),
        detail: a.communityName,
        href: href('/fund/applications', { account: a.accountId, application: a.id }),
      })),
    },
  ];
}
