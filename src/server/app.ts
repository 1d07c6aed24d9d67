// The HTTP server: the website (server-rendered pages, complete without JavaScript),
// the JSON API with its OpenAPI document and server-sent progress events, feeds and
// sitemap, and the admin area. Checks run as durable jobs (src/jobs) in this process.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Verity } from "../service/verity.js";
import { errorMessage, isUserError } from "../domain/errors.js";
import { ProgressBus } from "../jobs/bus.js";
import { JobQueue } from "../jobs/queue.js";
import { ArchiveRepository } from "../store/archive.js";
import { CampaignRepository } from "../store/campaign.js";
import { JobRepository } from "../store/jobs.js";
import { SiteRepository } from "../store/site.js";
import { apiRoutes } from "./api.js";
import { ASSETS } from "./assets.js";
import { Campaign } from "./campaign.js";
import type { AppEnv, Site } from "./context.js";
import { feedRoutes } from "./feeds.js";
import { html } from "hono/html";
import { resolveOptions, type ServerOptions } from "./options.js";
import { adminRoutes } from "./pages/admin.js";
import { archiveRoutes } from "./pages/archive.js";
import { homeRoutes } from "./pages/home.js";
import { infoRoutes } from "./pages/info.js";
import { mineRoutes } from "./pages/mine.js";
import { progressRoutes } from "./pages/progress.js";
import { reportRoutes } from "./pages/report.js";
import { errorBody, jsonError, notFoundPage, sendPage } from "./respond.js";
import { csrfToken, randomToken, RateLimiter, securityHeaders, Signer } from "./security.js";

export type { ServerOptions } from "./options.js";

export type VerityServer = Hono<AppEnv> & {
  site: Site;
  queue: JobQueue;
  /** Stops taking jobs and waits for the running ones (`wait: false` leaves them to the next start). */
  close(options?: { wait?: boolean }): Promise<void>;
};

const MAX_BODY_BYTES = 64 * 1024;

export function createServer(verity: Verity, partial: Partial<ServerOptions> = {}): VerityServer {
  const options = resolveOptions(partial);
  const siteRepo = new SiteRepository(verity.store);
  const jobs = new JobRepository(verity.store);
  const bus = new ProgressBus();
  const donations = new CampaignRepository(verity.store);
  const queue = new JobQueue(
    { service: verity.service, checks: verity.checks, jobs, bus },
    { concurrency: options.concurrency, now: options.now },
  );
  let signer: Promise<Signer> | null = null;
  const clock = () => options.now().getTime();
  const site: Site = {
    verity,
    options,
    archive: new ArchiveRepository(verity.store),
    site: siteRepo,
    jobs,
    queue,
    bus,
    campaign: new Campaign(donations, siteRepo, options.campaign, options.now),
    donations,
    limits: {
      submissions: new RateLimiter(options.rateLimits.submissions, clock),
      votes: new RateLimiter(options.rateLimits.votes, clock),
    },
    signer: () =>
      (signer ??= (async () =>
        new Signer(options.secret ?? (await siteRepo.settingOnce("cookie_secret", randomToken(32), options.now().toISOString()))))()),
    secureCookies: options.baseUrl.startsWith("https:"),
    origins: [new URL(options.baseUrl).origin],
  };
  if (options.startJobs) queue.start().catch((error) => console.error("verity: could not resume the job queue:", error));

  const app = new Hono<AppEnv>();
  app.use(securityHeaders());
  app.use(async (c, next) => {
    const path = c.req.path;
    const page = !path.startsWith("/api/") && !path.startsWith("/assets/") && !/\.(xml|txt)$/.test(path);
    c.set("csrf", page ? csrfToken(c, site.secureCookies) : "");
    await next();
  });
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.req.path.startsWith("/api/")
          ? jsonError(c, 413, "too_large", "the request body is too large")
          : c.text("Request body too large", 413),
    }),
  );

  app.get("/assets/:name", (c) => {
    const asset = ASSETS[c.req.param("name")];
    if (!asset) return notFoundPage(c, site);
    c.header("Cache-Control", "public, max-age=3600");
    c.header("ETag", asset.etag);
    if (c.req.header("if-none-match") === asset.etag) return c.body(null, 304);
    return c.body(asset.body, 200, { "Content-Type": asset.type });
  });

  homeRoutes(app, site);
  progressRoutes(app, site);
  reportRoutes(app, site);
  archiveRoutes(app, site);
  mineRoutes(app, site);
  infoRoutes(app, site);
  adminRoutes(app, site);
  apiRoutes(app, site);
  feedRoutes(app, site);

  app.notFound((c) => (c.req.path.startsWith("/api/") ? jsonError(c, 404, "not_found", "no such endpoint") : notFoundPage(c, site)));

  app.onError((error, c) => {
    if (isUserError(error)) {
      if (c.req.path.startsWith("/api/")) return jsonError(c, 400, "bad_request", errorMessage(error));
      return sendPage(
        c,
        site,
        { title: "Bad request", body: errorBody("That did not work", errorMessage(error)), noindex: true, pageClass: "page-error" },
        400,
      );
    }
    console.error(error);
    if (c.req.path.startsWith("/api/")) return jsonError(c, 500, "internal", "internal error");
    return sendPage(
      c,
      site,
      {
        title: "Something went wrong",
        body: errorBody(
          "Something went wrong",
          "Verity could not show this page because of an error on our side. Please try again in a moment.",
          html``,
        ),
        noindex: true,
        pageClass: "page-error",
      },
      500,
    ).catch(() => c.text("Internal error", 500));
  });

  return Object.assign(app, {
    site,
    queue,
    close: (closeOptions: { wait?: boolean } = {}) => queue.stop(closeOptions),
  });
}
