/**
 * Per-URI debounce with cancellation: each new request for a URI aborts the previous one
 * (pending or running), so only the newest version of a document is ever published.
 */
export type Job = (signal: AbortSignal) => Promise<void>;

export class Scheduler {
  private readonly pending = new Map<string, { timer?: NodeJS.Timeout; controller: AbortController }>();

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
  }

  isPending(uri: string): boolean {
    return this.pending.has(uri);
  }

  dispose(): void {
    for (const uri of [...this.pending.keys()]) this.cancel(uri);
  }
}
