// Safety of the website: an XSS payload in a question and in a source's text is
// escaped everywhere (HTML and JSON-LD); security headers; forms only from the site's
// own pages (CSRF); rate limits
// on forms and votes; the admin area behind its token; the campaign widget and the
// signed donation webhook.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createServer, type VerityServer } from "../../src/server/app.js";
import { signBody } from "../../src/server/api/campaign.js";
import type { IncomingDocument } from "../../src/domain/document.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { tempVerity } from "../helpers/verity.js";
import { Browser, gatedService } from "../helpers/website.js";
import { parse } from "../helpers/dom.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

const XSS1 = "<script>alert(1)</script>";
const XSS2 = "</script><script>alert(2)</script>";
const HOSTILE_QUESTION = `Does coffee cause cancer? ${XSS1} ${XSS2}`;
const HOSTILE_DOC: IncomingDocument = {
  key: "jsonl:hostile",
  title: `Coffee and cancer ${XSS2}`,
  text: `Large cohort studies found that coffee does not cause cancer ${XSS1} in adults. Coffee drinkers ${XSS2} tend to live longer.`,
  url: null,
  publisher: `Evil Press ${XSS1}`,
  author: null,
  publishedAt: null,
  format: "jsonl",
  origin: "jsonl:hostile",
};
const LIMITS = { submissions: { burst: 100, perMinute: 100 }, votes: { burst: 100, perMinute: 100 } };
const ICE = "Can local police refuse ICE detainer requests?";

/** No script from the payload can run: the only scripts are ours, and no attribute is an event handler. */
function assertNoInjectedScript(html: string, where: string): Document {
  assert.ok(!html.includes("<script>alert"), `${where}: a raw <script> from the payload`);
  const doc = parse(html);
  for (const script of doc.querySelectorAll("script")) {
    const src = script.getAttribute("src");
    const type = script.getAttribute("type");
    assert.ok(src === "/assets/app.js" || type === "application/ld+json", `${where}: unexpected script ${script.outerHTML.slice(0, 80)}`);
    if (type === "application/ld+json") {
      assert.ok(!script.textContent!.includes("<"), `${where}: JSON-LD escapes <`);
      JSON.parse(script.textContent!);
    }
  }
  for (const el of doc.querySelectorAll("*")) {
    for (const name of el.getAttributeNames()) assert.ok(!/^on/i.test(name), `${where}: event handler attribute ${name}`);
  }
  return doc;
}

describe("an XSS payload in a question and in a source's text", () => {
  let v: TempVerity;
  let app: VerityServer;
  let gate: ReturnType<typeof gatedService>;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany([...LIBRARY, HOSTILE_DOC]);
    gate = gatedService(v);
    app = createServer({ ...v, service: gate.service }, { rateLimits: LIMITS });
  });
  after(async () => {
    gate.open();
    await app.close();
    await v.cleanup();
  });

  it("is shown as text, never run, on every page and in the JSON-LD", async () => {
    const browser = new Browser(app);
    await browser.page("/");
    const asked = await browser.post("/checks", { input: HOSTILE_QUESTION });
    assert.equal(asked.status, 303);
    const progressPath = asked.headers.get("location")!;
    await gate.started;
    const progress = assertNoInjectedScript((await browser.page(progressPath)).html, "progress");
    assert.ok(progress.querySelector("h1")?.textContent?.includes(XSS1), "the question is shown as typed");
    gate.open();
    await app.queue.whenIdle();

    const id = progressPath.split("/").at(-1)!;
    const report = await v.checks.get(id);
    assert.ok(report);
    assert.ok(
      report.sources.some((s) => s.quotes.some((q) => q.includes(XSS1) || q.includes(XSS2))),
      "the hostile passage is quoted",
    );

    for (const path of [
      report.url,
      `${report.url}?layout=briefing`,
      "/",
      "/checks",
      `/category/${report.category}`,
      "/search?q=coffee+cancer",
      "/mine",
      "/search?q=" + encodeURIComponent(XSS2),
    ]) {
      const { html, doc } = await browser.page(path);
      assertNoInjectedScript(html, path);
      if (path === report.url) {
        const text = doc.body.textContent ?? "";
        assert.ok(text.includes(XSS1) && text.includes(XSS2), "the payload is visible as text");
        const ld = JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!);
        assert.ok(JSON.stringify(ld).includes("</script>"), "the JSON-LD keeps the text, escaped");
        assert.ok(doc.querySelector('meta[property="og:description"]')?.getAttribute("content")?.includes(XSS1));
      }
    }
    const feed = await (await app.request("/feed.xml")).text();
    assert.ok(!feed.includes("<script>"), "the feed escapes it");
    const json = await (await app.request(`/api/checks/${id}`)).json();
    assert.equal(json.input.text, HOSTILE_QUESTION, "the API returns the text as data");
  });
});

