// How long a campaign has left.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { timeLeftOf } from "../../../src/service/campaign.js";

describe("timeLeftOf", () => {
  it("says how long a campaign has left", () => {
    const now = new Date("2030-01-01T00:00:00Z");
    assert.deepEqual(timeLeftOf(null, now), { timeLeft: null, ended: false });
    assert.equal(timeLeftOf("2030-01-01", now).timeLeft, "24 hours left", "a date means the end of that day");
    assert.equal(timeLeftOf("2030-01-01T05:00:00Z", now).timeLeft, "5 hours left");
    assert.equal(timeLeftOf("2031-01-01T00:00:00Z", now).timeLeft, "365 days left");
    assert.deepEqual(timeLeftOf("2029-12-31T00:00:00Z", now), { timeLeft: "ended on 2029-12-31", ended: true });
  });
});
