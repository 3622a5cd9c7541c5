import { createHash, randomBytes } from 'node:crypto';

/**
 * Who is signed in, in the core's memory only: a session per sign-in, named by a random token the transport
 * carries with every request (browser mode: a header; Electron: an argument of each IPC call). Signing out and
 * disabling or resetting an account end sessions; a restart ends them all, since nothing here is written down.
 * Tokens are kept by their SHA-256, so the map's lookup works on a digest rather than the secret itself.
 *
 * The lock does not end a session: it is kept **locked** (refused on every channel) until a sign-in ends it — the
 * same account's (unlocking) or another's (switching account) — so a window opened afresh shows whose screen is
 * locked (main/core.ts; docs/architecture.md, "The lock"). The core closes an encrypted data file when no session
 * is left active.
 */
export interface Sessions {
  open(account: { id: string; name: string }): string;
  /** The account an active token stands for, or null (unknown, ended, locked). */
  accountOf(token: string | undefined): string | null;
  isLocked(token: string | undefined): boolean;
  /** Keeps the session, refused until a sign-in ends it. */
  lock(token: string): void;
  /** The account of the most recently locked session (the name is kept here: the data may be closed). */
  lockedAccount(): { id: string; name: string } | null;
  /** Ends every locked session, for a sign-in: whose they were, to be audited. */
  endLocked(): { id: string; name: string }[];
  /** How many sessions are signed in and not locked. */
  activeCount(): number;
  end(token: string): void;
  /** Ends every session of an account (disabled, password reset), except `keep`. */
  endAccount(accountId: string, keep?: string): void;
  clear(): void;
}

interface Session {
  account: { id: string; name: string };
  /** Order of locking (0: active), so the most recent lock is the one a new window shows. */
  lockedSeq: number;
}

const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createSessions(): Sessions {
  const sessions = new Map<string, Session>();
  let locks = 0;
  const of = (token: string | undefined) => (token ? sessions.get(digest(token)) : undefined);
  const locked = () => [...sessions.entries()].filter(([, s]) => s.lockedSeq > 0);
  return {
    open(account) {
      const token = randomBytes(32).toString('base64url');
      sessions.set(digest(token), { account: { id: account.id, name: account.name }, lockedSeq: 0 });
      return token;
    },
    accountOf: (token) => {
      const s = of(token);
      return s && s.lockedSeq === 0 ? s.account.id : null;
    },
    isLocked: (token) => (of(token)?.lockedSeq ?? 0) > 0,
    lock(token) {
      const s = of(token);
      if (s) s.lockedSeq = ++locks;
    },
    lockedAccount: () => locked().sort(([, a], [, b]) => b.lockedSeq - a.lockedSeq)[0]?.[1].account ?? null,
    endLocked() {
      const ended = locked();
      for (const [key] of ended) sessions.delete(key);
      return ended.map(([, s]) => s.account);
    },
    activeCount: () => [...sessions.values()].filter((s) => s.lockedSeq === 0).length,
    end: (token) => void sessions.delete(digest(token)),
    endAccount(accountId, keep) {
      const kept = keep ? digest(keep) : null;
      for (const [key, s] of sessions) if (s.account.id === accountId && key !== kept) sessions.delete(key);
    },
    clear: () => sessions.clear(),
  };
}
