import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { InputOf, OutputOf } from '../../../main/api/common/channel';
import type { Contract } from './contract';
import { ApiError, api } from './client';

type Channel = keyof Contract & string;

const call = <K extends Channel>(channel: K, input: InputOf<Contract[K]>): Promise<OutputOf<Contract[K]>> => {
  const [mod, verb] = channel.split('.') as [string, string];
  const fn = (api as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>)[mod]![verb]!;
  return fn(input) as Promise<OutputOf<Contract[K]>>;
};

/** Server state keyed by channel + input, so every screen showing the same data shares one cache entry. */
export function useApiQuery<K extends Channel>(
  channel: K,
  input: InputOf<Contract[K]>,
  options: Omit<UseQueryOptions<OutputOf<Contract[K]>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<Contract[K]>, ApiError>({
    queryKey: [channel, input],
    queryFn: () => call(channel, input),
    ...options,
  });
}

/**
 * A write. On success every cached read of the same module is refreshed (writes are rare and reads cheap,
 * so precision here would only buy stale screens). Unexpected errors are shown as a notification;
 * validation errors are left to the form that shows them beside the fields.
 */
export function useApiMutation<K extends Channel>(channel: K, options: { quiet?: boolean } = {}) {
  const client = useQueryClient();
  const mod = channel.split('.')[0]!;
  return useMutation<OutputOf<Contract[K]>, ApiError, InputOf<Contract[K]>>({
    mutationFn: (input) => call(channel, input),
    // Not returned: a returned promise would hold the save (and its drawer) until every open list of the module had
    // been read again — over a second at street scale for 登记工时. The lists refresh behind the closed drawer.
    onSuccess: () => {
      void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith(`${mod}.`) || String(q.queryKey[0]).startsWith('system.') });
    },
    onError: (err) => {
      // `quiet`: the caller shows the refusal itself, beside the action that caused it.
      if (err.body?.code !== 'VALIDATION' && !options.quiet) {
        notifications.show({ color: 'red', title: '没有保存', message: err.message, autoClose: 8000 });
      }
    },
  });
}

/** The signed-in account's role (undefined until the status has come, or when no one is signed in). */
export const useRole = () => useApiQuery('system.getStatus', {}).data?.account?.role;

export { call as callApi };
