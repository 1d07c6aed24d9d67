// The bias section: what in the wording of the statement as put could mislead, whatever its truth:
// absolute terms, an effect without a size, loaded words, unnamed or named authorities, a leading
// question, figures without a source. A text or page is read claim by claim, and only the claims
// that were checked. Written in the input's language; the cues for absolute terms, effects and
// sources are read in English, Spanish, French, German and Portuguese (loaded words only in English).
import type { Claim, InputKind, VerdictLabel } from "../../../domain/report.js";
import { words } from "../../../domain/text.js";
import { ABSOLUTE_WORDS } from "../../../domain/verdict.js";
import { LOADED_CUES, VAGUE_ATTRIBUTION } from "../cues.js";
import { claimParts } from "./follow-ups.js";
import { statesQuantity } from "./aspects.js";
import { phrasesIn, type Phrases } from "./phrases.js";

const EFFECT_WORDS =
  /\b(?:lowers?|lowered|raises?|raised|increases?|increased|decreases?|decreased|reduces?|reduced|cuts?|boosts?|boosted|improves?|improved|worsens?|worsened)\b/i;
/** The same verbs of effect in the other languages (present tense, as claims put them). */
const EFFECT_WORDS_ELSEWHERE =
  /(?<![\p{L}])(?:reduce[ns]?|disminuyen?|aumentan?|bajan?|elevan?|mejoran?|empeoran?|rédui(?:t|sent)|diminuen?t?|augmenten?t?|baissen?t?|améliorent?|aggravent?|senk(?:t|en)|erhöh(?:t|en)|verringer(?:t|n)|reduzier(?:t|en)|steiger(?:t|n)|verbesser(?:t|n)|verschlechter(?:t|n)|reduz(?:em)?|diminuem?|aumentam?|baixam?|melhoram?|pioram?)(?![\p{L}])/iu;
/** Absolute terms in the other languages ("todos", "toujours", "immer", "nunca"). */
const ABSOLUTE_ELSEWHERE = new Set(
  (
    "todos todas siempre nunca jamás ninguno ninguna nadie completamente totalmente " +
    "tous toutes toujours jamais aucun aucune complètement totalement " +
    "alle immer nie niemals niemand vollständig völlig " +
    "sempre nenhum nenhuma ninguém completamente totalmente"
  ).split(" "),
);
/** "according to X", "X said that": who the statement puts forward as its source. */
const NAMED_SOURCE =
  /\b[Aa]ccording to ((?:the )?[\p{Lu}][\p{L}.&-]*(?:\s+[\p{Lu}][\p{L}.&-]*){0,4})|\b((?:[\p{Lu}][\p{L}.&-]*\s+){0,3}[\p{Lu}][\p{L}.&-]*) (?:said|says|claims|claimed|stated)\b/u;
/** A figure that is a quantity, not a name ("type 2", "phase 3") or a year. */
const FIGURE =
  /\b\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|million|billion|thousand|times)|\b(?<!(?:type|phase|stage|grade|level|class|version|covid|article)[\s-])(?!(?:1[5-9]|20)\d{2}\b)\d{2,}(?:[.,]\d+)?\b/i;
const FREQUENCY = new Set(["day", "week", "month", "year", "morning", "night", "evening", "time", "hour"]);
/** "todos los días", "tous les jours", "jeden Tag", "todos os dias": how often, not without exception. */
const FREQUENCY_ELSEWHERE = new Set(
  "día días semanas meses años jours semaines mois ans années tag tage wochen monate jahre dias semanas anos".split(" "),
);
const ARTICLES_ELSEWHERE = new Set(["los", "las", "les", "os", "as"]);
const SOURCED =
  /(?<![\p{L}])(?:according to|per|source|study|studies|report|data|survey|census|según|fuente|estudio|informe|datos|encuesta|selon|étude|rapport|données|enquête|laut|quelle|studie|bericht|daten|umfrage|segundo|fonte|relatório|dados|inquérito)(?![\p{L}])/iu;

type Finding = { kind: keyof Phrases["wording"]["short"]; text: string };

/** The bias section's heading: what was found in the wording, in a few words ("Absolute terms and loaded words"). */
export function wordingHeading(inputText: string, kind: InputKind, claims: Claim[], say: Phrases = phrasesIn("en")): string {
  const kinds = [
    ...new Set(
      statementsOf(inputText, kind, claims, say).flatMap(({ text, subject }) => readWording(text, subject, say).map((f) => f.kind)),
    ),
  ];
  if (kind === "question" && isLeading(inputText)) kinds.push("leading");
  if (kinds.length === 0) return say.wording.short.neutral;
  const listed = say.list(kinds.map((k) => say.wording.short[k]));
  return listed.charAt(0).toUpperCase() + listed.slice(1);
}

