// What every route of the website shares: the open Verity, the repositories of the
// website's own tables, the job queue and its progress bus, the campaign, the rate
// limiters and the cookie signer.
import type { Context } from "hono";
import type { Verity } from "../service/verity.js";
import type { ProgressBus } from "../jobs/bus.js";
import type { JobQueue } from "../jobs/queue.js";
import type { ArchiveRepository } from "../store/archive.js";
import type { CampaignRepository } from "../store/campaign.js";
import type { JobRepository } from "../store/jobs.js";
import type { SiteRepository } from "../store/site.js";
import type { Campaign } from "./campaign.js";
import type { ServerOptions } from "./options.js";
import type { RateLimiter, Signer } from "./security.js";

export interface Site {
  verity: Verity;
  options: ServerOptions;
  archive: ArchiveRepository;
  site: SiteRepository;
  jobs: JobRepository;
  queue: JobQueue;
  bus: ProgressBus;
  campaign: Campaign;
  donations: CampaignRepository;
  limits: { submissions: RateLimiter; votes: RateLimiter };
  /** Signs cookies with VERITY_SECRET, or a secret generated once and kept in the store. */
  signer(): Promise<Signer>;
  /** Whether cookies get the Secure flag (an https base URL). */
  secureCookies: boolean;
  /** Origins a form may be posted from: the base URL's. */
  origins: string[];
}

export type AppEnv = {
  Variables: {
    /** The visitor's CSRF token, for the hidden field of every form on the page. */
    csrf: string;
  };
};

export type AppContext = Context<AppEnv>;
