// Main text and metadata out of an HTML page: Readability for the article, the page's own
// metadata (meta tags, JSON-LD, <time>, <html lang>) for the rest. No script runs, nothing is fetched.
import { createRequire } from "node:module";
import { Readability } from "@mozilla/readability";
import { normalizeDate } from "../domain/dates.js";
import { decodeEntities, type EntityOptions } from "../domain/entities.js";
import { collapseWhitespace } from "../domain/text.js";

// jsdom is required on the first page read, not with every command: loading it takes about 0.6 s,
// which a check answered from the archive or a page served from the cache never needs.
const require = createRequire(import.meta.url);
let jsdom: typeof import("jsdom") | undefined;
function loadJsdom(): typeof import("jsdom") {
  return (jsdom ??= require("jsdom") as typeof import("jsdom"));
}

/** A page's text and the metadata read with it: what extractHtml finds, and what the page reader returns. */
export interface PageText {
  title: string;
  /** Main text: paragraphs separated by a blank line, whitespace inside a paragraph collapsed. */
  text: string;
  siteName: string | null;
  author: string | null;
  /** ISO 8601: YYYY-MM-DD, or a full UTC timestamp when the page gives a time with its zone. */
  publishedAt: string | null;
  language: string | null;
}

interface ExtractedPage extends PageText {
  description: string | null;
  /** <link rel="canonical"> or og:url, when it is an absolute http(s) URL. */
  canonicalUrl: string | null;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const SKIPPED = new Set([
  "SCRIPT",
  "STYLE",
  "NOSCRIPT",
  "TEMPLATE",
  "SVG",
  "MATH",
  "IFRAME",
  "OBJECT",
  "EMBED",
  "CANVAS",
  "SELECT",
  "BUTTON",
  "HEAD",
]);
/**
 * Boilerplate containers, dropped before looking for the main text; so are page headers and
 * footers, but not those inside an article or main (they hold its title and byline).
 */
const BOILERPLATE_TAGS = new Set(["NAV", "ASIDE", "DIALOG"]);
const BOILERPLATE_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search"]);
const BLOCKS = new Set([
  "ADDRESS",
  "ARTICLE",
  "ASIDE",
  "BLOCKQUOTE",
  "BR",
  "CAPTION",
  "DD",
  "DETAILS",
  "DIV",
  "DL",
  "DT",
  "FIELDSET",
  "FIGCAPTION",
  "FIGURE",
  "FOOTER",
  "FORM",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "NAV",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "SUMMARY",
  "TABLE",
  "TBODY",
  "TFOOT",
  "THEAD",
  "TR",
  "UL",
]);
const MAX_READABILITY_ELEMENTS = 20_000;
const ARTICLE_TYPES =
  /^(?:\w*Article|BlogPosting|Report|WebPage|Posting|Review|ClaimReview|Thesis|Book|Chapter|CreativeWork|MedicalWebPage|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|QAPage)$/;

export function extractHtml(html: string, url?: string): ExtractedPage {
  // Styles are never needed and jsdom's CSS parser is the slowest part of loading a page.
  const source = html.replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "");
  const { JSDOM, VirtualConsole } = loadJsdom();
  const virtualConsole = new VirtualConsole(); // not forwarded anywhere: parse errors are swallowed
  const dom = new JSDOM(source, { url: safeUrl(url), virtualConsole, contentType: "text/html" });
  try {
    const document = dom.window.document;
    const meta = readMeta(document);
    const ld = readJsonLd(document);

    // Everything read from the page itself is read before Readability, which rewrites the document.
    const documentTitle = document.title;
    const firstH1 = document.getElementsByTagName("h1")[0]?.textContent;
    const htmlLang = document.documentElement.getAttribute("lang") ?? document.documentElement.getAttribute("xml:lang");
    const canonicalHref = Array.from(document.getElementsByTagName("link"))
      .find((link) => /(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute("rel") ?? ""))
      ?.getAttribute("href");
    const timeValue = timeDatetime(document);

    removeBoilerplate(document);
    let article: ReturnType<Readability<Node>["parse"]> = null;
    let rewritten = false;
    // Readability slows down badly on huge pages; those get the plain body text.
    if (document.getElementsByTagName("*").length <= MAX_READABILITY_ELEMENTS) {
      rewritten = true;
      try {
        article = new Readability<Node>(document, { serializer: (node) => node, charThreshold: 200 }).parse();
      } catch {
        article = null;
      }
    }
    let text = article?.content ? blockText(article.content) : "";
    if (!text) text = rewritten ? bodyText(source, url, true) : document.body ? blockText(document.body) : "";
    if (!text) text = bodyText(source, url, false);

    const title =
      clean(ld.headline) ??
      meta("og:title") ??
      meta("twitter:title") ??
      meta("dc.title") ??
      clean(article?.title) ??
      clean(documentTitle) ??
      clean(firstH1) ??
      "";

    const author =
      ld.author ??
      notUrl(meta("author")) ??
      notUrl(meta("article:author")) ??
      notUrl(meta("dc.creator")) ??
      notUrl(meta("citation_author")) ??
      notUrl(meta("byl")?.replace(/^by\s+/i, "")) ??
      notUrl(clean(article?.byline)?.replace(/^by\s+/i, "")) ??
      null;

    const siteName = meta("og:site_name") ?? ld.publisher ?? meta("application-name") ?? clean(article?.siteName) ?? null;

    const dateCandidates = [
      ld.datePublished,
      meta("article:published_time"),
      meta("date"),
      meta("dc.date"),
      meta("dc.date.issued"),
      meta("dcterms.date"),
      meta("dcterms.issued"),
      meta("citation_publication_date"),
      meta("citation_date"),
      meta("pubdate"),
      meta("publish-date"),
      meta("og:published_time"),
      timeValue,
      clean(article?.publishedTime),
    ];
    let publishedAt: string | null = null;
    for (const candidate of dateCandidates) {
      publishedAt = candidate ? normalizeDate(candidate) : null;
      if (publishedAt) break;
    }

    const language = clean(htmlLang) ?? meta("content-language") ?? clean(article?.lang) ?? ld.inLanguage ?? null;

    const description = meta("description") ?? meta("og:description") ?? meta("twitter:description") ?? ld.description ?? null;

    const canonicalUrl = absoluteHttpUrl(canonicalHref, url) ?? absoluteHttpUrl(meta("og:url"), url) ?? ld.url ?? null;

    return { title, text, siteName, author, publishedAt, language, description, canonicalUrl };
  } finally {
    dom.window.close();
  }
}

