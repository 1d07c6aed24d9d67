// Follow-up questions from what the evidence left open: by how much (a claim of effect that gives
// no figure), for whom and over what time (a passage that narrows the finding to a group or a
// period), cause or association, the risks, and why sources disagree. Each is built on the claim
// and on a passage; none is a template that would read the same on every report. An English claim
// is taken apart (claimParts) so that a question can reword its verb; a claim in another language is
// asked about as a whole, in that language (phrases.ts), from what its verdict and evidence left open.
import type { ClaimJudgement } from "../../../domain/analysis.js";
import type { Claim } from "../../../domain/report.js";
import { contentTerms } from "../../../domain/text.js";
import { BASE_VERBS, pastTense, thirdPerson, verbBase } from "../input/claims.js";
import { BROAD_GROUP, groupIn, placeIn, speaksOfAssociation, speaksOfHarm, statesQuantity, timeIn } from "./aspects.js";
import { capital, ENGLISH_ASK as ASK, phrasesIn, type Phrases } from "./phrases.js";

const MAX_FOLLOW_UPS = 5;
/** The claim already says where ("in Texas", "nationwide"). */
const PLACE_WORDS = /\b(?:in|across|throughout)\s+(?:the\s+)?\p{Lu}|\b(?:nationwide|worldwide|globally|federal|state|county|local)\b/u;
const MODALS = new Set(["can", "could", "will", "would", "should", "may", "might", "must"]);
const BE = new Set(["is", "are", "was", "were", "has", "have", "had"]);
/** Verbs of effect: a claim that something "lowers" or "increases" something else asks "by how much?". */
const EFFECT_VERBS = new Set(["lower", "raise", "increase", "decrease", "reduce", "cut", "boost", "improve", "worsen", "slow", "speed"]);
const CAUSAL_VERBS = new Set([...EFFECT_VERBS, "cause", "prevent", "cure", "protect", "trigger", "double", "halve", "kill"]);

/** A declarative claim taken apart for asking: "Coffee lowers the risk." → does · coffee · lower · the risk. */
export interface ClaimParts {
  /** "does", "do", "did", or the claim's own auxiliary ("can", "is"). */
  aux: string;
  subject: string;
  /** The verb after the auxiliary (base form), or "" when the auxiliary is the verb ("is"). */
  verb: string;
  rest: string;
  /** The claim as a yes/no question. */
  question: string;
  /** The claim as a clause after "whether" (lower-case start, no end punctuation). */
  statement: string;
}

