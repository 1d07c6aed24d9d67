// JSON Lines → library documents, one a line, streamed; a bad line is reported with its number and
// the others go on.
import { z } from "zod";
import { normalizeDate } from "../../domain/dates.js";
import { errorMessage } from "../../domain/errors.js";
import { MAX_JSONL_LINE_CHARS } from "../../domain/limits.js";
import { collapseWhitespace, truncate } from "../../domain/text.js";
import { MAX_DOCUMENT_TITLE_CHARS } from "../../domain/titles.js";
import { finishDocument, type ReadOutcome } from "../../domain/document.js";
import { LineSplitter, type TextLine } from "./lines.js";

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
 * One document per line of a JSON Lines text, read from its chunks as they come (a file is streamed,
 * never held whole): `{"id", "title", "text" | "sentences": [..], "url"?, "publisher"?, "publishedAt"?, "author"?}`.
 * Blank lines are skipped; a bad line is an `{ok: false}` outcome with origin "file:line" (1-based)
 * and does not stop the others. A text with no line at all is one "empty document" outcome.
 */
export async function* readJsonl(chunks: AsyncIterable<string> | Iterable<string>, origin: string): AsyncGenerator<ReadOutcome> {
  const splitter = new LineSplitter(MAX_JSONL_LINE_CHARS);
  // Grows with the number of documents (an id and a number each), not with their size.
  const firstLineOfId = new Map<string, number>();
  let nonBlank = false;
  const read = (line: TextLine): ReadOutcome | null => {
    const lineOrigin = `${origin}:${line.number}`;
    if ("tooLong" in line) {
      nonBlank = true;
      return {
        ok: false,
        origin: lineOrigin,
        reason: `line too long (${line.tooLong.toLocaleString("en")} characters; the limit is ${MAX_JSONL_LINE_CHARS.toLocaleString("en")})`,
      };
    }
    const text = line.number === 1 && line.text.charCodeAt(0) === 0xfeff ? line.text.slice(1) : line.text;
    if (!text.trim()) return null;
    nonBlank = true;
    const outcome = jsonlLine(text, lineOrigin);
    if (!outcome.ok) return outcome;
    const first = firstLineOfId.get(outcome.doc.key);
    if (first !== undefined) {
      return { ok: false, origin: lineOrigin, reason: `duplicate id ${JSON.stringify(outcome.doc.key.slice(6))} (first on line ${first})` };
    }
    firstLineOfId.set(outcome.doc.key, line.number);
    return outcome;
  };
  for await (const chunk of chunks) {
    for (const line of splitter.push(chunk)) {
      const outcome = read(line);
      if (outcome) yield outcome;
    }
  }
  for (const line of splitter.end()) {
    const outcome = read(line);
    if (outcome) yield outcome;
  }
  if (!nonBlank) yield { ok: false, origin, reason: "empty document" };
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
  return finishDocument({
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
