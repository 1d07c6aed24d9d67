// The HTTP server: a first cut of the JSON API of DESIGN.md and a report page.
// The full website (progress pages, archive, campaign) is built on this.
import { Hono } from "hono";
import type { Verity } from "../app.js";
import { BadInputError, errorMessage, isUserError } from "../domain/errors.js";
import { MAX_INPUT_CHARS } from "../domain/limits.js";
import { escapeHtml } from "../render/escape.js";
import { renderHtml } from "../render/html.js";

export function createServer(verity: Verity): Hono {
  const app = new Hono();

  app.use(async (c, next) => {
    await next();
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
    c.header("Content-Security-Policy", "default-src 'self'; script-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  });

  app.get("/", (c) =>
    c.html(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Verity</title></head>
<body><main><h1>Verity</h1><p>Ask a question or paste a claim; Verity checks it against its sources and publishes a cited report.</p>
<p>API: <code>POST /api/checks {"input": "..."}</code>, then <code>GET /api/checks/{id}</code>. Inputs up to ${MAX_INPUT_CHARS} characters.</p></main></body></html>`),
  );

  app.post("/api/checks", async (c) => {
    const body = await c.req.json().catch(() => null);
    const input = body && typeof body === "object" ? (body as Record<string, unknown>).input : undefined;
    if (typeof input !== "string") throw new BadInputError('expected a JSON body {"input": "..."}');
    const submitted = await verity.service.submit(input, { fresh: (body as Record<string, unknown>).fresh === true });
    if ("reused" in submitted) return c.json(submitted.reused, 200);
    submitted.done.catch(() => {}); // recorded as failed in the store; the client sees it on GET
    return c.json({ id: submitted.id, url: `/api/checks/${submitted.id}`, status: "running" }, 202);
  });

  app.get("/api/checks/:id", async (c) => {
    const id = c.req.param("id");
    const report = await verity.checks.get(id);
    if (report) return c.json(report);
    const status = await verity.checks.status(id);
    if (!status) return c.json({ error: { code: "not_found", message: "no such check" } }, 404);
    return c.json({ id, status: status.status, error: status.error });
  });

  app.get("/checks/:category/:slugId", async (c) => {
    const shortId = /-([0-9a-f]{8})$/.exec(c.req.param("slugId"))?.[1];
    const report = shortId ? await verity.checks.findByShortId(shortId) : null;
    if (!report || report.category !== c.req.param("category")) return c.html(notFound(), 404);
    return c.html(renderHtml(report));
  });

  app.notFound((c) => (c.req.path.startsWith("/api/") ? c.json({ error: { code: "not_found", message: "no such endpoint" } }, 404) : c.html(notFound(), 404)));

  app.onError((error, c) => {
    if (isUserError(error)) return c.json({ error: { code: "bad_request", message: errorMessage(error) } }, 400);
    console.error(error);
    return c.json({ error: { code: "internal", message: "internal error" } }, 500);
  });

  return app;
}

function notFound(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found · Verity</title></head><body><h1>Not found</h1><p>${escapeHtml("There is no page here.")}</p><p><a href="/">Home</a></p></body></html>`;
}
