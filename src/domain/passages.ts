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
/** The same in title case, as some journals print them ("Summary Background", "Interpretation"). */
const TITLE_LABEL_WORD = /([A-Z][a-z]+|and|of|&),?:?\s+/y;
/** How a sentence proper begins after its label. */
const SENTENCE_START = /^["'(\[]?[A-Z0-9]|^[a-z]/;
/** After a title-case label only a capital may begin it: "Methods for ..." is a sentence, not a label. */
const CAPITAL_START = /^["'(\[]?[A-Z0-9]/;

function kindOf(label: string): SectionKind {
  return FINDING_WORDS.test(label) ? "finding" : METHOD_WORDS.test(label) ? "method" : AIM_WORDS.test(label) ? "aim" : "other";
}

/** The longest run of label words opening the sentence, and where it ends. */
function leadingLabel(sentence: string, word: RegExp): { words: string[]; length: number } {
  const labelWords: string[] = [];
  let length = 0;
  word.lastIndex = 0;
  for (let match = word.exec(sentence); match; match = word.exec(sentence)) {
    const w = match[1]!.toUpperCase();
    if (w !== "&" && !LABEL_WORDS.has(w)) break;
    if (w !== "&") labelWords.push(w);
    length = word.lastIndex;
  }
  return { words: labelWords, length };
}

/**
 * The label opening a sentence, if it is one, and where the sentence proper begins: the longest run
 * of label words, so that an acronym that opens the sentence ("RESULTS HIV infection ...") stays in it.
 * A title-case label counts only when it names a kind of section and a capital follows, as ordinary
 * sentences open with such words too ("Recent Advances ...", "Methods for ...").
 */
export function sectionLabel(sentence: string): { kind: SectionKind; length: number } | null {
  const upper = leadingLabel(sentence, LABEL_WORD);
  if (meaningful(upper.words) && SENTENCE_START.test(sentence.slice(upper.length))) {
    return { kind: kindOf(upper.words.join(" ")), length: upper.length };
  }
  const title = leadingLabel(sentence, TITLE_LABEL_WORD);
  if (!meaningful(title.words) || !/^[A-Z]/.test(sentence) || !CAPITAL_START.test(sentence.slice(title.length))) return null;
  // "Introduction of X ..." is a sentence: a label does not end on a joining word.
  if (JOINING_WORDS.has(title.words.at(-1)!)) return null;
  const label = title.words.join(" ");
  const kind = kindOf(label);
  if (kind === "other" && !/^(SUMMARY|ABSTRACT|UNLABELLED)$/.test(label)) return null;
  return { kind, length: title.length };
}

const JOINING_WORDS = new Set(["AND", "OF"]);

/** Only label words, not only joining ones. */
function meaningful(words: string[]): boolean {
  return words.some((w) => !JOINING_WORDS.has(w));
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
