// The progress log of check runs: workers append each run's events (queued, started, the stages,
// done or failed); web processes read what is new since the last id they saw, so live progress
// reaches a reader from whichever process runs the check. On PostgreSQL each append also wakes the
// followers (LISTEN/NOTIFY, src/store/postgres/notify.ts); the table stays the truth.
import type { Store } from "./db.js";
import { listen, notify } from "./postgres/notify.js";

const CHANNEL = "verity_job_events";

export interface JobEvent {
  /** Increasing: the position in the log. */
  id: number;
  checkId: string;
  type: string;
  data: Record<string, unknown>;
  /** The worker that wrote it (null: the queue). */
  origin: string | null;
}

export class JobEventRepository {
  constructor(private readonly store: Store) {}

  async append(checkId: string, type: string, data: Record<string, unknown>, now: string, origin: string | null = null): Promise<void> {
    await this.store.db
      .insertInto("job_events")
      .values({ check_id: checkId, type, data_json: JSON.stringify(data), origin, created_at: now })
      .execute();
    if (this.store.kind === "postgres") await notify(this.store, CHANNEL);
  }

  /**
   * Calls `wake` whenever any process appends (PostgreSQL); resolves with the way to stop, or with null
   * where the database cannot tell (SQLite: its one machine looks often).
   */
  async follow(wake: () => void): Promise<(() => Promise<void>) | null> {
    return this.store.kind === "postgres" ? listen(this.store, CHANNEL, wake) : null;
  }

  /** The events after `afterId`, oldest first. */
  async after(afterId: number, limit: number): Promise<JobEvent[]> {
    const rows = await this.store.db
      .selectFrom("job_events")
      .selectAll()
      .where("id", ">", afterId)
      .orderBy("id", "asc")
      .limit(limit)
      .execute();
    return rows.map((row) => {
      let data: Record<string, unknown> = {};
      try {
        const parsed = JSON.parse(row.data_json);
        if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) data = parsed;
      } catch {
        // a damaged entry loses its details, not its place
      }
      return { id: Number(row.id), checkId: row.check_id, type: row.type, data, origin: row.origin };
    });
  }

  /** The newest event's id (0 when the log is empty): a process that starts follows from there. */
  async lastId(): Promise<number> {
    const row = await this.store.db
      .selectFrom("job_events")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }

  /** Drops events older than `before` (the jobs' rows keep each run's stages). */
  async prune(before: string): Promise<void> {
    await this.store.db.deleteFrom("job_events").where("created_at", "<", before).execute();
  }
}
