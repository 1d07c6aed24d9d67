// For machines: Atom feeds of new checks (all, and per category), the sitemap, robots.txt.
import { Hono } from "hono";
import { CATEGORIES, isCategory } from "../domain/categories.js";
import { escapeXml } from "../render/escape.js";
import { verdictLine } from "../render/words.js";
import type { CheckSummary } from "../service/archive.js";
import { siteBaseUrl, type ServerOptions } from "./options.js";
import type { Web } from "./context.js";
import { notFoundPage } from "./respond.js";

const FEED_SIZE = 50;
const SITEMAP_MAX = 50_000;

function atom(options: ServerOptions, base: string, title: string, selfPath: string, alternatePath: string, items: CheckSummary[]): string {
  const updated = items[0]?.checkedAt ?? options.now().toISOString();
  // An entry's id is the check's, which never changes (its page's address does, with its category or the domain).
  const entries = items.map(
    (item) => `<entry>
<title>${escapeXml(item.title)}</title>
<id>urn:uuid:${escapeXml(item.id)}</id>
<link rel="alternate" type="text/html" href="${escapeXml(base + item.url)}"/>
<updated>${escapeXml(item.checkedAt)}</updated>
<category term="${escapeXml(item.category)}"/>
<summary>${escapeXml(verdictLine(item.verdict, item.headline))}</summary>
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>${escapeXml(title)}</title>
<id>${escapeXml(base + selfPath)}</id>
<link rel="self" type="application/atom+xml" href="${escapeXml(base + selfPath)}"/>
<link rel="alternate" type="text/html" href="${escapeXml(base + alternatePath)}"/>
<updated>${escapeXml(updated)}</updated>
<author><name>Verity</name></author>
<generator>Verity</generator>
${entries.join("\n")}
</feed>
`;
}

export function feedRoutes(web: Web): Hono {
  const { archive } = web.services;
  const { options } = web;
  const app = new Hono();

  app.get("/feed.xml", async (c) => {
    const { items } = await archive.list({ limit: FEED_SIZE, offset: 0 });
    c.header("Cache-Control", "public, max-age=300");
    return c.body(atom(options, siteBaseUrl(c, options), "Verity: new checks", "/feed.xml", "/", items), 200, {
      "Content-Type": "application/atom+xml; charset=utf-8",
    });
  });

  app.get("/category/:name/feed.xml", async (c) => {
    const name = c.req.param("name");
    if (!isCategory(name)) return notFoundPage(c, "There is no such category.");
    const { items } = await archive.list({ category: name, limit: FEED_SIZE, offset: 0 });
    c.header("Cache-Control", "public, max-age=300");
    return c.body(
      atom(options, siteBaseUrl(c, options), `Verity: ${name}`, `/category/${name}/feed.xml`, `/category/${name}`, items),
      200,
      {
        "Content-Type": "application/atom+xml; charset=utf-8",
      },
    );
  });

  app.get("/sitemap.xml", async (c) => {
    const base = siteBaseUrl(c, options);
    const { items } = await archive.list({ limit: SITEMAP_MAX, offset: 0 });
    const fixed = [
      "/",
      "/checks",
      "/category",
      "/topic",
      "/entity",
      "/about",
      "/methodology",
      "/faq",
      "/terms",
      "/privacy",
      ...CATEGORIES.map((n) => `/category/${n}`),
    ];
    const urls = [
      ...fixed.map((path) => `<url><loc>${escapeXml(base + path)}</loc></url>`),
      ...items.map((item) => `<url><loc>${escapeXml(base + item.url)}</loc><lastmod>${escapeXml(item.checkedAt)}</lastmod></url>`),
    ];
    c.header("Cache-Control", "public, max-age=300");
    return c.body(
      `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`,
      200,
      {
        "Content-Type": "application/xml; charset=utf-8",
      },
    );
  });

  app.get("/robots.txt", (c) =>
    c.text(
      [
        "User-agent: *",
        "Disallow: /admin",
        "Disallow: /api/",
        "Disallow: /progress/",
        "Disallow: /mine",
        "Disallow: /search",
        "",
        `Sitemap: ${siteBaseUrl(c, options)}/sitemap.xml`,
        "",
      ].join("\n"),
    ),
  );

  return app;
}
