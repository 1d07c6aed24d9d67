// JSON Lines → library documents, one a line; a bad line is reported with its number and the
// others go on.
import { z } from "zod";
import { normalizeDate } from "../../domain/dates.js";
import { errorMessage } from "../../domain/errors.js";
import { MAX_JSONL_LINE_CHARS } from "../../domain/limits.js";
import { collapseWhitespace, truncate } from "../../domain/text.js";
import { MAX_DOCUMENT_TITLE_CHARS } from "../../domain/titles.js";
import { finishDocument, type ReadOutcome } from "../../domain/document.js";

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
