// A readable title for a check, from whatever the reader typed or pasted:
// markup and links removed, spacing and punctuation tidied, obvious typos fixed.
import type { InputKind } from "../../../domain/report.js";
import { collapseWhitespace, splitSentences, truncate } from "../../../domain/text.js";
import { stripHtml } from "../../../domain/html-text.js";
import { unwrapQuotes } from "./claims.js";

export { decodeEntities } from "../../../domain/entities.js";
export { stripHtml };

export const FALLBACK_TITLE = "Untitled check";
const MAX_TITLE_CHARS = 160;
const MAX_TEXT_TITLE_CHARS = 100;

/** Removes Markdown markup, keeping the words: links/images give their text, emphasis and code marks go. */
export function stripMarkdown(text: string): string {
  let t = text;
  t = t.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1");
  t = t.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
  t = t.replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1");
  t = t.replace(/^\s{0,3}(?:#{1,6}\s+|>+\s?|[-*+•]\s+|\d{1,3}[.)]\s+)/gm, "");
  t = t.replace(/^\s*(?:[-*_]\s*){3,}$/gm, " ");
  t = t.replace(/(^|[^\p{L}\p{N}])_{1,3}(?=\S)|(?<=\S)_{1,3}(?=[^\p{L}\p{N}]|$)/gu, "$1");
  t = t.replace(/[*`]+|~~/g, "");
  t = t.replace(/#{1,6}\s*$/gm, "");
  return t;
}

const URL_IN_TEXT = /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi;

const TYPOS: Record<string, string> = {
  teh: "the",
  recieve: "receive",
  recieved: "received",
  goverment: "government",
  govermnent: "government",
  goverments: "governments",
  beleive: "believe",
  beleived: "believed",
  wierd: "weird",
  seperate: "separate",
  definately: "definitely",
  occured: "occurred",
  untill: "until",
  thier: "their",
  accross: "across",
  acheive: "achieve",
  adress: "address",
  arguement: "argument",
  begining: "beginning",
  calender: "calendar",
  comming: "coming",
  commited: "committed",
  concious: "conscious",
  enviroment: "environment",
  enviromental: "environmental",
  existance: "existence",
  foriegn: "foreign",
  freind: "friend",
  immediatly: "immediately",
  independant: "independent",
  knowlege: "knowledge",
  occurence: "occurrence",
  posession: "possession",
  publically: "publicly",
  reccomend: "recommend",
  recomend: "recommend",
  relevent: "relevant",
  religous: "religious",
  succesful: "successful",
  tommorow: "tomorrow",
  truely: "truly",
  vaccum: "vacuum",
  vacine: "vaccine",
  vacines: "vaccines",
  vaccinne: "vaccine",
  wich: "which",
  becuase: "because",
  beacuse: "because",
  alot: "a lot",
  scientifc: "scientific",
  pandamic: "pandemic",
  parliment: "parliament",
  presidant: "president",
  elction: "election",
  electon: "election",
  economicly: "economically",
  temprature: "temperature",
  tempurature: "temperature",
  conspiricy: "conspiracy",
  conspiracey: "conspiracy",
  immigants: "immigrants",
  imigration: "immigration",
  immigartion: "immigration",
  polution: "pollution",
  hte: "the",
  taht: "that",
  waht: "what",
  doesnt: "doesn't",
  dont: "don't",
  isnt: "isn't",
  didnt: "didn't",
};

function matchCase(original: string, replacement: string): string {
  if (original === original.toUpperCase() && original.length > 1) return replacement.toUpperCase();
  if (/^\p{Lu}/u.test(original)) return replacement[0]!.toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Fixes the common misspellings of a small built-in list, keeping the word's case. */
export function fixTypos(text: string): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const fix = TYPOS[word.toLowerCase()];
    return fix ? matchCase(word, fix) : word;
  });
}

/** Tidies spacing and punctuation: one space after punctuation, none before, no repeats. */
export function tidyPunctuation(text: string): string {
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

function capitaliseFirst(text: string): string {
  if (/^\p{Ll}+\p{Lu}/u.test(text)) return text; // "iPhone", "eBay"
  return text.replace(/^(\P{L}*)(\p{Ll})/u, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** "Moon landing was faked (example.com)" from "https://example.com/news/2024/moon-landing-was-faked". */
export function titleFromUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(/^www\./i.test(raw) ? `https://${raw}` : raw);
  } catch {
    return "";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "";
  if (!/^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(url.hostname)) return "";
  const host = url.hostname.replace(/^www\d?\./i, "").toLowerCase();
  let best: string[] = [];
  for (const segment of url.pathname.split("/")) {
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      /* keep the raw segment */
    }
    decoded = decoded.replace(/\.(?:s?html?|php|aspx?|jsp|cfm)$/i, "");
    const segWords = decoded
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && !/^\d{5,}$/.test(w) && !/^[0-9a-f]{8,}$/i.test(w) && !/^(?:index|default|amp)$/i.test(w));
    const wordCount = segWords.filter((w) => /\p{L}{2,}/u.test(w)).length;
    if (wordCount >= 1 && wordCount >= best.filter((w) => /\p{L}{2,}/u.test(w)).length) best = segWords;
  }
  const phrase = best.join(" ").toLowerCase();
  if (!phrase || best.length < 2) return host;
  return `${capitaliseFirst(fixTypos(phrase))} (${host})`;
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
