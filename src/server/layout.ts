// The page shell every HTML page shares: head (title, description, canonical URL,
// social cards, stylesheet, the one script), header with navigation and search, the
// campaign widget, and the footer; and the renderer that wraps each page in it.
import { siteBaseUrl, type ServerOptions } from "./options.js";
import type { MiddlewareHandler } from "hono";
import { html } from "hono/html";
import type { Campaign, CampaignView } from "../service/campaign.js";
import { CARD_HEIGHT, CARD_WIDTH } from "../render/card.js";
import { cardPath } from "../render/card.js";
import { campaignWidget, joinHtml, type Html } from "./components.js";

export interface PageSpec {
  title: string;
  /** The meta description and the social cards' text. */
  description?: string;
  /** Site path of the canonical URL (default: none). */
  canonicalPath?: string;
  /** Extra markup for the head (JSON-LD, feeds, refresh). */
  head?: Html;
  /** The share card (og:image, twitter:image): site path and text alternative; the site's card unless told. */
  image?: { path: string; alt: string };
  /** OpenGraph type ("website" unless told). */
  ogType?: string;
  noindex?: boolean;
  /** A class on <body> naming the page (home, report, progress, ...). */
  pageClass?: string;
}

declare module "hono" {
  interface ContextRenderer {
    /** The page in the site's shell, with the status set by `c.status()` (200 unless told). */
    (body: Html, page: PageSpec): Promise<Response>;
  }
}

interface LayoutContext {
  baseUrl: string;
  campaign: CampaignView | null;
  /** The request path, to mark the current navigation entry. */
  path: string;
}

export const SITE_NAME = "Verity";
export const SITE_TAGLINE = "An open-source fact-checking desk: cited, permanent reports.";

const NAV: [string, string][] = [
  ["/", "Ask"],
  ["/category", "Categories"],
  ["/topic", "Topics"],
  ["/entity", "People & organisations"],
  ["/mine", "Your checks"],
  ["/about", "About"],
  ["/methodology", "Methodology"],
];

/** Sets `c.render(body, page)`: the page in the shell, with the campaign's current numbers. */
export function pageRenderer(campaign: Campaign, options: Pick<ServerOptions, "baseUrl">): MiddlewareHandler {
  return async (c, next) => {
    c.setRenderer(async (body, page) => {
      const view = await campaign.view().catch(() => null);
      c.header("Cache-Control", "private, no-cache");
      return c.html(renderLayout({ baseUrl: siteBaseUrl(c, options), campaign: view, path: c.req.path }, page, body));
    });
    await next();
  };
}

function renderLayout(ctx: LayoutContext, page: PageSpec, body: Html): Html {
  const title = page.title === SITE_NAME ? SITE_NAME : `${page.title} · ${SITE_NAME}`;
  const description = page.description ?? SITE_TAGLINE;
  const canonical = page.canonicalPath !== undefined ? ctx.baseUrl + page.canonicalPath : null;
  const image = page.image ?? { path: cardPath(null), alt: `${SITE_NAME}: ${SITE_TAGLINE}` };
  const nav = NAV.map(([href, label]) => {
    const current = href === "/" ? ctx.path === "/" : ctx.path === href || ctx.path.startsWith(href + "/");
    return html`<a href="${href}"${current ? html` aria-current="page"` : ""}>${label}</a>`;
  });
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
${page.noindex ? html`<meta name="robots" content="noindex">` : ""}
${canonical ? html`<link rel="canonical" href="${canonical}">` : ""}
<meta property="og:site_name" content="${SITE_NAME}">
<meta property="og:type" content="${page.ogType ?? "website"}">
<meta property="og:title" content="${page.title}">
<meta property="og:description" content="${description}">
${canonical ? html`<meta property="og:url" content="${canonical}">` : ""}
<meta property="og:image" content="${ctx.baseUrl + image.path}">
<meta property="og:image:type" content="image/png">
<meta property="og:image:width" content="${CARD_WIDTH}">
<meta property="og:image:height" content="${CARD_HEIGHT}">
<meta property="og:image:alt" content="${image.alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${page.title}">
<meta name="twitter:description" content="${description}">
<meta name="twitter:image" content="${ctx.baseUrl + image.path}">
<meta name="twitter:image:alt" content="${image.alt}">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
<link rel="alternate" type="application/atom+xml" title="Verity: new checks" href="/feed.xml">
<script src="/assets/app.js" defer></script>
${page.head ?? ""}
</head>
<body class="${page.pageClass ?? "page-other"}">
<a class="skip" href="#main">Skip to the content</a>
<header class="site-header">
<a class="brand" href="/">${SITE_NAME}</a>
<nav class="site-nav" aria-label="Main">${joinHtml(nav, " ")}</nav>
<form class="site-search" action="/search" method="get" role="search" aria-label="Site search" data-testid="site-search">
<input type="search" name="q" aria-label="Search the checks" placeholder="Search the checks" maxlength="200">
<button type="submit" class="secondary">Search</button>
</form>
</header>
<div class="page">
<main id="main">
${body}
</main>
<aside class="sidebar" aria-label="Campaign">
${ctx.campaign ? campaignWidget(ctx.campaign) : ""}
</aside>
</div>
<footer class="site-footer">
<nav aria-label="About Verity">
<a href="/about">About</a> <a href="/methodology">Methodology</a> <a href="/faq">FAQ</a> <a href="/terms">Terms</a> <a href="/privacy">Privacy</a>
<a href="/feed.xml">Atom feed</a> <a href="/api/openapi.json">API</a> <a href="/admin">Admin</a>
</nav>
<p>Reports are written by machine from the sources they cite, and may contain mistakes. Verity is open source.</p>
</footer>
</body>
</html>
`;
}
