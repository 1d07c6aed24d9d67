// Helpers the routes share: sending a page in the layout, error pages, JSON errors,
// forms with their CSRF check, rate limits, and the visitor's cookies.
import { getCookie, setCookie, deleteCookie } from "hono/cookie";
import type { AppContext, Site } from "./context.js";
import { html } from "hono/html";
import { type Html } from "./components.js";
import { renderLayout, type PageSpec } from "./layout.js";
import { cookieOptions, csrfValid, randomToken, type RateLimiter } from "./security.js";

export async function sendPage(
  c: AppContext,
  site: Site,
  spec: PageSpec,
  status: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 429 | 500 | 503 = 200,
): Promise<Response> {
  const campaign = await site.campaign.view().catch(() => null);
  const body = renderLayout({ baseUrl: site.options.baseUrl, campaign, csrf: c.get("csrf") ?? "", path: c.req.path }, spec);
  c.header("Cache-Control", "private, no-cache");
  return c.html(body, status);
}

export function errorBody(title: string, message: Html | string, extra?: Html): Html {
  return html`<section class="error-page" data-testid="error-page">
<h1>${title}</h1>
<p>${message}</p>
${extra ?? ""}
<p><a href="/">Ask Verity a question</a> · <a href="/search">Search the checks</a></p>
</section>`;
}

export function notFoundPage(
  c: AppContext,
  site: Site,
  message = "There is no page at this address. It may have moved, or the check was withdrawn.",
): Promise<Response> {
  return sendPage(
    c,
    site,
    { title: "Page not found", body: errorBody("Page not found", message), noindex: true, pageClass: "page-error" },
    404,
  );
}

export function jsonError(
  c: AppContext,
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503,
  code: string,
  message: string,
): Response {
  return c.json({ error: { code, message } }, status);
}

/** Takes a token from a rate limiter for this client; a 429 response (JSON or page) when none is left. */
export async function rateLimited(c: AppContext, site: Site, limiter: RateLimiter, key: string, api: boolean): Promise<Response | null> {
  const taken = limiter.take(key);
  if (taken.ok) return null;
  c.header("Retry-After", String(taken.retryAfter));
  if (api) return jsonError(c, 429, "rate_limited", `too many requests: try again in ${taken.retryAfter} s`);
  return sendPage(
    c,
    site,
    {
      title: "Too many requests",
      body: errorBody(
        "Too many requests",
        `You have sent a lot of requests in a short time. Please wait ${taken.retryAfter} seconds and try again.`,
      ),
      noindex: true,
      pageClass: "page-error",
    },
    429,
  );
}

export type Form = Record<string, string>;

/** The posted form, when its CSRF token is good; otherwise a 403 page. */
export async function readForm(c: AppContext, site: Site): Promise<{ form: Form } | { response: Response }> {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = (await c.req.parseBody()) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  const form: Form = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === "string") form[key] = value;
  const origins = [...site.origins, new URL(c.req.url).origin];
  if (!csrfValid(c, form, origins)) {
    const response = await sendPage(
      c,
      site,
      {
        title: "Form expired",
        body: errorBody(
          "This form has expired",
          "For your safety, Verity only accepts forms sent from its own pages. Go back, reload the page and send it again (cookies must be enabled).",
        ),
        noindex: true,
        pageClass: "page-error",
      },
      403,
    );
    return { response };
  }
  return { form };
}

export function pageNumber(value: string | undefined): number | null {
  if (value === undefined || value === "") return 1;
  if (!/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}

// "Your checks": the ids of the checks this browser asked for, in a signed cookie.
export const MINE_COOKIE = "verity_mine";
export const MINE_MAX = 50;

export async function readMine(c: AppContext, site: Site): Promise<string[]> {
  const value = (await site.signer()).verify(getCookie(c, MINE_COOKIE));
  if (!value) return [];
  return value
    .split("~")
    .filter((id) => /^[0-9a-f-]{36}$/.test(id))
    .slice(0, MINE_MAX);
}

export async function addToMine(c: AppContext, site: Site, checkId: string): Promise<void> {
  const ids = [checkId, ...(await readMine(c, site)).filter((id) => id !== checkId)].slice(0, MINE_MAX);
  setCookie(c, MINE_COOKIE, (await site.signer()).sign(ids.join("~")), cookieOptions(site.secureCookies, 60 * 60 * 24 * 365));
}

export function clearMine(c: AppContext, site: Site): void {
  deleteCookie(c, MINE_COOKIE, { path: "/", secure: site.secureCookies });
}

// The visitor id: a random value that lets a browser vote once per check.
export const VISITOR_COOKIE = "verity_vid";

export function visitorId(c: AppContext, site: Site): string {
  const existing = getCookie(c, VISITOR_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{16,64}$/.test(existing)) return existing;
  const id = randomToken(16);
  setCookie(c, VISITOR_COOKIE, id, cookieOptions(site.secureCookies, 60 * 60 * 24 * 365));
  return id;
}
