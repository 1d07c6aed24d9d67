// The relay: follows the store's event log (written by whichever process runs the checks) and
// hands each event to this process's progress bus, where the server-sent events and the page
// cache listen. A web process starts following at the log's end. The events of a worker in this
// process reached the bus when they were written, so the relay passes over them.
//
// - It looks every 200 ms; on PostgreSQL each append also wakes it (LISTEN/NOTIFY), and then it looks
//   only every 5 s besides, to make up for a wake-up lost with a dropped connection.
// - It reads again the last ids before the newest it saw: on PostgreSQL an event can be numbered before
//   another and committed after it, and would otherwise be passed over. Each event reaches the bus once.
import type { JobEventRepository } from "../store/job-events.js";
import type { ProgressBus } from "./bus.js";
import { coalesced } from "./coalesced.js";

const BATCH = 500;
/** How many ids before the newest seen are read again (events committed late). */
const LOOKBACK = 50;
/** With wake-ups from the database, how often it looks anyway. */
const WOKEN_INTERVAL_MS = 5000;

type Stop = () => Promise<void>;

export class EventRelay {
  private cursor: Promise<number> | null = null;
  /** The log's end when this relay started: nothing at or before it is passed on. */
  private floor = 0;
  /** The ids passed on within LOOKBACK of the cursor. */
  private readonly seen = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private listening: Promise<Stop | null> | null = null;
  /** Hands the events written since the last look to the bus (one look at a time, in order). */
  readonly poll = coalesced(() => this.drain());

  constructor(
    private readonly events: JobEventRepository,
    private readonly bus: ProgressBus,
    private readonly onError: (error: unknown) => void = (error) => console.error("verity events:", error),
    /** The id of this process's worker, whose events are already on the bus. */
    private readonly localOrigin: string | null = null,
  ) {}

  /** Follows the log from its end, looking every `intervalMs` (and when woken). Idempotent. */
  start(intervalMs = 200): Promise<void> {
    if (!this.cursor) {
      this.cursor = this.events.lastId().then((id) => (this.floor = id));
      this.every(intervalMs);
      this.listening = this.events
        .follow(() => void this.poll().catch(this.onError))
        .then(
          (stop) => {
            if (stop && this.timer) this.every(Math.max(intervalMs, WOKEN_INTERVAL_MS));
            return stop;
          },
          (error) => {
            this.onError(error); // it goes on looking every `intervalMs`
            return null;
          },
        );
    }
    return Promise.all([this.cursor, this.listening]).then(() => {});
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const stop = await this.listening;
    this.listening = null;
    await stop?.();
  }

  private every(intervalMs: number): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = setInterval(() => void this.poll().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    await this.start();
    let cursor = await this.cursor!;
    for (;;) {
      const batch = await this.events.after(Math.max(this.floor, cursor - LOOKBACK), BATCH);
      for (const event of batch) {
        if (this.seen.has(event.id)) continue;
        this.seen.add(event.id);
        if (event.id > cursor) cursor = event.id;
        if (this.localOrigin !== null && event.origin === this.localOrigin) continue;
        this.bus.publish(event.checkId, event.type, event.data);
      }
      for (const id of this.seen) if (id <= cursor - LOOKBACK) this.seen.delete(id);
      this.cursor = Promise.resolve(cursor);
      if (batch.length < BATCH) return;
    }
  }
}
