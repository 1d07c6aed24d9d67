// The website without JavaScript: ask → progress → report through forms and
// redirects; the report page; votes; the stale banner and re-check (version 2, with
// version 1 still reachable); the archive (category, person, topic, search,
// pagination); "Your checks"; feeds, sitemap and robots.txt; the 404 page.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createServer, type VerityServer } from "../../src/server/app.js";
import { loadMeasuredQuality } from "../../src/server/measured-quality.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { tempVerity } from "../helpers/verity.js";
import { Browser, follow, gatedService } from "../helpers/website.js";
import { parse } from "../helpers/dom.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

const ICE = "Can local police refuse ICE detainer requests?";
const WALL = "Barack Obama said the Great Wall of China is visible from space";
const COFFEE = "Does coffee cause cancer?";
const DAY = 86_400_000;
const LIMITS = { submissions: { burst: 100, perMinute: 100 }, votes: { burst: 100, perMinute: 100 } };

describe("the website, without JavaScript", () => {
  let v: TempVerity;
  let app: VerityServer;
  let gate: ReturnType<typeof gatedService>;
  let reportUrl = "";
  let checkId = "";

  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    gate = gatedService(v);
    app = createServer({ ...v, service: gate.service }, { pageSize: 2, rateLimits: LIMITS });
  });
  after(async () => {
    gate.open();
    await app.close();
    await v.cleanup();
  });

  it("home: the ask form with its limit, categories, no campaign when none is set", async () => {
    const browser = new Browser(app);
    const { doc } = await browser.page("/");
    const form = doc.querySelector("form#ask-form[data-testid=ask-form]");
    assert.equal(form?.getAttribute("method"), "post");
    assert.equal(form?.getAttribute("action"), "/checks");
    assert.equal(doc.querySelector("#ask-input")?.getAttribute("maxlength"), "5000");
    assert.match(doc.querySelector("[data-testid=ask-limit]")?.textContent ?? "", /5,000 characters/);
    assert.equal(doc.querySelectorAll("[data-testid=category-list] a").length, 13);
    assert.equal(doc.querySelector("[data-testid=campaign-widget]"), null);
    assert.equal(doc.querySelector("script:not([src]):not([type='application/ld+json'])"), null, "no inline script");
  });

  it("ask → progress (refreshing itself, stages listed) → report", async () => {
    const browser = new Browser(app);
    await browser.page("/");
    const asked = await browser.post("/checks", { input: ICE });
    assert.equal(asked.status, 303);
    const progressPath = asked.headers.get("location")!;
    assert.match(progressPath, /^\/progress\/[0-9a-f-]{36}$/);
    checkId = progressPath.split("/").at(-1)!;
    await gate.started;

    const { doc, html } = await browser.page(progressPath);
    assert.match(html, /<noscript><meta http-equiv="refresh" content="2"><\/noscript>/);
    const section = doc.querySelector("[data-testid=progress]");
    assert.equal(section?.getAttribute("data-progress-for"), checkId);
    assert.equal(section?.getAttribute("data-status"), "running");
    const stages = [...doc.querySelectorAll("[data-testid=progress-stages] li")];
    assert.deepEqual(
      stages.map((li) => li.getAttribute("data-stage")),
      ["intake", "plan", "gather", "read", "rank", "judge", "write", "audit"],
    );
    assert.equal(doc.querySelector("[data-testid=stage-intake]")?.getAttribute("data-state"), "done");
    assert.equal(doc.querySelector("[data-testid=stage-gather]")?.getAttribute("data-state"), "running");
    assert.equal(doc.querySelector("[data-testid=stage-audit]")?.getAttribute("data-state"), "pending");
    assert.match(doc.querySelector("[data-testid=progress-status]")?.textContent ?? "", /gathering sources/i);

    gate.open();
    await app.queue.whenIdle();
    const done = await browser.get(progressPath);
    assert.equal(done.status, 303, "a finished check's progress page opens the report");
    reportUrl = done.headers.get("location")!;
    assert.match(reportUrl, /^\/checks\/justice\/can-local-police-refuse-ice-detainer-requests-[0-9a-f]{8}$/);
    assert.equal(reportUrl.slice(-8), checkId.slice(0, 8));
  });

  it("the report page has everything a reader needs", async () => {
    const browser = new Browser(app);
    const { doc, html } = await browser.page(reportUrl);
    assert.equal(doc.querySelector("article.report h1")?.textContent, ICE);
    const badge = doc.querySelector("[data-testid=verdict-badge]");
    assert.equal(badge?.getAttribute("data-verdict"), "supported");
    assert.match(doc.querySelector("[data-testid=verdict-confidence]")?.textContent ?? "", /\d+%/);
    assert.match(doc.querySelector(".headline")?.textContent ?? "", /^Yes/);
    assert.match(doc.querySelector(".meta")?.textContent ?? "", /^Checked on \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    assert.match(doc.querySelector(".notice")?.textContent ?? "", /machine/);
    assert.deepEqual(
      [...doc.querySelectorAll("section.section h2")].map((h) => h.textContent),
      [
        "Summary of the results",
        "Missing context and alternative viewpoints",
        "Potential misinformation or bias in the original statement",
      ],
    );
    const cites = [...doc.querySelectorAll("a.cite")];
    assert.ok(cites.length > 0);
    for (const a of cites) assert.ok(doc.querySelector(a.getAttribute("href")!), "every [n] links to its source");
    assert.ok(doc.querySelector("#source-1 .source-meta")?.textContent?.includes("Immigration Law Review"));
    assert.ok(doc.querySelector("#source-1 blockquote"));
    assert.ok(doc.querySelectorAll("[data-testid=follow-up-check]").length >= 4, "follow-ups start a check");
    assert.ok(doc.querySelector("[data-testid=vote-yes]") && doc.querySelector("[data-testid=vote-no]"));
    assert.ok(doc.querySelector("[data-testid=share-x]")?.getAttribute("href")?.startsWith("https://twitter.com/intent/tweet?"));
    assert.equal(doc.querySelector("[data-testid=stale-banner]"), null, "fresh: no banner");
    assert.equal(doc.querySelector("link[rel=canonical]")?.getAttribute("href"), `http://localhost${reportUrl}`);
    assert.equal(doc.querySelector('meta[property="og:type"]')?.getAttribute("content"), "article");
    // The report's share card, drawn on request; every other page has the site's.
    assert.equal(doc.querySelector('meta[name="twitter:card"]')?.getAttribute("content"), "summary_large_image");
    const card = doc.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "";
    assert.match(card, /^http:\/\/localhost\/cards\/[0-9a-f-]{36}\/1\.png$/);
    assert.equal(doc.querySelector('meta[name="twitter:image"]')?.getAttribute("content"), card);
    assert.match(doc.querySelector('meta[property="og:image:alt"]')?.getAttribute("content") ?? "", /^Supported: /);
    const png = await app.request(new URL(card).pathname);
    assert.equal(png.status, 200);
    assert.equal(png.headers.get("content-type"), "image/png");
    assert.ok((await png.arrayBuffer()).byteLength > 1000);
    const home = await browser.page("/");
    assert.equal(home.doc.querySelector('meta[property="og:image"]')?.getAttribute("content"), "http://localhost/cards/site.png");
    assert.equal((await app.request("/cards/site.png")).headers.get("content-type"), "image/png");
    for (const missing of [
      "/cards/00000000-0000-0000-0000-000000000000/1.png",
      new URL(card).pathname.replace("/1.png", "/9.png"),
      "/cards/x/y",
    ]) {
      assert.equal((await app.request(missing)).status, 404, missing);
    }
    const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
    assert.equal(ld["@type"], "ClaimReview");
    assert.equal(ld.reviewRating.ratingValue, 5);
    assert.equal(ld.reviewRating.alternateName, "Supported");
    assert.equal(ld.reviewRating.name, "Supported");
    assert.equal(ld.itemReviewed["@type"], "Claim");
    assert.equal(ld.url, `http://localhost${reportUrl}`);
    assert.ok(!/Submitted as/.test(doc.querySelector("article")?.textContent ?? ""), "no 'Submitted as' when the input is the title");

    const briefing = await browser.page(`${reportUrl}?layout=briefing`);
    assert.ok(briefing.doc.querySelector("article.report-briefing .findings"));
    assert.equal(briefing.doc.querySelector("[data-testid=layout-briefing]")?.getAttribute("aria-current"), "page");
    assert.ok(html.includes('data-testid="layout-switch"'));
  });

  it("a follow-up question starts its own check, and then links to it", async () => {
    const browser = new Browser(app);
    const { doc } = await browser.page(reportUrl);
    const form = doc.querySelector("form.follow-up-form")!;
    const question = (form.querySelector("input[name=input]") as HTMLInputElement).value;
    const res = await browser.post("/checks", { input: question });
    assert.equal(res.status, 303);
    await app.queue.whenIdle();
    const { path } = await follow(browser, await browser.get(res.headers.get("location")!));
    assert.match(path, /^\/checks\//);
    const again = await browser.page(reportUrl);
    const link = [...again.doc.querySelectorAll("[data-testid=follow-up-link]")].find((a) => a.textContent === question);
    assert.equal(link?.getAttribute("href"), path);
  });

  it("asking a question answered recently goes straight to its report", async () => {
    const browser = new Browser(app);
    await browser.page("/");
    const res = await browser.post("/checks", { input: "can local police refuse ICE detainer requests" });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), reportUrl);
  });

  it("refuses empty and over-long input on the form, keeping what was typed", async () => {
    const browser = new Browser(app);
    await browser.page("/");
    const empty = await browser.post("/checks", { input: "   " });
    assert.equal(empty.status, 400);
    assert.match(parse(await empty.text()).querySelector("[data-testid=ask-error]")?.textContent ?? "", /empty/);
    const long = "z".repeat(5001);
    const tooLong = await browser.post("/checks", { input: long });
    assert.equal(tooLong.status, 400);
    const doc = parse(await tooLong.text());
    assert.match(doc.querySelector("[data-testid=ask-error]")?.textContent ?? "", /limit is 5000/);
    assert.equal(doc.querySelector("#ask-input")?.textContent, long);
  });

  it("votes: one per visitor, changeable, counted", async () => {
    const alice = new Browser(app);
    await alice.page(reportUrl);
    const yes = await alice.post(`/checks/${checkId}/vote`, { helpful: "yes" });
    assert.equal(yes.status, 303);
    assert.equal(yes.headers.get("location"), `${reportUrl}#vote`);
    let doc = (await alice.page(reportUrl)).doc;
    assert.match(doc.querySelector("[data-testid=vote-tally]")?.textContent ?? "", /^1 of 1 /);
    assert.match(doc.querySelector("[data-testid=vote-thanks]")?.textContent ?? "", /helpful/);

    await alice.post(`/checks/${checkId}/vote`, { helpful: "no" });
    const bob = new Browser(app);
    await bob.page(reportUrl);
    await bob.post(`/checks/${checkId}/vote`, { helpful: "yes" });
    doc = (await bob.page(reportUrl)).doc;
    assert.match(doc.querySelector("[data-testid=vote-tally]")?.textContent ?? "", /^1 of 2 /, "Alice changed her vote, Bob added his");

    const forged = await bob.post(`/checks/${checkId}/vote`, { helpful: "yes" }, { origin: "https://evil.example" });
    assert.equal(forged.status, 403, "a vote from another site");
  });

  it("archive: all checks paginated, category, person, topic, search", async () => {
    await app.request("/api/checks", {
      method: "POST",
      body: JSON.stringify({ input: WALL }),
      headers: { "content-type": "application/json" },
    });
    await app.request("/api/checks", {
      method: "POST",
      body: JSON.stringify({ input: COFFEE }),
      headers: { "content-type": "application/json" },
    });
    await app.queue.whenIdle();
    const browser = new Browser(app);

    const all = await browser.page("/checks");
    assert.equal(all.doc.querySelectorAll("[data-testid=archive-checks] li").length, 2, "two per page");
    const next = all.doc.querySelector("[data-testid=page-next]")?.getAttribute("href");
    assert.equal(next, "/checks?page=2");
    const page2 = await browser.page(next!);
    assert.ok(page2.doc.querySelectorAll("[data-testid=archive-checks] li").length >= 1);
    assert.equal(page2.doc.querySelector("[data-testid=page-prev]")?.getAttribute("href"), "/checks");
    await browser.page("/checks?page=99", 404);

    const justice = await browser.page("/category/justice");
    assert.ok([...justice.doc.querySelectorAll("[data-testid=category-checks] a.title")].some((a) => a.getAttribute("href") === reportUrl));
    assert.ok(justice.doc.querySelector('link[type="application/atom+xml"][href="/category/justice/feed.xml"]'));
    await browser.page("/category/astrology", 404);

    const people = await browser.page("/entity");
    assert.ok([...people.doc.querySelectorAll("[data-testid=entity-list] a")].some((a) => a.textContent === "Barack Obama"));
    const obama = await browser.page("/entity/Barack%20Obama");
    assert.match(obama.doc.querySelector("h1")?.textContent ?? "", /Person: Barack Obama/);
    assert.ok(obama.doc.querySelector("[data-testid=entity-description]"));
    assert.equal(obama.doc.querySelectorAll("[data-testid=entity-checks] li").length, 1);
    const ice = await browser.page("/entity/ice");
    assert.match(ice.doc.querySelector("h1")?.textContent ?? "", /Organisation: ICE/);

    const topic = await browser.page("/topic/Great%20Wall%20of%20China");
    assert.equal(topic.doc.querySelectorAll("[data-testid=topic-checks] li").length, 1);
    const toCategory = await browser.get("/topic/health");
    assert.equal(toCategory.status, 301);
    assert.equal(toCategory.headers.get("location"), "/category/health");
    await browser.page("/entity/Nobody%20Known", 404);

    const search = await browser.page("/search?q=detainer+police");
    // The header's search and the page's: two search landmarks, each with its own name (axe landmark-unique).
    const landmarks = [...search.doc.querySelectorAll("[role=search]")].map((f) => f.getAttribute("aria-label"));
    assert.equal(landmarks.length, 2);
    assert.equal(new Set(landmarks.filter(Boolean)).size, 2, JSON.stringify(landmarks));
    assert.match(
      search.doc.querySelector("[data-testid=search-count]")?.textContent ?? "",
      /^2 checks match/,
      "the question and its follow-up",
    );
    assert.ok([...search.doc.querySelectorAll("[data-testid=search-results] a.title")].some((a) => a.getAttribute("href") === reportUrl));
    const wall = await browser.page("/search?q=great+wall");
    assert.equal(wall.doc.querySelectorAll("[data-testid=search-results] li").length, 1);
    assert.ok(search.doc.querySelector("[data-testid=search-results] mark"), "matches highlighted");
    const none = await browser.page("/search?q=zebra");
    assert.match(none.doc.querySelector("[data-testid=search-count]")?.textContent ?? "", /^0 checks/);
    await browser.page("/search");

    await app.services.reads.flush(); // reads are written in batches
    const home = await browser.page("/");
    assert.equal(home.doc.querySelectorAll("[data-testid=latest-checks] li").length, 4);
    const latest = new Set([...home.doc.querySelectorAll("[data-testid=latest-checks] a.title")].map((a) => a.getAttribute("href")));
    assert.ok(latest.has(reportUrl));
    const mostRead = [...home.doc.querySelectorAll("[data-testid=most-read-checks] a.title")].map((a) => a.getAttribute("href"));
    assert.deepEqual(
      mostRead.filter((href) => latest.has(href)),
      [],
      "Most read repeats nothing of Latest checks (here all four are the latest)",
    );
  });

  it("Your checks: what this browser asked, until it is cleared", async () => {
    const browser = new Browser(app);
    await browser.page("/");
    await browser.post("/checks", { input: ICE });
    const mine = await browser.page("/mine");
    assert.ok([...mine.doc.querySelectorAll("[data-testid=mine-checks] a.title")].some((a) => a.getAttribute("href") === reportUrl));
    const stranger = new Browser(app);
    assert.equal((await stranger.page("/mine")).doc.querySelectorAll("[data-testid=mine-checks] li").length, 0);
    // A tampered cookie is ignored.
    stranger.cookies.set("verity_mine", browser.cookies.get("verity_mine")!.replace(/\.[^.]+$/, ".AAAA"));
    assert.equal((await stranger.page("/mine")).doc.querySelectorAll("[data-testid=mine-checks] li").length, 0);

    const cleared = await browser.post("/mine/clear", {});
    assert.equal(cleared.status, 303);
    assert.equal(browser.cookies.has("verity_mine"), false);
    const after = await browser.page("/mine");
    assert.equal(after.doc.querySelectorAll("[data-testid=mine-checks] li").length, 0);
  });

  it("feeds, sitemap and robots.txt", async () => {
    const feed = await app.request("/feed.xml");
    assert.match(feed.headers.get("content-type") ?? "", /application\/atom\+xml/);
    const atom = await feed.text();
    assert.ok(atom.includes(`<link rel="alternate" type="text/html" href="http://localhost${reportUrl}"/>`));
    // Entry ids are the checks' own, which survive a new category or domain; the verdict is said once.
    const ids = [...atom.matchAll(/<entry>\n<title>[^<]*<\/title>\n<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    assert.equal(ids.length, 4);
    for (const id of ids) assert.match(id!, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    for (const [, summary] of atom.matchAll(/<summary>([^<]*)<\/summary>/g)) {
      const word = summary!.split(":")[0]!;
      assert.ok(
        !summary!
          .slice(word.length + 1)
          .trimStart()
          .toLowerCase()
          .startsWith(word.toLowerCase()),
        summary,
      );
    }
    assert.equal((atom.match(/<entry>/g) ?? []).length, 4);
    const perCategory = await (await app.request("/category/justice/feed.xml")).text();
    const terms = [...perCategory.matchAll(/<category term="([^"]+)"\/>/g)].map((m) => m[1]);
    assert.ok(terms.length >= 1 && terms.every((t) => t === "justice"), "only the category's checks");
    assert.equal((await app.request("/category/nope/feed.xml")).status, 404);
    const sitemap = await (await app.request("/sitemap.xml")).text();
    assert.ok(sitemap.includes(`<loc>http://localhost${reportUrl}</loc>`));
    assert.ok(sitemap.includes("<loc>http://localhost/methodology</loc>"));
    const robots = await (await app.request("/robots.txt")).text();
    assert.match(robots, /Sitemap: http:\/\/localhost\/sitemap\.xml/);
    assert.match(robots, /Disallow: \/admin/);
  });

  it("information pages and a clear 404", async () => {
    const browser = new Browser(app);
    for (const path of ["/about", "/methodology", "/faq", "/terms", "/privacy"]) {
      const { doc } = await browser.page(path);
      assert.ok(doc.querySelector("[data-testid=info-page] h1"), path);
    }
    const methodology = await browser.page("/methodology");
    assert.equal(methodology.doc.querySelectorAll("[data-testid=verdict-meanings] dt").length, 5);
    // The analyst's measured record, from the committed bench/results/quality.json.
    const measured = [...methodology.doc.querySelectorAll("[data-testid=measured-quality] tbody tr")].map((tr) => tr.textContent ?? "");
    const scifact = measured.find((row) => row.includes("SciFact") && row.includes("nDCG@10"));
    assert.ok(scifact, "SciFact retrieval is among the measured figures");
    const committed = loadMeasuredQuality()!.figures.find((f) => f.dataset === "SciFact" && f.measure === "nDCG@10")!;
    assert.ok(scifact.includes(committed.value.toFixed(3)));
    assert.ok(methodology.doc.querySelectorAll("[data-testid=measured-calibration] tbody tr").length >= 1);
    const missing = await browser.page("/no/such/page", 404);
    assert.ok(missing.doc.querySelector("[data-testid=error-page]"));
    assert.match(missing.doc.title, /not found/i);
    await browser.page("/checks/justice/nothing-deadbeef", 404);
    const asset = await app.request("/assets/app.js");
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get("content-type") ?? "", /javascript/);
    const cached = await app.request("/assets/app.js", { headers: { "if-none-match": asset.headers.get("etag")! } });
    assert.equal(cached.status, 304);
    assert.equal((await app.request("/assets/app.css")).status, 200);
    assert.equal((await app.request("/assets/nope.js")).status, 404);
  });
});

