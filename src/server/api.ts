// The JSON API of DESIGN.md: submit a check, read a report or its state, follow
// its progress as server-sent events, list and search the archive; the campaign's
// numbers and the payment provider's signed webhook. Errors are {error: {code, message}}.
import type { Hono } from "hono";
import { streamSSE, type SSEStreamingApi } from "hono/streaming";
import { z } from "zod";
import { isCategory } from "../domain/categories.js";
import { BadInputError, errorMessage } from "../domain/errors.js";
import type { Report } from "../domain/report.js";
import { TERMINAL_EVENTS, type BusMessage } from "../jobs/bus.js";
import type { CheckSummary } from "../store/archive.js";
import type { AppEnv, Site } from "./context.js";
import { SIGNATURE_HEADER, verifySignature } from "./campaign.js";
import { openApiDocument } from "./openapi.js";
import { checkProgress } from "./pages/progress.js";
import { jsonError, pageNumber, rateLimited } from "./respond.js";
import { clientAddress } from "./security.js";

const MAX_JSON_BYTES = 64 * 1024;
const KEEPALIVE_MS = 15_000;

export function apiRoutes(app: Hono<AppEnv>, site: Site): void {
  app.get("/api/openapi.json", (c) => c.json(openApiDocument(site.options.baseUrl)));

  app.post("/api/checks", async (c) => {
    // The body is read as JSON whatever its declared type (curl -d sends a form type); only
    // multipart, which cannot be JSON, is refused. The API acts on no cookie, so a cross-site
    // post can do nothing that its sender could not do directly.
    const type = c.req.header("content-type");
    if (type !== undefined && /^multipart\//i.test(type.trim())) {
      return jsonError(c, 415, "unsupported_media_type", 'send JSON: Content-Type: application/json and a body {"input": "..."}');
    }
    const limited = await rateLimited(c, site, site.limits.submissions, clientAddress(c, site.options.trustProxy), true);
    if (limited) return limited;
    const text = await c.req.text();
    if (Buffer.byteLength(text) > MAX_JSON_BYTES) return jsonError(c, 413, "too_large", "the request body is too large");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return jsonError(c, 400, "bad_request", 'expected a JSON body {"input": "..."}');
    }
    const input = body && typeof body === "object" ? (body as Record<string, unknown>).input : undefined;
    if (typeof input !== "string") return jsonError(c, 400, "bad_request", 'expected a JSON body {"input": "..."} with "input" a string');
    const fresh = (body as Record<string, unknown>).fresh === true;
    let result;
    try {
      result = await site.queue.enqueue(input, { fresh });
    } catch (error) {
      if (error instanceof BadInputError) return jsonError(c, 400, "bad_request", errorMessage(error));
      throw error;
    }
    if (result.kind === "reused") return c.json(result.report, 200);
    c.header("Location", `/api/checks/${result.checkId}`);
    return c.json(
      {
        id: result.checkId,
        url: `/api/checks/${result.checkId}`,
        status: result.status,
        joined: result.joined,
        progressUrl: `/progress/${result.checkId}`,
        eventsUrl: `/api/checks/${result.checkId}/events`,
      },
      202,
    );
  });

  app.get("/api/checks", async (c) => {
    const q = (c.req.query("q") ?? "").trim();
    const category = c.req.query("category")?.trim() || undefined;
    const page = pageNumber(c.req.query("page"));
    if (page === null) return jsonError(c, 400, "bad_request", "page must be a whole number from 1");
    if (category !== undefined && !isCategory(category))
      return jsonError(c, 400, "bad_request", `unknown category "${category.slice(0, 40)}"`);
    if (q.length > 200) return jsonError(c, 400, "bad_request", "q is limited to 200 characters");
    const size = site.options.pageSize;
    let result: { items: CheckSummary[]; total: number };
    if (q) {
      // Search, then keep the category's results (search pages are small and ranked).
      const found = await site.archive.search(q, category ? 1000 : size, category ? 0 : (page - 1) * size);
      if (category) {
        const inCategory = found.items.filter((i) => i.category === category);
        result = { items: inCategory.slice((page - 1) * size, page * size), total: inCategory.length };
      } else {
        result = found;
      }
    } else {
      result = await site.archive.list({ ...(category ? { category } : {}), limit: size, offset: (page - 1) * size });
    }
    const query = (n: number) => {
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      if (category) params.set("category", category);
      params.set("page", String(n));
      return `/api/checks?${params}`;
    };
    return c.json({
      items: result.items.map(apiSummary),
      page,
      pageSize: size,
      total: result.total,
      next: page * size < result.total ? query(page + 1) : null,
      prev: page > 1 ? query(page - 1) : null,
    });
  });

  app.get("/api/checks/:id", async (c) => {
    const id = c.req.param("id");
    const progress = await checkProgress(site, id);
    const reportId = progress?.job?.resultCheckId ?? id;
    const report = await site.archive.getPublished(reportId);
    if (report) {
      // A refresh in progress: the last version, with the state of the new run.
      const active = progress?.job && (progress.job.status === "queued" || progress.job.status === "running") ? progress.job.status : null;
      return c.json(active ? ({ ...report, status: active } satisfies Report) : report);
    }
    if (!progress || (progress.state === "done" && !progress.reportUrl)) return jsonError(c, 404, "not_found", "no such check");
    const lastStarted = [...progress.events].reverse().find((e) => e.type === "stage-started");
    const stage = typeof lastStarted?.stage === "string" ? lastStarted.stage : (progress.job?.stage ?? null);
    return c.json({
      id,
      status: progress.state,
      error: progress.state === "failed" ? progress.error : null,
      stage,
      progressUrl: `/progress/${id}`,
    });
  });

  app.get("/api/checks/:id/events", async (c) => {
    const id = c.req.param("id");
    const progress = await checkProgress(site, id);
    if (!progress) return jsonError(c, 404, "not_found", "no such check");
    const lastEventId = Number(c.req.header("last-event-id") ?? "0");
    return streamSSE(c, (stream) => followEvents(site, id, stream, Number.isFinite(lastEventId) ? lastEventId : 0));
  });

  app.get("/api/campaign", async (c) => {
    const view = await site.campaign.view();
    if (!view) return jsonError(c, 404, "not_found", "no campaign is running");
    return c.json({
      title: view.settings.title,
      goal: { kind: view.settings.goalKind, value: view.settings.goal, currency: view.settings.currency },
      raised: view.raisedCents / 100,
      supporters: view.supporters,
      percent: view.percent,
      deadline: view.settings.deadline,
      timeLeft: view.timeLeft,
      ended: view.ended,
      donationUrl: view.settings.donationUrl,
    });
  });

  app.post("/api/campaign/webhook", async (c) => {
    const secret = site.options.webhookSecret;
    if (!secret) return jsonError(c, 404, "not_found", "the campaign webhook is not configured");
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.byteLength > MAX_JSON_BYTES) return jsonError(c, 413, "too_large", "the request body is too large");
    if (!verifySignature(secret, raw, c.req.header(SIGNATURE_HEADER))) {
      return jsonError(c, 401, "bad_signature", `${SIGNATURE_HEADER} must be sha256=<hex HMAC-SHA256 of the raw body>`);
    }
    let event: z.infer<typeof WebhookEvent>;
    try {
      event = WebhookEvent.parse(JSON.parse(Buffer.from(raw).toString("utf8")));
    } catch (error) {
      return jsonError(c, 400, "bad_request", `not a donation event: ${errorMessage(error).split("\n")[0]}`);
    }
    if (!DONATION_EVENTS.has(event.type)) return c.json({ ok: true, ignored: true }, 202);
    const recorded = await site.campaign.record({
      amount: event.amount,
      currency: event.currency ?? null,
      donor: event.donor ?? null,
      source: "webhook",
      eventId: event.id,
    });
    if (!recorded) return jsonError(c, 409, "replayed", `event ${event.id.slice(0, 100)} was already recorded`);
    return c.json({ ok: true, recorded: event.id });
  });
}