/** The text of a fresh parse of the page's body, with or without its boilerplate. */
function bodyText(source: string, url: string | undefined, stripBoilerplate: boolean): string {
  const { JSDOM, VirtualConsole } = loadJsdom();
  const dom = new JSDOM(source, { url: safeUrl(url), virtualConsole: new VirtualConsole(), contentType: "text/html" });
  try {
    const document = dom.window.document;
    if (stripBoilerplate) removeBoilerplate(document);
    return document.body ? blockText(document.body) : "";
  } finally {
    dom.window.close();
  }
}

function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).href;
  } catch {
    return undefined;
  }
}

function clean(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  const text = collapseWhitespace(value);
  return text ? text : null;
}

function notUrl(value: string | null | undefined): string | null {
  const text = clean(value);
  return text && !/^(?:https?:)?\/\//i.test(text) ? text : null;
}

function absoluteHttpUrl(value: string | null | undefined, base: string | undefined): string | null {
  const text = clean(value);
  if (!text) return null;
  try {
    const resolved = new URL(text, safeUrl(base));
    return resolved.protocol === "http:" || resolved.protocol === "https:" ? resolved.href : null;
  } catch {
    return null;
  }
}

/** meta(name) finds <meta name|property|itemprop|http-equiv="name" content="...">, case-insensitively. */
function readMeta(document: Document): (name: string) => string | null {
  const values = new Map<string, string>();
  for (const element of Array.from(document.getElementsByTagName("meta"))) {
    const content = clean(element.getAttribute("content"));
    if (!content) continue;
    for (const attribute of ["name", "property", "itemprop", "http-equiv"]) {
      const keys = element.getAttribute(attribute);
      if (!keys) continue;
      // RDFa allows several space-separated properties in one attribute.
      for (const key of keys.toLowerCase().split(/\s+/)) {
        if (key && !values.has(key)) values.set(key, content);
      }
    }
  }
  return (name) => values.get(name.toLowerCase()) ?? null;
}

