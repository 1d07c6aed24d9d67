// /api/checks: submit a check, list and search the published ones, read a report or
// the state of a check not yet published, and follow its progress as server-sent events.
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { z } from "zod";
import { isCategory } from "../../domain/categories.js";
import { BadInputError, errorMessage } from "../../domain/errors.js";
import type { Report } from "../../domain/report.js";
import type { CheckSummary } from "../../service/archive.js";
import { currentStage } from "../../service/progress.js";
import type { Web } from "../context.js";
import { cachedPage, pageEntry } from "../cached.js";
import { jsonError, methodNotAllowed, pageNumber, rateLimited } from "../respond.js";
import { MAX_BODY_BYTES } from "../security.js";
import { followEvents } from "./events.js";
import {
  MAX_QUERY_CHARS,
  SubmitCheckBody,
  type AcceptedJson,
  type CheckListJson,
  type CheckStateJson,
  type CheckSummaryJson,
  type ReportJson,
} from "./schemas.js";

export function checksApi(web: Web): Hono {
  const { archive, bus, progress, submissions } = web.services;
  const app = new Hono();

  app.post("/", async (c) => {
    // The body is read as JSON whatever its declared type (curl -d sends a form type); only
    // multipart, which cannot be JSON, is refused. The API acts on no cookie, so a cross-site
    // post can do nothing that its sender could not do directly.
    const type = c.req.header("content-type");
    if (type !== undefined && /^multipart\//i.test(type.trim())) {
      return jsonError(c, 415, "unsupported_media_type", 'send JSON: Content-Type: application/json and a body {"input": "..."}');
    }
    const limited = await rateLimited(c, web, web.limits.submissions, true);
    if (limited) return limited;
    const text = await c.req.text();
    if (Buffer.byteLength(text) > MAX_BODY_BYTES) return jsonError(c, 413, "too_large", "the request body is too large");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return jsonError(c, 400, "bad_request", 'expected a JSON body {"input": "..."}');
    }
    // The document's schema, so what it says a client may send is what is accepted ({"fresh": "yes"} is not).
    const parsed = SubmitCheckBody.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.length > 0 ? `"${issue.path.join(".")}": ` : "";
      return jsonError(c, 400, "bad_request", `expected a JSON body {"input": "...", "fresh": false}: ${field}${issue.message}`);
    }
    const { input, fresh } = parsed.data;
    let result;
    try {
      result = await submissions.ask(input, { fresh });
    } catch (error) {
      if (error instanceof BadInputError) return jsonError(c, 400, "bad_request", errorMessage(error));
      throw error;
    }
    if (result.kind === "reused") return c.json(reportJson(result.report, null), 200);
    c.header("Location", `/api/checks/${result.checkId}`);
    return c.json(
      {
        id: result.checkId,
        url: `/api/checks/${result.checkId}`,
        status: result.status,
        joined: result.joined,
        progressUrl: `/progress/${result.checkId}`,
        eventsUrl: `/api/checks/${result.checkId}/events`,
      } satisfies z.output<typeof AcceptedJson>,
      202,
    );
  });

  app.get("/", async (c) => {
    const q = (c.req.query("q") ?? "").trim();
    const category = c.req.query("category")?.trim() || undefined;
    const page = pageNumber(c.req.query("page"));
    if (page === null) return jsonError(c, 400, "bad_request", "page must be a whole number from 1");
    if (category !== undefined && !isCategory(category))
      return jsonError(c, 400, "bad_request", `unknown category "${category.slice(0, 40)}"`);
    if (q.length > MAX_QUERY_CHARS) return jsonError(c, 400, "bad_request", `q is limited to ${MAX_QUERY_CHARS} characters`);
    const size = web.options.pageSize;
    const offset = (page - 1) * size;
    const result = q
      ? await archive.search(q, size, offset, category)
      : await archive.list({ ...(category ? { category } : {}), limit: size, offset });
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
    } satisfies z.output<typeof CheckListJson>);
  });

  app.get("/:id", (c) => {
    const id = c.req.param("id");
    // A published report is the same for everyone until it, or its re-check, changes: cached.
    return cachedPage(c, web, `api:${id}`, async () => {
      const state = await progress.progressOf(id);
      const report = await archive.report(state?.job?.resultCheckId ?? id);
      if (report) {
        const job = state?.job;
        const res = c.json(reportJson(report, job && (job.status === "queued" || job.status === "running") ? job.status : null));
        return pageEntry(web, res, [`check:${id}`, `check:${report.id}`]);
      }
      // "done" without a report in the archive: withdrawn (or not yet visible), so there is nothing to show.
      if (!state || state.state === "done") return jsonError(c, 404, "not_found", "no such check");
      return c.json({
        id,
        status: state.state,
        error: state.state === "failed" ? state.error : null,
        stage: currentStage(state),
        progressUrl: `/progress/${id}`,
      } satisfies z.output<typeof CheckStateJson>);
    });
  });

  app.get("/:id/events", async (c) => {
    const id = c.req.param("id");
    const state = await progress.progressOf(id);
    if (!state) return jsonError(c, 404, "not_found", "no such check");
    // An ended check has nothing to follow: 204 stops an EventSource, which would otherwise
    // reconnect and be told the ending again, forever.
    if ((state.state === "done" || state.state === "failed") && !bus.isLive(id)) return c.body(null, 204);
    const lastEventId = Number(c.req.header("last-event-id") ?? "0");
    return streamSSE(c, (stream) => followEvents(web.services, id, stream, Number.isFinite(lastEventId) ? lastEventId : 0));
  });

  app.all("/", methodNotAllowed("GET, HEAD, POST, OPTIONS"));
  app.all("/:id", methodNotAllowed("GET, HEAD, OPTIONS"));
  app.all("/:id/events", methodNotAllowed("GET, HEAD, OPTIONS"));
  return app;
}

/** The API's report: published, so "done", with the re-check running over it, if any. */
function reportJson(report: Report, recheck: "queued" | "running" | null): z.output<typeof ReportJson> {
  return {
    ...report,
    status: "done",
    ...(recheck ? { refresh: { status: recheck, progressUrl: `/progress/${report.id}` } } : {}),
  };
}

function apiSummary(s: CheckSummary): z.output<typeof CheckSummaryJson> {
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
