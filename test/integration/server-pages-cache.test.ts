// Pages at the framework's speed (issue 18): a page view writes nothing to the database
// (reads are counted in memory and flushed), rendered pages are cached and dropped when
// the report, its votes or its versions change, conditional requests get a 304, public
// pages may be held by a CDN, and nothing of one visitor's reaches another from the cache.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createServer, type VerityServer } from "../../src/server/app.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { tempVerity } from "../helpers/verity.js";
import { sqliteHandle } from "../../src/store/db.js";
import { Browser } from "../helpers/website.js";
import { parse } from "../helpers/dom.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

const COFFEE = "Does coffee cause cancer?";
const ICE = "Can local police refuse ICE detainer requests?";
const DAY = 86_400_000;
const LIMITS = { submissions: { burst: 100, perMinute: 100 }, votes: { burst: 100, perMinute: 100 } };

describe("page views and the page cache", () => {
  let v: TempVerity;
  let app: VerityServer;
  let id = "";
  let url = "";
  let changes: () => number;
  let readsOf: (checkId: string) => number;

  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    const { report } = await v.service.check(COFFEE);
    id = report.id;
    url = report.url;
    app = createServer(v, { rateLimits: LIMITS, startJobs: false });
    // Every row the connection inserts, updates or deletes.
    const total = sqliteHandle(v.store).prepare("SELECT total_changes() AS n");
    changes = () => (total.get() as { n: number }).n;
    const reads = sqliteHandle(v.store).prepare("SELECT reads FROM check_reads WHERE check_id = ?");
    readsOf = (checkId) => (reads.get(checkId) as { reads: number } | undefined)?.reads ?? 0;
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  it("a page view writes nothing to the database; the reads are flushed later and counted", async () => {
    await app.services.reads.flush();
    const before = changes();
    const readsBefore = readsOf(id);
    for (const path of [url, url, url, "/", "/checks", `/api/checks/${id}`]) assert.equal((await app.request(path)).status, 200, path);
    assert.equal(changes(), before, "no row written while serving");
    assert.equal(app.services.reads.unwritten, 3);
    await app.services.reads.flush();
    assert.equal(readsOf(id), readsBefore + 3, "the three reads of the report, written in one flush");
    assert.equal(app.services.reads.unwritten, 0);
  });

  it("pages still serve when the database refuses writes; the reads wait for the next flush", async () => {
    sqliteHandle(v.store).pragma("query_only = ON");
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      const readsBefore = readsOf(id);
      for (const path of [url, "/", "/checks", `/api/checks/${id}`]) assert.equal((await app.request(path)).status, 200, path);
      assert.equal(await app.services.reads.flush(), 0, "the flush failed");
      assert.ok(logged.length > 0, "and said so");
      assert.equal(app.services.reads.unwritten, 1, "the read is kept");
      sqliteHandle(v.store).pragma("query_only = OFF");
      assert.equal(await app.services.reads.flush(), 1, "written once writing works again");
      assert.equal(readsOf(id), readsBefore + 1);
    } finally {
      console.error = original;
      sqliteHandle(v.store).pragma("query_only = OFF");
    }
  });

  it("answers If-None-Match with 304 (strong and weak forms), and a changed page with 200", async () => {
    for (const path of [url, "/", "/checks", `/api/checks/${id}`]) {
      const first = await app.request(path);
      const etag = first.headers.get("etag");
      assert.match(etag ?? "", /^"[A-Za-z0-9_-]+"$/, `${path}: a strong ETag`);
      const again = await app.request(path, { headers: { "if-none-match": etag! } });
      assert.equal(again.status, 304, path);
      assert.equal(await again.text(), "");
      assert.equal(again.headers.get("etag"), etag);
      assert.equal((await app.request(path, { headers: { "if-none-match": `"other", W/${etag}` } })).status, 304, `${path}: weak`);
      assert.equal((await app.request(path, { headers: { "if-none-match": '"other"' } })).status, 200, path);
    }
  });

  it("public pages may be held by shared caches; the report page varies by cookie", async () => {
    for (const path of [url, "/", "/checks", `/api/checks/${id}`]) {
      const res = await app.request(path);
      assert.match(res.headers.get("cache-control") ?? "", /^public\b.*s-maxage=60/, path);
      assert.match(res.headers.get("cdn-cache-control") ?? "", /stale-while-revalidate/, path);
    }
    assert.equal((await app.request(url)).headers.get("vary"), "Cookie");
    // Others stay as they were: revalidated, and kept by no shared cache.
    assert.equal((await app.request("/search?q=coffee")).headers.get("cache-control"), "private, no-cache");
    assert.equal((await app.request("/?q=coffee")).headers.get("cache-control"), "private, no-cache");
    assert.equal((await app.request("/mine")).headers.get("cache-control"), "private, no-store");
  });

  it("a vote drops the cached report; the voter's own vote is never served to another visitor", async () => {
    const a = new Browser(app);
    const b = new Browser(app);
    const before = await b.page(url); // cached now, without anyone's vote
    const tally = (doc: Document) => doc.querySelector("[data-testid=vote-tally]")?.textContent ?? "";
    assert.equal(tally(before.doc), "", "no tally until someone votes");

    assert.equal((await a.post(`/checks/${id}/vote`, { helpful: "yes" })).status, 303);
    const mine = await a.page(url);
    assert.ok(mine.doc.querySelector("[data-testid=vote-thanks]"), "A sees their vote");
    assert.equal(mine.doc.querySelector("[data-testid=vote-yes]")?.getAttribute("aria-pressed"), "true");
    assert.equal(mine.res.headers.get("cache-control"), "private, no-cache", "A's page is A's alone");
    assert.match(tally(mine.doc), /^1 of 1 /);

    const theirs = await b.page(url);
    assert.match(tally(theirs.doc), /^1 of 1 /, "the cached page was dropped: B sees the new tally");
    assert.equal(theirs.doc.querySelector("[data-testid=vote-thanks]"), null, "but not A's vote");
    assert.equal(theirs.doc.querySelector("[aria-pressed]"), null);
    assert.match(theirs.res.headers.get("cache-control") ?? "", /^public/);
    // A visitor with a voter id of their own and no vote here gets the public page.
    const c = new Browser(app);
    c.cookies.set("verity_vid", "someone-else-0123456789");
    const third = await c.page(url);
    assert.equal(third.doc.querySelector("[data-testid=vote-thanks]"), null);
    assert.notEqual(mine.res.headers.get("etag"), theirs.res.headers.get("etag"), "A's page has its own tag");
  });

  it("“Your checks” of one visitor is not shown to another", async () => {
    const a = new Browser(app);
    const b = new Browser(app);
    await b.page("/mine");
    const asked = await a.post("/checks", { input: ICE });
    assert.equal(asked.status, 303);
    const checkId = /([0-9a-f-]{36})/.exec(asked.headers.get("location") ?? "")?.[1];
    assert.ok(checkId);
    const hers = await a.page("/mine");
    assert.ok(hers.doc.querySelector(`[data-check-id="${checkId}"]`), "A's check is listed for A");
    const his = await b.page("/mine");
    assert.equal(his.doc.querySelector(`[data-check-id="${checkId}"]`), null, "not for B");
    // The cached pages are the same bytes for both: nothing of A's is in them.
    for (const path of ["/", "/checks", url]) assert.equal((await a.page(path)).html, (await b.page(path)).html, path);
  });
});

