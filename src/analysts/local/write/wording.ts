// The bias section: what in the wording of the statement as put could mislead, whatever its truth:
// absolute terms, an effect without a size, loaded words, unnamed or named authorities, a leading
// question, figures without a source. A text or page is read claim by claim, and only the claims
// that were checked.
import type { Claim, InputKind, VerdictLabel } from "../../../domain/report.js";
import { words } from "../../../domain/text.js";
import { ABSOLUTE_WORDS } from "../../../domain/verdict.js";
import { LOADED_CUES, VAGUE_ATTRIBUTION } from "../cues.js";
import { claimParts } from "./follow-ups.js";
import { statesQuantity } from "./aspects.js";
import { SAY } from "./phrases.js";

const EFFECT_WORDS =
  /\b(?:lowers?|lowered|raises?|raised|increases?|increased|decreases?|decreased|reduces?|reduced|cuts?|boosts?|boosted|improves?|improved|worsens?|worsened)\b/i;
/** "according to X", "X said that": who the statement puts forward as its source. */
const NAMED_SOURCE =
  /\b[Aa]ccording to ((?:the )?[\p{Lu}][\p{L}.&-]*(?:\s+[\p{Lu}][\p{L}.&-]*){0,4})|\b((?:[\p{Lu}][\p{L}.&-]*\s+){0,3}[\p{Lu}][\p{L}.&-]*) (?:said|says|claims|claimed|stated)\b/u;
/** A figure that is a quantity, not a name ("type 2", "phase 3") or a year. */
const FIGURE =
  /\b\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|million|billion|thousand|times)|\b(?<!(?:type|phase|stage|grade|level|class|version|covid|article)[\s-])(?!(?:1[5-9]|20)\d{2}\b)\d{2,}(?:[.,]\d+)?\b/i;
const FREQUENCY = new Set(["day", "week", "month", "year", "morning", "night", "evening", "time", "hour"]);
const SOURCED = /\b(?:according to|per|source|study|studies|report|data|survey|census)\b/i;

type Finding = { kind: keyof typeof SAY.wording.short; text: string };

/** The bias section's heading: what was found in the wording, in a few words ("Absolute terms and loaded words"). */
export function wordingHeading(inputText: string, kind: InputKind, claims: Claim[]): string {
  const kinds = [
    ...new Set(statementsOf(inputText, kind, claims).flatMap(({ text, subject }) => readWording(text, subject).map((f) => f.kind))),
  ];
  if (kind === "question" && isLeading(inputText)) kinds.push("leading");
  if (kinds.length === 0) return SAY.wording.short.neutral;
  const names = kinds.map((k) => SAY.wording.short[k]);
  const listed = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
  return listed.charAt(0).toUpperCase() + listed.slice(1);
}

function statementsOf(inputText: string, kind: InputKind, claims: Claim[]): { text: string; subject: string }[] {
  // A text or page: the claims checked, each named; anything else: the statement as typed.
  return kind === "text" || kind === "url"
    ? claims.map((c) => ({
        text: c.text,
        subject: claims.length > 1 ? SAY.wording.claim(c.text.replace(/[.!?]+$/, "")) : SAY.wording.it,
      }))
    : [{ text: inputText, subject: SAY.wording.it }];
}

function isLeading(inputText: string): boolean {
  return /^is it true that\b/i.test(inputText.trim()) || /\b(isn't it|don't you think|wouldn't you agree)\b/i.test(inputText);
}

export function wordingAnalysis(inputText: string, kind: InputKind, claims: Claim[], label: VerdictLabel): string[] {
  const findings: string[] = [];
  for (const { text, subject } of statementsOf(inputText, kind, claims)) findings.push(...readWording(text, subject).map((f) => f.text));
  if (kind === "question" && isLeading(inputText)) findings.push(SAY.wording.leading);
  if (findings.length === 0) findings.push(kind === "question" ? SAY.wording.neutralQuestion : SAY.wording.neutralStatement);
  if (label === "refuted" || label === "misleading") findings.push(SAY.wording.notBorneOut);
  return findings;
}

function readWording(text: string, subject: string): Finding[] {
  const tokens = words(text);
  const findings: Finding[] = [];
  // "every day" says how often, not that there is no exception.
  const absolutes = [...new Set(tokens.filter((t, i) => ABSOLUTE_WORDS.has(t) && !(t === "every" && FREQUENCY.has(tokens[i + 1] ?? ""))))];
  if (absolutes.length > 0) findings.push({ kind: "absolute", text: SAY.wording.absolute(subject, absolutes) });
  const effect = EFFECT_WORDS.exec(text);
  if (effect && !statesQuantity(text) && claimParts(text) !== null)
    findings.push({ kind: "noQuantity", text: SAY.wording.noQuantity(subject, effect[0].toLowerCase()) });
  const loaded = [...new Set(tokens.filter((t) => LOADED_CUES.has(t) && t !== "they"))];
  if (loaded.length > 0) findings.push({ kind: "loaded", text: SAY.wording.loaded(subject, loaded) });
  if (VAGUE_ATTRIBUTION.some((re) => re.test(text))) findings.push({ kind: "vague", text: SAY.wording.vague(subject) });
  else {
    const named = NAMED_SOURCE.exec(text);
    const who = named?.[1] ?? named?.[2];
    if (who) findings.push({ kind: "quoted", text: SAY.wording.quoted(subject, who.trim()) });
  }
  if (FIGURE.test(text) && !SOURCED.test(text)) findings.push({ kind: "figures", text: SAY.wording.figures(subject) });
  return findings;
}
