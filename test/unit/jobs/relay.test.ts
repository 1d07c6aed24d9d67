// The relay on both databases: every event appended after it started reaches the bus once, in the order of
// the log, the one committed after a later-numbered one included (as concurrent writers on PostgreSQL
// leave them), and none from before it started. On PostgreSQL an append wakes it: it passes events on
// with its own look set to an hour.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { ProgressBus } from "../../../src/jobs/bus.js";
import { EventRelay } from "../../../src/jobs/relay.js";
import { JobEventRepository } from "../../../src/store/job-events.js";
import { BACKENDS } from "../../helpers/stores.js";
import { until } from "../../helpers/until.js";
import { tempVerity } from "../../helpers/verity.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

/** The types of the events the bus got for a check. */
function received(bus: ProgressBus, checkId: string): string[] {
  const followed = bus.follow(checkId, 0, () => {});
  followed?.unsubscribe();
  return (followed?.replay ?? []).map((m) => m.type);
}

for (const backend of BACKENDS) {
  describe(`the event relay on ${backend.name}`, { skip: backend.skip }, () => {
    let v: TempVerity;
    let events: JobEventRepository;
    before(async () => {
      v = await tempVerity({ backend: backend.name });
      events = new JobEventRepository(v.store);
    });
    after(async () => v.cleanup());

    const append = (checkId: string, type: string) => events.append(checkId, type, { checkId }, new Date().toISOString());

    it(
      "is woken by an append, whoever made it",
      { skip: backend.name === "sqlite" && "SQLite has no wake-up: its relay looks every 200 ms" },
      async () => {
        const bus = new ProgressBus();
        const relay = new EventRelay(events, bus);
        await relay.start(3600_000); // its own look, once an hour: only the wake-up can bring the event
        try {
          await append("woken", "started");
          await until("the event reaches the bus", () => received(bus, "woken").length === 1);
          assert.deepEqual(received(bus, "woken"), ["started"]);
        } finally {
          await relay.stop();
        }
      },
    );

    it("passes on each event appended after it started once, the late-committed included", async () => {
      await append("before", "queued");
      const bus = new ProgressBus();
      const relay = new EventRelay(events, bus);
      await relay.start(3600_000);
      try {
        // (Last in the suite: ids written by hand leave PostgreSQL's sequence behind them.)
        const start = await events.lastId();
        // Ids start+1 … start+4 are taken; start+2 is written last, as a transaction that committed late.
        const at = new Date().toISOString();
        const write = (id: number, type: string) =>
          v.store.db.insertInto("job_events").values({ id, check_id: "c", type, data_json: "{}", origin: null, created_at: at }).execute();
        await write(start + 1, "queued");
        await write(start + 3, "stage-started");
        await write(start + 4, "stage-finished");
        await relay.poll();
        assert.deepEqual(received(bus, "c"), ["queued", "stage-started", "stage-finished"]);
        await write(start + 2, "started");
        await relay.poll();
        await relay.poll();
        assert.deepEqual(received(bus, "c"), ["queued", "stage-started", "stage-finished", "started"], "the late one once, nothing twice");
        assert.equal(
          bus.follow("before", 0, () => {}),
          null,
          "nothing from before it started",
        );
      } finally {
        await relay.stop();
      }
    });
  });
}
