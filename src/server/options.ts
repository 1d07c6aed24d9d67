// The website's settings: base URL, admin token, campaign, rate limits, concurrency.
// From the environment (and `.env`) first, then the `campaign` key of verity.config.json.
import type { Context } from "hono";
import { z } from "zod";
import { validateCampaign, type CampaignSettings } from "../service/campaign.js";
import type { Config } from "../service/config.js";
import { ConfigError, errorMessage } from "../domain/errors.js";
import { dispatchSettings, type DispatchSettings } from "../jobs/dispatch.js";

export interface RateLimit {
  /** Requests allowed at once. */
  burst: number;
  /** Tokens given back per minute. */
  perMinute: number;
}

export interface ServerOptions {
  /**
   * The public origin for canonical URLs, share links, ClaimReview, feeds and the sitemap
   * (VERITY_BASE_URL); null: each request's own origin, so a server on any port names itself.
   */
  baseUrl: string | null;
  /** The admin area's token (VERITY_ADMIN_TOKEN); null disables the admin area. */
  adminToken: string | null;
  /** The key that signs cookies (VERITY_SECRET); null: one is generated and kept in the store. */
  secret: string | null;
  /** The operator's campaign (null: no widget until an admin sets one). */
  campaign: CampaignSettings | null;
  /** The secret of the payment provider's webhook (VERITY_CAMPAIGN_WEBHOOK_SECRET); null disables it. */
  webhookSecret: string | null;
  rateLimits: { submissions: RateLimit; votes: RateLimit };
  /** Checks running at once (VERITY_CONCURRENCY). */
  concurrency: number;
  /** Other sites' origins allowed to submit checks from a browser (VERITY_CORS_ORIGINS); reading is open to all. */
  corsOrigins: string[];
  /**
   * Reverse proxies in front of the server (VERITY_TRUST_PROXY): 0 takes the socket's address; N takes the
   * client address N entries from the right of X-Forwarded-For (each proxy appends the address it saw).
   */
  trustProxy: number;
  /** Run checks in this process (a worker inside the server); `verity serve` runs them in a child process instead. */
  runChecks: boolean;
  /** Start following the job events (and this process's worker) when the server is created, not on the first request. */
  startJobs: boolean;
  /** Checks per archive page. */
  pageSize: number;
  /** How jobs are dispatched (VERITY_JOB_LEASE, VERITY_JOB_EXPIRY; src/jobs/dispatch.ts). */
  jobs: Partial<DispatchSettings>;
  now: () => Date;
}

export const DEFAULT_OPTIONS: ServerOptions = {
  baseUrl: null,
  adminToken: null,
  secret: null,
  campaign: null,
  webhookSecret: null,
  rateLimits: { submissions: { burst: 10, perMinute: 6 }, votes: { burst: 30, perMinute: 30 } },
  concurrency: 2,
  corsOrigins: [],
  trustProxy: 0,
  runChecks: true,
  startJobs: true,
  pageSize: 20,
  jobs: {},
  now: () => new Date(),
};

export function resolveOptions(partial: Partial<ServerOptions> = {}): ServerOptions {
  const options: ServerOptions = { ...DEFAULT_OPTIONS, ...withoutUndefined(partial) };
  options.baseUrl = options.baseUrl === null ? null : normalizeBaseUrl(options.baseUrl);
  options.rateLimits = { ...DEFAULT_OPTIONS.rateLimits, ...withoutUndefined(partial.rateLimits ?? {}) };
  return options;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`VERITY_BASE_URL must be an absolute http(s) URL (got "${value.slice(0, 60)}")`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new ConfigError("VERITY_BASE_URL must be http or https");
  return url.origin + url.pathname.replace(/\/+$/, "");
}

const CampaignFile = z
  .object({
    title: z.string().max(200).optional(),
    description: z.string().max(1000).optional(),
    goalAmount: z.number().positive().optional(),
    goalSupporters: z.number().int().positive().optional(),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/)
      .optional(),
    deadline: z.string().optional(),
    donationUrl: z.string().optional(),
    webhookSecret: z.string().min(8).optional(),
  })
  .strict();

