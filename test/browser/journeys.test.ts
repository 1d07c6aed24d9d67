// The website in a real browser (Debian's Chromium driven by playwright-core) against
// a real server on 127.0.0.1: the reader's journeys of issue 6, with and without
// JavaScript, the admin's actions, and XSS payloads in a question and in a source.
// No timing is asserted: every wait is Playwright's auto-waiting (or a polled
// condition) with a generous limit.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext, Page } from "playwright-core";
import type { Report } from "../../src/domain/report.js";
import { STAGES } from "../../src/domain/progress.js";
import type { IncomingDocument } from "../../src/domain/document.js";
import {
  chromiumAvailable,
  CHROMIUM_PATH,
  DAY_MS,
  launchChromium,
  recordPages,
  startSite,
  type Recorder,
  type TestSite,
} from "../helpers/live-site.js";
import { THREE_CLAIMS_LIBRARY, THREE_CLAIMS_TEXT } from "../fixtures/library-docs.js";

const ICE = "Can local police refuse ICE detainer requests?";
const WALL = "Barack Obama said the Great Wall of China is visible from space";
const COFFEE = "Does coffee cause cancer?";
const SHERIFFS = "Can sheriffs refuse detainer requests without a judicial warrant?";
const MORTALITY = "Is moderate coffee consumption associated with lower mortality?";
const SPANISH = "¿Las vacunas causan autismo?";
const SPANISH_PROGRESS = "¿El café causa cáncer de páncreas?";
const SPANISH_VERDICTS = ["Respaldado", "Refutado", "Engañoso", "Contradictorio", "Sin verificar"];
// A long title gives a long slug, and so a long unbroken share URL.
const LONG =
  "Is it true that drinking several cups of strong black coffee every single morning permanently damages the cardiovascular health of otherwise healthy adults?";

// The brief's three payloads, and one that would open a dialog.
const PAYLOAD = `<script>window.__xss=1</script> <img src=x onerror="window.__xss=2"> "><svg onload="window.__xss=3"> <img src=y onerror=alert(4)>`;
const XSS_QUESTION = `Is the moon made of cheese? ${PAYLOAD}`;
const XSS_DOCUMENT: IncomingDocument = {
  key: "jsonl:moon",
  title: `Moon cheese myths ${PAYLOAD}`,
  text:
    `The moon is not made of green cheese ${PAYLOAD}. ` +
    `Lunar rock samples show the moon is made of rock and dust ${PAYLOAD}. ` +
    "Apollo astronauts brought back 382 kilograms of moon rock.",
  url: "https://example.org/moon",
  publisher: `Space Facts ${PAYLOAD}`,
  author: null,
  publishedAt: "2022-01-01",
  format: "jsonl",
  origin: "jsonl:moon",
};

const TIMEOUT = 20_000;
const JOURNEY = { timeout: 60_000 };
const REPORT_PATH = /^\/checks\/[a-z-]+\/[a-z0-9-]+-[0-9a-f]{8}$/;
const PROGRESS_PATH = /^\/progress\/[0-9a-f-]{36}$/;

interface Visitor {
  context: BrowserContext;
  page: Page;
  /** Null without JavaScript (the recorder lives in the page). */
  recorder: Recorder | null;
  dialogs: string[];
}

