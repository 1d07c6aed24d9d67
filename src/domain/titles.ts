// Titles for what comes without one: a check submitted as a link, a page or a document whose title
// is missing. Also the two touches every generated title gets: common typos fixed, first letter
// capitalised.
import { collapseWhitespace, truncate } from "./text.js";

/** A library document's title is cut at this many characters. */
export const MAX_DOCUMENT_TITLE_CHARS = 200;

/**
 * The first non-blank line of a text as its title, whitespace collapsed and cut at a word to `max`
 * characters; null when the text is blank. With `whole`, a line longer than `max` gives null instead
 * (a cut sentence is a worse title than the caller's fallback), and a line that fits is kept as
 * written, only trimmed.
 */
export function firstLineTitle(text: string, max: number, options: { whole?: boolean } = {}): string | null {
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    if (options.whole) return trimmed.length <= max ? trimmed : null;
    return truncate(collapseWhitespace(trimmed), max);
  }
  return null;
}

/**
 * A fetched page's title from its URL, when the page gives none: the file name as words
 * (".../annual-report_2023.pdf" → "annual report 2023"), else the host name. A malformed escape in
 * the file name gives the whole URL.
 */
export function fileNameTitle(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split("/").filter(Boolean).pop();
    if (last) {
      const name = decodeURIComponent(last)
        .replace(/\.(?:pdf|txt|html?)$/i, "")
        .replace(/[-_]+/g, " ")
        .trim();
      if (name) return name;
    }
    return parsed.hostname;
  } catch {
    return url;
  }
}

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

/** Upper-cases the first letter, unless the first word is cased on purpose ("iPhone"). */
export function capitaliseFirst(text: string): string {
  if (/^\p{Ll}+\p{Lu}/u.test(text)) return text; // "iPhone", "eBay"
  return text.replace(/^(\P{L}*)(\p{Ll})/u, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

/**
 * A check's title from a link someone submitted: the words of its wordiest path segment, typos
 * fixed, with the host in brackets ("Moon landing was faked (example.com)" from
 * "https://example.com/news/2024/moon-landing-was-faked"); the host alone when the path has no
 * words; "" when it is not a web address.
 */
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
