// The report page, /checks/{category}/{slug}-{short id}: the report article (classic
// or briefing layout), follow-ups that link to their check or start one, the
// helpfulness vote, share links, earlier versions (?version=N), and the stale banner
// with its re-check button. ClaimReview JSON-LD and social cards (with the version's share card) in the head.
import type { Context } from "hono";
import { html, raw } from "hono/html";
import { FRESHNESS_MS, isCategory, isStale } from "../../domain/categories.js";
import type { Report } from "../../domain/report.js";
import { collapseWhitespace, truncate } from "../../domain/text.js";
import { renderHtml } from "../../render/html.js";
import { categoryWord, formatDate, stripCitations, verdictWord, type ReportLayout } from "../../render/words.js";
import { t } from "../../render/i18n/catalog.js";
import { localeOf, type Locale } from "../../domain/locale.js";
import { cardPath } from "../../render/card.js";
import { joinHtml, type Html } from "../components.js";
import type { Web } from "../context.js";
import { claimReview, jsonForScript } from "../jsonld.js";
import { siteBaseUrl } from "../options.js";
import { pageEntry } from "../cached.js";
import { etagOf, type CachedPage } from "../page-cache.js";
import type { VoteTally } from "../../service/votes.js";

/** Where the vote section goes in the cached page: the visitor's own vote is put in when it is served. */
const VOTE_SLOT = "<!--verity:vote-->";

/**
 * The report page as a cache entry: the same for every visitor, with the vote section
 * filled in per visitor (their vote pressed) when it is served. `countsRead`: a view of
 * this page is a read of the report (not of an earlier version).
 */
