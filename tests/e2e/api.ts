import type { InputOf, OutputOf } from '../../main/api/common/channel';
import type { Contract } from '../../main/api/contract';
import type { RunningApp } from './fixtures';

/**
 * Calls the running app's API as the browser does (`POST /api/<channel>` with the session token), for tests that
 * need data entered through screens they do not exercise.
 */
export async function apiCall<K extends keyof Contract & string>(
  app: RunningApp,
  channel: K,
  input: InputOf<Contract[K]>,
): Promise<OutputOf<Contract[K]>> {
  const url = new URL(app.url);
  const token = /token=([\w-]+)/.exec(url.hash)?.[1] ?? '';
  const res = await fetch(`${url.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-streetdesk-token': token },
    body: JSON.stringify(input),
  });
  const env = (await res.json()) as { ok: true; data: OutputOf<Contract[K]> } | { ok: false; error: { message: string; fields?: unknown } };
  if (!env.ok) throw new Error(`${channel}: ${env.error.message} ${JSON.stringify(env.error.fields ?? [])}`);
  return env.data;
}
