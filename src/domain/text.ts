// Pure text helpers shared by ingest, intake, rank and judge.
import { stemmer } from "stemmer";

export interface Span {
  text: string;
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "sr",
  "jr",
  "st",
  "vs",
  "etc",
  "e.g",
  "i.e",
  "al",
  "fig",
  "no",
  "inc",
  "ltd",
  "co",
  "corp",
  "u.s",
  "u.k",
  "jan",
  "feb",
  "mar",
  "apr",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "approx",
  "gov",
  "gen",
  "sen",
  "rep",
  "col",
  "lt",
  "capt",
]);

/**
 * Splits text into sentences and returns each as an exact slice of the input
 * (with its offsets), so that a quote taken from a sentence is always verbatim.
 */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const boundary = /([.!?]+["')\]]*)(\s+)(?=["'(\[]?[A-Z0-9])|\n\s*\n/g;
  let start = 0;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + (match[1]?.length ?? 0);
    if (match[1]) {
      const before = text.slice(start, match.index);
      const lastWord =
        before
          .split(/\s+/)
          .pop()
          ?.toLowerCase()
          .replace(/^[("']+/, "") ?? "";
      // "Dr. Smith", "e.g. this", "U.S. law" and single initials ("J. Smith") are not boundaries.
      if (ABBREVIATIONS.has(lastWord) || /^[a-z]$/i.test(lastWord)) continue;
    }
    pushTrimmed(spans, text, start, end);
    start = match.index + match[0].length;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
}

export const STOPWORDS = new Set(
  (
    "a an the and or but if then else of to in on at by for with from as into onto over under about " +
    "is are was were be been being am do does did doing have has had having can could should would will " +
    "shall may might must this that these those it its it's they them their there here he she his her him " +
    "we us our you your i me my not no nor so than too very just also only any all some such what which who " +
    "whom whose when where why how whether each other more most both few many much own same s t"
  ).split(" "),
);

/** Words of the text, lower-cased, with inner apostrophes and hyphens kept. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Stemmed content words: the unit of lexical matching everywhere. */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    const bare = word.replace(/['’]s$/, "");
    if (STOPWORDS.has(bare) || (bare.length < 2 && !/\d/.test(bare))) continue;
    terms.push(stem(bare));
  }
  return terms;
}

const stemCache = new Map<string, string>();
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = /\d/.test(word) ? word : stemmer(word);
    if (stemCache.size < 200_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Lower-case, strip punctuation and collapse spaces: the key under which a question is recognised again. */
export function normalizeForMatch(text: string): string {
  return words(text).join(" ");
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd() + "…";
}

/** CRLF and lone CR line ends → LF. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}
