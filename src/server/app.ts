// The HTTP server: the website (server-rendered pages, complete without JavaScript),
// the JSON API with its OpenAPI document and server-sent progress events, feeds and
// sitemap, and the admin area, each a Hono sub-app over the site's services. Checks
// run as durable jobs (src/jobs): in a worker process (`verity serve`), or in this one
// when the options say so (`runChecks`, the tests' default).
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DISK_FULL_REASON, isDiskFull } from "../domain/disk-full.js";
import { errorMessage, isUserError } from "../domain/errors.js";
import type { JobQueue } from "../jobs/queue.js";
import { openSiteServices, type SiteServices } from "../service/site.js";
import type { SiteVerity } from "../service/verity.js";
import { apiRoutes } from "./api/index.js";
import { assetRoutes } from "./assets.js";
import { cardRoutes } from "./cards.js";
import type { Web } from "./context.js";
import { SiteCookies } from "./cookies.js";
import { feedRoutes } from "./feeds.js";
import { pageRenderer, SITE_NAME, SITE_TAGLINE } from "./layout.js";
import { resolveOptions, type ServerOptions } from "./options.js";
import { adminRoutes } from "./pages/admin.js";
import { archiveRoutes } from "./pages/archive.js";
import { checkRoutes } from "./pages/checks.js";
import { homeRoutes } from "./pages/home.js";
import { infoRoutes } from "./pages/info.js";
import { mineRoutes } from "./pages/mine.js";
import { progressRoutes } from "./pages/progress.js";
import { PageCache } from "./page-cache.js";
import { errorBody, errorPage, formRefused, jsonError, notFoundPage } from "./respond.js";
import { crossOrigin, MAX_BODY_BYTES, perClientLimiter, sameSiteForms, securityHeaders } from "./security.js";

export type { ServerOptions } from "./options.js";

/** How often the reads counted in memory are written. */
const READ_FLUSH_MS = 5_000;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const VOTE_PATH = /^\/checks\/[^/]+\/vote$/;

