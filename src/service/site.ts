// The services of the website and its API, wired once from an open Verity: the job
// queue with its progress bus fed from the store's event log (and a worker, when checks run here), the archive, where checks stand, votes, the campaign,
// submissions, the editors' actions and the read counts; and the key that signs the site's cookies.
import { randomBytes } from "node:crypto";
import { ProgressBus } from "../jobs/bus.js";
import { openDispatch, type DispatchSettings } from "../jobs/dispatch.js";
import { JobQueue } from "../jobs/queue.js";
import { EventRelay } from "../jobs/relay.js";
import { Worker } from "../jobs/worker.js";
import { JobEventRepository } from "../store/job-events.js";
import { JobRepository } from "../store/jobs.js";
import { SiteRepository } from "../store/site.js";
import { Archive } from "./archive.js";
import { Campaign, type CampaignSettings } from "./campaign.js";
import { Editor } from "./editor.js";
import { Progress } from "./progress.js";
import { ReadCounts } from "./read-counts.js";
import { Submissions } from "./submissions.js";
import type { CheckService } from "./check-service.js";
import type { SiteVerity } from "./verity.js";
import { Votes } from "./votes.js";

interface SiteSettings {
  /** Checks running at once in this process; 0: they run in worker processes. */
  concurrency: number;
  /** The configured campaign (an admin may override it). */
  campaign: CampaignSettings | null;
  /** The configured cookie key; null: one is generated once and kept in the store. */
  secret: string | null;
  now: () => Date;
  /** How jobs are dispatched (defaults otherwise; the worker's settings on the command line). */
  dispatch?: Partial<DispatchSettings>;
}

export interface SiteServices {
  queue: JobQueue;
  bus: ProgressBus;
  archive: Archive;
  progress: Progress;
  votes: Votes;
  campaign: Campaign;
  submissions: Submissions;
  editor: Editor;
  /** Reads counted in memory, written in batches (started by the server). */
  reads: ReadCounts;
  /** The key that signs cookies. */
  cookieSecret(): Promise<string>;
}

/**
 * The site over an open Verity: a full one (openVerity) when checks run in this process, else the
 * web process's (openSite), which can only look questions up.
 */
export function openSiteServices(verity: SiteVerity, settings: SiteSettings): SiteServices {
  const { store, checks, service } = verity;
  const { now } = settings;
  const jobs = new JobRepository(store);
  const events = new JobEventRepository(store);
  const bus = new ProgressBus();
  const dispatch = openDispatch(store, { now, ...settings.dispatch });
  let worker: Worker | null = null;
  if (settings.concurrency > 0) {
    if (!runsChecks(service)) throw new Error("checks that run in the web process need a Verity opened with openVerity");
    worker = new Worker({ service, checks, jobs, events, dispatch, bus }, { concurrency: settings.concurrency, now });
  }
  const relay = new EventRelay(events, bus, undefined, worker?.id ?? null);
  const queue = new JobQueue({ service, jobs, dispatch, events, relay, worker, now });
  const archive = new Archive(store, checks);
  let secret: Promise<string> | null = null;
  return {
    queue,
    bus,
    archive,
    progress: new Progress({ queue, bus, jobs, checks, archive }),
    votes: new Votes(store, now),
    campaign: new Campaign(store, settings.campaign, now),
    submissions: new Submissions(queue, archive, checks, now),
    editor: new Editor(store, checks, now),
    reads: new ReadCounts(store),
    cookieSecret: () =>
      (secret ??=
        settings.secret !== null
          ? Promise.resolve(settings.secret)
          : new SiteRepository(store).settingOnce("cookie_secret", randomBytes(32).toString("base64url"), now().toISOString())),
  };
}

function runsChecks(service: SiteVerity["service"]): service is Pick<CheckService, "lookup" | "submit"> {
  return typeof service.submit === "function";
}
