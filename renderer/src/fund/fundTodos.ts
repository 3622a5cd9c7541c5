import { addDays } from '../../../main/api/common/days';
import { useApiQuery } from '../api/queries';
import type { TodoSection } from '../app/module';
import { href } from '../app/router';
import { fmtMoney } from '../components/format';
import { fund } from '../i18n/fund';

const h = fund.home;

/**
 * The fund's part of "今日待办": accounts with expense drafts waiting for sign-off, and accounts whose journal has
 * gone undisclosed longer than the setting. An account's open drafts are exactly balance − available and the list
 * carries each account's disclosure status, so one list of accounts answers both without a request per account.
 */
export function useFundTodos(): TodoSection[] {
  const accounts = useApiQuery('fund.listAccounts', { status: 'active' });
  const waiting = (accounts.data ?? []).filter((a) => a.balance > a.available);
  const overdue = (accounts.data ?? []).filter((a) => a.disclosure.overdue);
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
  ];
}