function timeDatetime(document: Document): string | null {
  const times = Array.from(document.getElementsByTagName("time")).filter((time) => time.hasAttribute("datetime"));
  const preferred =
    times.find((time) => /(?:^|\s)datePublished(?:\s|$)/.test(time.getAttribute("itemprop") ?? "")) ??
    times.find((time) => time.hasAttribute("pubdate")) ??
    times.find((time) => time.closest("article")) ??
    times[0];
  return clean(preferred?.getAttribute("datetime"));
}

interface LinkedData {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  publisher: string | null;
  description: string | null;
  inLanguage: string | null;
  url: string | null;
}

function readJsonLd(document: Document): LinkedData {
  const nodes: JsonObject[] = [];
  const scripts = Array.from(document.getElementsByTagName("script")).filter(
    (script) => script.getAttribute("type")?.trim().toLowerCase() === "application/ld+json",
  );
  for (const script of scripts) {
    const parsed = parseJsonLoosely(script.textContent ?? "");
    if (parsed !== undefined) collectNodes(parsed, nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node["@id"];
    if (typeof id === "string" && !byId.has(id)) byId.set(id, node);
  }
  const resolve = (value: Json | undefined): Json | undefined => {
    if (isObject(value) && typeof value["@id"] === "string" && Object.keys(value).length === 1) {
      return byId.get(value["@id"]) ?? value;
    }
    return value;
  };

  const types = (node: JsonObject): string[] => {
    const type = node["@type"];
    return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === "string");
  };
  const articles = nodes.filter((node) => types(node).some((t) => ARTICLE_TYPES.test(t)));
  // The most specific article first: one with a headline beats a bare WebPage.
  articles.sort((a, b) => score(b) - score(a));
  const main = articles[0];

  const result: LinkedData = {
    headline: null,
    author: null,
    datePublished: null,
    publisher: null,
    description: null,
    inLanguage: null,
    url: null,
  };
  if (!main) {
    const organization = nodes.find((node) => types(node).some((t) => /Organization|WebSite|NewsMediaOrganization/.test(t)));
    result.publisher = organization ? text(organization["name"]) : null;
    return result;
  }
  result.headline = text(main["headline"]) ?? text(main["name"]);
  result.datePublished = text(main["datePublished"]) ?? text(main["dateCreated"]) ?? text(main["uploadDate"]);
  result.description = text(main["description"]);
  result.inLanguage = text(main["inLanguage"]);
  const url = text(main["url"]) ?? text(main["mainEntityOfPage"]);
  result.url = url && /^https?:\/\//i.test(url) ? url : null;

  const authors = (Array.isArray(main["author"]) ? main["author"] : [main["author"]])
    .map((value) => name(resolve(value)))
    .filter((value): value is string => !!value && !/^(?:https?:)?\/\//i.test(value));
  result.author = authors.length ? [...new Set(authors)].join(", ") : null;

  const publisher = resolve(Array.isArray(main["publisher"]) ? main["publisher"][0] : main["publisher"]);
  result.publisher =
    name(publisher) ??
    (() => {
      const site = nodes.find((node) => types(node).includes("WebSite"));
      return site ? text(site["name"]) : null;
    })();
  return result;

  function score(node: JsonObject): number {
    let s = 0;
    if (text(node["headline"])) s += 4;
    if (types(node).some((t) => /Article|Posting|Report/.test(t))) s += 2;
    if (node["datePublished"] !== undefined) s += 1;
    return s;
  }
}

/** JSON-LD strings sometimes carry HTML entities (they are not decoded inside <script>): the markup ones. */
const JSON_LD_ENTITIES: EntityOptions = { names: "markup", strict: true };

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: Json | undefined): string | null {
  if (typeof value === "string") return clean(decodeEntities(value, JSON_LD_ENTITIES));
  if (typeof value === "number") return String(value);
  if (isObject(value)) {
    if (typeof value["@value"] === "string") return clean(value["@value"]);
    if (typeof value["@id"] === "string" && /^https?:\/\//i.test(value["@id"])) return value["@id"];
  }
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function name(value: Json | undefined): string | null {
  if (typeof value === "string") return clean(decodeEntities(value, JSON_LD_ENTITIES));
  if (isObject(value))
    return (
      text(value["name"]) ??
      (typeof value["givenName"] === "string"
        ? clean(`${value["givenName"]} ${typeof value["familyName"] === "string" ? value["familyName"] : ""}`)
        : null)
    );
  return null;
}

function parseJsonLoosely(raw: string): Json | undefined {
  const trimmed = raw
    .trim()
    .replace(/^<!\[CDATA\[|\]\]>$/g, "")
    .replace(/^<!--|-->$/g, "")
    .trim();
  if (!trimmed) return undefined;
  try {
    return JSON.parse(trimmed) as Json;
  } catch {
    // Common breakage: raw control characters (newlines inside strings) and trailing commas.
    try {
      return JSON.parse(trimmed.replace(/[\u0000-\u001f]+/g, " ").replace(/,\s*([}\]])/g, "$1")) as Json;
    } catch {
      return undefined;
    }
  }
}

