// The archive: the checks by category, by topic, by person or organisation, and
// full-text search, each paginated (every check, /checks, is with the other /checks routes).
//
// Topics: the named things of the reports that are not people or organisations (the
// entities of type "place" and "other", e.g. "Great Wall of China"). Categories have
// their own pages; /topic/{a category} sends there. People and organisations are the
// entities of type "person" and "organization", with Wikidata's description when the
// check linked them.
import { Hono, type Context } from "hono";
import { html } from "hono/html";
import { CATEGORIES, FRESHNESS_MS, isCategory, type Category } from "../../domain/categories.js";
import { PERSON_TYPES, TOPIC_TYPES, type CheckSummary, type EntitySummary, type Page } from "../../service/archive.js";
import { categoryLinks, checkList, pagination, type Html } from "../components.js";
import type { Web } from "../context.js";
import { notFoundPage, pageNumber } from "../respond.js";

const CATEGORY_DESCRIPTIONS: Record<Category, string> = {
  politics: "Claims by and about politicians, governments, elections and public policy.",
  health: "Medicine, nutrition, public health and the claims made about them.",
  science: "Research findings, scientific consensus and how studies are reported.",
  technology: "Computing, the internet, artificial intelligence and the companies behind them.",
  business: "The economy, companies, jobs, prices and money.",
  society: "Social questions: education, immigration, religion, everyday life.",
  media: "News reports, viral posts, images and how stories spread.",
  justice: "Laws, courts, police and rights.",
  environment: "Climate, energy, pollution and the natural world.",
  entertainment: "Film, music, television, celebrities and culture.",
  history: "What happened in the past, and the myths about it.",
  sports: "Athletes, games, records and sporting bodies.",
  other: "Everything that fits no other category.",
};

export function archiveRoutes(web: Web): Hono {
  const { archive } = web.services;
  const size = web.options.pageSize;
  const app = new Hono();

  app.get("/category", async (c) => {
    const counts = await archive.categoryCounts();
    const body = html`<h1>Categories</h1>
${categoryLinks(counts)}
<dl class="category-descriptions">${CATEGORIES.map(
      (name) => html`<dt><a href="/category/${name}">${name}</a></dt><dd>${CATEGORY_DESCRIPTIONS[name]}</dd>`,
    )}</dl>`;
    return c.render(body, { title: "Categories", canonicalPath: "/category", pageClass: "page-archive" });
  });

  app.get("/category/:name", async (c) => {
    const name = c.req.param("name");
    if (!isCategory(name)) return notFoundPage(c, "There is no such category.");
    const page = pageNumber(c.req.query("page"));
    if (page === null) return notFoundPage(c);
    const result = await archive.list({ category: name, limit: size, offset: (page - 1) * size });
    const days = Math.round(FRESHNESS_MS[name] / 86_400_000);
    return listPage(c, web, {
      title: `Category: ${name}`,
      lead: html`${CATEGORY_DESCRIPTIONS[name]} <span class="muted">Checks here are offered a re-check after ${days} days.</span>
<a href="/category/${name}/feed.xml">Atom feed</a>`,
      canonicalPath: `/category/${name}`,
      result,
      page,
      testId: "category-checks",
      head: html`<link rel="alternate" type="application/atom+xml" title="Verity: ${name}" href="/category/${name}/feed.xml">`,
    });
  });

  app.get("/topic", async (c) => {
    const topics = await archive.entities(TOPIC_TYPES);
    const body = html`<h1>Topics</h1>
<p class="lead">Places and named things the checks are about. See also the <a href="/category">categories</a>.</p>
${entityIndex(topics, "topic", "No topics yet.")}`;
    return c.render(body, { title: "Topics", canonicalPath: "/topic", pageClass: "page-archive" });
  });

  app.get("/topic/:name", async (c) => {
    const name = c.req.param("name");
    if (isCategory(name.toLowerCase())) return c.redirect(`/category/${name.toLowerCase()}`, 301);
    return entityPage(c, web, name, "topic");
  });

  app.get("/entity", async (c) => {
    const people = await archive.entities(PERSON_TYPES);
    const body = html`<h1>People and organisations</h1>
<p class="lead">Who the checks are about.</p>
${entityIndex(people, "entity", "No people or organisations yet.")}`;
    return c.render(body, { title: "People and organisations", canonicalPath: "/entity", pageClass: "page-archive" });
  });

  app.get("/entity/:name", (c) => entityPage(c, web, c.req.param("name"), "entity"));

  app.get("/search", async (c) => {
    const q = (c.req.query("q") ?? "").trim().slice(0, 200);
    const page = pageNumber(c.req.query("page"));
    if (page === null) return notFoundPage(c);
    const result = q ? await archive.search(q, size, (page - 1) * size) : { items: [], total: 0 };
    // Named apart from the header's search form: two landmarks of one role need distinct labels.
    const form = html`<form method="get" action="/search" role="search" aria-label="Search page" data-testid="search-form" class="search-form">
<label for="search-q">Search the checks</label>
<input id="search-q" type="search" name="q" value="${q}" maxlength="200" data-testid="search-input">
<button type="submit" data-testid="search-submit">Search</button>
</form>`;
    const summary = q
      ? html`<p class="muted" data-testid="search-count">${result.total} ${result.total === 1 ? "check matches" : "checks match"} “${q}”.</p>`
      : "";
    const body = html`<h1>Search</h1>
${form}
${summary}
${q ? checkList(result.items, { testId: "search-results", empty: "Nothing matches. Try other words, or ask Verity to check it." }) : ""}
${q && result.total === 0 ? html`<p><a href="/?q=${encodeURIComponent(q)}#ask-form">Ask Verity to check “${q}”</a></p>` : ""}
${pagination(page, result.total, size, (n) => `/search?q=${encodeURIComponent(q)}&page=${n}`)}`;
    return c.render(body, { title: q ? `Search: ${q}` : "Search", noindex: true, pageClass: "page-search" });
  });

  return app;
}

