import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { SpaceWait } from "../../../src/jobs/space-wait.js";

const full = () => Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" });

/** Resolves when `check` holds, polling the event loop (the waits here are a few milliseconds). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 2_000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  assert.ok(check(), "gave up waiting");
}

describe("SpaceWait", () => {
  it("tries again while the disk is full, says so once, and says when it could go on", async () => {
    const log: string[] = [];
    let tries = 0;
    const wait = new SpaceWait(
      async () => {
        tries++;
        if (tries < 3) throw full();
      },
      1,
      (message) => log.push(message),
      (error) => assert.fail(String(error)),
    );
    wait.wait();
    wait.wait(); // once, however often it is asked
    assert.ok(wait.waiting);
    await until(() => tries === 3 && !wait.waiting);
    assert.equal(log.length, 2, log.join("\n"));
    assert.match(log[0]!, /the server's disk is full; checks wait for space/);
    assert.match(log[1]!, /there is space again/);
  });

  it("hands any other failure of the retry to onError, and stops waiting", async () => {
    const errors: unknown[] = [];
    const wait = new SpaceWait(
      async () => {
        throw new Error("the store went away");
      },
      1,
      () => {},
      (error) => errors.push(error),
    );
    wait.wait();
    await until(() => errors.length === 1);
    assert.equal(wait.waiting, false);
  });

  it("a retry that meets the full disk again (calling wait itself) stays waiting, without saying it again", async () => {
    const log: string[] = [];
    let tries = 0;
    const wait: SpaceWait = new SpaceWait(
      async () => {
        tries++;
        if (tries < 2) wait.wait();
      },
      1,
      (message) => log.push(message),
      (error) => assert.fail(String(error)),
    );
    wait.wait();
    await until(() => tries === 2 && !wait.waiting);
    assert.equal(log.length, 2, log.join("\n"));
  });

  it("once stopped, never tries again", async () => {
    let tries = 0;
    const wait = new SpaceWait(
      async () => void tries++,
      1,
      () => {},
      () => {},
    );
    wait.wait();
    wait.stop();
    wait.wait();
    assert.equal(wait.waiting, false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(tries, 0);
  });
});
