import { buildApi } from '../../../main/api/common/client-shape';
import { ApiError, type Envelope } from '../../../main/api/common/errors';
import { channelNames, type Api, type Contract } from '../../../main/api/contract';

type Bridge = Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>>;

const TOKEN_KEY = 'streetdesk.token';

/** Browser mode: the token arrives in the URL fragment once, is kept for the tab's session and removed from view. */
function sessionToken(): string {
  const match = /token=([\w-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + window.location.hash.replace(/[#&]?token=[\w-]+/, '') || '#/');
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

async function overHttp(channel: string, input: unknown): Promise<Envelope<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-streetdesk-token': token },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接到 StreetDesk 服务，请确认它仍在运行' } };
  }
  return (await res.json()) as Envelope<unknown>;
}

const bridge = (window as unknown as { streetdesk?: Bridge }).streetdesk;
const token = bridge ? '' : sessionToken();
export const isDesktop = !!bridge;

const transport = bridge
  ? (channel: string, input: unknown) => {
      const [mod, verb] = channel.split('.') as [string, string];
      return bridge[mod]![verb]!(input);
    }
  : overHttp;

/** The typed API: `await api.party.listMembers({ q: 'zs' })`. Failures throw ApiError with code and field messages. */
export const api: Api = buildApi<Contract>(channelNames, async (channel, input) => {
  const env = await transport(channel, input);
  if (!env.ok) throw new ApiError(env.error);
  return env.data;
});

export { ApiError };
