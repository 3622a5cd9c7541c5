import type { ChannelMap, InputOf, OutputOf } from './channel';

type ModuleOf<K> = K extends `${infer P}.${string}` ? P : never;
type VerbOf<K, P extends string> = K extends `${P}.${infer V}` ? V : never;

/** `{ party: { listMembers(input) } }` from `'party.listMembers'`: the typed object every client exposes. */
export type ApiShape<M extends ChannelMap> = {
  [P in ModuleOf<keyof M & string>]: {
    [K in keyof M & string as K extends `${P}.${string}` ? VerbOf<K, P> : never]: (
      input: InputOf<M[K]>,
    ) => Promise<OutputOf<M[K]>>;
  };
};

/**
 * Builds that object from the channel names and one `invoke`, for the preload bridge and the browser client. The
 * bridge's functions take the session's token as a second argument (the renderer's client passes it; its own
 * typed object does not show it).
 */
export function buildApi<M extends ChannelMap>(
  channels: readonly string[],
  invoke: (channel: string, input: unknown, session?: string) => Promise<unknown>,
): ApiShape<M> {
  const api: Record<string, Record<string, (input: unknown, session?: string) => Promise<unknown>>> = {};
  for (const channel of channels) {
    const [mod, verb] = channel.split('.') as [string, string];
    (api[mod] ??= {})[verb] = (input: unknown, session?: unknown) => invoke(channel, input, typeof session === 'string' ? session : undefined);
  }
  return api as ApiShape<M>;
}
