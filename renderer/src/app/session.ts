import { useSyncExternalStore } from 'react';
import { currentSession, endSessionInCore, onSessionChange, setSession } from '../api/client';

/**
 * The window's side of signing in: the session's token (renderer/src/api/client.ts) and, after the lock, whose
 * screen it was — the lock ends the session in the core, so unlocking is a sign-in with that name filled in.
 */
const LOCKED_KEY = 'streetdesk.lockedAs';

export const useSession = (): string | null => useSyncExternalStore(onSessionChange, currentSession);

export const lockedAs = (): string | null => sessionStorage.getItem(LOCKED_KEY);

/** Signed in: the token is the window's from now on (the recovery code, if one is pending, comes with the status). */
export function signedIn(token: string): void {
  sessionStorage.removeItem(LOCKED_KEY);
  setSession(token);
}

export const forgetLock = (): void => sessionStorage.removeItem(LOCKED_KEY);

/** Ends the session (`lock`: the screen is locked for `name`; otherwise a sign-out) and forgets it here. */
export async function endSession(reason: 'lock' | 'logout', name: string): Promise<void> {
  if (reason === 'lock') sessionStorage.setItem(LOCKED_KEY, name);
  else sessionStorage.removeItem(LOCKED_KEY);
  // Forgotten here first: the screen goes blank at once, whether or not the core answers.
  const token = currentSession();
  setSession(null);
  if (token) await endSessionInCore(token, reason);
}
