import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Report } from "../../src/domain/report.js";
import { createServer } from "../../src/server/app.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { tempVerity } from "../helpers/verity.js";

describe("HTTP API: submit, poll, read", () => {
  let v: Awaited<ReturnType<typeof tempVerity>>;
  let app: ReturnType<typeof createServer>;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    app = createServer(v);
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  const post = (body: unknown) =>
    app.request("/api/checks", { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });

  async function waitForReport(id: string): Promise<Report> {
    for (let i = 0; i < 200; i++) {
      const res = await app.request(`/api/checks/${id}`);
      const json = await res.json();
      if (json.status === "done") return Report.parse(json);
      assert.notEqual(json.status, "failed", JSON.stringify(json));
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("the check did not finish");
  }

  it("accepts a check with 202, then serves its report as JSON and as a page", async () => {
    const res = await post({ input: "Can local police refuse ICE detainer requests?" });
    assert.equal(res.status, 202);
    const { id, status } = await res.json();
    assert.equal(status, "running");
    const report = await waitForReport(id);
    assert.equal(report.verdict.label, "supported");

    const page = await app.request(report.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    assert.match(await page.text(), /Can local police refuse ICE detainer requests\?/);

    const again = await post({ input: "can local police refuse ICE detainer requests" });
    assert.equal(again.status, 200, "the same question, still fresh, is answered from the store");
    assert.equal((await again.json()).id, id);
  });

  it("answers bad requests and unknown ids with JSON errors", async () => {
    const empty = await post({ input: "   " });
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
