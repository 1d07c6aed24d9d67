// Home: the ask box, the latest and most read checks, the categories.
import type { Hono } from "hono";
import type { AppContext, AppEnv, Site } from "../context.js";
import { askForm, categoryLinks, checkList } from "../components.js";
import { html } from "hono/html";
import { SITE_NAME, SITE_TAGLINE } from "../layout.js";
import { sendPage } from "../respond.js";

export function homeRoutes(app: Hono<AppEnv>, site: Site): void {
  app.get("/", (c) => renderHome(c, site, {}));
}

/** The home page; also re-shown with the input and the reason when a submission is refused. */
export async function renderHome(
  c: AppContext,
  site: Site,
  ask: { value?: string; error?: string },
  status: 200 | 400 = 200,
): Promise<Response> {
  const [latest, mostRead, counts] = await Promise.all([
    site.archive.list({ limit: 8, offset: 0 }),
    site.archive.list({ limit: 5, offset: 0, order: "reads" }),
    site.archive.categoryCounts(),
  ]);
  const q = c.req.query("q");
  const body = html`${askForm(c.get("csrf"), { value: ask.value ?? q ?? "", error: ask.error ?? null })}
<section class="latest" aria-labelledby="latest-heading">
<h2 id="latest-heading">Latest checks</h2>
${checkList(latest.items, { testId: "latest-checks", empty: "Nothing has been checked yet: ask the first question." })}
${latest.total > latest.items.length ? html`<p><a href="/checks">All ${latest.total} checks</a></p>` : ""}
</section>
${
  mostRead.items.length > 0
    ? html`<section class="most-read" aria-labelledby="most-read-heading"><h2 id="most-read-heading">Most read</h2>${checkList(mostRead.items, { testId: "most-read-checks" })}</section>`
    : ""
}
<section aria-labelledby="categories-heading">
<h2 id="categories-heading">Categories</h2>
${categoryLinks(counts)}
</section>`;
  return sendPage(c, site, { title: SITE_NAME, description: SITE_TAGLINE, canonicalPath: "/", body, pageClass: "page-home" }, status);
}
