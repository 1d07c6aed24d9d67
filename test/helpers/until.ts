// Waiting in a test for what another part of the program makes true (a check finishing, a job's state):
// polls, and fails after a deadline that stands against hanging, never as a timing assertion.
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";

export async function until(what: string, ready: () => boolean | Promise<boolean>, limitMs = 120_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await ready())) {
    if (Date.now() > deadline) assert.fail(`gave up waiting: ${what}`);
    await sleep(20);
  }
}
