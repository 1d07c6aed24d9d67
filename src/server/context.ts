// What the routes of the website and the API share: the services they ask, the
// server's options, the rate limits, the visitor's cookies, the page cache, and the
// guard every form post goes through.
import type { MiddlewareHandler } from "hono";
import type { SiteServices } from "../service/site.js";
import type { SiteCookies } from "./cookies.js";
import type { ServerOptions } from "./options.js";
import type { PageCache } from "./page-cache.js";
import type { KeyedRateLimiter } from "../domain/rate-limit.js";

export interface Web {
  services: SiteServices;
  options: ServerOptions;
  limits: { submissions: KeyedRateLimiter; votes: KeyedRateLimiter };
  cookies: SiteCookies;
  /** Rendered public pages, dropped when what they show changes. */
  pages: PageCache;
  /** Refuses form posts that do not come from this site's pages (403). */
  formGuard: MiddlewareHandler;
}
