// Serving a public page from the page cache: render it once (visitor-independent), then
// answer from memory with its entity tag, a 304 to a matching If-None-Match, and headers
// that let a shared cache (a CDN) hold it. A visitor whose own version differs (their
// vote) gets that version, marked private.
import type { Context } from "hono";
import type { Web } from "./context.js";
import { etagOf, type CachedPage } from "./page-cache.js";

/**
 * Browsers revalidate every time (a 304 is cheap), so a reader sees their own vote or a
 * re-check at once; shared caches hold the page for a minute. CDNs that read the targeted
 * field (RFC 9213) may also serve it stale for five minutes while they fetch a new one.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60";
export const CDN_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";
/** A page with something of this visitor's in it: never kept by a shared cache. */
export const PERSONAL_CACHE_CONTROL = "private, no-cache";

/**
 * The page at `path` (a cache key) from the cache, or rendered by `render`: a CachedPage is kept and
 * served; a Response (a redirect, a 404) is passed on as it is, and kept by no one.
 */
export async function cachedPage(c: Context, web: Web, path: string, render: () => Promise<CachedPage | Response>): Promise<Response> {
  // Pages name their origin in absolute links: without VERITY_BASE_URL, each origin has its own copy.
  const key = web.options.baseUrl === null ? `${new URL(c.req.url).origin} ${path}` : path;
  let page = web.pages.get(key);
  if (!page) {
    const begun = web.pages.begin();
    const rendered = await render();
    if (rendered instanceof Response) return rendered;
    page = rendered;
    web.pages.set(key, page, begun);
  }
  if (page.readOf) web.services.reads.count(page.readOf);
  const visitor = page.personal ? web.cookies.knownVisitor(c) : undefined;
  const own = visitor && page.personal ? await page.personal(visitor) : null;
  // Pages with a personal version differ by cookie: a shared cache must not hand one visitor's to another.
  if (page.personal) c.header("Vary", "Cookie");
  if (own) return conditional(c, own.body, own.etag, page.contentType, false);
  return conditional(c, page.body, page.etag, page.contentType, true);
}

/** A rendered page (status 200) as a cache entry. */
export async function pageEntry(
  web: Web,
  res: Response,
  tags: string[],
  extra: Pick<CachedPage, "readOf" | "personal"> = {},
): Promise<CachedPage | Response> {
  if (res.status !== 200) return res;
  const body = await res.text();
  return {
    body,
    etag: etagOf(body),
    contentType: res.headers.get("content-type") ?? "text/html; charset=UTF-8",
    tags,
    renderedAt: web.options.now().getTime(),
    ...extra,
  };
}

function conditional(c: Context, body: string, etag: string, contentType: string, isPublic: boolean): Response {
  c.header("ETag", etag);
  c.header("Cache-Control", isPublic ? PUBLIC_CACHE_CONTROL : PERSONAL_CACHE_CONTROL);
  if (isPublic) c.header("CDN-Cache-Control", CDN_CACHE_CONTROL);
  if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304);
  return c.body(body, 200, { "Content-Type": contentType });
}

/** If-None-Match uses the weak comparison: W/"x" matches "x"; "*" matches any. */
export function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}
