import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/party/members?org=…`): works from file:// in Electron and over HTTP alike, and keeps a
 * table's filters in the address so they survive a trip to a record and back.
 */
export interface Route {
  path: string;
  params: URLSearchParams;
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const snapshot = () => window.location.hash.replace(/^#/, '') || '/';

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, snapshot);
  const [path, query = ''] = hash.split('?');
  return { path: path || '/', params: new URLSearchParams(query) };
}

export function href(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  const qs = q.toString();
  return `#${path}${qs ? `?${qs}` : ''}`;
}

export function navigate(path: string, params: Record<string, string | number | null | undefined> = {}, replace = false): void {
  const target = href(path, params);
  if (replace) history.replaceState(null, '', target);
  else window.location.hash = target.slice(1);
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Updates some query parameters of the current route in place (filters), without a new history entry. */
export function setParams(route: Route, changes: Record<string, string | number | null | undefined>): void {
  const next: Record<string, string> = Object.fromEntries(route.params.entries());
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') delete next[k];
    else next[k] = String(v);
  }
  navigate(route.path, next, true);
}
