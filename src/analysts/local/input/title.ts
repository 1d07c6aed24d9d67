// A readable title for a check, from whatever the reader typed or pasted:
// markup and links removed, spacing and punctuation tidied, obvious typos fixed.
import type { InputKind } from "../../../domain/report.js";
import { collapseWhitespace, splitSentences, truncate } from "../../../domain/text.js";
import { stripHtml } from "../../../domain/html-text.js";
import { stripMarkdown } from "../../../domain/markdown-text.js";
import { capitaliseFirst, fixTypos, titleFromUrl } from "../../../domain/titles.js";
import { unwrapQuotes } from "./claims.js";

const FALLBACK_TITLE = "Untitled check";
const MAX_TITLE_CHARS = 160;
const MAX_TEXT_TITLE_CHARS = 100;

const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;

/** Tidies spacing and punctuation: one space after punctuation, none before, no repeats. */
function tidyPunctuation(text: string): string {
  let t = collapseWhitespace(text);
  t = t.replace(/\s+([,;:!?.…)\]])/g, "$1");
  t = t.replace(/([(\[])\s+/g, "$1");
  t = t.replace(/[?!]{2,}/g, (m) => (m.includes("?") ? "?" : "!"));
  t = t.replace(/,{2,}/g, ",").replace(/;{2,}/g, ";").replace(/:{2,}/g, ":");
  t = t.replace(/\.{4,}/g, "…").replace(/(^|[^.])\.\.(?!\.)/g, "$1.");
  t = t.replace(/([,;!?])(?=[\p{L}])/gu, "$1 ");
  t = t.replace(/(\p{L}{2})\.(?=\p{Lu}\p{Ll})/gu, "$1. ");
  t = t.replace(/(\p{L}):(?=\p{L})/gu, "$1: ");
  t = t.replace(/^[\s,;:.!?\-–—]+/, "");
  return t.trim();
}

function firstSentenceTitle(text: string): string {
  const sentences = splitSentences(text);
  const pick = sentences.find((s) => s.text.split(/\s+/).length >= 4 && !/:$/.test(s.text)) ?? sentences[0];
  const sentence = (pick?.text ?? text).replace(/^(?:breaking|update|fact check|opinion|analysis)\s*[:|–—-]\s*/i, "");
  return truncate(sentence.replace(/[.]+$/, ""), MAX_TEXT_TITLE_CHARS);
}

/**
 * A readable title for an input of the given kind. HTML (tags, scripts,
 * entities), Markdown (headings, emphasis, code, links, bullets, quotes) and
 * raw URLs are removed; a URL input is titled from its path and host. Spacing,
 * repeated punctuation and common typos are fixed and the first letter is
 * capitalised. Questions end with "?", claims without a final period, a pasted
 * text gives its first sentence cut to ~100 characters. Never empty.
 */
export function cleanTitle(input: string, kind: InputKind): string {
  const raw = input ?? "";
  if (kind === "url") {
    const url = raw.match(URL_IN_TEXT)?.[0] ?? raw.trim();
    const fromUrl = titleFromUrl(url.replace(/[.,;:!?]+$/, ""));
    if (fromUrl) return fromUrl;
  }
  let t = stripMarkdown(stripHtml(raw));
  t = t.replace(URL_IN_TEXT, " ");
  t = collapseWhitespace(t);
  if (!t) {
    const url = raw.match(URL_IN_TEXT)?.[0];
    return (url && titleFromUrl(url)) || FALLBACK_TITLE;
  }
  t = tidyPunctuation(fixTypos(t));
  t = unwrapQuotes(t);

  switch (kind) {
    case "question":
      t = t.replace(/[\s.,;:!]+$/, "");
      if (!/\?$/.test(t)) t = `${t}?`;
      if (t.length > MAX_TITLE_CHARS) t = `${truncate(t.slice(0, -1), MAX_TITLE_CHARS - 1)}?`;
      break;
    case "text":
      t = firstSentenceTitle(t);
      break;
    default:
      t = truncate(t, MAX_TITLE_CHARS);
      // Claims (and topics) end without a period — but keep an abbreviation's ("U.S.").
      if (!/(?:^|\s|\.)\p{L}\.$/u.test(t)) t = t.replace(/[\s.,;:]+$/, "");
      break;
  }
  t = capitaliseFirst(t.trim());
  return t && /[\p{L}\p{N}]/u.test(t) ? t : FALLBACK_TITLE;
}
