// The page reader: fetches a URL through the safe HTTP client and returns its main text and
// metadata (HTML through extractHtml, PDF through extractPdf, plain text as is). What cannot be
// read fails with a PageReadError whose short reason goes into a report's provenance.
import { errorMessage } from "../domain/errors.js";
import { normalizeNewlines } from "../domain/text.js";
import { fileNameTitle, firstLineTitle } from "../domain/titles.js";
import { asciiHead, charsetOf, declaredCharset, decodeText } from "../extract/decode.js";
import { extractHtml, type PageText } from "../extract/html.js";
import { extractPdf, pdfErrorReason } from "../extract/pdf.js";
import { HttpError, type HttpClient, type HttpResponse } from "./http-client.js";

export interface ReadPage extends PageText {
  /** The final URL, after redirects. */
  url: string;
  /** The media type the page was read as, e.g. "text/html", "application/pdf", "text/plain". */
  contentType: string;
}

export class PageReadError extends Error {
  override name = "PageReadError";
  constructor(
    /** Short, shown in a report's provenance: "HTTP 404", "paywall", "timed out", ... */
    readonly reason: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(`${url}: ${reason}`, options);
  }
}

interface ReadPageOptions {
  /** Response size cap in bytes (the client's default otherwise). */
  maxBytes?: number;
  /** Whole-request timeout in ms. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Use the page cache (default true). */
  cache?: boolean;
}

const ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,text/plain;q=0.8,*/*;q=0.1";
/** Extracted text shorter than this, with a paywall cue, is a teaser rather than the article. */
const PAYWALL_SHORT_TEXT = 1500;
/** A page marked not free (isAccessibleForFree=false) is a paywall unless we were given the full text anyway. */
const PAYWALL_MARKED_TEXT = 3000;
const MIN_TEXT_CHARS = 20;
/** How far into a page a <meta> charset is looked for. */
const CHARSET_SCAN_BYTES = 2048;
/** A plain-text page's first line is its title when it is no longer than this. */
const MAX_LINE_TITLE_CHARS = 150;

const PAYWALL_CUES = [
  /subscribe to (?:continue|keep) reading/i,
  /subscribe to continue/i,
  /to continue reading/i,
  /this (?:article|story|content) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members)/i,
  /(?:already a subscriber|already have an account)\?/i,
  /subscribers only/i,
  /become a (?:subscriber|member) to (?:read|continue)/i,
  /you(?:'|’)ve (?:reached|used) (?:your|all of your) (?:free|monthly) (?:article|limit)/i,
  /create a free account to (?:continue|read)/i,
];

const STATUS_NOTES: Record<number, string> = {
  401: "login required",
  402: "payment required",
  403: "forbidden",
  407: "proxy authentication required",
  410: "gone",
  429: "rate limited",
  451: "unavailable for legal reasons",
};

export async function readPage(url: string, client: HttpClient, options: ReadPageOptions = {}): Promise<ReadPage> {
  let res: HttpResponse;
  try {
    res = await client.request({
      url,
      method: "GET",
      headers: { accept: ACCEPT },
      cache: options.cache ?? true,
      maxBytes: options.maxBytes,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
    });
  } catch (error) {
    throw new PageReadError(httpErrorReason(error), url, { cause: error });
  }
  if (res.status < 200 || res.status >= 300) {
    const note = STATUS_NOTES[res.status];
    throw new PageReadError(note ? `HTTP ${res.status} (${note})` : `HTTP ${res.status}`, res.url);
  }

  const finalUrl = res.url;
  const declared = mediaType(res.headers["content-type"]);
  const kind = contentKind(declared, res.body);
  if (kind === "pdf") return readPdf(res, finalUrl);
  if (kind === "html") return readHtml(res, finalUrl, declared ?? "text/html");
  if (kind === "text") {
    const text = normalizeText(res.text());
    if (text.length < MIN_TEXT_CHARS) throw new PageReadError("no readable text", finalUrl);
    return {
      url: finalUrl,
      title: firstLineTitle(text, MAX_LINE_TITLE_CHARS, { whole: true }) ?? fileNameTitle(finalUrl),
      text,
      siteName: null,
      author: null,
      publishedAt: null,
      language: null,
      contentType: declared ?? "text/plain",
    };
  }
  throw new PageReadError(`unsupported content type ${declared ?? "(none)"}`, finalUrl);
}

