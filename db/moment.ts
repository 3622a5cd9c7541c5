import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The moment a piece of work happens at: one instant and one calendar day for a whole request, so every row a
 * write touches carries the same `updated_at` and every date rule agrees with every other. The core opens a
 * moment for each request (main/api/router.ts) and for its own work (migrations, backups) from its clock
 * (main/clock.ts); repositories read it here. Reading the time outside a moment is a bug, so it throws.
 */
export interface Moment {
  /** The instant, ISO-8601 UTC (what `created_at`/`updated_at` store). */
  at: string;
  /** The installation's calendar day at that instant, YYYY-MM-DD. */
  today: string;
}

const scope = new AsyncLocalStorage<Moment>();

export function withMoment<T>(m: Moment, work: () => T): T {
  return scope.run(m, work);
}

export function currentMoment(): Moment {
  const m = scope.getStore();
  if (!m) throw new Error('no moment: time is read inside a request or a core task (withMoment), never from the machine clock');
  return m;
}

/** The current moment's instant, for `created_at`/`updated_at`. */
export const nowIso = (): string => currentMoment().at;
