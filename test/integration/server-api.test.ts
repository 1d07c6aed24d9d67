// The JSON API against the app and against a real server on 127.0.0.1: submit
// (202/200), poll, read (404), bad requests, listing with q/category/page, the OpenAPI
// document, server-sent progress events, rate limits.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Report } from "../../src/domain/report.js";
import { STAGES } from "../../src/domain/progress.js";
import { ReportJson } from "../../src/server/api/schemas.js";
import { createServer, type VerityServer } from "../../src/server/app.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { until } from "../helpers/until.js";
import { tempVerity } from "../helpers/verity.js";
import { BACKENDS } from "../helpers/stores.js";
import { gatedService, listen, readEvents } from "../helpers/website.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

const ICE = "Can local police refuse ICE detainer requests?";
const WALL = "The Great Wall of China is visible from space with the naked eye.";
const COFFEE = "Coffee causes cancer.";

function postJson(app: VerityServer, body: unknown, headers: Record<string, string> = {}) {
  return app.request("/api/checks", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", ...headers },
  });
}

async function submitAndWait(app: VerityServer, input: string): Promise<Report> {
  const res = await postJson(app, { input });
  assert.ok(res.status === 202 || res.status === 200, `status ${res.status}`);
  const json = await res.json();
  await app.queue.whenIdle();
  const report = await (await app.request(`/api/checks/${json.id}`)).json();
  assert.equal(report.status, "done", JSON.stringify(report));
  return Report.parse(report);
}