/** The server's options from the configuration (environment, `.env`, verity.config.json). */
export function loadServerOptions(config: Config): ServerOptions {
  const env = config.env;
  let file: z.infer<typeof CampaignFile> = {};
  if (config.campaign !== undefined) {
    try {
      file = CampaignFile.parse(config.campaign);
    } catch (error) {
      throw new ConfigError(`verity.config.json "campaign" is invalid: ${errorMessage(error).split("\n")[0]}`);
    }
  }
  const number = (name: string): number | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new ConfigError(`${name} must be a positive number (got "${raw}")`);
    return n;
  };
  const text = (name: string): string | undefined => env[name]?.trim() || undefined;

  const goalAmount = number("VERITY_CAMPAIGN_GOAL_AMOUNT") ?? file.goalAmount;
  const goalSupporters = number("VERITY_CAMPAIGN_GOAL_SUPPORTERS") ?? file.goalSupporters;
  let campaign: CampaignSettings | null = null;
  if (goalAmount !== undefined || goalSupporters !== undefined) {
    campaign = validateCampaign({
      title: text("VERITY_CAMPAIGN_TITLE") ?? file.title ?? "Support independent fact-checking",
      description: text("VERITY_CAMPAIGN_DESCRIPTION") ?? file.description ?? null,
      goalKind: goalAmount !== undefined ? "amount" : "supporters",
      goal: goalAmount ?? goalSupporters ?? 0,
      currency: (text("VERITY_CAMPAIGN_CURRENCY") ?? file.currency ?? "EUR").toUpperCase(),
      deadline: text("VERITY_CAMPAIGN_DEADLINE") ?? file.deadline ?? null,
      donationUrl: text("VERITY_CAMPAIGN_DONATION_URL") ?? file.donationUrl ?? null,
    });
  }

  const concurrency = number("VERITY_CONCURRENCY");
  if (concurrency !== undefined && !Number.isInteger(concurrency)) throw new ConfigError("VERITY_CONCURRENCY must be a whole number");
  return resolveOptions({
    baseUrl: text("VERITY_BASE_URL") ?? null,
    adminToken: text("VERITY_ADMIN_TOKEN") ?? null,
    secret: text("VERITY_SECRET") ?? null,
    campaign,
    webhookSecret: text("VERITY_CAMPAIGN_WEBHOOK_SECRET") ?? file.webhookSecret ?? null,
    concurrency: concurrency ?? DEFAULT_OPTIONS.concurrency,
    corsOrigins: origins(text("VERITY_CORS_ORIGINS")),
    trustProxy: proxyHops(text("VERITY_TRUST_PROXY")),
    jobs: dispatchSettings(env),
    rateLimits: {
      submissions: rateLimit(env, "VERITY_RATE_LIMIT_SUBMISSIONS", DEFAULT_OPTIONS.rateLimits.submissions),
      votes: rateLimit(env, "VERITY_RATE_LIMIT_VOTES", DEFAULT_OPTIONS.rateLimits.votes),
    },
  });
}

/** VERITY_TRUST_PROXY: how many proxies stand in front of the server ("true" and "yes" are one; unset, "0", "false", "no": none). */
function proxyHops(raw: string | undefined): number {
  if (raw === undefined || /^(0|false|no|off)$/i.test(raw)) return 0;
  if (/^(true|yes|on)$/i.test(raw)) return 1;
  if (/^[1-9]$/.test(raw)) return Number(raw);
  throw new ConfigError(`VERITY_TRUST_PROXY must be the number of proxies in front of the server, 0 to 9 (got "${raw.slice(0, 40)}")`);
}

/** "https://a.example, https://b.example": each an http(s) origin, written as a browser sends it. */
function origins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      let url: URL | null = null;
      try {
        url = new URL(item);
      } catch {
        // reported below
      }
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== item.replace(/\/+$/, ""))
        throw new ConfigError(`VERITY_CORS_ORIGINS must list origins such as https://example.org (got "${item.slice(0, 60)}")`);
      return url.origin;
    });
}

/** "burst,perMinute", e.g. "10,6". */
function rateLimit(env: Record<string, string>, name: string, fallback: RateLimit): RateLimit {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const match = /^(\d+)\s*,\s*(\d+(?:\.\d+)?)$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) <= 0)
    throw new ConfigError(`${name} must be "burst,perMinute", e.g. "10,6" (got "${raw}")`);
  return { burst: Number(match[1]), perMinute: Number(match[2]) };
}

/** The origin absolute links name: VERITY_BASE_URL when it is set, else the request's own. */
export function siteBaseUrl(c: Context, options: Pick<ServerOptions, "baseUrl">): string {
  return options.baseUrl ?? new URL(c.req.url).origin;
}
