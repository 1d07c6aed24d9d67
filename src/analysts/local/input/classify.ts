// What kind of input the reader submitted: a link, a question, a pasted text,
// a topic or (by default) a claim.
import type { InputKind } from "../../../domain/report.js";
import { splitSentences } from "../../../domain/text.js";
import { AUXILIARIES, BASE_VERBS, INTERROGATIVES, verbBase } from "./claims.js";

const URL_RE = /^(?:https?:\/\/[^\s/$.?#][^\s]*|www\.[^\s.]+\.[^\s]+)$/i;

/** The trimmed input is one http(s) URL (or a "www.…" address). */
function isUrlInput(text: string): boolean {
  const t = text.trim();
  if (!URL_RE.test(t)) return false;
  try {
    const url = new URL(/^www\./i.test(t) ? `https://${t}` : t);
    return (url.protocol === "http:" || url.protocol === "https:") && (url.hostname.includes(".") || url.hostname === "localhost");
  } catch {
    return false;
  }
}

/** Auxiliaries with their negation attached ("isn't", "cannot"). */
const NEGATED_AUXILIARIES = [
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "don't",
  "doesn't",
  "didn't",
  "can't",
  "cannot",
  "couldn't",
  "shouldn't",
  "wouldn't",
  "won't",
  "hasn't",
  "haven't",
  "hadn't",
];

/** Words that open a question besides the interrogatives and auxiliaries. */
const QUESTION_OPENERS = new Set([...INTERROGATIVES, ...AUXILIARIES, ...NEGATED_AUXILIARIES]);

/** Auxiliaries that are also names or months ("Will Smith…", "May 2024…"). */
const NAME_LIKE_AUX = new Set(["will", "may", "might", "can"]);

function startsLikeQuestion(t: string): boolean {
  const tokens = t.split(/\s+/);
  const rawFirst = (tokens[0] ?? "").replace(/^[^\p{L}]+|[^\p{L}'’]+$/gu, "");
  const first = rawFirst.toLowerCase().replace(/’/g, "'");
  if (!QUESTION_OPENERS.has(first)) return false;
  if (/^is it (?:really )?(?:true|correct|a fact|the case|a myth)\b/i.test(t)) return true;
  // "WHO declared…" is the organisation, not "who".
  if (rawFirst.length > 1 && rawFirst === rawFirst.toUpperCase() && first === "who") return false;
  const second = (tokens[1] ?? "").replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  // "Will Smith slapped…", "May 2024 was…": a name or a date, not a question.
  if (NAME_LIKE_AUX.has(first) && /^\p{Lu}/u.test(rawFirst) && /^[\p{Lu}\d]/u.test(second) && second !== "I") return false;
  // "Do not trust…": an imperative.
  if ((first === "do" || first === "don't") && /^(?:not|never)$/i.test(second)) return false;
  return true;
}

const VERB_LIKE = new Set([...AUXILIARIES, "be", "been", "being", ...NEGATED_AUXILIARIES]);
const SUBJECT_PRONOUNS = new Set(["i", "we", "they", "you", "he", "she", "it", "people"]);

/** A verb-like word in a short phrase: an auxiliary, an inflected known verb, or a base verb after a plural/pronoun subject. */
function hasVerbLikeWord(phrase: string): boolean {
  const tokens = phrase
    .toLowerCase()
    .replace(/’/g, "'")
    .split(/\s+/)
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, ""))
    .filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    if (VERB_LIKE.has(w) || w.endsWith("n't")) return true;
    if (i === 0) continue;
    const next = tokens[i + 1];
    const prev = tokens[i - 1]!;
    if (BASE_VERBS.has(w)) {
      // "vaccines cause autism", "they lie" — but "climate change", "drug use" are nouns.
      if (SUBJECT_PRONOUNS.has(prev) || (/[^s]s$/.test(prev) && prev.length > 3)) return true;
      continue;
    }
    const base = verbBase(w);
    if (base && next !== "of") return true;
    // An unknown past form before an object: "WHO declared a pandemic".
    if (/[a-z]{3}ed$/.test(w) && next !== undefined && /^(?:a|an|the|that|this|his|her|their|its|our|to|by|\d.*)$/.test(next)) return true;
  }
  return false;
}

/**
 * The kind of an input, by its shape:
 * - 'url': the trimmed input is a single http(s) URL (or "www.…");
 * - 'text': a pasted text — at least 3 sentences, or 2 sentences over 280 characters;
 * - 'question': one sentence ending with "?" or opening with an interrogative/auxiliary;
 * - 'topic': a short phrase (≤ 6 words) with no verb-like word and no final punctuation;
 * - 'claim': anything else (including an empty input).
 */
export function classifyInput(text: string): InputKind {
  const t = text.trim();
  if (!t) return "claim";
  if (isUrlInput(t)) return "url";
  const sentences = splitSentences(t);
  if (sentences.length >= 3 || (sentences.length >= 2 && t.length > 280)) return "text";
  if (sentences.length <= 1 && (/\?["')\]]*$/.test(t) || startsLikeQuestion(t))) return "question";
  const wordCount = t.split(/\s+/).length;
  if (wordCount <= 6 && !/[.!?]["')\]]*$/.test(t) && !hasVerbLikeWord(t)) return "topic";
  return "claim";
}