describe("security headers and CSRF", () => {
  let v: TempVerity;
  let app: VerityServer;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    app = createServer(v, { rateLimits: LIMITS, baseUrl: "http://127.0.0.1:3000" });
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  it("sends a CSP without inline scripts, and the usual headers, on pages, JSON and errors", async () => {
    for (const path of ["/", "/api/checks", "/nope", "/api/nope", "/assets/app.js", "/feed.xml"]) {
      const res = await app.request(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.match(csp, /frame-ancestors 'none'/, path);
      assert.match(csp, /default-src 'self'/, path);
      assert.ok(!/unsafe-inline|unsafe-eval/.test(csp), path);
      assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
      assert.equal(res.headers.get("referrer-policy"), "strict-origin-when-cross-origin", path);
      assert.equal(res.headers.get("x-frame-options"), "DENY", path);
    }
  });

  it("refuses form posts from another site, or that do not say where they come from", async () => {
    const browser = new Browser(app);
    await browser.page("/");
    const unsaid = await browser.post("/checks", { input: ICE }, { origin: null });
    assert.equal(unsaid.status, 403);
    assert.ok(parse(await unsaid.text()).querySelector("[data-testid=error-page]"));
    const crossSite = await browser.post("/checks", { input: ICE }, { headers: { origin: "https://evil.example" } });
    assert.equal(crossSite.status, 403);
    assert.equal((await browser.post("/checks", { input: ICE }, { origin: "null" })).status, 403, "an opaque origin");
    assert.equal((await browser.post("/checks", { input: ICE }, { origin: "http://localhost.evil.example" })).status, 403);
    const fetchedCrossSite = await browser.post("/checks", { input: ICE }, { origin: null, headers: { "sec-fetch-site": "cross-site" } });
    assert.equal(fetchedCrossSite.status, 403, "Sec-Fetch-Site: cross-site");
    for (const path of ["/mine/clear", "/checks/00000000-0000-0000-0000-000000000000/vote", "/admin/login"]) {
      assert.equal((await browser.post(path, {}, { origin: null })).status, path === "/admin/login" ? 404 : 403, path);
    }
    const sameSite = await browser.post("/checks", { input: ICE }, { headers: { origin: "http://localhost" } });
    assert.equal(sameSite.status, 303);
    assert.match(
      sameSite.headers.get("set-cookie") ?? "",
      /verity_mine=[^;]+;.*HttpOnly.*SameSite=Lax/,
      "the visitor's cookies are HttpOnly and SameSite",
    );
    const baseUrl = await browser.post("/checks", { input: ICE }, { origin: "http://127.0.0.1:3000" });
    assert.equal(baseUrl.status, 303, "the base URL's origin (behind a proxy)");
    const sameOrigin = await browser.post("/checks", { input: ICE }, { origin: null, headers: { "sec-fetch-site": "same-origin" } });
    assert.equal(sameOrigin.status, 303, "Sec-Fetch-Site: same-origin");
    await app.queue.whenIdle();
  });
});

describe("rate limits on forms and votes", () => {
  let v: TempVerity;
  let app: VerityServer;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    app = createServer(v, { rateLimits: { submissions: { burst: 1, perMinute: 1 }, votes: { burst: 1, perMinute: 2 } } });
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  it("answers 429 with Retry-After", async () => {
    const browser = new Browser(app);
    await browser.page("/");
    const first = await browser.post("/checks", { input: ICE });
    assert.equal(first.status, 303);
    const second = await browser.post("/checks", { input: "Coffee causes cancer." });
    assert.equal(second.status, 429);
    assert.ok(Number(second.headers.get("retry-after")) >= 1);
    assert.match(await second.text(), /Too many requests/);

    await app.queue.whenIdle();
    const id = first.headers.get("location")!.split("/").at(-1)!;
    assert.equal((await browser.post(`/checks/${id}/vote`, { helpful: "yes" })).status, 303);
    const again = await browser.post(`/checks/${id}/vote`, { helpful: "no" });
    assert.equal(again.status, 429);
    assert.ok(Number(again.headers.get("retry-after")) >= 1);
  });
});

describe("the rate limit behind a proxy (VERITY_TRUST_PROXY)", () => {
  let v: TempVerity;
  before(async () => {
    v = await tempVerity();
  });
  after(async () => {
    await v.cleanup();
  });

  const submit = (app: VerityServer, i: number, forwardedFor: string) =>
    app.request("/api/checks", {
      method: "POST",
      body: JSON.stringify({ input: `Does claim number ${i} hold?` }),
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
    });

  /** A server behind `hops` proxies whose clients may submit `burst` checks, on a fixed clock: no token comes back while a test runs. */
  const behindProxies = (hops: number, burst: number) => {
    const now = new Date("2026-01-01T00:00:00Z");
    return createServer(v, {
      trustProxy: hops,
      startJobs: false,
      now: () => now,
      rateLimits: { submissions: { burst, perMinute: 1 }, votes: LIMITS.votes },
    });
  };

  it("keys on the entry the proxy added, not on the leftmost one the client wrote", async () => {
    const app = behindProxies(1, 5);
    try {
      const statuses: number[] = [];
      // One real client (203.0.113.7, as the proxy saw it), 300 different spoofed leftmost entries.
      for (let i = 0; i < 300; i++) statuses.push((await submit(app, i, `198.51.${i % 256}.${i >> 8}, 203.0.113.7`)).status);
      assert.equal(statuses.filter((s) => s === 202).length, 5, "the burst, then nothing");
      assert.equal(statuses.filter((s) => s === 429).length, 295);
      // Another client behind the same proxy has its own bucket.
      assert.equal((await submit(app, 300, "203.0.113.8")).status, 202);
    } finally {
      await app.close();
    }
  });

  it("counts hops from the right: with two proxies, the second entry from the right", async () => {
    const app = behindProxies(2, 1);
    try {
      assert.equal((await submit(app, 400, "10.9.9.9, 203.0.113.20, 192.0.2.1")).status, 202);
      assert.equal((await submit(app, 401, "10.9.9.8, 203.0.113.20, 192.0.2.1")).status, 429, "same client, other spoofed entry");
      assert.equal((await submit(app, 402, "203.0.113.21, 192.0.2.1")).status, 202, "another client");
    } finally {
      await app.close();
    }
  });
});

describe("the admin area", () => {
  const TOKEN = "admin-token-for-tests";
  let v: TempVerity;
  let app: VerityServer;
  let id = "";
  let url = "";
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    app = createServer(v, { adminToken: TOKEN, rateLimits: LIMITS });
    const res = await app.request("/api/checks", {
      method: "POST",
      body: JSON.stringify({ input: ICE }),
      headers: { "content-type": "application/json" },
    });
    id = (await res.json()).id;
    await app.queue.whenIdle();
    url = (await v.checks.get(id))!.url;
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  it("requires the token for every action", async () => {
    const browser = new Browser(app);
    const { doc } = await browser.page("/admin");
    assert.ok(doc.querySelector("[data-testid=admin-login-form]"), "a login form, not the dashboard");
    assert.equal(doc.querySelector("[data-testid=admin-checks]"), null);
    for (const action of ["unpublish", "republish", "edit", "rerun"]) {
      assert.equal((await browser.post(`/admin/checks/${id}/${action}`, { title: "x" })).status, 401, action);
    }
    assert.equal((await browser.post("/admin/campaign", { title: "x", goal: "5" })).status, 401);
    assert.equal((await browser.post("/admin/donations", { amount: "5" })).status, 401);
    const wrong = await app.request(`/admin/checks/${id}/unpublish`, {
      method: "POST",
      headers: { authorization: "Bearer not-the-token" },
    });
    assert.equal(wrong.status, 401);
    assert.equal((await wrong.json()).error.code, "unauthorized");
    const badLogin = await browser.post("/admin/login", { token: "guess" });
    assert.equal(badLogin.status, 401);
    assert.equal(browser.cookies.has("verity_admin"), false);
    assert.equal((await v.checks.row(id))?.status, "done", "nothing changed");
  });

  it("unpublishes and republishes with a Bearer token", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const res = await app.request(`/admin/checks/${id}/unpublish`, { method: "POST", headers: auth });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).ok, true);
    assert.equal((await app.request(url)).status, 404);
    assert.equal((await app.request(`/api/checks/${id}`)).status, 404);
    assert.equal((await (await app.request("/api/checks?q=detainer")).json()).total, 0);
    assert.equal((await (await app.request("/api/checks")).json()).total, 0);
    const back = await app.request(`/admin/checks/${id}/republish`, { method: "POST", headers: auth });
    assert.equal(back.status, 200);
    assert.equal((await app.request(url)).status, 200);
    const missing = await app.request(`/admin/checks/00000000-0000-0000-0000-000000000000/unpublish`, { method: "POST", headers: auth });
    assert.equal(missing.status, 404);
  });

  it("signs in with the token, edits a title and category, re-runs a check, sets the campaign", async () => {
    const browser = new Browser(app);
    await browser.page("/admin");
    const login = await browser.post("/admin/login", { token: TOKEN });
    assert.equal(login.status, 303);
    assert.ok(browser.cookies.has("verity_admin"));
    const { doc } = await browser.page("/admin");
    assert.ok(doc.querySelector(`[data-testid=admin-checks] tr[data-check-id="${id}"]`));

    assert.equal(
      (await browser.post(`/admin/checks/${id}/edit`, { title: "Edited" }, { origin: "https://evil.example" })).status,
      403,
      "the same-site guard applies to the session",
    );

    const edit = await browser.post(`/admin/checks/${id}/edit`, { title: "Can police refuse <b>ICE</b> detainers?", category: "politics" });
    assert.equal(edit.status, 303);
    const edited = (await v.checks.get(id))!;
    assert.equal(edited.title, "Can police refuse <b>ICE</b> detainers?");
    assert.equal(edited.category, "politics");
    assert.match(edited.url, /^\/checks\/politics\//);
    const moved = await app.request(url);
    assert.equal(moved.status, 301, "the old address redirects");
    assert.equal(moved.headers.get("location"), edited.url);
    const page = await browser.page(edited.url);
    assert.equal(page.doc.querySelector("article h1")?.textContent, "Can police refuse <b>ICE</b> detainers?");
    assert.equal((await browser.post(`/admin/checks/${id}/edit`, { category: "astrology" })).status, 400);

    const rerun = await browser.post(`/admin/checks/${id}/rerun`, {});
    assert.equal(rerun.status, 303);
    assert.equal(rerun.headers.get("location"), `/progress/${id}`);
    await app.queue.whenIdle();
    assert.deepEqual(
      (await v.checks.versions(id)).map((x) => x.version),
      [1, 2],
    );

    const campaign = await browser.post("/admin/campaign", {
      title: "Keep Verity independent",
      goalKind: "supporters",
      goal: "10",
      currency: "EUR",
      deadline: "",
      donationUrl: "https://donate.example.org/verity",
    });
    assert.equal(campaign.status, 303);
    let widget = (await browser.page("/about")).doc.querySelector("[data-testid=campaign-widget]");
    assert.ok(widget);
    assert.equal(widget!.querySelector("[data-testid=campaign-raised]")?.textContent, "0");
    assert.equal(widget!.querySelector("[data-testid=campaign-goal]")?.textContent, "10");
    assert.equal(widget!.querySelector("[data-testid=campaign-donate]")?.getAttribute("href"), "https://donate.example.org/verity");
    assert.equal((await browser.post("/admin/donations", { amount: "20", donor: "Ada" })).status, 303);
    widget = (await browser.page("/")).doc.querySelector("[data-testid=campaign-widget]");
    assert.equal(widget!.querySelector("[data-testid=campaign-raised]")?.textContent, "1");
    assert.equal(widget!.querySelector("[data-testid=campaign-percent]")?.textContent, "10%");
    assert.equal((await browser.post("/admin/campaign", { title: "x", goal: "-3" })).status, 400);

    const logout = await browser.post("/admin/logout", {});
    assert.equal(logout.status, 303);
    assert.equal((await browser.post(`/admin/checks/${id}/unpublish`, {})).status, 401);
  });

  it("is off without a token", async () => {
    const off = createServer(v, { rateLimits: LIMITS });
    assert.equal((await off.request("/admin")).status, 404);
    const res = await off.request(`/admin/checks/${id}/unpublish`, { method: "POST", headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 404);
    await off.close();
  });
});