export function claimParts(claim: string, names: readonly string[] = []): ClaimParts | null {
  const text = claim.trim().replace(/[.!]+$/, "");
  if (/\?$/.test(text)) return null;
  const tokens = text.split(/\s+/);
  for (let i = 1; i < tokens.length && i < 12; i++) {
    const word = tokens[i]!.toLowerCase().replace(/[^a-z']/g, "");
    const subject = lowerFirst(tokens.slice(0, i).join(" "), names);
    const rest = tokens.slice(i + 1).join(" ");
    const statement = lowerFirst(text, names);
    if (MODALS.has(word) || BE.has(word)) {
      if (tokens[i + 1]?.toLowerCase() === "not") return null;
      return { aux: word, subject, verb: "", rest, question: `${capital(word)} ${subject} ${rest}?`, statement };
    }
    const base = verbBase(word);
    if (!base || /[,;:]$/.test(tokens[i - 1]!)) continue;
    let aux: string | null = null;
    if (word !== base && thirdPerson(base) === word) aux = "does";
    else if (word !== base && pastTense(base) === word) aux = "did";
    else if (word === base && BASE_VERBS.has(word) && /s$/i.test(tokens[i - 1]!)) aux = "do";
    if (!aux) continue;
    return { aux, subject, verb: base, rest, question: `${capital(aux)} ${subject} ${base}${rest ? ` ${rest}` : ""}?`, statement };
  }
  return null;
}

function lowerFirst(text: string, names: readonly string[]): string {
  const first = text.split(/\s+/)[0] ?? "";
  const isName = names.some((n) => text.startsWith(n)) || /^\p{Lu}{2,}/u.test(first) || /\p{Lu}/u.test(first.slice(1));
  return isName ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

interface ClaimEvidence {
  claim: Claim;
  judgement: ClaimJudgement | undefined;
  passages: { quote: string; stance: string }[];
}

/** Up to five different follow-ups, the claims taken in turn so that each gets its share. */
export function followUpQuestions(
  claims: ClaimEvidence[],
  names: readonly string[],
  category: string,
  say: Phrases = phrasesIn("en"),
): string[] {
  const perClaim = claims.map((c) => {
    // An English claim that cannot be taken apart is still asked about as a whole when it is a statement.
    const parts = say.locale === "en" ? claimParts(c.claim.text, names) : null;
    if (parts) return questionsFor(c, parts, category);
    return say.locale !== "en" || /\.$/.test(c.claim.text.trim()) ? questionsOnTheWhole(c, names, category, say) : [];
  });
  const out: string[] = [];
  const seen = new Set<string>();
  for (let round = 0; out.length < MAX_FOLLOW_UPS && perClaim.some((q) => q.length > round); round++) {
    for (const questions of perClaim) {
      const q = questions[round];
      if (!q || seen.has(q.toLowerCase()) || out.length >= MAX_FOLLOW_UPS) continue;
      seen.add(q.toLowerCase());
      out.push(q);
    }
  }
  return out;
}

/** Claims of rules, rights and policies: where they hold and since when are what a reader asks next. */
const RULES_CATEGORIES = new Set(["justice", "politics", "society", "business", "environment", "technology"]);
/** Claims of effects on people: for whom. */
const EFFECT_CATEGORIES = new Set(["health", "science", "environment"]);

function questionsFor({ claim, judgement, passages }: ClaimEvidence, parts: ClaimParts, category: string): string[] {
  const { aux, subject, verb, rest } = parts;
  const questions: string[] = [];
  const quotes = passages.map((p) => p.quote);
  const stances = new Set(passages.map((p) => p.stance));
  const say = phrasesIn("en");
  if (judgement?.label === "conflicting" || (stances.has("supports") && stances.has("refutes"))) {
    questions.push(say.ask.disagree(parts.statement, ""));
  }
  const group = firstOf(quotes, groupIn);
  if (group) questions.push(narrowed(parts, `in ${group}`, BROAD_GROUP));
  // "By how much", "for whom" and "cause or association" presume an effect: not asked of a claim the evidence contradicts.
  const effectHolds = judgement?.label === "supported" || judgement?.label === "misleading";
  if (effectHolds && verb && EFFECT_VERBS.has(verb) && !statesQuantity(claim.text) && (aux === "does" || aux === "do" || aux === "did")) {
    questions.push(ASK.howMuch(aux, subject, verb, rest));
  }
  const objectTerms = new Set(contentTerms(rest));
  const onTheObject = (q: string) => contentTerms(q).some((t) => objectTerms.has(t));
  if (effectHolds && verb && CAUSAL_VERBS.has(verb) && quotes.some((q) => speaksOfAssociation(q) && onTheObject(q)) && aux !== "did") {
    questions.push(ASK.association(aux, subject, verb, rest));
  }
  const time = firstOf(quotes, timeIn);
  if (time && !claim.text.toLowerCase().includes(time.toLowerCase())) questions.push(ASK.narrower(parts.question, time));
  const place = firstOf(quotes, placeIn);
  if (place && !claim.text.includes(place)) questions.push(ASK.narrower(parts.question, `in ${place}`));
  if (quotes.some(speaksOfHarm) && /^(?:taking|using|eating|drinking|\w+ing)\b/i.test(subject)) questions.push(ASK.risks(subject));
  // What the claim itself leaves open, when the evidence did not already narrow it.
  const predicate = verb ? `${verb}${rest ? ` ${rest}` : ""}` : rest;
  const label = judgement?.label;
  if (label === "refuted" || label === "misleading") questions.push(say.ask.origin(parts.statement, ""));
  if (RULES_CATEGORIES.has(category) && !place && !PLACE_WORDS.test(claim.text)) questions.push(ASK.where(aux, subject, predicate));
  if (RULES_CATEGORIES.has(category) && !time && aux !== "did" && aux !== "was" && aux !== "were") {
    questions.push(ASK.sinceWhen(aux, subject, predicate));
  }
  if (
    effectHolds &&
    EFFECT_CATEGORIES.has(category) &&
    !group &&
    verb &&
    CAUSAL_VERBS.has(verb) &&
    !/\b(?:adults|children|people|women|men|patients)\b/i.test(claim.text)
  ) {
    questions.push(ASK.forWhom(aux, subject, predicate));
  }
  return questions;
}

/**
 * A claim in another language (or an English one claimParts cannot take apart), asked about as a whole:
 * why sources disagree; where it comes from and why it is believed (the evidence does not bear it out);
 * what evidence there is (none was found); by how much, cause or association, and for whom (an effect the
 * evidence bears out); where and since when (a rule). A claim that is itself an open question ("¿Qué dijo…") is not a statement to ask about.
 */
function questionsOnTheWhole(
  { claim, judgement, passages }: ClaimEvidence,
  names: readonly string[],
  category: string,
  say: Phrases,
): string[] {
  const whole = claim.text.trim().replace(/[.!…]+$/, "");
  if (!whole || /[?¿]/.test(whole) || OPEN_QUESTION.test(whole)) return [];
  const statement = lowerFirst(whole, names);
  const ask = (make: (statement: string, claim: string) => string) => make(statement, whole);
  const label = judgement?.label;
  const stances = new Set(passages.map((p) => p.stance));
  const effectHolds = label === "supported" || label === "misleading";
  const questions: string[] = [];
  if (label === "conflicting" || (stances.has("supports") && stances.has("refutes"))) questions.push(ask(say.ask.disagree));
  if (label === "refuted" || label === "misleading") questions.push(ask(say.ask.origin));
  if (label === "refuted") questions.push(ask(say.ask.belief));
  if (label === "unverified" || label === undefined) questions.push(ask(say.ask.evidence));
  if (effectHolds && EFFECT_CATEGORIES.has(category) && !statesQuantity(claim.text)) questions.push(ask(say.ask.howMuch));
  if (effectHolds && passages.some((p) => speaksOfAssociation(p.quote))) questions.push(ask(say.ask.association));
  if (effectHolds && EFFECT_CATEGORIES.has(category)) questions.push(ask(say.ask.forWhom));
  if (RULES_CATEGORIES.has(category)) questions.push(ask(say.ask.where), ask(say.ask.sinceWhen));
  return questions;
}

/** The open questions a claim in Spanish, French, German or Portuguese may be left as (questions.ts). */
const OPEN_QUESTION =
  /^(?:qu[ée]|qui[ée]n(?:es)?|cu[áa]l(?:es)?|cu[áa]ndo|d[óo]nde|c[óo]mo|cu[áa]nt[oa]s?|qui|quoi|quand|où|comment|combien|quel(?:le)?s?|wer|wen|wem|wessen|was|wann|wo|woher|wohin|wie|welche[rsnm]?|quem|quando|onde|quant[oa]s?|qual|quais|o que|what|who|whom|which|when|where|why|how)(?=[\s,]|$)/iu;

/** The claim's question with its scope replaced ("in all adults" → "in adults aged 50 to 59"), or narrowed when it names none. */
function narrowed(parts: ClaimParts, scope: string, broad: RegExp): string {
  return broad.test(parts.question) ? parts.question.replace(broad, scope) : ASK.narrower(parts.question, scope);
}

function firstOf(quotes: string[], find: (q: string) => string | null): string | null {
  for (const q of quotes) {
    const found = find(q);
    if (found) return found;
  }
  return null;
}