describe("a cached report and a new version", () => {
  let v: TempVerity;
  let app: VerityServer;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
  });
  after(async () => {
    await app?.close();
    await v.cleanup();
  });

  it("a re-check drops the cached report, the API's report and the lists", async () => {
    const { report } = await v.service.check(ICE);
    // A hundred days on: justice checks stay fresh for ninety, so the report may be re-checked.
    app = createServer(v, { rateLimits: LIMITS, now: () => new Date(Date.now() + 100 * DAY) });
    const browser = new Browser(app);
    const page = await browser.page(report.url);
    assert.ok(page.doc.querySelector("[data-testid=stale-banner]"));
    assert.equal(page.doc.querySelector("[data-testid=versions]"), null);
    assert.equal((await (await app.request(`/api/checks/${report.id}`)).json()).version, 1);
    const etag = page.res.headers.get("etag")!;

    assert.equal((await browser.post(`/checks/${report.id}/recheck`, {})).status, 303);
    await app.queue.whenIdle();

    const now = await browser.page(report.url);
    assert.ok(now.doc.querySelector("[data-testid=version-link-1]"), "version 2 lists version 1");
    assert.equal((await browser.get(report.url, { "if-none-match": etag })).status, 200, "the old tag no longer matches");
    assert.equal((await (await app.request(`/api/checks/${report.id}`)).json()).version, 2);
    const home = parse(await (await app.request("/")).text());
    assert.ok(home.querySelector(`[data-testid=latest-checks] li[data-check-id="${report.id}"]`));
  });
});
