// Turns paths (files and folders) into library documents: .txt, .md, .html, .pdf and JSON Lines.
// Every input gives outcomes in order; a bad file or line is reported and the rest go on.
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { errorMessage } from "../../domain/errors.js";
import { MAX_DOCUMENT_CHARS, MAX_INGEST_FILE_BYTES, MAX_JSONL_LINE_CHARS } from "../../domain/limits.js";
import { markdownToText } from "../../domain/markdown-text.js";
import { collapseWhitespace, normalizeNewlines, truncate } from "../../domain/text.js";
import { firstLineTitle, MAX_DOCUMENT_TITLE_CHARS } from "../../domain/titles.js";
import { normalizeDate } from "../../domain/dates.js";
import { decodeFileText } from "../../extract/decode.js";
import { extractHtml } from "../../extract/html.js";
import { extractPdf, pdfErrorMessage } from "../../extract/pdf.js";
import type { DocumentFormat, IncomingDocument, ReadOutcome } from "./document.js";

const FORMATS: Record<string, DocumentFormat> = {
  ".txt": "text",
  ".text": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".pdf": "pdf",
  ".jsonl": "jsonl",
};

/** The format a file name is read as, or null when it is not supported. */
/** Fetches a page (through the SSRF-safe client) and returns its main text and metadata. */
export type UrlReader = (url: string) => Promise<{
  url: string;
  title: string;
  text: string;
  siteName: string | null;
  author: string | null;
  publishedAt: string | null;
  contentType: string;
}>;

async function readUrlDocument(url: string, readUrl: UrlReader): Promise<ReadOutcome> {
  try {
    const page = await readUrl(url);
    if (!page.text.trim()) return { ok: false, origin: url, reason: "no readable text" };
    if (page.text.length > MAX_DOCUMENT_CHARS) return { ok: false, origin: url, reason: "document too long" };
    return {
      ok: true,
      doc: {
        key: `url:${page.url}`,
        title: page.title.trim() || page.url,
        text: page.text,
        url: page.url,
        publisher: page.siteName,
        author: page.author,
        publishedAt: page.publishedAt,
        format: page.contentType.includes("pdf") ? "pdf" : page.contentType.includes("html") ? "html" : "text",
        origin: url,
      },
    };
  } catch (error) {
    const reason = (error as { reason?: unknown }).reason;
    return { ok: false, origin: url, reason: typeof reason === "string" ? reason : errorMessage(error) };
  }
}

export function formatOf(file: string): DocumentFormat | null {
  return FORMATS[path.extname(file).toLowerCase()] ?? null;
}

/**
 * Reads every path in order: files by extension, folders recursively (sorted; dot-files,
 * dot-folders and node_modules skipped; unsupported files skipped silently). Never throws for
 * bad input: each problem is an `{ok: false}` outcome with the path (or "path:line") as origin.
 */
export async function* readInputs(paths: string[], options: { readUrl?: UrlReader } = {}): AsyncGenerator<ReadOutcome> {
  for (const given of paths) {
    if (/^https?:\/\//i.test(given)) {
      yield options.readUrl
        ? await readUrlDocument(given, options.readUrl)
        : { ok: false, origin: given, reason: "ingesting URLs needs the web reader" };
      continue;
    }
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      yield { ok: false, origin: given, reason: fsReason(error) };
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(given).catch(() => path.resolve(given));
      yield* readFolder(given, new Set([real]));
    } else if (info.isFile()) {
      if (!formatOf(given)) {
        const extension = path.extname(given).toLowerCase();
        yield {
          ok: false,
          origin: given,
          reason: extension ? `unsupported file type ${extension}` : "unsupported file type (no extension)",
        };
        continue;
      }
      yield* readFileOutcomes(given, info.size);
    } else {
      yield { ok: false, origin: given, reason: "not a regular file or folder" };
    }
  }
}

async function* readFolder(folder: string, seen: Set<string>): AsyncGenerator<ReadOutcome> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    yield { ok: false, origin: folder, reason: fsReason(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const child = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let size: number | undefined;
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(child);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        size = target.size;
      } catch {
        continue; // a dangling link inside a folder: nothing to read
      }
    }
    if (isDirectory) {
      // Symbolic links can make cycles: each real folder is walked once.
      let real: string;
      try {
        real = await realpath(child);
      } catch {
        continue;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      yield* readFolder(child, seen);
    } else if (isFile && formatOf(entry.name)) {
      if (size === undefined) {
        try {
          size = (await stat(child)).size;
        } catch (error) {
          yield { ok: false, origin: child, reason: fsReason(error) };
          continue;
        }
      }
      yield* readFileOutcomes(child, size);
    }
  }
}

