// Finding the model's words in the texts it was given: where in the input a claim was drawn from,
// and a quote as the source writes it, up to case, spacing and typographic quote marks.
import { contentTerms } from "../../domain/text.js";

/**
 * Where in the input a claim was drawn from: the model's span when it checks out against the
 * input, else its excerpt found verbatim or approximately (case, spacing, quote marks), else the
 * claim itself found in the input; for a single claim of a question or statement, the whole input.
 */
export function locateClaim(
  input: string,
  claim: { text: string; excerpt: string | null; span: { start: number; end: number } | null },
  wholeInputIfLost: boolean,
): { start: number; end: number } | undefined {
  const excerpt = claim.excerpt?.trim() || null;
  const s = claim.span;
  if (s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= input.length) {
    const slice = input.slice(s.start, s.end);
    const matches = excerpt ? loose(slice) === loose(excerpt) : overlap(slice, claim.text) >= 0.5;
    if (matches && slice.trim().length > 0) return trimSpan(input, s.start, s.end);
  }
  for (const needle of [excerpt, claim.text]) {
    if (!needle) continue;
    const found = findApprox(input, needle);
    if (found) return found;
  }
  if (wholeInputIfLost) {
    const start = input.length - input.trimStart().length;
    const end = input.trimEnd().length;
    if (end > start) return { start, end };
  }
  return undefined;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function loose(text: string): string {
  return normalizeChars(text).toLowerCase().replace(/\s+/g, " ").trim();
}

function overlap(a: string, b: string): number {
  const bt = new Set(contentTerms(b));
  const at = contentTerms(a);
  if (bt.size === 0 || at.length === 0) return 0;
  return at.filter((t) => bt.has(t)).length / Math.max(at.length, bt.size);
}

/** Typographic variants a model tends to normalise when copying. */
function normalizeChars(text: string): string {
  return text
    .replace(/[“”„«»″]/g, '"')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/\u00a0/g, " ");
}

export interface Folded {
  text: string;
  /** Index in the original text of each character of `text`. */
  map: number[];
}

/** The text with runs of whitespace folded to one space, typographic variants unified, lower-cased on request. */
export function fold(text: string, lower: boolean): Folded {
  const out: string[] = [];
  const map: number[] = [];
  let inSpace = false;
  const src = normalizeChars(text);
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      out.push(" ");
    } else {
      inSpace = false;
      out.push(lower ? ch.toLowerCase() : ch);
    }
    map.push(i);
  }
  return { text: out.join(""), map };
}

/** A span of `haystack` matching `needle` exactly, or up to case, spacing and quote marks. */
export function findApprox(haystack: string, needle: string, folded?: Folded): { start: number; end: number } | null {
  const n = needle.trim();
  if (!n) return null;
  const exact = haystack.indexOf(n);
  if (exact >= 0) return { start: exact, end: exact + n.length };
  const h = folded ?? fold(haystack, true);
  const fn = fold(n, true).text.trim();
  if (fn.length < 4) return null;
  const at = h.text.indexOf(fn);
  if (at < 0) return null;
  const start = h.map[at]!;
  const end = h.map[at + fn.length - 1]! + 1;
  return trimSpan(haystack, start, end);
}

/** The quote as it is written in the source, when it is there up to spacing and quote marks; else as given. */
export function exactQuote(doc: string, quote: string, folded: Folded): string {
  if (doc.includes(quote)) return quote;
  const unwrapped = quote.replace(/^["“”'‘’«»\s]+|["“”'‘’«»\s]+$/g, "");
  if (unwrapped && doc.includes(unwrapped)) return unwrapped;
  for (const candidate of [quote, unwrapped]) {
    if (!candidate) continue;
    const fq = fold(candidate, false).text.trim();
    if (fq.length < 8) continue;
    const at = folded.text.indexOf(fq);
    if (at >= 0) return doc.slice(folded.map[at]!, folded.map[at + fq.length - 1]! + 1);
  }
  return quote;
}