function collectNodes(value: Json, into: JsonObject[], depth: number): void {
  if (depth > 4 || into.length > 500) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into, depth + 1);
  } else if (isObject(value)) {
    into.push(value);
    const graph = value["@graph"];
    if (graph !== undefined) collectNodes(graph, into, depth + 1);
    // A WebPage often holds its article as mainEntity.
    const mainEntity = value["mainEntity"];
    if (isObject(mainEntity) || Array.isArray(mainEntity)) collectNodes(mainEntity, into, depth + 1);
  }
}

function removeBoilerplate(document: Document): void {
  // One walk instead of selector queries: selectors are slow on big jsdom trees.
  const doomed: Element[] = [];
  const walk = (element: Element, inArticle: boolean): void => {
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
      const tag = child.tagName.toUpperCase();
      const role = child.getAttribute("role")?.trim().toLowerCase();
      if (
        BOILERPLATE_TAGS.has(tag) ||
        (role && BOILERPLATE_ROLES.has(role)) ||
        child.getAttribute("aria-hidden") === "true" ||
        child.hasAttribute("hidden") ||
        (!inArticle && (tag === "HEADER" || tag === "FOOTER"))
      ) {
        doomed.push(child);
        continue;
      }
      walk(child, inArticle || tag === "ARTICLE" || tag === "MAIN" || role === "main");
    }
  };
  if (document.documentElement) walk(document.documentElement, false);
  for (const element of doomed) element.remove();
}

/** Text of an element tree: one paragraph per block, blocks separated by a blank line. */
function blockText(root: Node): string {
  const paragraphs: string[] = [];
  let buffer = "";
  const flush = (): void => {
    const paragraph = collapseWhitespace(buffer);
    if (paragraph) paragraphs.push(paragraph);
    buffer = "";
  };
  const walk = (node: Node): void => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      buffer += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */ && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : "";
    if (SKIPPED.has(tag)) return;
    const block = BLOCKS.has(tag);
    if (block) flush();
    else if (tag === "TD" || tag === "TH") buffer += " ";
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join("\n\n");
}
