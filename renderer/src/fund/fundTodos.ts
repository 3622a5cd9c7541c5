import { useApiQuery } from '../api/queries';
import type { TodoSection } from '../app/module';
import { href } from '../app/router';
import { fmtMoney } from '../components/format';
import { fund } from '../i18n/fund';

const h = fund.home;

/**
 * The fund's part of "今日待办": accounts with expense drafts waiting for sign-off. An account's open drafts are
 * exactly balance − available, so one list of accounts answers it without a request per account.
 */
export function useFundTodos(): TodoSection[] {
  const accounts = useApiQuery('fund.listAccounts', { status: 'active' });
  const waiting = (accounts.data ?? []).filter((a) => a.balance > a.available);
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
  ];
}
