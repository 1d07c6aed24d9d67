// The report page, /checks/{category}/{slug}-{short id}: the report article (classic
// or briefing layout), follow-ups that link to their check or start one, the
// helpfulness vote, share links, earlier versions (?version=N), and the stale banner
// with its re-check button. ClaimReview JSON-LD and social cards in the head.
import type { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { FRESHNESS_MS, isCategory, isStale } from "../../domain/categories.js";
import type { Report } from "../../domain/report.js";
import { collapseWhitespace, normalizeForMatch, truncate } from "../../domain/text.js";
import { renderHtml } from "../../render/html.js";
import { formatDate, stripCitations, verdictWord, type Layout } from "../../render/words.js";
import type { AppContext, AppEnv, Site } from "../context.js";
import { type Html, csrfField, joinHtml } from "../components.js";
import { html, raw } from "hono/html";
import { claimReview, jsonForScript } from "../jsonld.js";
import { notFoundPage, rateLimited, readForm, sendPage, VISITOR_COOKIE, visitorId } from "../respond.js";
import { clientAddress } from "../security.js";

export function reportRoutes(app: Hono<AppEnv>, site: Site): void {
  app.get("/checks/:category/:slugId", async (c) => {
    const slugId = c.req.param("slugId");
    const match = /^(.*)-([0-9a-f]{8})$/.exec(slugId);
    if (!match) return notFoundPage(c, site);
    const current = await site.archive.findPublished(match[2]!, match[1]!);
    if (!current) return notFoundPage(c, site, "There is no report at this address. It may have been withdrawn.");
    const versionParam = c.req.query("version");
    const layoutParam = c.req.query("layout");
    // An old address (the category or slug changed): send the reader to the current one.
    if (current.url !== c.req.path) {
      // Browsers keep a 301 for good unless told otherwise; the address can move back
      // (another edit, or a re-check filed elsewhere), and a kept redirect would then loop.
      c.header("Cache-Control", "no-cache");
      const query = new URLSearchParams();
      if (versionParam) query.set("version", versionParam);
      if (layoutParam) query.set("layout", layoutParam);
      return c.redirect(current.url + (query.size > 0 ? `?${query}` : ""), 301);
    }
    let report = current;
    if (versionParam !== undefined) {
      const n = /^\d{1,6}$/.test(versionParam) ? Number(versionParam) : NaN;
      const earlier = Number.isInteger(n) && n >= 1 && n !== current.version ? await site.verity.checks.getVersion(current.id, n) : null;
      if (n !== current.version && !earlier) return notFoundPage(c, site, "This report has no such version.");
      if (earlier) report = earlier;
    } else {
      await site.site.countRead(current.id);
    }
    const layout: Layout = layoutParam === "briefing" ? "briefing" : "classic";
    return renderReport(c, site, current, report, layout);
  });

  app.post("/checks/:id/vote", async (c) => {
    const read = await readForm(c, site);
    if ("response" in read) return read.response;
    const report = await site.archive.getPublished(c.req.param("id"));
    if (!report) return notFoundPage(c, site);
    const limited = await rateLimited(c, site, site.limits.votes, clientAddress(c, site.options.trustProxy), false);
    if (limited) return limited;
    const value = read.form.helpful;
    if (value !== "yes" && value !== "no") return c.redirect(`${report.url}#vote`, 303);
    await site.site.vote(report.id, visitorId(c, site), value === "yes", site.options.now().toISOString());
    return c.redirect(`${report.url}#vote`, 303);
  });
}

async function renderReport(c: AppContext, site: Site, current: Report, report: Report, layout: Layout): Promise<Response> {
  const csrf = c.get("csrf");
  const base = site.options.baseUrl;
  const canonical = base + current.url;
  const isOld = report.version !== current.version;
  const now = site.options.now().getTime();
  const stale = !isOld && isStale(current.category, current.checkedAt, now);

  const questions = report.followUps.map((f) => collapseWhitespace(f.question)).filter(Boolean);
  const known = await site.archive.findByMatchKeys(questions.map(normalizeForMatch));
  // The report renderer takes strings; these templates hold no promise, so they render at once.
  const followUp = (question: string): string => {
    const existing = known.get(normalizeForMatch(question));
    if (existing) return String(html`<a href="${existing.url}" data-testid="follow-up-link">${question}</a>`);
    return String(
      html`<form method="post" action="/checks" class="follow-up-form">${csrfField(csrf)}<input type="hidden" name="input" value="${question}"><button type="submit" class="link" data-testid="follow-up-check">${question}</button></form>`,
    );
  };
  const article = raw(renderHtml(report, { standalone: false, layout, followUp, testIds: true }));

  const [versions, tally, job] = await Promise.all([
    site.verity.checks.versions(current.id),
    site.site.tally(current.id),
    site.queue.latestJob(current.id),
  ]);
  const voter = getCookie(c, VISITOR_COOKIE);
  const myVote = voter ? await site.site.voteOf(current.id, voter) : null;
  const rechecking = job && (job.status === "queued" || job.status === "running") ? job : null;

  const query = (params: Record<string, string | number | null>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== null) q.set(k, String(v));
    return q.size > 0 ? `${current.url}?${q}` : current.url;
  };
  const versionParam = isOld ? report.version : null;
  const windowDays = Math.round((isCategory(current.category) ? FRESHNESS_MS[current.category] : FRESHNESS_MS.other) / 86_400_000);

  const banners: Html[] = [];
  if (isOld) {
    banners.push(html`<div class="banner" role="note" data-testid="old-version-notice">You are reading version ${report.version} of this check, from ${formatDate(report.checkedAt)}.
<a href="${current.url}" data-testid="latest-version-link">Read the latest version (${current.version})</a>.</div>`);
  }
  if (rechecking) {
    banners.push(
      html`<div class="banner" role="status" data-testid="recheck-running">This check is being re-checked now. <a href="/progress/${current.id}">Follow the re-check</a>.</div>`,
    );
  } else if (stale) {
    banners.push(html`<div class="banner" role="note" data-testid="stale-banner">This report was checked on ${formatDate(current.checkedAt)}: checks in ${current.category} may be out of date after ${windowDays} days.
<form method="post" action="/checks/${current.id}/recheck" data-testid="recheck-form">${csrfField(csrf)}<button type="submit" data-testid="recheck-button">Re-check it now</button></form></div>`);
  }

  const layoutSwitch = html`<nav class="layout-switch" aria-label="Layout" data-testid="layout-switch">Layout:
<a href="${query({ version: versionParam })}" data-testid="layout-classic"${layout === "classic" ? html` aria-current="page"` : ""}>classic</a> ·
<a href="${query({ version: versionParam, layout: "briefing" })}" data-testid="layout-briefing"${layout === "briefing" ? html` aria-current="page"` : ""}>briefing</a></nav>`;

  const formats = html`<span class="formats">Also as <a href="/api/checks/${current.id}" data-testid="report-json">JSON</a></span>`;

  const vote = html`<section class="vote" id="vote" data-testid="vote" aria-labelledby="vote-heading">
<h2 id="vote-heading">Was this helpful?</h2>
<form method="post" action="/checks/${current.id}/vote" data-testid="vote-form">${csrfField(csrf)}
<button type="submit" name="helpful" value="yes" data-testid="vote-yes"${myVote === true ? html` aria-pressed="true"` : ""}>Yes</button>
<button type="submit" name="helpful" value="no" class="secondary" data-testid="vote-no"${myVote === false ? html` aria-pressed="true"` : ""}>No</button>
<span class="muted" data-testid="vote-tally">${tally.helpful} of ${tally.helpful + tally.notHelpful} readers found this helpful.</span>
</form>
${myVote !== null ? html`<p class="muted" data-testid="vote-thanks">Thank you: you said this report was ${myVote ? "helpful" : "not helpful"}. You can change your answer.</p>` : ""}
</section>`;

  const shareText = `${verdictWord(current.verdict.label)}: ${collapseWhitespace(current.title)}`;
  const enc = encodeURIComponent;
  const shareLinks: [string, string, string][] = [
    ["share-x", "X", `https://twitter.com/intent/tweet?text=${enc(shareText)}&url=${enc(canonical)}`],
    ["share-facebook", "Facebook", `https://www.facebook.com/sharer/sharer.php?u=${enc(canonical)}`],
    ["share-linkedin", "LinkedIn", `https://www.linkedin.com/sharing/share-offsite/?url=${enc(canonical)}`],
    ["share-reddit", "Reddit", `https://www.reddit.com/submit?url=${enc(canonical)}&title=${enc(shareText)}`],
    ["share-whatsapp", "WhatsApp", `https://wa.me/?text=${enc(`${shareText} ${canonical}`)}`],
    ["share-email", "Email", `mailto:?subject=${enc(shareText)}&body=${enc(canonical)}`],
  ];
  const share = html`<section class="share" data-testid="share" aria-labelledby="share-heading">
<h2 id="share-heading">Share this report</h2>
<ul>${shareLinks.map(([id, label, href]) => html`<li><a href="${href}" rel="noopener nofollow" data-testid="${id}">${label}</a></li>`)}
<li><button type="button" class="secondary" data-copy="${canonical}" data-testid="share-copy" hidden>Copy link</button></li></ul>
<p class="muted">Link: <a href="${current.url}" data-testid="share-permalink">${canonical}</a></p>
</section>`;

  const versionList =
    versions.length > 1
      ? html`<section class="versions" data-testid="versions" aria-labelledby="versions-heading">
<h2 id="versions-heading">Versions</h2>
<ul>${[...versions]
          .reverse()
          .map(
            (v) =>
              html`<li>${
                v.version === report.version
                  ? html`<strong>Version ${v.version}</strong>`
                  : html`<a href="${v.version === current.version ? current.url : query({ version: v.version })}" data-testid="version-link-${v.version}">Version ${v.version}</a>`
              } <span class="muted">checked on ${formatDate(v.checkedAt)}${v.version === current.version ? " (latest)" : ""}</span></li>`,
          )}</ul></section>`
      : "";

  const about = html`<p class="muted report-about">Filed under <a href="/category/${encodeURIComponent(current.category)}">${current.category}</a>${
    current.entities.length > 0
      ? html` · about ${joinHtml(
          current.entities.map((e) =>
            e.type === "person" || e.type === "organization"
              ? html`<a href="/entity/${encodeURIComponent(e.name)}">${e.name}</a>`
              : html`<a href="/topic/${encodeURIComponent(e.name)}">${e.name}</a>`,
          ),
          ", ",
        )}`
      : ""
  }</p>`;

  const body = html`${banners}
<div class="report-tools">${layoutSwitch} ${formats}</div>
${article}
${about}
${isOld ? "" : vote}
${share}
${versionList}`;

  const description = truncate(stripCitations(report.verdict.headline) || collapseWhitespace(report.title), 200);
  const head = html`<script type="application/ld+json">${raw(jsonForScript(claimReview(report, base)))}</script>
<meta property="article:published_time" content="${report.checkedAt}">
<meta property="article:section" content="${report.category}">
<link rel="alternate" type="application/json" href="/api/checks/${current.id}">
${isOld || layout !== "classic" ? html`<meta name="robots" content="noindex">` : ""}`;
  return sendPage(c, site, {
    title: collapseWhitespace(report.title) || "Report",
    description,
    canonicalPath: current.url,
    body,
    head,
    ogType: "article",
    pageClass: "page-report",
  });
}
