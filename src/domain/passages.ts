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

/** One word of a leading section label, with what follows it up to the next word (", ", ": ", " "). */
const LABEL_WORD = /([A-Z]+|&),?:?\s+/y;
/** How a sentence proper begins after its label. */
const SENTENCE_START = /^["'(\[]?[A-Z0-9]|^[a-z]/;

/**
 * The label opening a sentence, if it is one, and where the sentence proper begins: the longest run
 * of label words, so that an acronym that opens the sentence ("RESULTS HIV infection ...") stays in it.
 */
export function sectionLabel(sentence: string): { kind: SectionKind; length: number } | null {
  const labelWords: string[] = [];
  let length = 0;
  LABEL_WORD.lastIndex = 0;
  for (let match = LABEL_WORD.exec(sentence); match; match = LABEL_WORD.exec(sentence)) {
    if (match[1] !== "&" && !LABEL_WORDS.has(match[1]!)) break;
    if (match[1] !== "&") labelWords.push(match[1]!);
    length = LABEL_WORD.lastIndex;
  }
  // Only label words, not only joining ones, and the sentence must go on after the label.
  if (labelWords.length === 0 || labelWords.every((w) => w === "AND" || w === "OF")) return null;
  if (!SENTENCE_START.test(sentence.slice(length))) return null;
  const label = labelWords.join(" ");
  const kind: SectionKind = FINDING_WORDS.test(label)
    ? "finding"
    : METHOD_WORDS.test(label)
      ? "method"
      : AIM_WORDS.test(label)
        ? "aim"
        : "other";
  return { kind, length };
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