export type VerityServer = Hono & {
  services: SiteServices;
  queue: JobQueue;
  /**
   * Stops taking jobs and waits for the running ones (at most `timeoutMs`: the unfinished ones go back
   * to the queue); writes the counted reads.
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
};

/** The events (from the store's log, src/jobs/relay.ts) at which a job changes what a cached page shows. */
const JOB_MOVES = new Set(["queued", "started", "done", "failed"]);

/** The site over a full Verity (checks run here), or over a web process's (openSite: checks run in worker processes). */
export function createServer(verity: SiteVerity, partial: Partial<ServerOptions> = {}): VerityServer {
  const options = resolveOptions(partial);
  const services = openSiteServices(verity, {
    concurrency: options.runChecks ? options.concurrency : 0,
    campaign: options.campaign,
    secret: options.secret,
    now: options.now,
    dispatch: options.jobs,
  });
  const clock = () => options.now().getTime();
  const pages = new PageCache(clock);
  const web: Web = {
    services,
    options,
    limits: {
      submissions: perClientLimiter(options.rateLimits.submissions, clock),
      votes: perClientLimiter(options.rateLimits.votes, clock),
    },
    cookies: new SiteCookies(services.cookieSecret, options.baseUrl?.startsWith("https:") ?? false),
    // A form posted from the request's own origin is always the site's; VERITY_BASE_URL's too (behind a proxy).
    formGuard: sameSiteForms(options.baseUrl ? [new URL(options.baseUrl).origin] : [], formRefused),
    pages,
  };
  // What drops cached pages: a job that moves (queued, running, published: the report, its
  // re-check banner, the lists), reads written (the home page's "most read"). A stage's progress
  // events change no cached page (the API's state of a running check is never cached).
  services.bus.watch((checkId, message) => {
    if (!JOB_MOVES.has(message.type)) return;
    pages.invalidate(`check:${checkId}`);
    const other = message.data.checkId;
    if (typeof other === "string" && other !== checkId) pages.invalidate(`check:${other}`);
    if (message.type === "done") pages.invalidate("lists");
  });
  services.reads.onFlushed(() => pages.invalidate("reads"));
  services.reads.start(READ_FLUSH_MS);
  if (options.startJobs) services.queue.start().catch((error) => console.error("verity: could not resume the job queue:", error));

  const app = new Hono();
  app.use(securityHeaders());
  app.use(pageRenderer(services.campaign, options));
  // What other sites' scripts may read: the API and the feeds.
  const publicAccess = crossOrigin(options.corsOrigins);
  for (const path of ["/api/*", "/feed.xml", "/category/:name/feed.xml"]) app.use(path, publicAccess);
  const limitBodies = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) =>
      c.req.path.startsWith("/api/")
        ? jsonError(c, 413, "too_large", "the request body is too large")
        : c.text("Request body too large", 413),
  });
  // Reads have no body to limit; asking for one makes the server adapter build a full Request (a
  // large share of a cached page's time).
  app.use((c, next) => (SAFE_METHODS.has(c.req.method) ? next() : limitBodies(c, next)));

  // Any other write (the admin's edits, the campaign, a donation) may change what any page
  // shows: drop them all. Votes drop only their report's pages (in their route).
  app.use(async (c, next) => {
    await next();
    if (!SAFE_METHODS.has(c.req.method) && !VOTE_PATH.test(c.req.path)) pages.clear();
  });

  app.route("/assets", assetRoutes());
  app.route("/cards", cardRoutes(web, { name: SITE_NAME, tagline: SITE_TAGLINE }));
  app.route("/", homeRoutes(web));
  app.route("/checks", checkRoutes(web));
  app.route("/progress", progressRoutes(web));
  app.route("/", archiveRoutes(web));
  app.route("/mine", mineRoutes(web));
  app.route("/", infoRoutes());
  app.route("/admin", adminRoutes(web));
  app.route("/api", apiRoutes(web));
  app.route("/", feedRoutes(web));

  app.notFound((c) => (c.req.path.startsWith("/api/") ? jsonError(c, 404, "not_found", "no such endpoint") : notFoundPage(c)));

  app.onError((error, c) => {
    if (isDiskFull(error)) return diskFull(c, error);
    if (isUserError(error)) {
      if (c.req.path.startsWith("/api/")) return jsonError(c, 400, "bad_request", errorMessage(error));
      return errorPage(c, 400, "Bad request", errorBody("That did not work", errorMessage(error)));
    }
    console.error(error);
    if (c.req.path.startsWith("/api/")) return jsonError(c, 500, "internal", "internal error");
    return errorPage(
      c,
      500,
      "Something went wrong",
      errorBody("Something went wrong", "Verity could not show this page because of an error on our side. Please try again in a moment."),
    ).catch(() => c.text("Internal error", 500));
  });

  return Object.assign(app, {
    services,
    queue: services.queue,
    close: async (closeOptions: { timeoutMs?: number } = {}) => {
      await services.queue.stop(closeOptions);
      await services.reads.stop();
    },
  });
}

/** How long a client is told to wait after a write refused for want of space. */
const DISK_FULL_RETRY_S = 60;

/** A write refused because the disk is full: 503 with the plain reason; pages can still be read. */
function diskFull(c: Context, error: unknown): Response | Promise<Response> {
  console.error(`verity: a write failed, ${DISK_FULL_REASON}: ${errorMessage(error)}`);
  c.header("Retry-After", String(DISK_FULL_RETRY_S));
  if (c.req.path.startsWith("/api/")) return jsonError(c, 503, "disk_full", `${DISK_FULL_REASON}: nothing was saved; try again later`);
  return errorPage(
    c,
    503,
    "The server's disk is full",
    errorBody(
      "Nothing was saved",
      "Verity could not save this because the server's disk is full. Reports can still be read. Please try again later.",
    ),
  ).catch(() => c.text(`Nothing was saved: ${DISK_FULL_REASON}.`, 503));
}
