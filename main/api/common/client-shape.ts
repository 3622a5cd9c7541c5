import type { ChannelMap, InputOf, OutputOf } from './channel';

export type ModuleOf<K> = K extends `${infer P}.${string}` ? P : never;
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

/**
 * The same object for a client that has no list of names (the window, which loads no contract): the channel is the
 * path read, `api.party.listMembers` calling `party.listMembers`; the type allows only the contract's channels, and
 * the core answers any other with UNKNOWN_CHANNEL.
 */
export function proxyApi<M extends ChannelMap>(invoke: (channel: string, input: unknown) => Promise<unknown>): ApiShape<M> {
  const verbs = (mod: string) => new Proxy({}, { get: (_, verb) => (typeof verb === 'string' ? (input: unknown) => invoke(`${mod}.${verb}`, input) : undefined) });
  const mods = new Map<string, object>();
  return new Proxy({}, { get: (_, mod) => (typeof mod === 'string' ? mods.get(mod) ?? mods.set(mod, verbs(mod)).get(mod) : undefined) }) as ApiShape<M>;
}
