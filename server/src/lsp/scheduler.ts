/**
 * Per-URI debounce with cancellation: each new request for a URI aborts the previous one
 * (pending or running), so only the newest version of a document is ever published.
 */
export type Job = (signal: AbortSignal) => Promise<void>;

export class Scheduler {
  private readonly pending = new Map<string, { timer?: NodeJS.Timeout; controller: AbortController }>();
  private idleWaiters: Array<() => void> = [];

  constructor(
    private readonly delayMs: number,
    private readonly onError: (uri: string, error: unknown) => void,
  ) {}

  /** Runs `job` after the debounce delay (or at once with `delay: 0`), cancelling older work. */
  schedule(uri: string, job: Job, delay = this.delayMs): void {
    this.cancel(uri);
    const controller = new AbortController();
    const entry: { timer?: NodeJS.Timeout; controller: AbortController } = { controller };
    this.pending.set(uri, entry);
    const run = () => {
      entry.timer = undefined;
      job(controller.signal)
        .catch((error) => {
          if (!controller.signal.aborted) this.onError(uri, error);
        })
        .finally(() => {
          if (this.pending.get(uri) === entry) this.pending.delete(uri);
          this.wakeIdleWaiters();
        });
    };
    if (delay <= 0) run();
    else entry.timer = setTimeout(run, delay);
  }

  cancel(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    if (entry.timer) clearTimeout(entry.timer);
    entry.controller.abort();
    this.pending.delete(uri);
    this.wakeIdleWaiters();
  }

  /**
   * Resolves once no job is waiting or running, except background ones (keys starting with
   * NUL, such as deferred workspace runs): bulk work (the start-up index) waits on it, so that
   * what the user opens or types is analysed first.
   */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  isIdle(): boolean {
    for (const key of this.pending.keys()) if (!key.startsWith('\0')) return false;
    return true;
  }

  private wakeIdleWaiters(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }

  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }
}
