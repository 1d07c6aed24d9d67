// The reads that order "most read", counted in memory and written in batches: a page view
// never writes to the database (issue 20: reading must never depend on writing). Counts
// are flushed every few seconds and at shutdown; a failed flush keeps them for the next.
import type { Store } from "../store/db.js";
import { SiteRepository } from "../store/site.js";

export class ReadCounts {
  private readonly site: SiteRepository;
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<number> | null = null;
  private readonly flushed = new Set<() => void>();

  constructor(
    store: Store,
    private readonly log: (message: string, error: unknown) => void = (message, error) => console.error(message, error),
  ) {
    this.site = new SiteRepository(store);
  }

  /** One read of a check; memory only. */
  count(checkId: string): void {
    this.pending.set(checkId, (this.pending.get(checkId) ?? 0) + 1);
  }

  /** Reads not yet written. */
  get unwritten(): number {
    let n = 0;
    for (const v of this.pending.values()) n += v;
    return n;
  }

  /** Called after each flush that wrote counts (the lists they order have changed). */
  onFlushed(listener: () => void): () => void {
    this.flushed.add(listener);
    return () => this.flushed.delete(listener);
  }

  /** Writes the pending counts in one transaction; on failure they stay pending (logged, never thrown). Returns the reads written. */
  flush(): Promise<number> {
    // One flush at a time; a call during one waits for it and then flushes what came since.
    const run = (this.flushing ?? Promise.resolve(0)).then(() => this.writePending());
    this.flushing = run.finally(() => {
      if (this.flushing === run) this.flushing = null;
    });
    return run;
  }

  /** Flushes every `intervalMs` (the timer keeps no process alive). */
  start(intervalMs: number): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and writes what is left. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async writePending(): Promise<number> {
    if (this.pending.size === 0) return 0;
    const batch = this.pending;
    this.pending = new Map();
    try {
      await this.site.addReads(batch);
    } catch (error) {
      // Put them back (with any counted meanwhile) for the next flush.
      for (const [id, n] of batch) this.pending.set(id, (this.pending.get(id) ?? 0) + n);
      this.log("verity: could not record read counts (kept for the next try):", error);
      return 0;
    }
    for (const listener of [...this.flushed]) listener();
    let n = 0;
    for (const v of batch.values()) n += v;
    return n;
  }
}
