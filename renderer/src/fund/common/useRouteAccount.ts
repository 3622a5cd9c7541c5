import { useApiQuery } from '../../api/queries';
import { setParams, useRoute } from '../../app/router';

/**
 * The account a fund page shows: the route's `?account=`, or the only account there is. `set` changes the route's
 * parameters (choosing an account, a month…), so a page reloaded or linked to shows the same thing.
 */
export function useRouteAccount() {
  const route = useRoute();
  const accounts = useApiQuery('fund.listAccounts', {});
  const only = accounts.data?.length === 1 ? accounts.data[0]!.id : null;
  const set = (changes: Record<string, string | null>) => setParams(route, changes);
  return { route, set, accounts, accountId: route.params.get('account') ?? only };
}