describe("the campaign widget and the signed donation webhook", () => {
  const SECRET = "whsec-test-secret";
  let v: TempVerity;
  let app: VerityServer;
  before(async () => {
    v = await tempVerity();
    app = createServer(v, {
      now: () => new Date("2030-01-01T00:00:00Z"),
      webhookSecret: SECRET,
      campaign: {
        title: "Fund a year of checks",
        description: "Servers and sources cost money.",
        goalKind: "amount",
        goal: 1000,
        currency: "EUR",
        deadline: "2030-01-11T00:00:00Z",
        donationUrl: "https://donate.example.org/",
      },
    });
  });
  after(async () => {
    await app.close();
    await v.cleanup();
  });

  const hook = (body: string, signature: string | null) =>
    app.request("/api/campaign/webhook", {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...(signature !== null ? { "x-verity-signature": signature } : {}) },
    });

  async function widget(path = "/") {
    const { doc } = await new Browser(app).page(path, path === "/missing" ? 404 : 200);
    const w = doc.querySelector("[data-testid=campaign-widget]");
    assert.ok(w, `the widget is on ${path}`);
    return {
      raised: w!.querySelector("[data-testid=campaign-raised]")?.textContent,
      goal: w!.querySelector("[data-testid=campaign-goal]")?.textContent,
      percent: w!.querySelector("[data-testid=campaign-percent]")?.textContent,
      left: w!.querySelector("[data-testid=campaign-time-left]")?.textContent,
      progress: w!.querySelector("progress")?.getAttribute("value"),
    };
  }

  it("shows the goal, progress and time left on every page", async () => {
    for (const path of ["/", "/about", "/search?q=x", "/missing"]) {
      const w = await widget(path);
      assert.deepEqual(w, { raised: "€0", goal: "€1,000", percent: "0%", left: "10 days left", progress: "0" });
    }
  });

  it("records a signed donation once; refuses bad signatures and replays", async () => {
    const event = JSON.stringify({ id: "evt_1", type: "donation", amount: 250, currency: "EUR", donor: "Ada" });
    const ok = await hook(event, signBody(SECRET, event));
    assert.equal(ok.status, 200);
    assert.deepEqual(await widget(), { raised: "€250", goal: "€1,000", percent: "25%", left: "10 days left", progress: "25" });

    const replay = await hook(event, signBody(SECRET, event));
    assert.equal(replay.status, 409);
    assert.equal((await replay.json()).error.code, "replayed");

    const other = JSON.stringify({ id: "evt_2", type: "donation", amount: 100.5, currency: "EUR" });
    for (const signature of [
      null,
      "sha256=" + "0".repeat(64),
      signBody("wrong-secret", other),
      signBody(SECRET, event),
      "md5=abc",
      signBody(SECRET, other).toUpperCase(),
    ]) {
      const res = await hook(other, signature);
      assert.equal(res.status, 401, String(signature));
      assert.equal((await res.json()).error.code, "bad_signature");
    }
    const tampered = other.replace("100.5", "100000");
    assert.equal((await hook(tampered, signBody(SECRET, other))).status, 401);

    assert.equal((await hook(other, signBody(SECRET, other))).status, 200);
    const ignored = JSON.stringify({ id: "evt_3", type: "refund.created", amount: 5 });
    assert.equal((await hook(ignored, signBody(SECRET, ignored))).status, 202);
    const malformed = JSON.stringify({ id: "evt_4", type: "donation", amount: "lots" });
    assert.equal((await hook(malformed, signBody(SECRET, malformed))).status, 400);

    const numbers = await (await app.request("/api/campaign")).json();
    assert.equal(numbers.raised, 350.5);
    assert.equal(numbers.supporters, 2);
    assert.equal(numbers.percent, 35);
    assert.equal(numbers.timeLeft, "10 days left");
    assert.equal((await widget()).raised, "€350.50");
  });
});
