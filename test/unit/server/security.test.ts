// The website's per-client rate limiter, and cross-origin access.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Hono } from "hono";
import { clientAddress, crossOrigin, perClientLimiter } from "../../../src/server/security.js";

describe("perClientLimiter", () => {
  it("limits each client at the configured rate per minute", () => {
    let now = 0;
    const limiter = perClientLimiter({ burst: 1, perMinute: 6 }, () => now);
    assert.deepEqual(limiter.take("a"), { ok: true });
    assert.deepEqual(limiter.take("a"), { ok: false, retryAfter: 10 }, "6 a minute: one every 10 s");
    now = 10_000;
    assert.deepEqual(limiter.take("a"), { ok: true });
  });
});

describe("clientAddress", () => {
  const app = new Hono().get("/ip", (c) => c.text(clientAddress(c, Number(c.req.query("hops")))));
  const address = async (hops: number, forwardedFor?: string) =>
    (await app.request(`/ip?hops=${hops}`, { headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } })).text();

  it("takes the entry the trusted proxies added, counting from the right", async () => {
    assert.equal(await address(1, "6.6.6.6, 203.0.113.7"), "203.0.113.7", "the leftmost entry is the client's to write");
    assert.equal(await address(1, "203.0.113.7"), "203.0.113.7");
    assert.equal(await address(2, "6.6.6.6, 203.0.113.7, 10.0.0.2"), "203.0.113.7");
    assert.equal(await address(3, " 203.0.113.7 ,10.0.0.3,10.0.0.2"), "203.0.113.7");
    assert.equal(await address(3, "203.0.113.7, 10.0.0.2"), "203.0.113.7", "fewer entries than hops: the leftmost");
    assert.equal(await address(1, "6.6.6.6, , 203.0.113.7,"), "203.0.113.7", "empty entries are skipped");
  });

  it("ignores X-Forwarded-For without a trusted proxy", async () => {
    assert.equal(await address(0, "6.6.6.6"), "local");
    assert.equal(await address(1, ""), "local");
  });
});

describe("crossOrigin", () => {
  const app = new Hono()
    .use(crossOrigin(["https://partner.example"]))
    .get("/r", (c) => c.text("read"))
    .post("/r", (c) => c.text("sent"));
  const preflight = (origin: string, method: string) =>
    app.request("/r", { method: "OPTIONS", headers: { origin, "access-control-request-method": method } });

  it("lets any site read, without credentials", async () => {
    const res = await app.request("/r", { headers: { origin: "https://anywhere.example" } });
    assert.equal(res.headers.get("access-control-allow-origin"), "*");
    assert.equal(res.headers.get("access-control-allow-credentials"), null);
    const asked = await preflight("https://anywhere.example", "GET");
    assert.equal(asked.status, 204);
    assert.equal(asked.headers.get("access-control-allow-origin"), "*");
  });

  it("lets only the listed origins submit", async () => {
    const stranger = await preflight("https://anywhere.example", "POST");
    assert.equal(stranger.status, 204);
    assert.equal(stranger.headers.get("access-control-allow-origin"), null, "the browser refuses the post");
    assert.equal(stranger.headers.get("access-control-allow-methods"), "GET,HEAD");
    const partner = await preflight("https://partner.example", "POST");
    assert.equal(partner.headers.get("access-control-allow-origin"), "https://partner.example");
    assert.equal(partner.headers.get("access-control-allow-methods"), "GET,HEAD,POST");
    assert.match(partner.headers.get("vary") ?? "", /Origin/);
    const sent = await app.request("/r", { method: "POST", headers: { origin: "https://partner.example" } });
    assert.equal(sent.headers.get("access-control-allow-origin"), "https://partner.example");
    const refused = await app.request("/r", { method: "POST", headers: { origin: "https://anywhere.example" } });
    assert.equal(refused.headers.get("access-control-allow-origin"), null);
  });
});
