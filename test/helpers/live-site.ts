// A live site, for the browser tests and the screenshot script: a real Verity server on
// 127.0.0.1 (a free port) over a temporary data directory with the fixture library,
// an admin token, a campaign and a clock the tests can move; a library source held back
// by a Gate so a check's progress page is really seen; and Debian's Chromium driven by
// playwright-core (which never downloads a browser).
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { chromium, type Browser, type BrowserContext } from "playwright-core";
import { CheckService } from "../../src/service/check-service.js";
import type { Report } from "../../src/domain/report.js";
import { createServer, type VerityServer } from "../../src/server/app.js";
import type { CampaignSettings } from "../../src/service/campaign.js";
import type { ServerOptions } from "../../src/server/options.js";
import type { IncomingDocument } from "../../src/domain/document.js";
import { LibraryProvider } from "../../src/sources/library/provider.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { Gate } from "./gate.js";
import { tempVerity } from "./verity.js";

export type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

export const CHROMIUM_PATH = process.env.VERITY_CHROMIUM ?? "/usr/bin/chromium";

/** Headless, and quiet: without the background-networking flags Chromium keeps dialling out of a closed network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Debian's Chromium (a fresh profile per launch). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 30_000 });
}

export const DAY_MS = 86_400_000;
export const ADMIN_TOKEN = "browser-test-admin-token-0123456789";

/** The server's clock: the real time, moved by `offsetMs` (checks made with an offset are dated then). */
export class Clock {
  offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
}

export interface SiteOptions {
  /** Library documents besides the fixture library. */
  documents?: IncomingDocument[];
  /** The campaign (default: 5,000 EUR by a deadline a year from now). */
  campaign?: CampaignSettings | null;
  /** Donations recorded before the first page (major units). */
  donations?: number[];
  server?: Partial<ServerOptions>;
}

export interface TestSite {
  /** http://127.0.0.1:{port}, also the server's base URL. */
  url: string;
  verity: TempVerity;
  server: VerityServer;
  gate: Gate;
  clock: Clock;
  adminToken: string;
  /** Runs a check to the end through the job queue (as if asked on the site) and returns its report. */
  check(input: string): Promise<Report>;
  close(): Promise<void>;
}

export function defaultCampaign(now = new Date()): CampaignSettings {
  return {
    title: "Fund a year of checks",
    description: "Verity is free and has no ads. Readers keep it running.",
    goalKind: "amount",
    goal: 5000,
    currency: "EUR",
    deadline: new Date(now.getTime() + 365 * DAY_MS).toISOString().slice(0, 10),
    donationUrl: "https://donate.example.org/verity",
  };
}

/** Starts Verity on 127.0.0.1 (a free port) over a temporary data directory holding the fixture library. */
export async function startSite(options: SiteOptions = {}): Promise<TestSite> {
  const verity = await tempVerity();
  await verity.library.upsertMany([...LIBRARY, ...(options.documents ?? [])]);
  const gate = new Gate();
  const clock = new Clock();
  const service = new CheckService(verity.store, verity.analyst, [gate.provider(new LibraryProvider(verity.library))], {}, clock.now);

  // Listen first, so the server's base URL (canonical links, allowed form origin) is the real one.
  let app: VerityServer | null = null;
  const { http, url } = await new Promise<{ http: ReturnType<typeof serve>; url: string }>((resolve) => {
    const http = serve(
      {
        fetch: (request: Request, env: unknown) => (app ? app.fetch(request, env) : new Response("starting", { status: 503 })),
        port: 0,
        hostname: "127.0.0.1",
      },
      (info: AddressInfo) => resolve({ http, url: `http://127.0.0.1:${info.port}` }),
    );
  });
  const server = createServer(
    { ...verity, service },
    {
      baseUrl: url,
      adminToken: ADMIN_TOKEN,
      campaign: options.campaign === undefined ? defaultCampaign() : options.campaign,
      rateLimits: { submissions: { burst: 200, perMinute: 200 }, votes: { burst: 200, perMinute: 200 } },
      now: clock.now,
      ...options.server,
    },
  );
  app = server;
  for (const amount of options.donations ?? []) await server.services.campaign.record({ amount, source: "admin" });

  return {
    url,
    verity,
    server,
    gate,
    clock,
    adminToken: ADMIN_TOKEN,
    async check(input) {
      const queued = await server.queue.enqueue(input);
      const id = queued.kind === "reused" ? queued.report.id : queued.checkId;
      await server.queue.whenIdle();
      const report = await verity.checks.get(id);
      if (!report) throw new Error(`the check of "${input}" was not published`);
      return report;
    },
    async close() {
      gate.release();
      await new Promise<void>((done) => {
        (http as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        http.close(() => done());
      });
      await server.close();
      await verity.cleanup();
    },
  };
}

/** What the page recorder saw of one page, at DOMContentLoaded. */
export interface PageRecord {
  url: string;
  bodyClass: string;
  campaign: { percent: string | null; timeLeft: string | null; raised: string | null; progress: string | null } | null;
}

export interface Recorder {
  /** Every HTML page of the site loaded in the context. */
  pages: PageRecord[];
  /** `stage:state` each time the page's script changed a stage's data-state (live progress). */
  stages: string[];
  /** Values assigned to `window.__xss` (by an injected script), with the page. */
  xss: { value: unknown; url: string }[];
}

/**
 * Records, from inside every page of a context (an init script, which the page's CSP
 * does not govern): the campaign widget of each page at DOMContentLoaded, the stage
 * changes the progress script makes, and any assignment to `window.__xss`.
 * Needs JavaScript; a context without it is checked page by page instead.
 */
export async function recordPages(context: BrowserContext): Promise<Recorder> {
  const recorder: Recorder = { pages: [], stages: [], xss: [] };
  await context.exposeBinding("__verityRecordPage", (_source, record: PageRecord) => void recorder.pages.push(record));
  await context.exposeBinding("__verityRecordStage", (_source, change: string) => void recorder.stages.push(change));
  await context.exposeBinding("__verityRecordXss", (_source, value: unknown, url: string) => void recorder.xss.push({ value, url }));
  await context.addInitScript({ content: RECORDER_SCRIPT });
  return recorder;
}

// Plain JavaScript (a string, so that no compiler helper leaks into the page).
const RECORDER_SCRIPT = `(() => {
  let xss;
  Object.defineProperty(window, "__xss", {
    configurable: false,
    get: () => xss,
    set: (value) => { xss = value; window.__verityRecordXss(value, location.href); },
  });
  const text = (selector) => { const el = document.querySelector(selector); return el && el.textContent !== null ? el.textContent.trim() : null; };
  document.addEventListener("DOMContentLoaded", () => {
    const widget = document.querySelector("[data-testid=campaign-widget]");
    const bar = widget ? widget.querySelector("progress") : null;
    window.__verityRecordPage({
      url: location.href,
      bodyClass: document.body ? document.body.className : "",
      campaign: widget
        ? {
            percent: text("[data-testid=campaign-percent]"),
            timeLeft: text("[data-testid=campaign-time-left]"),
            raised: text("[data-testid=campaign-raised]"),
            progress: bar ? bar.getAttribute("value") : null,
          }
        : null,
    });
  });
  new MutationObserver((mutations) => {
    for (const m of mutations) {
      const stage = m.target.getAttribute("data-stage");
      if (stage) window.__verityRecordStage(stage + ":" + (m.target.getAttribute("data-state") || ""));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
})();`;
