// The passages of a document: its sentences, as analysts read, embed and quote them. A structured
// abstract's section label ("RESULTS", "OBJECTIVE", "DESIGN, SETTING, AND PARTICIPANTS") is not part
// of the sentence it opens: the passage starts after it (still a verbatim slice of the text), and
// every sentence of the section knows which section it is in, so a study's aim is never read as
// its finding.
import { splitSentences, type Span } from "./text.js";

/** What a section of a study's abstract does. */
export type SectionKind = "aim" | "method" | "finding" | "other";

export interface Passage extends Span {
  /** The section the sentence belongs to, when the document labels its sections. */
  section: SectionKind | null;
}

/** Long documents are read on their first sentences only: bounded work per document. */
const MAX_PASSAGES_PER_DOCUMENT = 2_000;
/** Longer "sentences" are tables or run-on text, not quotable passages. */
export const MAX_PASSAGE_CHARS = 1_200;

const LABEL_WORDS = new Set(
  (
    "BACKGROUND AIM AIMS OBJECTIVE OBJECTIVES PURPOSE CONTEXT INTRODUCTION IMPORTANCE RATIONALE MOTIVATION SUMMARY " +
    "ABSTRACT UNLABELLED METHOD METHODS DESIGN SETTING SETTINGS PARTICIPANTS PATIENTS SUBJECTS MAIN OUTCOME OUTCOMES " +
    "MEASURE MEASURES MEASUREMENTS INTERVENTION INTERVENTIONS EXPOSURE EXPOSURES DATA SOURCES EXTRACTION SYNTHESIS " +
    "COLLECTION ANALYSIS STUDY SELECTION CRITERIA SEARCH STRATEGY MATERIAL MATERIALS EXPERIMENTAL RESEARCH TRIAL " +
    "REGISTRATION FUNDING AVAILABILITY IMPLEMENTATION RESULTS FINDINGS RECENT CONCLUSION CONCLUSIONS RELEVANCE " +
    "INTERPRETATION SIGNIFICANCE DISCUSSION REVIEW OF AND"
  ).split(" "),
);
const FINDING_WORDS = /\b(RESULTS|FINDINGS|CONCLUSIONS?|INTERPRETATION|SIGNIFICANCE|DISCUSSION|SYNTHESIS)\b/;
const METHOD_WORDS =
  /\b(METHODS?|DESIGN|SETTINGS?|PARTICIPANTS|PATIENTS|SUBJECTS|OUTCOMES?|MEASURES?|MEASUREMENTS|INTERVENTIONS?|EXPOSURES?|DATA|SELECTION|SEARCH|MATERIALS?)\b/;
const AIM_WORDS = /\b(BACKGROUND|AIMS?|OBJECTIVES?|PURPOSE|CONTEXT|INTRODUCTION|IMPORTANCE|RATIONALE|MOTIVATION)\b/;

/** A leading section label: label words (with ",", "&", "and", "of") ending before the sentence's own first word. */
const LEADING_LABEL = /^((?:[A-Z]+|&)(?:,?:?\s+(?:[A-Z]+|&))*):?\s+(?=["'(\[]?[A-Z0-9]|[a-z])/;

/** The label opening a sentence, if it is one, and where the sentence proper begins. */
export function sectionLabel(sentence: string): { kind: SectionKind; length: number } | null {
  const match = LEADING_LABEL.exec(sentence);
  if (!match) return null;
  const label = match[1]!;
  const wordsOf = label.split(/[\s,:]+/).filter((w) => w && w !== "&");
  if (wordsOf.length === 0 || !wordsOf.every((w) => LABEL_WORDS.has(w))) return null;
  if (wordsOf.every((w) => w === "AND" || w === "OF")) return null;
  // The sentence must go on after the label.
  if (match[0].length >= sentence.length) return null;
  const kind: SectionKind = FINDING_WORDS.test(label)
    ? "finding"
    : METHOD_WORDS.test(label)
      ? "method"
      : AIM_WORDS.test(label)
        ? "aim"
        : "other";
  return { kind, length: match[0].length };
}

/** The document's candidate passages, in order: sentences with a letter, not too long, labels left out. */
export function passagesOf(text: string): Passage[] {
  const out: Passage[] = [];
  let section: SectionKind | null = null;
  for (const span of splitSentences(text).slice(0, MAX_PASSAGES_PER_DOCUMENT)) {
    const label = sectionLabel(span.text);
    let passage: Span = span;
    if (label) {
      section = label.kind;
      passage = { text: span.text.slice(label.length), start: span.start + label.length, end: span.end };
    }
    if (passage.text.length > MAX_PASSAGE_CHARS || !/\p{L}/u.test(passage.text)) continue;
    out.push({ ...passage, section });
  }
  return out;
}