function httpErrorReason(error: unknown): string {
  if (!(error instanceof HttpError)) return `fetch failed: ${errorMessage(error).slice(0, 120)}`;
  switch (error.code) {
    case "timeout":
      return "timed out";
    case "too_large":
      return "too large";
    case "forbidden_address":
      return "forbidden address";
    case "bad_url":
      return "bad URL";
    case "too_many_redirects":
      return "too many redirects";
    case "network":
      return "network error";
    case "http":
      return error.status ? `HTTP ${error.status}` : "HTTP error";
  }
}

function mediaType(contentType: string | undefined): string | null {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  return type || null;
}

type Kind = "html" | "pdf" | "text" | "other";

function contentKind(type: string | null, body: Uint8Array): Kind {
  if (startsWithAscii(body, "%PDF-")) return "pdf";
  if (type === "application/pdf" || type === "application/x-pdf") return "pdf"; // extractPdf says why it fails
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain" || type === "text/markdown") return "text";
  if (type === null || type === "application/octet-stream" || type === "binary/octet-stream") {
    const head = asciiHead(body, 512).trimStart().toLowerCase();
    if (head.startsWith("<!doctype html") || head.startsWith("<html") || /<(?:head|body|title)[\s>]/.test(head)) return "html";
  }
  return "other";
}

function startsWithAscii(body: Uint8Array, prefix: string): boolean {
  // PDF readers accept the header anywhere in the first 1024 bytes; pages nearly always start with it.
  const head = asciiHead(body, 1024);
  return head.startsWith(prefix) || head.trimStart().startsWith(prefix);
}

async function readPdf(res: HttpResponse, finalUrl: string): Promise<ReadPage> {
  let pdf;
  try {
    pdf = await extractPdf(res.body);
  } catch (error) {
    throw new PageReadError(pdfErrorReason(error), finalUrl, { cause: error });
  }
  if (pdf.text.trim().length < MIN_TEXT_CHARS) throw new PageReadError("no readable text", finalUrl);
  return {
    url: finalUrl,
    title: pdf.title ?? fileNameTitle(finalUrl),
    text: pdf.text,
    siteName: null,
    author: pdf.author,
    publishedAt: pdf.publishedAt,
    language: null,
    contentType: "application/pdf",
  };
}

function readHtml(res: HttpResponse, finalUrl: string, contentType: string): ReadPage {
  const html = decodeText(res.body, charsetOf(res.headers["content-type"]) ?? declaredCharset(res.body, CHARSET_SCAN_BYTES));
  const page = extractHtml(html, finalUrl);
  const text = page.text.trim();
  if (isPaywalled(html, text)) throw new PageReadError("paywall", finalUrl);
  if (text.length < MIN_TEXT_CHARS) throw new PageReadError("no readable text", finalUrl);
  return {
    url: finalUrl,
    title: page.title || fileNameTitle(finalUrl),
    text,
    siteName: page.siteName,
    author: page.author,
    publishedAt: page.publishedAt,
    language: page.language,
    contentType,
  };
}

export function isPaywalled(html: string, text: string): boolean {
  const markedNotFree =
    /["']isAccessibleForFree["']\s*:\s*(?:false|["']false["'])/i.test(html) ||
    /<meta[^>]*itemprop=["']isAccessibleForFree["'][^>]*content=["']false["']/i.test(html) ||
    /<meta[^>]*content=["']false["'][^>]*itemprop=["']isAccessibleForFree["']/i.test(html);
  if (markedNotFree && text.length < PAYWALL_MARKED_TEXT) return true;
  return text.length < PAYWALL_SHORT_TEXT && PAYWALL_CUES.some((cue) => cue.test(text));
}

function normalizeText(text: string): string {
  return normalizeNewlines(text)
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