describe("a stale report and its re-check", () => {
  let v: TempVerity;
  let fresh: VerityServer;
  let later: VerityServer;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    fresh = createServer(v, { rateLimits: LIMITS });
  });
  after(async () => {
    await fresh.close();
    await later?.close();
    await v.cleanup();
  });

  it("shows the banner after the category's window, re-checks into version 2, keeps version 1", async () => {
    const res = await fresh.request("/api/checks", {
      method: "POST",
      body: JSON.stringify({ input: ICE }),
      headers: { "content-type": "application/json" },
    });
    const { id } = await res.json();
    await fresh.queue.whenIdle();
    await fresh.close();
    const v1 = await v.checks.get(id);
    assert.equal(v1?.version, 1);

    // A hundred days on: justice checks stay fresh for ninety.
    later = createServer(v, { rateLimits: LIMITS, now: () => new Date(Date.now() + 100 * DAY) });
    const browser = new Browser(later);
    const { doc } = await browser.page(v1!.url);
    const banner = doc.querySelector("[data-testid=stale-banner]");
    assert.ok(banner, "the banner shows");
    assert.match(banner!.textContent ?? "", /out of date after 90 days/);
    assert.equal(doc.querySelector("[data-testid=recheck-form]")?.getAttribute("action"), `/checks/${id}/recheck`);
    assert.ok(doc.querySelector("[data-testid=recheck-button]"));

    const recheck = await browser.post(`/checks/${id}/recheck`, {});
    assert.equal(recheck.status, 303);
    assert.equal(recheck.headers.get("location"), `/progress/${id}`);
    await later.queue.whenIdle();
    const { res: final, path } = await follow(browser, await browser.get(`/progress/${id}`));
    assert.equal(final.status, 200);
    assert.equal(path, v1!.url, "the report keeps its address");

    assert.deepEqual(
      (await v.checks.versions(id)).map((x) => x.version),
      [1, 2],
    );
    const current = parse(await final.text());
    assert.ok(current.querySelector("[data-testid=versions]"));
    assert.equal(current.querySelector("[data-testid=version-link-1]")?.getAttribute("href"), `${v1!.url}?version=1`);

    const old = await browser.page(`${v1!.url}?version=1`);
    assert.ok(old.doc.querySelector("[data-testid=old-version-notice]"));
    assert.equal(old.doc.querySelector("[data-testid=latest-version-link]")?.getAttribute("href"), v1!.url);
    assert.equal(old.doc.querySelector("[data-testid=vote]"), null, "votes go to the current version");
    assert.equal(old.doc.querySelector('script[type="application/ld+json"]'), null, "a superseded verdict is not reviewed");
    assert.match(
      old.doc.querySelector('meta[property="og:image"]')?.getAttribute("content") ?? "",
      /\/cards\/[0-9a-f-]{36}\/1\.png$/,
      "the version's own card",
    );
    assert.ok(current.querySelector('script[type="application/ld+json"]'), "the current version is");
    await browser.page(`${v1!.url}?version=3`, 404);
    await browser.page(`${v1!.url}?version=abc`, 404);
  });

  it("does not re-check a fresh report", async () => {
    const list = await (await later.request("/api/checks")).json();
    const item = list.items[0];
    const fresher = createServer(v, { rateLimits: LIMITS });
    const b = new Browser(fresher);
    await b.page("/");
    const res = await b.post(`/checks/${item.id}/recheck`, {});
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), item.url);
    assert.deepEqual(
      (await v.checks.versions(item.id)).map((x) => x.version),
      [1, 2],
    );
    await fresher.close();
  });
});
