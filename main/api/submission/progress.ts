/**
 * Progress of a long export or package import, by phase, for the progress bar. The client names the job (a
 * random id) when it starts it and asks `submission.getProgress` while it runs; the job lets the event loop
 * through between phases (an export also every few thousand rows), so the question is answered mid-way.
 */

export interface Progress {
  step: number;
  total: number;
  /** The phase under way, in Chinese: 写入台账：党员花名册. */
  label: string;
  /** Rows written in the current phase, when it writes rows. */
  rows: number;
  done: boolean;
}

// Job ages are measured on the monotonic timer: they are durations, not dates (main/clock.ts is for dates).
const KEEP_MS = 10 * 60_000;
const jobs = new Map<string, Progress & { at: number }>();

export interface Reporter {
  phase(label: string): Promise<void>;
  rows(n: number): void;
  /** The number of phases, once the job knows it (an import learns its tables from the package's manifest). */
  steps(total: number): void;
  finish(): void;
}

const quiet: Reporter = { phase: async () => undefined, rows: () => undefined, steps: () => undefined, finish: () => undefined };

export function reporter(jobId: string | null | undefined, total: number): Reporter {
  if (!jobId) return quiet;
  const now = performance.now();
  for (const [id, p] of jobs) if (now - p.at > KEEP_MS) jobs.delete(id);
  const state = { step: 0, total, label: '准备中', rows: 0, done: false, at: now };
  jobs.set(jobId, state);
  return {
    async phase(label) {
      Object.assign(state, { step: Math.min(state.step + 1, state.total), label, rows: 0, at: performance.now() });
      await new Promise((resolve) => setImmediate(resolve));
    },
    rows(n) {
      state.rows = n;
    },
    steps(n) {
      state.total = n;
    },
    finish() {
      Object.assign(state, { step: state.total, label: '已完成', done: true, at: performance.now() });
    },
  };
}

export function getProgress(jobId: string): Progress | null {
  const p = jobs.get(jobId);
  if (!p) return null;
  const { at: _at, ...progress } = p;
  return progress;
}