const DONATION_EVENTS = new Set(["donation", "donation.succeeded", "payment.succeeded", "charge.succeeded"]);

const WebhookEvent = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  amount: z.number().nonnegative().max(10_000_000),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .optional(),
  donor: z.string().max(200).nullable().optional(),
});

function apiSummary(s: CheckSummary) {
  return {
    id: s.id,
    url: s.url,
    title: s.title,
    category: s.category,
    verdict: { label: s.verdict, confidence: s.confidence, headline: s.headline },
    checkedAt: s.checkedAt,
    version: s.version,
    ...(s.snippet !== undefined ? { snippet: s.snippet.replace(/[\u0002\u0003]/g, "") } : {}),
  };
}

async function write(stream: SSEStreamingApi, type: string, data: Record<string, unknown>, seq?: number): Promise<void> {
  await stream.writeSSE({ event: type, data: JSON.stringify({ ...data, type }), ...(seq !== undefined ? { id: String(seq) } : {}) });
}

/**
 * The events of a check: the replay of its current run (after Last-Event-ID), then the
 * live ones, ending with "done" or "failed". A check that is not running in this process
 * is told from the store: its stored stages, then how it ended.
 */
async function followEvents(site: Site, checkId: string, stream: SSEStreamingApi, afterSeq: number): Promise<void> {
  let aborted = false;
  let wake: (() => void) | null = null;
  stream.onAbort(() => {
    aborted = true;
    wake?.();
  });
  await stream.writeSSE({ event: "open", data: JSON.stringify({ type: "open", checkId }), retry: 2000 });

  const queue: BusMessage[] = [];
  const followed = site.bus.follow(checkId, afterSeq, (m) => {
    queue.push(m);
    wake?.();
  });
  if (followed) {
    queue.unshift(...followed.replay);
    try {
      for (;;) {
        while (queue.length > 0) {
          const m = queue.shift()!;
          await write(stream, m.type, m.data, m.seq);
          if (TERMINAL_EVENTS.has(m.type)) return;
        }
        if (aborted) return;
        if (followed.finished) break; // resumed after its end: the store tells how it ended
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEPALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (queue.length === 0 && !aborted) await stream.write(": keep-alive\n\n");
      }
    } finally {
      followed.unsubscribe();
    }
  }

  // Not running here: what the store knows, polled until the check ends.
  let sent = -1;
  for (let round = 0; !aborted && round < 600; round++) {
    const p = await checkProgress(site, checkId);
    if (!p) return;
    if (sent < 0) sent = followed ? p.events.length : 0; // after a finished run's replay, only the ending
    for (; sent < p.events.length; sent++) {
      const e = p.events[sent]!;
      await write(stream, String(e.type), e, sent + 1);
    }
    if (p.state === "done") return write(stream, "done", { checkId: p.job?.resultCheckId ?? checkId, url: p.reportUrl });
    if (p.state === "failed") return write(stream, "failed", { checkId, error: p.error ?? "the check failed" });
    if (site.bus.isLive(checkId)) return followEvents(site, checkId, stream, 0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