/** Polls a condition (for state kept outside the page, such as the recorder's). */
async function eventually(condition: () => boolean, message: string, timeoutMs = TIMEOUT): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) assert.fail(`timed out waiting: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function pathOf(page: Page): string {
  return new URL(page.url()).pathname;
}

async function waitForPath(page: Page, test: (path: string) => boolean): Promise<string> {
  await page.waitForURL((url) => test(url.pathname), { timeout: TIMEOUT });
  return pathOf(page);
}

/** The report page has loaded: its verdict badge, with a known verdict. */
async function expectReport(page: Page): Promise<string> {
  const badge = page.locator("article.report [data-testid=verdict-badge]");
  await badge.waitFor();
  const verdict = await badge.getAttribute("data-verdict");
  assert.match(verdict ?? "", /^(supported|refuted|misleading|conflicting|unverified)$/);
  assert.match((await page.locator("body").getAttribute("class")) ?? "", /\bpage-report\b/);
  // An unverified report has no verdict for a confidence figure to rate, so it shows none.
  if (verdict === "unverified") assert.equal(await page.locator("[data-testid=verdict-confidence]").count(), 0);
  else assert.match((await page.locator("[data-testid=verdict-confidence]").textContent()) ?? "", /\d+%/);
  return verdict!;
}

/** Asks from the home page's box and waits, through the progress page, for the report; its path. */
async function askFromHome(page: Page, text: string): Promise<string> {
  await page.goto("/");
  await page.locator("#ask-input").fill(text);
  await page.locator("#ask-form button[type=submit]").click();
  const path = await waitForPath(page, (p) => REPORT_PATH.test(p));
  await expectReport(page);
  return path;
}

/** The campaign widget of the page in view: progress and time left (for pages seen without JavaScript). */
async function expectCampaign(page: Page): Promise<void> {
  const widget = page.locator("[data-testid=campaign-widget]");
  await widget.waitFor();
  assert.match((await widget.locator("[data-testid=campaign-percent]").textContent()) ?? "", /^\d+%$/);
  assert.match((await widget.locator("[data-testid=campaign-time-left]").textContent()) ?? "", /^[\d,]+ (days?|hours?) left$/);
  assert.match((await widget.locator("[data-testid=campaign-raised]").textContent()) ?? "", /€/);
  assert.match((await widget.locator("progress").getAttribute("value")) ?? "", /^\d+$/);
}

/** Every page the recorder saw (each page load of the journey) showed the campaign's progress and time left. */
function expectCampaignOnEveryPage(recorder: Recorder, minimumPages: number): void {
  assert.ok(recorder.pages.length >= minimumPages, `at least ${minimumPages} pages were seen (${recorder.pages.length})`);
  for (const record of recorder.pages) {
    assert.match(record.bodyClass, /\bpage-/, `${record.url} is a page of the site`);
    assert.ok(record.campaign, `the campaign widget is on ${record.url}`);
    assert.match(record.campaign.percent ?? "", /^\d+%$/, `progress on ${record.url}`);
    assert.match(record.campaign.progress ?? "", /^\d+$/, `progress bar on ${record.url}`);
    assert.match(record.campaign.timeLeft ?? "", /^[\d,]+ (days?|hours?) left$/, `time left on ${record.url}`);
  }
}

describe("the website in Chromium", { skip: chromiumAvailable() ? false : `no Chromium at ${CHROMIUM_PATH}` }, () => {
  let site: TestSite;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let wall: Report;
  let stale: Report;
  let mortality: Report;
  let icePath = "";
  let xssPath = "";
  let spanishPath = "";
  let longPath = "";
  let threeClaimsPath = "";

  async function visitor(options: { javaScript?: boolean; bypassCSP?: boolean } = {}): Promise<Visitor> {
    const javaScript = options.javaScript ?? true;
    const context = await browser.newContext({
      baseURL: site.url,
      javaScriptEnabled: javaScript,
      bypassCSP: options.bypassCSP ?? false,
      viewport: { width: 1280, height: 800 },
      colorScheme: "light",
    });
    contexts.push(context);
    context.setDefaultTimeout(TIMEOUT);
    context.setDefaultNavigationTimeout(TIMEOUT);
    const recorder = javaScript ? await recordPages(context) : null;
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss().catch(() => {});
    });
    return { context, page, recorder, dialogs };
  }

  before(async () => {
    site = await startSite({ documents: [XSS_DOCUMENT, ...THREE_CLAIMS_LIBRARY], donations: [1250] });
    browser = await launchChromium();
    wall = await site.check(WALL);
    mortality = await site.check(MORTALITY);
    longPath = (await site.check(LONG)).url;
    // A check made 100 days ago: justice checks are fresh for 90.
    site.clock.offsetMs = -100 * DAY_MS;
    stale = await site.check(SHERIFFS);
    site.clock.offsetMs = 0;
  });

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await site?.close();
  });

  it("ask → live progress (server-sent events) → report, with JavaScript", JOURNEY, async () => {
    const { page, recorder, dialogs } = await visitor();
    await page.goto("/");
    await page.locator("body.page-home").waitFor();
    await page.locator("[data-testid=ask-limit]").filter({ hasText: "5,000 characters" }).waitFor();
    await page.locator("#ask-input").fill(ICE);
    // The script's character counter runs.
    await page
      .locator("#ask-count")
      .filter({ hasText: `${(5000 - ICE.length).toLocaleString("en")} characters left` })
      .waitFor();

    site.gate.hold();
    await page.locator("[data-testid=ask-submit]").click();
    const progressPath = await waitForPath(page, (p) => PROGRESS_PATH.test(p));
    await site.gate.arrived();
    const progress = page.locator("[data-testid=progress]");
    assert.equal(await progress.getAttribute("data-progress-for"), progressPath.split("/").at(-1));
    await page.locator("[data-testid=progress][data-status=running]").waitFor();
    await page.locator("[data-testid=stage-gather][data-state=running]").waitFor();
    await page.locator("[data-testid=stage-intake][data-state=done]").waitFor();
    await page.locator("[data-testid=stage-audit][data-state=pending]").waitFor();
    assert.equal(await page.locator("[data-testid=progress-stages] [data-stage]").count(), STAGES.length);
    // The event stream is open: its replay has marked the stages seen so far.
    await eventually(() => recorder!.stages.includes("intake:done"), "the progress script received the replay");

    site.gate.release();
    const reportPath = await waitForPath(page, (p) => REPORT_PATH.test(p));
    assert.match(reportPath, /^\/checks\/justice\/can-local-police-refuse-ice-detainer-requests-[0-9a-f]{8}$/);
    assert.equal(reportPath.slice(-8), progressPath.split("/").at(-1)!.slice(0, 8));
    assert.equal(await expectReport(page), "supported");
    assert.equal(await page.locator("article.report h1").textContent(), ICE);
    icePath = reportPath;

    // Every stage after the gate was marked live by the script, up to the audit.
    for (const stage of STAGES)
      assert.ok(recorder!.stages.includes(`${stage}:done`), `stage ${stage} reached done on the page (${recorder!.stages.join(", ")})`);
    assert.ok(recorder!.stages.includes("audit:running"));
    expectCampaignOnEveryPage(recorder!, 3);
    assert.deepEqual(dialogs, []);
  });

  it("ask → progress → report without JavaScript: the progress page refreshes itself", JOURNEY, async () => {
    const { page } = await visitor({ javaScript: false });
    await page.goto("/");
    await page.locator("body.page-home").waitFor();
    await expectCampaign(page);
    await page.locator("#ask-input").fill(COFFEE);
    assert.equal(await page.locator("#ask-count").textContent(), "", "the script does not run");

    site.gate.hold();
    let progressLoads = 0;
    page.on("load", () => {
      if (PROGRESS_PATH.test(pathOf(page))) progressLoads++;
    });
    await page.locator("[data-testid=ask-submit]").click();
    await waitForPath(page, (p) => PROGRESS_PATH.test(p));
    await site.gate.arrived();
    await page.locator("[data-testid=progress][data-status=running]").waitFor();
    assert.equal(await page.locator('meta[http-equiv="refresh"]').getAttribute("content"), "2");
    await expectCampaign(page);
    // The page reloads itself while the check runs.
    await eventually(() => progressLoads >= 2, "the progress page refreshed itself");
    await page.locator("[data-testid=stage-gather][data-state=running]").waitFor();

    site.gate.release();
    await waitForPath(page, (p) => REPORT_PATH.test(p));
    await expectReport(page);
    await expectCampaign(page);
    assert.equal(await page.locator("article.report h1").textContent(), COFFEE);
    assert.ok(await page.locator("[data-testid=share-copy]").isHidden(), "the copy button needs the script");
  });

  it("follows a follow-up question to its check, then links to it from the report", JOURNEY, async () => {
    assert.ok(icePath, "the first journey made the report");
    const { page, recorder } = await visitor();
    await page.goto(icePath);
    await expectReport(page);
    const button = page.locator(".follow-ups [data-testid=follow-up-check]").first();
    const question = ((await button.textContent()) ?? "").trim();
    assert.ok(question.length > 0);
    site.gate.hold();
    await button.click();
    await waitForPath(page, (p) => PROGRESS_PATH.test(p));
    await site.gate.arrived();
    await page.locator("[data-testid=progress] h1", { hasText: question }).waitFor();
    site.gate.release();
    const followPath = await waitForPath(page, (p) => REPORT_PATH.test(p) && p !== icePath);
    await expectReport(page);

    await page.goto(icePath);
    const link = page.locator(".follow-ups [data-testid=follow-up-link]").filter({ hasText: question });
    assert.equal(await link.getAttribute("href"), followPath);
    await link.click();
    await waitForPath(page, (p) => p === followPath);
    await expectReport(page);
    expectCampaignOnEveryPage(recorder!, 4);
  });

  it("votes on “Was this helpful?”, sees the thanks and the tally, and changes the vote", JOURNEY, async () => {
    const { page, recorder } = await visitor();
    await page.goto(icePath);
    await expectReport(page);
    const tally = page.locator("[data-testid=vote-tally]");
    // No tally until someone votes, and neither answer looks chosen before this visitor's.
    const before = (await tally.count()) > 0 ? /^(\d+) of (\d+) /.exec((await tally.textContent()) ?? "") : ["", "0", "0"];
    assert.ok(before);
    const [helpful, total] = [Number(before[1]), Number(before[2])];
    assert.equal(await page.locator("[data-testid=vote-thanks]").count(), 0);
    const looks = (id: string) => page.locator(`[data-testid=${id}]`).evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(await looks("vote-yes"), await looks("vote-no"), "Yes and No look alike before a vote");

    await page.locator("[data-testid=vote-yes]").click();
    await page.locator("[data-testid=vote-thanks]").filter({ hasText: "you said this report was helpful" }).waitFor();
    assert.equal(new URL(page.url()).hash, "#vote");
    assert.equal(await tally.textContent(), `${helpful + 1} of ${total + 1} readers found this helpful.`);
    assert.equal(await page.locator("[data-testid=vote-yes]").getAttribute("aria-pressed"), "true");

    await page.locator("[data-testid=vote-no]").click();
    await page.locator("[data-testid=vote-thanks]").filter({ hasText: "not helpful" }).waitFor();
    assert.equal(await tally.textContent(), `${helpful} of ${total + 1} readers found this helpful.`, "the vote changed, not added");
    assert.equal(await page.locator("[data-testid=vote-no]").getAttribute("aria-pressed"), "true");
    expectCampaignOnEveryPage(recorder!, 3);
  });

  it("re-checks a stale report: banner, button, a new version, the earlier one still reachable", JOURNEY, async () => {
    const { page, recorder } = await visitor();
    await page.goto(stale.url);
    await expectReport(page);
    const banner = page.locator("[data-testid=stale-banner]");
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? "", new RegExp(`checks in ${stale.category} may be out of date after \\d+ days`));
    assert.equal(await page.locator("[data-testid=versions]").count(), 0, "one version so far");

    site.gate.hold();
    await page.locator("[data-testid=recheck-button]").click();
    await waitForPath(page, (p) => p === `/progress/${stale.id}`);
    await site.gate.arrived();
    await page.locator("[data-testid=progress][data-status=running]").waitFor();
    site.gate.release();
    await waitForPath(page, (p) => p === stale.url);
    await expectReport(page);
    assert.equal(await page.locator("[data-testid=stale-banner]").count(), 0, "fresh again");
    await page.locator("[data-testid=versions]").waitFor();

    await page.locator("[data-testid=version-link-1]").click();
    await page.waitForURL((url) => url.searchParams.get("version") === "1");
    await page.locator("[data-testid=old-version-notice]").waitFor();
    await expectReport(page);
    await page.locator("[data-testid=latest-version-link]").click();
    await page.waitForURL((url) => url.pathname === stale.url && url.search === "");
    await page.locator("[data-testid=versions]").waitFor();
    assert.equal(await page.locator("[data-testid=old-version-notice]").count(), 0);
    assert.deepEqual(
      (await site.verity.checks.versions(stale.id)).map((v) => v.version),
      [1, 2],
    );
    expectCampaignOnEveryPage(recorder!, 5);
  });

  it("browses a category, a person, a topic and the archive, and searches", JOURNEY, async () => {
    const { page, recorder } = await visitor();
    await page.goto("/");
    await page.locator(".site-nav a", { hasText: "Categories" }).click();
    await page.locator("[data-testid=category-list]").waitFor();
    await page.locator("[data-testid=category-list] a", { hasText: /^justice$/ }).click();
    await waitForPath(page, (p) => p === "/category/justice");
    const justice = page.locator("[data-testid=category-checks] a.title");
    await justice.first().waitFor();
    const justiceLinks = await justice.evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(justiceLinks.includes(icePath) && justiceLinks.includes(stale.url), justiceLinks.join(" "));

    await page.locator(".site-nav a", { hasText: "People & organisations" }).click();
    await page.locator("[data-testid=entity-list] a", { hasText: "Barack Obama" }).click();
    await page.locator("h1", { hasText: "Person: Barack Obama" }).waitFor();
    await page.locator("[data-testid=entity-description]").waitFor();
    assert.equal(await page.locator("[data-testid=entity-checks] a.title").getAttribute("href"), wall.url);

    await page.locator(".site-nav a", { hasText: "Topics" }).click();
    await page.locator("[data-testid=topic-list] a", { hasText: "Great Wall of China" }).click();
    await page.locator("[data-testid=topic-checks] a.title").first().waitFor();
    assert.equal(await page.locator("[data-testid=topic-checks] a.title").getAttribute("href"), wall.url);

    // The header's search box.
    await page.locator("[data-testid=site-search] input[name=q]").fill("detainer");
    await page.locator("[data-testid=site-search] input[name=q]").press("Enter");
    await page.locator("body.page-search").waitFor();
    assert.match((await page.locator("[data-testid=search-count]").textContent()) ?? "", /^\d+ checks? match(es)? “detainer”/);
    const found = await page
      .locator("[data-testid=search-results] a.title")
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    assert.ok(found.includes(icePath) && found.includes(stale.url), found.join(" "));
    assert.ok((await page.locator("[data-testid=search-results] mark").count()) > 0, "matches are highlighted");

    // The search page's own form, then a result.
    await page.locator("[data-testid=search-input]").fill("great wall");
    await page.locator("[data-testid=search-submit]").click();
    await page.locator("[data-testid=search-count]", { hasText: "great wall" }).waitFor();
    await page.locator("[data-testid=search-results] a.title", { hasText: "Great Wall" }).first().click();
    await waitForPath(page, (p) => p === wall.url);
    await expectReport(page);

    await page.goto("/checks");
    await page.locator("[data-testid=archive-count]").waitFor();
    assert.ok((await page.locator("[data-testid=archive-checks] li.check-item").count()) >= 5);
    expectCampaignOnEveryPage(recorder!, 9);
  });

  it("admin: signs in with the token, unpublishes, edits the title and category, re-runs, records a donation", JOURNEY, async () => {
    const { page, recorder } = await visitor();
    await page.goto("/admin");
    await page.locator("[data-testid=admin-login-form]").waitFor();
    await page.locator("[data-testid=admin-token]").fill("not-the-token");
    await page.locator("[data-testid=admin-login]").click();
    await page.locator("[data-testid=admin-login-error]").waitFor();
    await page.locator("[data-testid=admin-token]").fill(site.adminToken);
    await page.locator("[data-testid=admin-login]").click();
    await page.locator("[data-testid=admin-checks]").waitFor();
    const row = page.locator(`[data-testid=admin-checks] tr[data-check-id="${mortality.id}"]`);
    assert.equal(await row.getAttribute("data-status"), "done");

    // Unpublish: the report's page is gone, then back after republishing.
    await row.locator("[data-testid=admin-unpublish]").click();
    await page.locator("[data-testid=admin-notice]", { hasText: "unpublished" }).waitFor();
    assert.equal(await row.getAttribute("data-status"), "unpublished");
    const gone = await page.goto(mortality.url);
    assert.equal(gone?.status(), 404);
    await page.locator("[data-testid=error-page]").waitFor();
    await page.goto("/admin");
    await row.locator("[data-testid=admin-republish]").click();
    await page.locator("[data-testid=admin-notice]", { hasText: "published again" }).waitFor();
    assert.equal((await page.goto(mortality.url))?.status(), 200);

    // Edit the title and the category: the address follows, the old one redirects.
    await page.goto("/admin");
    await row.locator("[data-testid=admin-edit]").click();
    await page.locator("[data-testid=admin-edit-form]").waitFor();
    const newCategory = mortality.category === "science" ? "health" : "science";
    const newTitle = "Coffee and mortality: what the cohort studies say";
    await page.locator("[data-testid=admin-edit-title]").fill(newTitle);
    await page.locator("[data-testid=admin-edit-category]").selectOption(newCategory);
    await page.locator("[data-testid=admin-edit-save]").click();
    await page.locator("[data-testid=admin-notice]", { hasText: "updated" }).waitFor();
    const newUrl = await row.locator("a").first().getAttribute("href");
    assert.ok(newUrl?.startsWith(`/checks/${newCategory}/`), newUrl ?? "");
    await page.goto(mortality.url);
    await waitForPath(page, (p) => p === newUrl);
    await expectReport(page);
    assert.equal(await page.locator("article.report h1").textContent(), newTitle);

    // Re-run: the progress page, then the report with a second version.
    await page.goto("/admin");
    site.gate.hold();
    await row.locator("[data-testid=admin-rerun]").click();
    await waitForPath(page, (p) => p === `/progress/${mortality.id}`);
    await site.gate.arrived();
    site.gate.release();
    // (The new version is filed where the pipeline puts it, which may undo the edit's category.)
    await waitForPath(page, (p) => REPORT_PATH.test(p) && p.endsWith(mortality.id.slice(0, 8)));
    await expectReport(page);
    await page.locator("[data-testid=version-link-1]").waitFor();

    // A donation moves the campaign widget.
    await page.goto("/admin");
    const raisedBefore = await page.locator("[data-testid=campaign-raised]").textContent();
    await page.locator("[data-testid=admin-donation-amount]").fill("250");
    await page.locator("[data-testid=admin-donation-save]").click();
    await page.locator("[data-testid=admin-notice]", { hasText: "donation was recorded" }).waitFor();
    assert.equal(raisedBefore, "€1,250");
    assert.equal(await page.locator("[data-testid=campaign-raised]").textContent(), "€1,500");
    assert.equal(await page.locator("[data-testid=campaign-percent]").textContent(), "30%");

    await page.locator("[data-testid=admin-logout]").click();
    await page.locator("[data-testid=admin-login-form]").waitFor();
    expectCampaignOnEveryPage(recorder!, 12);
  });

  it("no script from an XSS payload in a question or in a source's text ever runs", JOURNEY, async () => {
    // The CSP would stop inline scripts anyway; without it, the escaping alone is tested.
    const { page, recorder, dialogs } = await visitor({ bypassCSP: true });
    const checked: string[] = [];
    const expectInert = async (what: string) => {
      await page.waitForLoadState("load");
      checked.push(what);
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined, `window.__xss on ${what}`);
      assert.deepEqual(recorder!.xss, [], `no payload ran (${what})`);
      assert.deepEqual(dialogs, [], `no dialog (${what})`);
      assert.equal(
        await page.locator("main script, main img, main svg, main [onerror], main [onload]").count(),
        0,
        `no injected element on ${what}`,
      );
    };
    const showsPayload = async (selector: string) => {
      const text = (await page.locator(selector).allTextContents()).join("\n");
      for (const piece of ["<script>window.__xss=1</script>", '<img src=x onerror="window.__xss=2">', '"><svg onload="window.__xss=3">']) {
        assert.ok(text.includes(piece), `${selector} shows ${piece} as text`);
      }
    };

    const home = await page.goto("/");
    assert.match(
      home?.headers()["content-security-policy"] ?? "",
      /script-src 'self'/,
      "the server sends its CSP (bypassed here on purpose)",
    );
    await page.locator("#ask-input").fill(XSS_QUESTION);
    site.gate.hold();
    await page.locator("[data-testid=ask-submit]").click();
    const progressPath = await waitForPath(page, (p) => PROGRESS_PATH.test(p));
    await site.gate.arrived();
    await page.locator("[data-testid=progress][data-status=running]").waitFor();
    await expectInert("the progress page");
    await showsPayload("[data-testid=progress] h1");
    const checkId = progressPath.split("/").at(-1)!;

    site.gate.release();
    const reportPath = await waitForPath(page, (p) => REPORT_PATH.test(p));
    await expectReport(page);
    await expectInert("the report");
    await showsPayload("article.report .submitted");
    await showsPayload("article.report blockquote");
    await showsPayload("article.report .sources");
    assert.ok((await page.locator("[data-testid=follow-up-check]").count()) > 0);

    await page.locator("[data-testid=layout-briefing]").click();
    await page.waitForURL((url) => url.searchParams.get("layout") === "briefing");
    await page.locator("article.report-briefing").waitFor();
    await expectInert("the briefing layout");
    await showsPayload("article.report blockquote");

    await page.goto("/");
    await page.locator(`[data-testid=latest-checks] li[data-check-id="${checkId}"]`).waitFor();
    await expectInert("the home page");
    await showsPayload(`[data-testid=latest-checks] li[data-check-id="${checkId}"]`);

    await page.goto(`/search?q=${encodeURIComponent("moon cheese")}`);
    await page.locator(`[data-testid=search-results] li[data-check-id="${checkId}"]`).waitFor();
    await expectInert("the search page");
    assert.match((await page.locator(`[data-testid=search-results] li[data-check-id="${checkId}"]`).textContent()) ?? "", /window\.__xss/);

    await page.goto("/checks");
    await page.locator(`[data-testid=archive-checks] li[data-check-id="${checkId}"]`).waitFor();
    await expectInert("the archive");

    const category = reportPath.split("/")[2]!;
    await page.goto(`/category/${category}`);
    await page.locator(`[data-testid=category-checks] li[data-check-id="${checkId}"]`).waitFor();
    await expectInert("the category page");

    await page.goto("/mine");
    await page.locator(`[data-testid=mine-checks] li[data-check-id="${checkId}"]`).waitFor();
    await expectInert("Your checks");

    // The payload in the search box itself, echoed back.
    await page.goto(`/search?q=${encodeURIComponent(PAYLOAD.slice(0, 200))}`);
    await page.locator("[data-testid=search-count]").waitFor();
    await expectInert("a search for the payload");
    assert.equal(await page.locator("[data-testid=search-input]").inputValue(), PAYLOAD.slice(0, 200));

    assert.equal(checked.length, 9);
    expectCampaignOnEveryPage(recorder!, 9);
    xssPath = reportPath;
  });

  it("asks in Spanish and reads a Spanish report: the claim, its category, Spanish words and date", JOURNEY, async () => {
    const { page } = await visitor();
    spanishPath = await askFromHome(page, SPANISH);
    assert.match(spanishPath, /^\/checks\/health\//, "filed under health, not other");
    assert.equal(await page.locator("article.report").getAttribute("lang"), "es");
    assert.ok(SPANISH_VERDICTS.includes((await page.locator("article.report [data-testid=verdict-badge]").textContent()) ?? ""));
    assert.equal(await page.locator("article.report .claims h2").textContent(), "Afirmaciones verificadas");
    assert.equal(
      await page
        .locator("article.report .claims li")
        .first()
        .evaluate((li) => li.firstChild?.textContent?.trim()),
      "Las vacunas causan autismo.",
    );
    assert.match((await page.locator("article.report .meta").textContent()) ?? "", /^Verificado el \d{1,2} de [a-z]+ de \d{4}\.$/);
    assert.equal(await page.locator("#vote-heading").textContent(), "¿Le ha resultado útil?");
    assert.match((await page.locator(".report-about").textContent()) ?? "", /^Archivado en salud/);
    // The analyst's own prose is Spanish: the answer line, the findings' headings, the follow-ups.
    assert.match((await page.locator("article.report .headline").textContent()) ?? "", /^(?:Sí|No|En parte|No está claro): /);
    const summary = page.locator("article.report .section-summary");
    assert.match((await summary.locator("h3").first().textContent()) ?? "", /^(?:Las pruebas|Las fuentes|No hay pruebas)/);
    assert.match((await summary.locator("p").first().textContent()) ?? "", /^(?:Sí|No|En parte|No está claro)\. /);
    const followUps = await page.locator("article.report .follow-ups li").allTextContents();
    assert.ok(followUps.length > 0, "follow-ups");
    for (const question of followUps) assert.match(question.trim(), /^¿.+\?$/, question);
  });

  it("watches a Spanish question's progress page turn Spanish once intake has read it, with JavaScript", JOURNEY, async () => {
    const { page } = await visitor();
    await page.goto("/");
    await page.locator("#ask-input").fill(SPANISH_PROGRESS);
    site.gate.hold();
    await page.locator("#ask-form button[type=submit]").click();
    await waitForPath(page, (p) => PROGRESS_PATH.test(p));
    await site.gate.arrived();
    // The page was served before the language was known, or after: either way the script brings it to Spanish.
    await page.locator("[data-testid=progress][lang=es]").waitFor();
    assert.equal(await page.locator("h1").textContent(), `Verificando: ${SPANISH_PROGRESS}`);
    await page.locator("[data-testid=stage-intake] .state").filter({ hasText: "hecho" }).waitFor();
    assert.equal(await page.locator("[data-testid=stage-gather] .name").textContent(), "Búsqueda de fuentes");
    site.gate.release();
    await waitForPath(page, (p) => REPORT_PATH.test(p));
    assert.equal(await page.locator("article.report").getAttribute("lang"), "es");
  });

  it(
    "pastes a text of three claims and reads each under “Claims checked”, with its verdict and a link to its evidence",
    JOURNEY,
    async () => {
      const { page } = await visitor();
      threeClaimsPath = await askFromHome(page, THREE_CLAIMS_TEXT);
      const claims = page.locator("article.report section.claims > ul > li");
      assert.equal(await page.locator("article.report section.claims h2").textContent(), "Claims checked");
      assert.equal(await claims.count(), 3);
      const texts = await claims.evaluateAll((items) => items.map((li) => li.firstChild?.textContent?.trim()));
      assert.deepEqual(texts, [
        "Regular coffee drinking lowers the risk of type 2 diabetes.",
        "Smoking during pregnancy doubles the risk of sudden infant death syndrome.",
        "Taking aspirin every day prevents colorectal cancer in all adults.",
      ]);
      for (let i = 0; i < 3; i++) {
        const claim = claims.nth(i);
        assert.match(
          (await claim.locator(".verdict").getAttribute("class")) ?? "",
          /\bverdict-(supported|refuted|misleading|conflicting|unverified)\b/,
        );
        const link = claim.locator("a.evidence-link");
        assert.equal(await link.textContent(), "See the evidence");
        const target = (await link.getAttribute("href")) ?? "";
        assert.match(target, /^#.+/);
        // The link leads to that claim's paragraph of evidence, which names the claim in its heading.
        await link.click();
        await page.waitForURL((url) => url.hash === target);
        const section = page.locator(target);
        assert.equal(await section.count(), 1, `${target} exists`);
        assert.ok(((await section.textContent()) ?? "").includes(texts[i]!.replace(/\.$/, "")), `${target} is about claim ${i + 1}`);
        assert.ok(await section.isVisible(), `${target} is shown`);
      }
    },
  );

  for (const width of [320, 390]) {
    it(`at a phone's width (${width} px) no page scrolls sideways`, JOURNEY, async () => {
      const context = await browser.newContext({ baseURL: site.url, viewport: { width, height: 844 }, isMobile: true, hasTouch: true });
      contexts.push(context);
      context.setDefaultTimeout(TIMEOUT);
      const page = await context.newPage();
      const paths = [
        "/",
        icePath,
        `${icePath}?layout=briefing`,
        xssPath,
        spanishPath,
        threeClaimsPath,
        wall.url,
        mortality.url,
        longPath,
        `${longPath}?layout=briefing`,
        `${stale.url}?version=1`,
        "/checks",
        "/category",
        "/category/justice",
        "/entity",
        "/topic",
        "/search?q=detainer",
        "/mine",
        "/methodology",
        "/admin",
        "/no/such/page",
      ];
      for (const path of paths) {
        assert.ok(path, "the earlier journeys made the reports");
        await page.goto(path);
        await page.locator("body[class^=page-]").waitFor();
        await page.locator("[data-testid=campaign-widget]").waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} is ${overflow} px wider than the screen at ${width} px`);
      }
      // The long report's share link is one unbroken URL longer than the screen is wide: it wraps.
      await page.goto(longPath);
      const link = await page.locator("[data-testid=share-permalink]").textContent();
      assert.ok((link ?? "").length * 7 > width, `the share link (${link}) is long enough to test wrapping`);
    });
  }
});
