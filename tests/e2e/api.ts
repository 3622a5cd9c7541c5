import type { InputOf, OutputOf } from '../../main/api/common/channel';
import type { Contract } from '../../main/api/contract';
import { accounts, type RunningApp } from './fixtures';
import * as orgs from '../orgs';

/** One session per running server (a restart ends them), signed in as the folder's administrator. */
const sessions = new Map<string, Promise<string>>();

async function post(app: RunningApp, channel: string, input: unknown, session?: string) {
  const url = new URL(app.url);
  const token = /token=([\w-]+)/.exec(url.hash)?.[1] ?? '';
  const res = await fetch(`${url.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-streetdesk-token': token, ...(session ? { 'x-streetdesk-session': session } : {}) },
    body: JSON.stringify(input),
  });
  return (await res.json()) as { ok: true; data: unknown } | { ok: false; error: { message: string; fields?: unknown } };
}

function sessionOf(app: RunningApp): Promise<string> {
  let session = sessions.get(app.url);
  if (!session) {
    const who = accounts.get(app.dataDir);
    if (!who) throw new Error(`no account for ${app.dataDir}: set it up with setUp() first`);
    session = post(app, 'system.signIn', who).then((env) => {
      if (!env.ok) throw new Error(`system.signIn: ${env.error.message}`);
      return (env.data as { token: string }).token;
    });
    sessions.set(app.url, session);
  }
  return session;
}

/**
 * Calls the running app's API as the browser does (`POST /api/<channel>` with the server's token and a signed-in
 * account's session), for tests that need data entered through screens they do not exercise.
 */
export async function apiCall<K extends keyof Contract & string>(
  app: RunningApp,
  channel: K,
  input: InputOf<Contract[K]>,
): Promise<OutputOf<Contract[K]>> {
  const env = await post(app, channel, input, await sessionOf(app));
  if (!env.ok) throw new Error(`${channel}: ${env.error.message} ${JSON.stringify(env.error.fields ?? [])}`);
  return env.data as OutputOf<Contract[K]>;
}

/** The running app's root unit and a unit by name (tests/orgs.ts). */
export const rootOrg = (app: RunningApp) => orgs.rootOrg((channel, input) => apiCall(app, channel, input));
export const orgByName = (app: RunningApp, name: string) => orgs.orgByName((channel, input) => apiCall(app, channel, input), name);
