// PostgreSQL's LISTEN/NOTIFY as a wake-up: a process that follows a table (the job event log) is told
// when rows were added, instead of looking every few hundred milliseconds. The table stays the truth: a
// notification carries nothing, and one lost with a dropped connection is made up by a slow look.
import { sql } from "kysely";
import pg from "pg";
import type { PostgresStore } from "../db.js";

/** Wakes the listeners of `channel` (sent when the current statement's transaction commits). */
export async function notify(store: PostgresStore, channel: string): Promise<void> {
  await sql`select pg_notify(${channel}, '')`.execute(store.db);
}

/**
 * Calls `wake` on each notification of `channel`, on a connection of its own (reconnected every second
 * after it drops, with a wake-up on reconnection for what was missed). Resolves, once listening, with the
 * way to stop.
 */
export async function listen(store: PostgresStore, channel: string, wake: () => void): Promise<() => Promise<void>> {
  if (!/^\w+$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: store.url, application_name: "verity-events" });
    c.on("notification", () => wake());
    c.on("error", () => {}); // followed by "end"
    c.on("end", () => {
      if (stopped || client !== c) return;
      client = null;
      reconnect();
    });
    await c.connect();
    await c.query(`LISTEN ${channel}`);
    client = c;
  };
  const reconnect = () => {
    retry = setTimeout(() => {
      retry = null;
      if (stopped) return;
      connect().then(wake, reconnect);
    }, 1000);
    retry.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => {});
  };
}