function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "ENAMETOOLONG":
      return "file name too long";
    default:
      return collapseWhitespace(errorMessage(error));
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

async function* readFileOutcomes(file: string, size: number): AsyncGenerator<ReadOutcome> {
  const format = formatOf(file)!;
  if (size > MAX_INGEST_FILE_BYTES) {
    yield { ok: false, origin: file, reason: `file too large (${megabytes(size)}; the limit is ${megabytes(MAX_INGEST_FILE_BYTES)})` };
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    yield { ok: false, origin: file, reason: fsReason(error) };
    return;
  }
  if (bytes.length > MAX_INGEST_FILE_BYTES) {
    yield {
      ok: false,
      origin: file,
      reason: `file too large (${megabytes(bytes.length)}; the limit is ${megabytes(MAX_INGEST_FILE_BYTES)})`,
    };
    return;
  }
  const absolute = path.resolve(file);
  const base = { key: `file:${absolute}`, url: null, publisher: null, author: null, publishedAt: null, origin: file };

  if (format === "pdf") {
    yield await readPdf(bytes, file, base);
    return;
  }

  const decoded = decodeFileText(bytes, format === "html");
  if (decoded === null) {
    yield { ok: false, origin: file, reason: "binary file, not text" };
    return;
  }
  if (!decoded.trim()) {
    yield { ok: false, origin: file, reason: "empty document" };
    return;
  }

  switch (format) {
    case "jsonl":
      yield* readJsonl(decoded, file);
      return;
    case "text": {
      const text = normalizeNewlines(decoded).trim();
      yield finish({ ...base, title: firstLineTitle(text, MAX_DOCUMENT_TITLE_CHARS) ?? path.basename(file), text, format: "text" });
      return;
    }
    case "markdown": {
      const markdown = markdownToText(decoded);
      yield finish({
        ...base,
        title: markdown.title ?? firstLineTitle(markdown.text, MAX_DOCUMENT_TITLE_CHARS) ?? path.basename(file),
        text: markdown.text,
        author: markdown.author,
        publishedAt: markdown.date,
        format: "markdown",
      });
      return;
    }
    case "html": {
      let page;
      try {
        page = extractHtml(decoded, pathToFileURL(absolute).href);
      } catch (error) {
        yield { ok: false, origin: file, reason: `unreadable HTML: ${collapseWhitespace(errorMessage(error))}` };
        return;
      }
      yield finish({
        ...base,
        title: truncate(page.title, MAX_DOCUMENT_TITLE_CHARS) || firstLineTitle(page.text, MAX_DOCUMENT_TITLE_CHARS) || path.basename(file),
        text: page.text,
        url: page.canonicalUrl,
        publisher: page.siteName,
        author: page.author,
        publishedAt: page.publishedAt,
        format: "html",
      });
      return;
    }
  }
}

type BaseFields = Pick<IncomingDocument, "key" | "url" | "publisher" | "author" | "publishedAt" | "origin">;

async function readPdf(bytes: Uint8Array, file: string, base: BaseFields): Promise<ReadOutcome> {
  try {
    const pdf = await extractPdf(bytes);
    return finish({
      ...base,
      title:
        (pdf.title && truncate(pdf.title, MAX_DOCUMENT_TITLE_CHARS)) ||
        firstLineTitle(pdf.text, MAX_DOCUMENT_TITLE_CHARS) ||
        path.basename(file),
      text: pdf.text,
      author: pdf.author,
      publishedAt: pdf.publishedAt,
      format: "pdf",
    });
  } catch (error) {
    return { ok: false, origin: file, reason: pdfErrorMessage(error) };
  }
}

/** The last checks every document goes through. */
function finish(doc: IncomingDocument): ReadOutcome {
  if (!doc.text.trim()) return { ok: false, origin: doc.origin, reason: "empty document" };
  if (doc.text.length > MAX_DOCUMENT_CHARS) {
    return {
      ok: false,
      origin: doc.origin,
      reason: `document too long (${doc.text.length.toLocaleString("en")} characters; the limit is ${MAX_DOCUMENT_CHARS.toLocaleString("en")})`,
    };
  }
  return { ok: true, doc };
}

// ---------------------------------------------------------------- JSON Lines

