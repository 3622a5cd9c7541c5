/**
 * Requests run side by side; work that replaces the database (a restore) runs alone. It waits for the requests
 * already running — a backup or an export between two awaits would otherwise meet a closed connection — and
 * requests arriving meanwhile wait for it instead.
 */
export function requestGate() {
  let alone: Promise<unknown> | null = null;
  const running = new Set<Promise<unknown>>();
  const noneAlone = async () => {
    while (alone) await alone.catch(() => undefined);
  };
  return {
    async shared<T>(work: () => Promise<T>): Promise<T> {
      await noneAlone();
      const run = work();
      running.add(run);
      try {
        return await run;
      } finally {
        running.delete(run);
      }
    },
    async alone<T>(work: () => Promise<T>): Promise<T> {
      await noneAlone();
      const run = (async () => {
        await Promise.allSettled([...running]);
        return work();
      })();
      alone = run;
      try {
        return await run;
      } finally {
        alone = null;
      }
    },
  };
}