function statementsOf(inputText: string, kind: InputKind, claims: Claim[], say: Phrases): { text: string; subject: string }[] {
  // A text or page: the claims checked, each named; anything else: the statement as typed.
  return kind === "text" || kind === "url"
    ? claims.map((c) => ({
        text: c.text,
        subject: claims.length > 1 ? say.wording.claim(c.text.replace(/[.!?]+$/, "")) : say.wording.it,
      }))
    : [{ text: inputText, subject: say.wording.it }];
}

/** A question that presumes its answer ("Is it true that…, isn't it?"), in the languages Verity writes in. */
function isLeading(inputText: string): boolean {
  return (
    /^is it true that\b/i.test(inputText.trim()) ||
    /\b(isn't it|don't you think|wouldn't you agree)\b/i.test(inputText) ||
    /^¿?\s*no es (?:cierto|verdad) que\b|,\s*¿?(?:verdad|no es así)\?\s*$/iu.test(inputText.trim()) ||
    /^n['’]est-il pas vrai que\b|,\s*n['’]est-ce pas\s*\?\s*$/iu.test(inputText.trim()) ||
    /^ist es nicht (?:so|wahr), dass\b|,\s*(?:oder nicht|nicht wahr)\?\s*$/iu.test(inputText.trim()) ||
    /^não é verdade que\b|,\s*(?:não é|certo)\?\s*$/iu.test(inputText.trim())
  );
}

export function wordingAnalysis(
  inputText: string,
  kind: InputKind,
  claims: Claim[],
  label: VerdictLabel,
  say: Phrases = phrasesIn("en"),
): string[] {
  const findings: string[] = [];
  for (const { text, subject } of statementsOf(inputText, kind, claims, say))
    findings.push(...readWording(text, subject, say).map((f) => f.text));
  if (kind === "question" && isLeading(inputText)) findings.push(say.wording.leading);
  if (findings.length === 0) findings.push(kind === "question" ? say.wording.neutralQuestion : say.wording.neutralStatement);
  if (label === "refuted" || label === "misleading") findings.push(say.wording.notBorneOut);
  return findings;
}

function readWording(text: string, subject: string, say: Phrases): Finding[] {
  const english = say.locale === "en";
  const tokens = words(text);
  const findings: Finding[] = [];
  // "every day" says how often, not that there is no exception.
  const next = (i: number) => tokens[ARTICLES_ELSEWHERE.has(tokens[i + 1] ?? "") ? i + 2 : i + 1] ?? "";
  const absolute = english
    ? (t: string, i: number) => ABSOLUTE_WORDS.has(t) && !(t === "every" && FREQUENCY.has(tokens[i + 1] ?? ""))
    : (t: string, i: number) => ABSOLUTE_ELSEWHERE.has(t) && !FREQUENCY_ELSEWHERE.has(next(i));
  const absolutes = [...new Set(tokens.filter(absolute))];
  if (absolutes.length > 0) findings.push({ kind: "absolute", text: say.wording.absolute(subject, absolutes) });
  const effect = english ? EFFECT_WORDS.exec(text) : EFFECT_WORDS_ELSEWHERE.exec(text);
  if (effect && !statesQuantity(text) && (!english || claimParts(text) !== null))
    findings.push({ kind: "noQuantity", text: say.wording.noQuantity(subject, effect[0].toLowerCase()) });
  const loaded = english ? [...new Set(tokens.filter((t) => LOADED_CUES.has(t) && t !== "they"))] : [];
  if (loaded.length > 0) findings.push({ kind: "loaded", text: say.wording.loaded(subject, loaded) });
  if (VAGUE_ATTRIBUTION.some((re) => re.test(text))) findings.push({ kind: "vague", text: say.wording.vague(subject) });
  else {
    const named = NAMED_SOURCE.exec(text);
    const who = named?.[1] ?? named?.[2];
    if (who) findings.push({ kind: "quoted", text: say.wording.quoted(subject, who.trim()) });
  }
  if (FIGURE.test(text) && !SOURCED.test(text)) findings.push({ kind: "figures", text: say.wording.figures(subject) });
  return findings;
}
