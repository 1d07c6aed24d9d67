// Home: the ask box, the latest and most read checks, the categories.
import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { askForm, categoryLinks, checkList } from "../components.js";
import { cachedPage, pageEntry } from "../cached.js";
import type { Web } from "../context.js";
import { SITE_NAME, SITE_TAGLINE } from "../layout.js";

export function homeRoutes(web: Web): Hono {
  // The plain home page is the same for everyone; one pre-filled by ?q= is rendered each time.
  return new Hono().get("/", (c) =>
    c.req.query("q") !== undefined
      ? homePage(c, web, {})
      : cachedPage(c, web, "home", async () => pageEntry(web, await homePage(c, web, {}), ["lists", "reads"])),
  );
}

const LATEST = 8;
const MOST_READ = 5;

/** The home page; also shown again with the input and the reason when a submission is refused. */
export async function homePage(c: Context, web: Web, ask: { value?: string; error?: string }, status: 200 | 400 = 200): Promise<Response> {
  const { archive } = web.services;
  const [latest, read, counts] = await Promise.all([
    archive.list({ limit: LATEST, offset: 0 }),
    archive.list({ limit: LATEST + MOST_READ, offset: 0, order: "reads" }),
    archive.categoryCounts(),
  ]);
  // "Most read" shows what "Latest checks" does not already show.
  const shown = new Set(latest.items.map((item) => item.id));
  const mostRead = { items: read.items.filter((item) => !shown.has(item.id)).slice(0, MOST_READ) };
  const q = c.req.query("q");
  const body = html`${askForm({ value: ask.value ?? q ?? "", error: ask.error ?? null })}
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
  c.status(status);
  return c.render(body, { title: SITE_NAME, description: SITE_TAGLINE, canonicalPath: "/", pageClass: "page-home" });
}
