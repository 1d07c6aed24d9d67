// Share cards as PNG, the og:image and twitter:image of every page: /cards/site.png (the
// site's card) and /cards/{check id}/{version}.png (a report's). Drawn from the SVG of
// src/render/card.ts by resvg, in the Liberation Sans that ships with pdfjs-dist (SIL OFL),
// never the machine's fonts, so a card looks the same wherever it is served. Each PNG is
// kept in memory under the hash of what it shows: an edited title draws a new card by itself.
import { localeOf } from "../domain/locale.js";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import { Hono } from "hono";
import { etag } from "hono/etag";
import { CARD_FONT, shareCardSvg, type CardContent } from "../render/card.js";
import type { Web } from "./context.js";
import { notFoundPage } from "./respond.js";

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve("pdfjs-dist/package.json")), "standard_fonts");
const FONT_FILES = ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"].map((name) => path.join(FONT_DIR, name));
/** Cards kept in memory (each some tens of kB). */
const CACHE_SIZE = 200;

/** resvg, loaded at the first card: loading it asks for a report of the process to tell glibc from musl (about 100 ms of a start). */
let resvg: typeof import("@resvg/resvg-js") | null = null;

export function renderCardPng(card: CardContent): Buffer {
  const svg = shareCardSvg(card);
  const { Resvg } = (resvg ??= require("@resvg/resvg-js") as typeof import("@resvg/resvg-js"));
  return new Resvg(svg, { font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CARD_FONT } }).render().asPng();
}

export function cardRoutes(web: Web, site: { name: string; tagline: string }): Hono {
  const { archive } = web.services;
  const cache = new Map<string, Buffer>();
  const png = (card: CardContent): Buffer => {
    const key = createHash("sha256").update(JSON.stringify(card)).digest("hex");
    let image = cache.get(key);
    if (image)
      cache.delete(key); // re-inserted below: the map's order is the recency
    else image = renderCardPng(card);
    cache.set(key, image);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return image;
  };
  const send = (image: Buffer) =>
    new Response(new Uint8Array(image), { headers: { "Content-Type": "image/png", "Cache-Control": "public, max-age=86400" } });

  return new Hono()
    .use(etag())
    .get("/site.png", () => send(png({ site: site.name, title: site.tagline })))
    .get("/:id/:file", async (c) => {
      const version = /^(\d{1,6})\.png$/.exec(c.req.param("file"))?.[1];
      const current = version ? await archive.report(c.req.param("id")) : null;
      if (!current) return notFoundPage(c);
      const report = Number(version) === current.version ? current : await archive.version(current.id, Number(version));
      if (!report) return notFoundPage(c);
      return send(
        png({
          site: site.name,
          title: report.title,
          verdict: report.verdict.label,
          checkedAt: report.checkedAt,
          locale: localeOf(report.language),
        }),
      );
    });
}
