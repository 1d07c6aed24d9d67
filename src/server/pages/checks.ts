// Everything under /checks: every check (GET), the ask form (POST: 303 to the progress
// page, or to the report when the same question has a fresh one), a report at its
// address, and a report's vote and re-check forms.
import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { BadInputError, errorMessage } from "../../domain/errors.js";
import type { Report } from "../../domain/report.js";
import type { ReportLayout } from "../../render/words.js";
import type { EnqueueResult } from "../../service/submissions.js";
import { cachedPage, pageEntry } from "../cached.js";
import type { Web } from "../context.js";
import { notFoundPage, pageNumber, rateLimited, readForm } from "../respond.js";
import { listPage } from "./archive.js";
import { homePage } from "./home.js";
import { reportPage } from "./report.js";

export function checkRoutes(web: Web): Hono {
  const { archive, submissions, votes } = web.services;
  const { cookies, formGuard, limits, options } = web;
  const app = new Hono();

  app.get("/", async (c) => {
    const page = pageNumber(c.req.query("page"));
    if (page === null) return notFoundPage(c);
    return cachedPage(c, web, `archive:${page}`, async () => {
      const size = options.pageSize;
      const result = await archive.list({ limit: size, offset: (page - 1) * size });
      const res = await listPage(c, web, {
        title: "All checks",
        lead: html`Every published check, newest first.`,
        canonicalPath: "/checks",
        result,
        page,
        testId: "archive-checks",
      });
      return pageEntry(web, res, ["lists"]);
    });
  });

  app.post("/", formGuard, async (c) => {
    const form = await readForm(c);
    const limited = await rateLimited(c, web, limits.submissions, false);
    if (limited) return limited;
    const input = form.input ?? "";
    try {
      return await openCheck(c, web, await submissions.ask(input));
    } catch (error) {
      if (error instanceof BadInputError) return homePage(c, web, { value: input, error: capitalise(errorMessage(error)) + "." }, 400);
      throw error;
    }
  });

  app.get("/:category/:slugId", async (c) => {
    const versionParam = c.req.query("version");
    const layoutParam = c.req.query("layout");
    // Only the query parameters the page reads make a different page (others would fill the cache).
    const key = `report:${c.req.path}?${versionParam ?? ""}&${layoutParam ?? ""}`;
    return cachedPage(c, web, key, async () => {
      const match = /^(.*)-([0-9a-f]{8})$/.exec(c.req.param("slugId"));
      if (!match) return notFoundPage(c);
      const current = await archive.atAddress(match[1]!, match[2]!);
      if (!current) return notFoundPage(c, "There is no report at this address. It may have been withdrawn.");
      // An old address (the category or slug changed): send the reader to the current one.
      if (current.url !== c.req.path) {
        // Browsers keep a 301 for good unless told otherwise; the address can move back
        // (another edit, or a re-check filed elsewhere), and a kept redirect would then loop.
        c.header("Cache-Control", "no-cache");
        const query = new URLSearchParams();
        if (versionParam) query.set("version", versionParam);
        if (layoutParam) query.set("layout", layoutParam);
        return c.redirect(current.url + (query.size > 0 ? `?${query}` : ""), 301);
      }
      let report: Report = current;
      if (versionParam !== undefined) {
        const n = /^\d{1,6}$/.test(versionParam) ? Number(versionParam) : NaN;
        const earlier = Number.isInteger(n) && n >= 1 && n !== current.version ? await archive.version(current.id, n) : null;
        if (n !== current.version && !earlier) return notFoundPage(c, "This report has no such version.");
        if (earlier) report = earlier;
      }
      const layout: ReportLayout = layoutParam === "briefing" ? "briefing" : "classic";
      return reportPage(c, web, current, report, layout, versionParam === undefined);
    });
  });

  app.post("/:id/vote", formGuard, async (c) => {
    const form = await readForm(c);
    const report = await archive.report(c.req.param("id"));
    if (!report) return notFoundPage(c);
    const limited = await rateLimited(c, web, limits.votes, false);
    if (limited) return limited;
    const value = form.helpful;
    if (value === "yes" || value === "no") {
      await votes.vote(report.id, cookies.visitorId(c), value === "yes");
      web.pages.invalidate(`check:${report.id}`); // the tally changed
    }
    return c.redirect(`${report.url}#vote`, 303);
  });

  // The stale banner's button: re-check a report older than its category's freshness window.
  app.post("/:id/recheck", formGuard, async (c) => {
    const found = await submissions.dueForRecheck(c.req.param("id"));
    if (!found) return notFoundPage(c);
    if (!found.due) return c.redirect(found.report.url, 303);
    const limited = await rateLimited(c, web, limits.submissions, false);
    if (limited) return limited;
    return openCheck(c, web, await submissions.recheck(found.report));
  });

  return app;
}

/** After a submission: the fresh report it was answered with, or the progress of its check (remembered as the visitor's). */
async function openCheck(c: Context, web: Web, result: EnqueueResult): Promise<Response> {
  if (result.kind === "reused") {
    await web.cookies.addToMine(c, result.report.id);
    return c.redirect(result.report.url, 303);
  }
  await web.cookies.addToMine(c, result.checkId);
  return c.redirect(`/progress/${result.checkId}`, 303);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