for (const backend of BACKENDS) {
  describe(`JSON API on ${backend.name}`, { skip: backend.skip }, () => {
    let v: TempVerity;
    let app: VerityServer;
    before(async () => {
      v = await tempVerity({ backend: backend.name });
      await v.library.upsertMany(LIBRARY);
      app = createServer(v, {
        pageSize: 2,
        rateLimits: { submissions: { burst: 100, perMinute: 100 }, votes: { burst: 100, perMinute: 100 } },
      });
    });
    after(async () => {
      await app.close();
      await v.cleanup();
    });

    it("queues a check (202 with id, url, status), then serves the report; the same fresh question answers 200", async () => {
      const res = await postJson(app, { input: ICE });
      assert.equal(res.status, 202);
      const accepted = await res.json();
      assert.match(accepted.id, /^[0-9a-f-]{36}$/);
      assert.equal(accepted.url, `/api/checks/${accepted.id}`);
      assert.ok(["queued", "running"].includes(accepted.status));
      assert.equal(res.headers.get("location"), accepted.url);
      await app.queue.whenIdle();

      const report = Report.parse(await (await app.request(accepted.url)).json());
      assert.equal(report.id, accepted.id);
      assert.equal(report.status, "done");
      assert.match(report.url, /^\/checks\/justice\/can-local-police-refuse-ice-detainer-requests-[0-9a-f]{8}$/);

      const again = await postJson(app, { input: "can LOCAL police refuse ice detainer requests" });
      assert.equal(again.status, 200);
      assert.equal((await again.json()).id, accepted.id);
    });

    it("answers bad requests and unknown ids with JSON errors", async () => {
      for (const [body, status] of [
        [{ input: "   " }, 400],
        [{ input: 42 }, 400],
        [{}, 400],
        ["not json", 400],
        [{ input: "x".repeat(5001) }, 400],
        [{ input: "bad \u0001 control" }, 400],
        [{ input: "bad \u0085 C1 control" }, 400],
        [{ input: "😀😀" }, 400],
        [{ input: "!!!" }, 400],
        [{ input: "\u200B\u200B\u200B" }, 400],
        [{ input: ICE, fresh: "yes" }, 400],
      ] as const) {
        const res = await postJson(app, body);
        assert.equal(res.status, status, JSON.stringify(body).slice(0, 60));
        const json = await res.json();
        assert.equal(json.error.code, "bad_request");
        assert.equal(typeof json.error.message, "string");
      }
      const tooLarge = await postJson(app, { input: "y".repeat(70_000) });
      assert.equal(tooLarge.status, 413);
      assert.equal((await tooLarge.json()).error.code, "too_large");

      const missing = await app.request("/api/checks/00000000-0000-0000-0000-000000000000");
      assert.equal(missing.status, 404);
      assert.deepEqual(Object.keys((await missing.json()).error).sort(), ["code", "message"]);
      const noRoute = await app.request("/api/nothing-here");
      assert.equal(noRoute.status, 404);
      assert.equal((await noRoute.json()).error.code, "not_found");
      const deleted = await app.request("/api/checks", { method: "DELETE" });
      assert.equal(deleted.status, 405);
      assert.equal(deleted.headers.get("allow"), "GET, HEAD, POST, OPTIONS");
      assert.equal((await deleted.json()).error.code, "method_not_allowed");
      const noEvents = await app.request("/api/checks/00000000-0000-0000-0000-000000000000/events");
      assert.equal(noEvents.status, 404);
      assert.equal((await noEvents.json()).error.code, "not_found");
    });

    it("lists and searches the checks with q, category and page", async () => {
      await submitAndWait(app, WALL);
      await submitAndWait(app, COFFEE);

      const all = await (await app.request("/api/checks")).json();
      assert.equal(all.total, 3);
      assert.equal(all.items.length, 2, "two per page");
      assert.equal(all.page, 1);
      assert.equal(all.next, "/api/checks?page=2");
      const second = await (await app.request(all.next)).json();
      assert.equal(second.items.length, 1);
      assert.equal(second.next, null);
      const ids = new Set([...all.items, ...second.items].map((i: { id: string }) => i.id));
      assert.equal(ids.size, 3);
      for (const item of all.items) {
        assert.ok(item.url.startsWith("/checks/"));
        assert.ok(["supported", "refuted", "misleading", "conflicting", "unverified"].includes(item.verdict.label));
      }

      const justice = await (await app.request("/api/checks?category=justice")).json();
      assert.deepEqual(
        justice.items.map((i: { category: string }) => i.category),
        ["justice"],
      );

      const found = await (await app.request("/api/checks?q=detainer")).json();
      assert.equal(found.total, 1);
      assert.match(found.items[0].title, /ICE detainer/);
      assert.ok(!/[\u0002\u0003]/.test(found.items[0].snippet ?? ""));
      const wall = await (await app.request("/api/checks?q=great+wall&category=science")).json();
      assert.equal(wall.items.length, 1);
      const nothing = await (await app.request("/api/checks?q=zebra")).json();
      assert.equal(nothing.total, 0);

      for (const bad of ["/api/checks?category=astrology", "/api/checks?page=0", "/api/checks?page=x"]) {
        const res = await app.request(bad);
        assert.equal(res.status, 400, bad);
        assert.equal((await res.json()).error.code, "bad_request");
      }
    });

    it("says why an input with nothing to check is refused", async () => {
      const res = await postJson(app, { input: "😀😀" });
      assert.equal(res.status, 400);
      assert.equal((await res.json()).error.message, "nothing to check: the input has no letters or digits");
    });

    it("reads an IPv6 or single-label link as a link, and the SSRF guard refuses the private ones with the reason", async () => {
      for (const link of ["http://[::1]:18999/D16", "http://[2001:db8::1]/x", "http://[fd00::5]/x", "http://intranet/x"]) {
        const res = await postJson(app, { input: link });
        assert.equal(res.status, 202, link);
        const { id } = await res.json();
        await app.queue.whenIdle();
        const state = await (await app.request(`/api/checks/${id}`)).json();
        assert.equal(state.status, "failed", link);
        assert.match(state.error, new RegExp(`^could not read ${link.replace(/[[\]/.]/g, "\\$&")}: `), link);
        assert.match(state.error, /forbidden address/, link);
      }
      const list = await (await app.request("/api/checks?q=D16")).json();
      assert.equal(list.total, 0, "no topic titled from the URL's tail");
    });

    it("lets other sites read the API, the feeds and the document, and keeps submissions same-origin", async () => {
      const origin = { origin: "https://reader.example" };
      for (const path of ["/api/checks", "/api/checks?q=coffee", "/api/openapi.json", "/feed.xml", "/category/health/feed.xml"]) {
        const res = await app.request(path, { headers: origin });
        assert.equal(res.status, 200, path);
        assert.equal(res.headers.get("access-control-allow-origin"), "*", path);
      }
      const report = (await (await app.request("/api/checks")).json()).items[0];
      assert.equal((await app.request(`/api/checks/${report.id}`, { headers: origin })).headers.get("access-control-allow-origin"), "*");
      assert.equal((await app.request("/", { headers: origin })).headers.get("access-control-allow-origin"), null, "pages are not shared");

      const preflight = (method: string) =>
        app.request("/api/checks", { method: "OPTIONS", headers: { ...origin, "access-control-request-method": method } });
      const read = await preflight("GET");
      assert.equal(read.status, 204);
      assert.equal(read.headers.get("access-control-allow-origin"), "*");
      const submit = await preflight("POST");
      assert.equal(submit.status, 204);
      assert.equal(submit.headers.get("access-control-allow-origin"), null, "no operator listed this origin");
    });

    it("publishes an OpenAPI 3.1 document listing the paths", async () => {
      const res = await app.request("/api/openapi.json");
      assert.equal(res.status, 200);
      const doc = JSON.parse(await res.text());
      assert.match(doc.openapi, /^3\.1\./);
      for (const path of ["/api/checks", "/api/checks/{id}", "/api/checks/{id}/events", "/api/openapi.json", "/api/campaign/webhook"]) {
        assert.ok(doc.paths[path], `documents ${path}`);
      }
      assert.ok(doc.paths["/api/checks"].post.responses["202"]);
      assert.ok(doc.paths["/api/checks"].get.parameters.some((p: { name: string }) => p.name === "category"));
      assert.ok(doc.components.schemas.Report.properties.verdict);
      assert.deepEqual(doc.servers, [{ url: "/" }], "relative: wherever the document was fetched from");
      assert.deepEqual(doc.security, []);
      assert.equal(doc.info.license.identifier, "MIT");
      // A report and a check's state never share a status, so a client tells them apart by it.
      const answer = doc.paths["/api/checks/{id}"].get.responses["200"].content["application/json"].schema;
      assert.equal(answer.discriminator.propertyName, "status");
      assert.deepEqual(doc.components.schemas.Report.properties.status, { type: "string", const: "done" });
      assert.deepEqual(doc.components.schemas.CheckState.properties.status.enum, ["queued", "running", "failed"]);
      // The schemas are generated from the zod schemas: the report's are the domain's, field for field.
      assert.deepEqual(Object.keys(doc.components.schemas.Report.properties).sort(), Object.keys(ReportJson.shape).sort());
      for (const [, id] of JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
        assert.ok(doc.components.schemas[id!], `the component ${id} exists`);
      }
    });
  });

  describe(`server-sent progress events (a real server on 127.0.0.1), on ${backend.name}`, { skip: backend.skip }, () => {
    let v: TempVerity;
    let app: VerityServer;
    let server: { url: string; close: () => Promise<void> };
    let gate: ReturnType<typeof gatedService>;
    before(async () => {
      v = await tempVerity({ backend: backend.name });
      await v.library.upsertMany(LIBRARY);
      gate = gatedService(v);
      app = createServer({ ...v, service: gate.service });
      server = await listen(app);
    });
    after(async () => {
      gate.open();
      await app.close();
      await server.close();
      await v.cleanup();
    });

    it("replays the stages so far, sends the live ones, and ends with done", async () => {
      const res = await fetch(`${server.url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ input: ICE }),
      });
      assert.equal(res.status, 202);
      const { id } = await res.json();
      await gate.started; // the check is inside "gather", waiting for its sources

      const reading = readEvents(`${server.url}/api/checks/${id}/events`);
      // While it waits, the API reports the running check and its stage.
      const state = await (await fetch(`${server.url}/api/checks/${id}`)).json();
      assert.equal(state.status, "running");
      assert.equal(state.stage, "gather");
      gate.open();
      const events = await reading;

      const types = events.map((e) => e.event);
      assert.equal(types.at(-1), "done", "the stream ends with done");
      const done = events.at(-1)!.data;
      assert.equal(done.checkId, id);
      assert.match(String(done.url), /^\/checks\/justice\//);
      assert.deepEqual(
        events.filter((e) => e.event === "stage-finished").map((e) => e.data.stage),
        STAGES,
        "every stage, in order (the replayed ones and the live ones)",
      );
      assert.ok(
        events.some((e) => e.event === "stage-started" && e.data.stage === "intake"),
        "the replay includes the stages before the subscription",
      );
      assert.ok(events.some((e) => e.event === "sources-found"));
      const ids = events.filter((e) => e.id !== null).map((e) => Number(e.id));
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => a - b),
        "event ids increase",
      );

      assert.equal(types[0], "following", "the first event says which check is followed");
      assert.ok(!types.includes("open"), "no event named like EventSource's own open");

      // After the end there is nothing to follow: 204, which stops an EventSource from reconnecting,
      // with or without the id of the last event it saw.
      for (const headers of [{}, { "last-event-id": String(ids.at(-1)!) }] as Record<string, string>[]) {
        const later = await fetch(`${server.url}/api/checks/${id}/events`, { headers: { accept: "text/event-stream", ...headers } });
        assert.equal(later.status, 204);
        assert.equal(await later.text(), "");
      }
    });

    it("answers 204 through app.request too for a check that has ended", async () => {
      const list = await (await app.request("/api/checks")).json();
      const res = await app.request(`/api/checks/${list.items[0].id}/events`);
      assert.equal(res.status, 204);
    });
  });
}

describe("rate limits on the API", () => {
  let v: TempVerity;
  let app: VerityServer;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    app = createServer(v, { rateLimits: { submissions: { burst: 2, perMinute: 1 }, votes: { burst: 1, perMinute: 1 } } });
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  it("answers 429 with Retry-After once a client has used its submissions", async () => {
    assert.equal((await postJson(app, { input: ICE })).status, 202);
    assert.equal((await postJson(app, { input: WALL })).status, 202);
    const limited = await postJson(app, { input: COFFEE });
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1, `Retry-After: ${limited.headers.get("retry-after")}`);
    assert.equal((await limited.json()).error.code, "rate_limited");
    // Reading is not limited.
    assert.equal((await app.request("/api/checks")).status, 200);
    await app.queue.whenIdle();
  });
});

describe("HTTP API: submit, poll, read", () => {
  let v: Awaited<ReturnType<typeof tempVerity>>;
  let app: VerityServer;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    app = createServer(v);
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  async function waitForReport(id: string): Promise<Report> {
    let json: { status?: string } = {};
    await until(`check ${id} done`, async () => {
      json = await (await app.request(`/api/checks/${id}`)).json();
      assert.notEqual(json.status, "failed", JSON.stringify(json));
      return json.status === "done";
    });
    return Report.parse(json);
  }

  it("accepts a check with 202, then serves its report as JSON and as a page", async () => {
    const res = await postJson(app, { input: "Can local police refuse ICE detainer requests?" });
    assert.equal(res.status, 202);
    const { id, status } = await res.json();
    assert.equal(status, "running");
    const report = await waitForReport(id);
    assert.equal(report.verdict.label, "supported");

    const page = await app.request(report.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    assert.match(await page.text(), /Can local police refuse ICE detainer requests\?/);

    const again = await postJson(app, { input: "can local police refuse ICE detainer requests" });
    assert.equal(again.status, 200, "the same question, still fresh, is answered from the store");
    assert.equal((await again.json()).id, id);
  });

  it("answers bad requests and unknown ids with JSON errors", async () => {
    const empty = await postJson(app, { input: "   " });
    assert.equal(empty.status, 400);
    assert.equal((await empty.json()).error.code, "bad_request");
    const notJson = await app.request("/api/checks", { method: "POST", body: "nope" });
    assert.equal(notJson.status, 400);
    const missing = await app.request("/api/checks/does-not-exist");
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).error.code, "not_found");
    const page = await app.request("/checks/justice/nothing-deadbeef");
    assert.equal(page.status, 404);
  });
});
