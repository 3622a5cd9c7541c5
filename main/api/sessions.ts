import { createHash, randomBytes } from 'node:crypto';

/**
 * Who is signed in, in the core's memory only: a session per sign-in, named by a random token the transport
 * carries with every request (browser mode: a header; Electron: an argument of each IPC call). Signing out, the lock
 * and disabling or resetting an account end sessions; a restart ends them all, since nothing here is written down.
 * Tokens are kept by their SHA-256, so the map's lookup works on a digest rather than the secret itself.
 */
export interface Sessions {
  open(accountId: string): string;
  /** The account a token stands for, or null (unknown, ended). */
  accountOf(token: string | undefined): string | null;
  end(token: string): void;
  /** Ends every session of an account (disabled, password reset), except `keep`. */
  endAccount(accountId: string, keep?: string): void;
  clear(): void;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createSessions(): Sessions {
  const accounts = new Map<string, string>();
  return {
    open(accountId) {
      const token = randomBytes(32).toString('base64url');
      accounts.set(digest(token), accountId);
      return token;
    },
    accountOf: (token) => (token ? (accounts.get(digest(token)) ?? null) : null),
    end: (token) => void accounts.delete(digest(token)),
    endAccount(accountId, keep) {
      const kept = keep ? digest(keep) : null;
      for (const [key, id] of accounts) if (id === accountId && key !== kept) accounts.delete(key);
    },
    clear: () => accounts.clear(),
  };
}
