import { proxyApi } from '../../../main/api/common/client-shape';
import { ApiError, type Envelope } from '../../../main/api/common/errors';
import type { Api, Contract } from './contract';

type Bridge = Record<string, Record<string, (input: unknown, session?: string) => Promise<Envelope<unknown>>>>;

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

/**
 * The signed-in account's session (main/api/sessions.ts): its token, sent with every request, kept for the tab's
 * life so a reload stays signed in. Signing out, the lock and a refusal for want of a session forget it; the core
 * forgets every session when it restarts.
 */
const SESSION_KEY = 'streetdesk.session';
let session: string | null = sessionStorage.getItem(SESSION_KEY);
const sessionListeners = new Set<() => void>();

export function setSession(token: string | null): void {
  if (token === session) return;
  session = token;
  if (token) sessionStorage.setItem(SESSION_KEY, token);
  else sessionStorage.removeItem(SESSION_KEY);
  sessionListeners.forEach((l) => l());
}
export const currentSession = (): string | null => session;
export function onSessionChange(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => void sessionListeners.delete(listener);
}

async function overHttp(channel: string, input: unknown, given: string | null): Promise<Envelope<unknown>> {
  let res: Response;
  try {
    res = await fetch(`/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-streetdesk-token': token, ...(given ? { 'x-streetdesk-session': given } : {}) },
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
  ? (channel: string, input: unknown, given: string | null) => {
      const [mod, verb] = channel.split('.') as [string, string];
      return bridge[mod]![verb]!(input, given ?? undefined);
    }
  : overHttp;

/** The typed API: `await api.party.listMembers({ q: 'zs' })`. Failures throw ApiError with code and field messages. */
export const api: Api = proxyApi<Contract>(async (channel, input) => {
  const env = await transport(channel, input, session);
  // The session ended (signed out elsewhere, the account disabled, the app restarted): back to the sign-in screen.
  if (!env.ok && env.error.code === 'UNAUTHENTICATED') setSession(null);
  if (!env.ok) throw new ApiError(env.error);
  return env.data;
});

/** Ends a session the window has already forgotten (the lock, signing out): the core forgets it too. */
export const endSessionInCore = (token: string, reason: 'lock' | 'logout'): Promise<unknown> =>
  transport('system.signOut', { reason }, token).catch(() => undefined);

export { ApiError };
