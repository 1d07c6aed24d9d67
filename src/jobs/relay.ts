// The relay: follows the store's event log (written by whichever process runs the checks) and
// hands each event to this process's progress bus, where the server-sent events and the page
// cache listen. A web process starts following at the log's end. The events of a worker in this
// process reached the bus when they were written, so the relay passes over them.
import type { JobEventRepository } from "../store/job-events.js";
import type { ProgressBus } from "./bus.js";
import { coalesced } from "./coalesced.js";

const BATCH = 500;

export class EventRelay {
  private cursor: Promise<number> | null = null;
  private timer: NodeJS.Timeout | null = null;
  /** Hands the events written since the last look to the bus (one look at a time, in order). */
  readonly poll = coalesced(() => this.drain());

  constructor(
    private readonly events: JobEventRepository,
    private readonly bus: ProgressBus,
    private readonly onError: (error: unknown) => void = (error) => console.error("verity events:", error),
    /** The id of this process's worker, whose events are already on the bus. */
    private readonly localOrigin: string | null = null,
  ) {}

  /** Follows the log from its end, looking every `intervalMs`. Idempotent. */
  start(intervalMs = 200): Promise<void> {
    if (!this.cursor) {
      this.cursor = this.events.lastId();
      this.timer = setInterval(() => void this.poll().catch(this.onError), intervalMs);
      this.timer.unref();
    }
    return this.cursor.then(() => {});
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async drain(): Promise<void> {
    await this.start();
    let cursor = await this.cursor!;
    for (;;) {
      const batch = await this.events.after(cursor, BATCH);
      for (const event of batch) {
        cursor = event.id;
        if (this.localOrigin !== null && event.origin === this.localOrigin) continue;
        this.bus.publish(event.checkId, event.type, event.data);
      }
      this.cursor = Promise.resolve(cursor);
      if (batch.length < BATCH) return;
    }
  }
}
