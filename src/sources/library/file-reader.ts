// One file → library documents, by its extension: plain text, Markdown, HTML, PDF or JSON Lines
// (streamed).
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { errorMessage } from "../../domain/errors.js";
import { MAX_INGEST_FILE_BYTES } from "../../domain/limits.js";
import { markdownToText } from "../../domain/markdown-text.js";
import { collapseWhitespace, normalizeNewlines, truncate } from "../../domain/text.js";
import { firstLineTitle, MAX_DOCUMENT_TITLE_CHARS } from "../../domain/titles.js";
import { decodeFileText, streamDecoder } from "../../extract/decode.js";
import { extractHtml } from "../../extract/html.js";
import { extractPdf, pdfErrorMessage } from "../../extract/pdf.js";
import { finishDocument, type DocumentFormat, type IncomingDocument, type ReadOutcome } from "../../domain/document.js";
import { readJsonl } from "./jsonl.js";

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
export function formatOf(file: string): DocumentFormat | null {
  return FORMATS[path.extname(file).toLowerCase()] ?? null;
}

/** Why the file system said no, in words. */
export function fsReason(error: unknown): string {
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

/**
 * One file's outcomes: its document, its JSON Lines documents, or why it cannot be read. JSON Lines
 * files are streamed a line at a time, so their size is not limited; other files are read whole.
 */
export async function* readFileOutcomes(file: string, size: number): AsyncGenerator<ReadOutcome> {
  const format = formatOf(file)!;
  if (format === "jsonl") {
    yield* readJsonlFile(file);
    return;
  }
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
    case "text": {
      const text = normalizeNewlines(decoded).trim();
      yield finishDocument({ ...base, title: firstLineTitle(text, MAX_DOCUMENT_TITLE_CHARS) ?? path.basename(file), text, format: "text" });
      return;
    }
    case "markdown": {
      const markdown = markdownToText(decoded);
      yield finishDocument({
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
      yield finishDocument({
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

/** Bytes read at a time from a JSON Lines file: few reads, and a bounded amount held. */
const STREAM_CHUNK_BYTES = 1024 * 1024;

async function* readJsonlFile(file: string): AsyncGenerator<ReadOutcome> {
  const stream = createReadStream(file, { highWaterMark: STREAM_CHUNK_BYTES });
  try {
    const bytes = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await bytes.next();
    const decoder = first.done ? new TextDecoder() : streamDecoder(first.value);
    if (!decoder) {
      yield { ok: false, origin: file, reason: "binary file, not text" };
      return;
    }
    async function* chunks(): AsyncGenerator<string> {
      for (let next = first; !next.done; next = await bytes.next()) yield decoder!.decode(next.value, { stream: true });
      yield decoder!.decode();
    }
    yield* readJsonl(chunks(), file);
  } catch (error) {
    yield { ok: false, origin: file, reason: fsReason(error) };
  } finally {
    stream.destroy();
  }
}

type BaseFields = Pick<IncomingDocument, "key" | "url" | "publisher" | "author" | "publishedAt" | "origin">;

async function readPdf(bytes: Uint8Array, file: string, base: BaseFields): Promise<ReadOutcome> {
  try {
    const pdf = await extractPdf(bytes);
    return finishDocument({
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
