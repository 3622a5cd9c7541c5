import { useSyncExternalStore } from 'react';
import { currentSession, endSessionInCore, onSessionChange, setSession } from '../api/client';

/**
 * The window's side of signing in: the session's token (renderer/src/api/client.ts) and, after the lock, whose
 * screen it was — the lock ends the session in the core, so unlocking is a sign-in with that name filled in.
 */
const LOCKED_KEY = 'streetdesk.lockedAs';

export const useSession = (): string | null => useSyncExternalStore(onSessionChange, currentSession);

export const lockedAs = (): string | null => sessionStorage.getItem(LOCKED_KEY);

/**
 * The recovery code of a sign-in that has just encrypted the data (setup, or an administrator's first sign-in after
 * the upgrade): in memory only, shown once until the clerk confirms having written it down.
 */
let recoveryCode: string | null = null;
const recoveryListeners = new Set<() => void>();
const onRecoveryCode = (listener: () => void) => (recoveryListeners.add(listener), () => void recoveryListeners.delete(listener));
export const useRecoveryCode = (): string | null => useSyncExternalStore(onRecoveryCode, () => recoveryCode);
export function recoveryCodeWritten(): void {
  recoveryCode = null;
  recoveryListeners.forEach((l) => l());
}

export function signedIn(token: string, newRecoveryCode?: string): void {
  sessionStorage.removeItem(LOCKED_KEY);
  if (newRecoveryCode) recoveryCode = newRecoveryCode;
  setSession(token);
  recoveryListeners.forEach((l) => l());
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
