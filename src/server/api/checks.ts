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
import { jsonError, pageNumber, rateLimited } from "../respond.js";
import { MAX_BODY_BYTES } from "../security.js";
import { followEvents } from "./events.js";
import { MAX_QUERY_CHARS, type AcceptedJson, type CheckListJson, type CheckStateJson, type CheckSummaryJson } from "./schemas.js";

export function checksApi(web: Web): Hono {
  const { archive, progress, submissions } = web.services;
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
    const input = body && typeof body === "object" ? (body as Record<string, unknown>).input : undefined;
    if (typeof input !== "string") return jsonError(c, 400, "bad_request", 'expected a JSON body {"input": "..."} with "input" a string');
    const fresh = (body as Record<string, unknown>).fresh === true;
    let result;
    try {
      result = await submissions.ask(input, { fresh });
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

  app.get("/:id", async (c) => {
    const id = c.req.param("id");
    const state = await progress.progressOf(id);
    const report = await archive.report(state?.job?.resultCheckId ?? id);
    if (report) {
      // A refresh in progress: the last version, with the state of the new run.
      const active = state?.job && (state.job.status === "queued" || state.job.status === "running") ? state.job.status : null;
      return c.json(active ? ({ ...report, status: active } satisfies Report) : report);
    }
    if (!state || (state.state === "done" && !state.reportUrl)) return jsonError(c, 404, "not_found", "no such check");
    return c.json({
      id,
      status: state.state,
      error: state.state === "failed" ? state.error : null,
      stage: currentStage(state),
      progressUrl: `/progress/${id}`,
    } satisfies z.output<typeof CheckStateJson>);
  });

  app.get("/:id/events", async (c) => {
    const id = c.req.param("id");
    if (!(await progress.progressOf(id))) return jsonError(c, 404, "not_found", "no such check");
    const lastEventId = Number(c.req.header("last-event-id") ?? "0");
    return streamSSE(c, (stream) => followEvents(web.services, id, stream, Number.isFinite(lastEventId) ? lastEventId : 0));
  });

  return app;
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