interface ListPageSpec {
  title: string;
  lead: Html;
  canonicalPath: string;
  result: Page<CheckSummary>;
  page: number;
  testId: string;
  head?: Html;
}

/** A paginated list of checks (404 past the last page). */
export function listPage(c: Context, web: Web, spec: ListPageSpec): Promise<Response> {
  const size = web.options.pageSize;
  if (spec.page > 1 && spec.result.items.length === 0) return notFoundPage(c, "There is no such page.");
  const body = html`<h1>${spec.title}</h1>
<p class="lead">${spec.lead}</p>
<p class="muted" data-testid="archive-count">${spec.result.total} ${spec.result.total === 1 ? "check" : "checks"}.</p>
${checkList(spec.result.items, { testId: spec.testId, empty: "No checks here yet." })}
${pagination(spec.page, spec.result.total, size, (n) => (n === 1 ? spec.canonicalPath : `${spec.canonicalPath}?page=${n}`))}`;
  return c.render(body, {
    title: spec.page > 1 ? `${spec.title} (page ${spec.page})` : spec.title,
    canonicalPath: spec.page > 1 ? `${spec.canonicalPath}?page=${spec.page}` : spec.canonicalPath,
    head: spec.head,
    pageClass: "page-archive",
  });
}

function entityIndex(entities: EntitySummary[], kind: "topic" | "entity", empty: string): Html {
  if (entities.length === 0) return html`<p class="muted">${empty}</p>`;
  return html`<ul class="checks" data-testid="${kind}-list">${entities.map(
    (e) =>
      html`<li><a class="title" href="/${kind}/${encodeURIComponent(e.name)}">${e.name}</a> <span class="muted">${e.count} ${
        e.count === 1 ? "check" : "checks"
      }</span>${e.description ? html`<div class="meta">${e.description}</div>` : ""}</li>`,
  )}</ul>`;
}

async function entityPage(c: Context, web: Web, name: string, kind: "topic" | "entity"): Promise<Response> {
  const { archive } = web.services;
  const types = kind === "entity" ? PERSON_TYPES : TOPIC_TYPES;
  const entity = await archive.entity(name, types);
  if (!entity)
    return notFoundPage(c, kind === "entity" ? "No check mentions this person or organisation." : "No check is about this topic.");
  const page = pageNumber(c.req.query("page"));
  if (page === null) return notFoundPage(c);
  const size = web.options.pageSize;
  const result = await archive.list({ entity: { name: entity.name, types }, limit: size, offset: (page - 1) * size });
  const typeWord =
    entity.type === "person" ? "Person" : entity.type === "organization" ? "Organisation" : entity.type === "place" ? "Place" : "Topic";
  const description = entity.description
    ? html`<span data-testid="entity-description">${entity.description}</span>`
    : html`<span data-testid="entity-description">${typeWord} named in ${entity.count} ${entity.count === 1 ? "check" : "checks"}.</span>`;
  return listPage(c, web, {
    title: `${typeWord}: ${entity.name}`,
    lead: description,
    canonicalPath: `/${kind}/${encodeURIComponent(entity.name)}`,
    result,
    page,
    testId: `${kind}-checks`,
  });
}
