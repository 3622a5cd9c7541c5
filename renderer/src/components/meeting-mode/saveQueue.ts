import { nowHm } from '../../app/clock';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** `retrying`: a transient failure (the service was unreachable) that is tried again by itself. */
  | { kind: 'failed'; message: string; retrying: boolean };

const backoff = (failures: number) => Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5));

/**
 * Autosave that never lets an older full replacement land after a newer one: one save at a time, and while it
 * runs further edits only replace the value waiting behind it; the newest waiting value goes next.
 */
export class SaveQueue<T> {
  private waiting: { value: T } | null = null;
  private running: Promise<void> | null = null;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private save: (value: T) => Promise<void> = () => Promise.reject(new Error('no save function yet'));

  constructor(
    private readonly opts: {
      delay: number;
      onState: (s: SaveState) => void;
      isTransient: (err: unknown) => boolean;
    },
  ) {}

  setSaver(save: (value: T) => Promise<void>): void {
    this.save = save;
  }

  /** Something is typed but not yet stored. */
  get dirty(): boolean {
    return this.waiting !== null || this.running !== null;
  }

  push(value: T): void {
    this.waiting = { value };
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.flush(), this.opts.delay);
    if (!this.running) this.opts.onState({ kind: 'saving' });
  }

  /** Saves now what is waiting; resolves when everything pushed so far has been tried. */
  flush(): Promise<void> {
    clearTimeout(this.debounce);
    clearTimeout(this.retryTimer);
    if (!this.waiting && !this.running) return Promise.resolve();
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  dispose(): void {
    clearTimeout(this.debounce);
    clearTimeout(this.retryTimer);
  }

  private async drain(): Promise<void> {
    while (this.waiting) {
      const { value } = this.waiting;
      this.waiting = null;
      this.opts.onState({ kind: 'saving' });
      try {
        await this.save(value);
        this.failures = 0;
      } catch (err) {
        // Keep the failed value for the retry unless the user has typed something newer meanwhile.
        this.waiting ??= { value };
        this.failures++;
        const retrying = this.opts.isTransient(err);
        this.opts.onState({ kind: 'failed', message: err instanceof Error ? err.message : String(err), retrying });
        if (retrying) this.retryTimer = setTimeout(() => void this.flush(), backoff(this.failures));
        return;
      }
    }
    this.opts.onState({ kind: 'saved', at: nowHm() });
  }
}