export async function reportPage(
  c: Context,
  web: Web,
  current: Report,
  report: Report,
  layout: ReportLayout,
  countsRead: boolean,
): Promise<CachedPage | Response> {
  const { archive, progress, votes } = web.services;
  const base = siteBaseUrl(c, web.options);
  const canonical = base + current.url;
  const isOld = report.version !== current.version;
  const now = web.options.now().getTime();
  const stale = !isOld && isStale(current.category, current.checkedAt, now);
  // The page's own words follow the report's language; the site's chrome around them stays English.
  const locale = localeOf(report.language);

  const questions = report.followUps.map((f) => collapseWhitespace(f.question)).filter(Boolean);
  const known = await archive.answered(questions);
  // The report renderer takes strings; these templates hold no promise, so they render at once.
  const followUp = (question: string): string => {
    const existing = known.get(question);
    if (existing) return String(html`<a href="${existing.url}" data-testid="follow-up-link">${question}</a>`);
    return String(
      html`<form method="post" action="/checks" class="follow-up-form"><input type="hidden" name="input" value="${question}"><button type="submit" class="link" data-testid="follow-up-check">${question}</button></form>`,
    );
  };
  const article = raw(renderHtml(report, { standalone: false, layout, followUp, testIds: true }));

  const [versions, tally, job] = await Promise.all([archive.versions(current.id), votes.tally(current.id), progress.latestJob(current.id)]);
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
    banners.push(html`<div class="banner" role="note" data-testid="old-version-notice" lang="${locale}">${t(locale, "page.oldVersion", { version: report.version, date: formatDate(report.checkedAt, locale) })}
<a href="${current.url}" data-testid="latest-version-link">${t(locale, "page.latestVersion", { version: current.version })}</a>.</div>`);
  }
  if (rechecking) {
    banners.push(
      html`<div class="banner" role="status" data-testid="recheck-running" lang="${locale}">${t(locale, "page.rechecking")} <a href="/progress/${current.id}">${t(locale, "page.followRecheck")}</a>.</div>`,
    );
  } else if (stale) {
    banners.push(html`<div class="banner" role="note" data-testid="stale-banner" lang="${locale}">${t(locale, "page.stale", { date: formatDate(current.checkedAt, locale), category: categoryWord(current.category, locale), days: windowDays })}
<form method="post" action="/checks/${current.id}/recheck" data-testid="recheck-form"><button type="submit" data-testid="recheck-button">${t(locale, "page.recheck")}</button></form></div>`);
  }

  const layoutSwitch = html`<nav class="layout-switch" aria-label="${t(locale, "page.layout").replace(/\s*:$/, "")}" data-testid="layout-switch">${t(locale, "page.layout")}
<a href="${query({ version: versionParam })}" data-testid="layout-classic"${layout === "classic" ? html` aria-current="page"` : ""}>${t(locale, "page.layoutClassic")}</a> ·
<a href="${query({ version: versionParam, layout: "briefing" })}" data-testid="layout-briefing"${layout === "briefing" ? html` aria-current="page"` : ""}>${t(locale, "page.layoutBriefing")}</a></nav>`;

  const formats = html`<span class="formats">${t(locale, "page.alsoAs")} <a href="/api/checks/${current.id}" data-testid="report-json">JSON</a></span>`;

  const shareText = `${verdictWord(current.verdict.label, locale)}: ${collapseWhitespace(current.title)}`;
  const enc = encodeURIComponent;
  const shareLinks: [string, string, string][] = [
    ["share-x", "X", `https://twitter.com/intent/tweet?text=${enc(shareText)}&url=${enc(canonical)}`],
    ["share-facebook", "Facebook", `https://www.facebook.com/sharer/sharer.php?u=${enc(canonical)}`],
    ["share-linkedin", "LinkedIn", `https://www.linkedin.com/sharing/share-offsite/?url=${enc(canonical)}`],
    ["share-reddit", "Reddit", `https://www.reddit.com/submit?url=${enc(canonical)}&title=${enc(shareText)}`],
    ["share-whatsapp", "WhatsApp", `https://wa.me/?text=${enc(`${shareText} ${canonical}`)}`],
    ["share-email", t(locale, "page.email"), `mailto:?subject=${enc(shareText)}&body=${enc(canonical)}`],
  ];
  const share = html`<section class="share" data-testid="share" aria-labelledby="share-heading" lang="${locale}">
<h2 id="share-heading">${t(locale, "page.share")}</h2>
<ul>${shareLinks.map(([id, label, href]) => html`<li><a href="${href}" rel="noopener nofollow" data-testid="${id}">${label}</a></li>`)}
<li><button type="button" class="secondary" data-copy="${canonical}" data-testid="share-copy" hidden>${t(locale, "page.copyLink")}</button></li></ul>
<p class="muted share-link">${t(locale, "page.link")} <a href="${current.url}" data-testid="share-permalink">${canonical}</a></p>
</section>`;

  const versionList =
    versions.length > 1
      ? html`<section class="versions" data-testid="versions" aria-labelledby="versions-heading" lang="${locale}">
<h2 id="versions-heading">${t(locale, "page.versions")}</h2>
<ul>${[...versions]
          .reverse()
          .map(
            (v) =>
              html`<li>${
                v.version === report.version
                  ? html`<strong>${t(locale, "page.version", { version: v.version })}</strong>`
                  : html`<a href="${v.version === current.version ? current.url : query({ version: v.version })}" data-testid="version-link-${v.version}">${t(locale, "page.version", { version: v.version })}</a>`
              } <span class="muted">${t(locale, "page.checkedOn", { date: formatDate(v.checkedAt, locale) })}${v.version === current.version ? ` ${t(locale, "page.latest")}` : ""}</span></li>`,
          )}</ul></section>`
      : "";

  const about = html`<p class="muted report-about" lang="${locale}">${t(locale, "page.filedUnder")} <a href="/category/${encodeURIComponent(current.category)}">${categoryWord(current.category, locale)}</a>${
    current.entities.length > 0
      ? html` · ${t(locale, "page.about")} ${joinHtml(
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
${isOld ? "" : raw(VOTE_SLOT)}
${share}
${versionList}`;

  const description = truncate(stripCitations(report.verdict.headline) || collapseWhitespace(report.title), 200);
  // An old version's verdict is superseded: only the current version is reviewed for search engines.
  const head = html`${isOld ? "" : html`<script type="application/ld+json">${raw(jsonForScript(claimReview(report, base)))}</script>`}
<meta property="article:published_time" content="${report.checkedAt}">
<meta property="article:section" content="${report.category}">
<link rel="alternate" type="application/json" href="/api/checks/${current.id}">
${isOld || layout !== "classic" ? html`<meta name="robots" content="noindex">` : ""}`;
  const res = await c.render(body, {
    title: collapseWhitespace(report.title) || "Report",
    description,
    canonicalPath: current.url,
    head,
    ogType: "article",
    image: { path: cardPath(report), alt: `${verdictWord(report.verdict.label, locale)}: ${collapseWhitespace(report.title)}` },
    pageClass: "page-report",
  });
  const entry = await pageEntry(web, res, [`check:${current.id}`]);
  if (entry instanceof Response) return entry;
  const template = entry.body;
  const withVote = (myVote: boolean | null) =>
    template.replace(VOTE_SLOT, () => (isOld ? "" : String(voteSection(current.id, tally, myVote, locale))));
  const body0 = withVote(null);
  return {
    ...entry,
    body: body0,
    etag: etagOf(body0),
    ...(countsRead ? { readOf: current.id } : {}),
    ...(isOld
      ? {}
      : {
          personal: async (voter: string) => {
            const myVote = await votes.voteOf(current.id, voter);
            if (myVote === null) return null;
            const own = withVote(myVote);
            return { body: own, etag: etagOf(own) };
          },
        }),
  };
}

/**
 * The vote: two equal buttons until the visitor votes (neither looks chosen), the tally once
 * anyone has voted, and the visitor's own answer pressed.
 */
function voteSection(checkId: string, tally: VoteTally, myVote: boolean | null, locale: Locale): Html {
  const total = tally.helpful + tally.notHelpful;
  const pressed = (mine: boolean) => (myVote === mine ? html` aria-pressed="true"` : "");
  const look = (mine: boolean) => (myVote === mine ? "" : html` class="secondary"`);
  return html`<section class="vote" id="vote" data-testid="vote" aria-labelledby="vote-heading" lang="${locale}">
<h2 id="vote-heading">${t(locale, "vote.question")}</h2>
<form method="post" action="/checks/${checkId}/vote" data-testid="vote-form">
<button type="submit" name="helpful" value="yes"${look(true)} data-testid="vote-yes"${pressed(true)}>${t(locale, "vote.yes")}</button>
<button type="submit" name="helpful" value="no"${look(false)} data-testid="vote-no"${pressed(false)}>${t(locale, "vote.no")}</button>
${total > 0 ? html`<span class="muted" data-testid="vote-tally">${t(locale, "vote.tally", { helpful: tally.helpful, total })}</span>` : ""}
</form>
${myVote !== null ? html`<p class="muted" data-testid="vote-thanks">${t(locale, myVote ? "vote.thanksHelpful" : "vote.thanksNotHelpful")}</p>` : ""}
</section>`;
}