const optionalString = (field: string) =>
  z
    .string({ error: `"${field}" must be a string` })
    .nullable()
    .optional()
    .transform((value) => (value == null || !value.trim() ? null : collapseWhitespace(value)));

const JsonlRecord = z.object({
  id: z.union([z.string().refine((value) => value.trim() !== "", { error: '"id" is empty' }), z.number()], {
    error: (issue) => (issue.input === undefined ? 'missing "id"' : '"id" must be a string or a number'),
  }),
  title: z
    .string({ error: (issue) => (issue.input === undefined ? 'missing "title"' : '"title" must be a string') })
    .refine((value) => value.trim() !== "", { error: '"title" is empty' }),
  text: z.string({ error: '"text" must be a string' }).nullable().optional(),
  sentences: z
    .array(z.string({ error: '"sentences" must be an array of strings' }), { error: '"sentences" must be an array of strings' })
    .nullable()
    .optional(),
  url: optionalString("url"),
  publisher: optionalString("publisher"),
  publishedAt: optionalString("publishedAt"),
  author: optionalString("author"),
});

/**
 * One document per line of a JSON Lines file:
 * `{"id", "title", "text" | "sentences": [..], "url"?, "publisher"?, "publishedAt"?, "author"?}`.
 * Blank lines are skipped; a bad line is an `{ok: false}` outcome with origin "file:line" (1-based)
 * and does not stop the others.
 */
export function readJsonl(content: string, origin: string): ReadOutcome[] {
  const outcomes: ReadOutcome[] = [];
  const firstLineOfId = new Map<string, number>();
  let start = content.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNumber = 0;
  while (start <= content.length) {
    let end = content.indexOf("\n", start);
    if (end < 0) end = content.length;
    lineNumber++;
    const lineOrigin = `${origin}:${lineNumber}`;
    const lineEnd = end > start && content.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
    const length = lineEnd - start;
    if (length > MAX_JSONL_LINE_CHARS) {
      outcomes.push({
        ok: false,
        origin: lineOrigin,
        reason: `line too long (${length.toLocaleString("en")} characters; the limit is ${MAX_JSONL_LINE_CHARS.toLocaleString("en")})`,
      });
    } else {
      const line = content.slice(start, lineEnd);
      if (line.trim()) {
        const outcome = jsonlLine(line, lineOrigin);
        if (outcome.ok) {
          const first = firstLineOfId.get(outcome.doc.key);
          if (first !== undefined) {
            outcomes.push({
              ok: false,
              origin: lineOrigin,
              reason: `duplicate id ${JSON.stringify(outcome.doc.key.slice(6))} (first on line ${first})`,
            });
            start = end + 1;
            continue;
          }
          firstLineOfId.set(outcome.doc.key, lineNumber);
        }
        outcomes.push(outcome);
      }
    }
    start = end + 1;
  }
  return outcomes;
}

function jsonlLine(line: string, origin: string): ReadOutcome {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, origin, reason: `invalid JSON: ${collapseWhitespace(errorMessage(error))}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return {
      ok: false,
      origin,
      reason: `not a JSON object (${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value})`,
    };
  }
  const parsed = JsonlRecord.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, origin, reason: issue?.message ?? "invalid record" };
  }
  const record = parsed.data;
  let text = record.text?.trim() ? record.text.trim() : "";
  if (!text && record.sentences) {
    text = record.sentences
      .map((sentence) => sentence.trim())
      .filter(Boolean)
      .join(" ");
  }
  if (!text) {
    const given = record.text != null || record.sentences != null;
    return { ok: false, origin, reason: given ? "empty document" : 'missing "text" or "sentences"' };
  }
  let publishedAt: string | null = null;
  if (record.publishedAt) {
    publishedAt = normalizeDate(record.publishedAt);
    if (!publishedAt)
      return { ok: false, origin, reason: `"publishedAt" is not a date: ${JSON.stringify(truncate(record.publishedAt, 40))}` };
  }
  let url: string | null = null;
  if (record.url) {
    if (!/^https?:\/\/\S+$/i.test(record.url) || !URL.canParse(record.url)) {
      return { ok: false, origin, reason: `"url" is not an http(s) URL: ${JSON.stringify(truncate(record.url, 80))}` };
    }
    url = record.url;
  }
  return finish({
    key: `jsonl:${String(record.id)}`,
    title: truncate(collapseWhitespace(record.title), MAX_DOCUMENT_TITLE_CHARS),
    text,
    url,
    publisher: record.publisher,
    author: record.author,
    publishedAt,
    format: "jsonl",
    origin,
  });
}
