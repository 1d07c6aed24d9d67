// Every fixed sentence the local analyst writes, in one place, so that a catalog per language can
// replace it later. The functions fill in what varies (a claim, a count, a name); nothing else of
// the writer holds English words of its own.
import type { VerdictLabel } from "../../../domain/report.js";
import type { Aspect } from "./aspects.js";

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

export function count(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function plural(n: number, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** A question's answer word for each verdict. */
export const ANSWER: Record<VerdictLabel, string> = {
  supported: "Yes",
  refuted: "No",
  misleading: "Partly",
  conflicting: "Unclear",
  unverified: "Unclear",
};

export const VERDICT_WORD: Record<VerdictLabel, string> = {
  supported: "Supported",
  refuted: "Refuted",
  misleading: "Misleading",
  conflicting: "Conflicting",
  unverified: "Unverified",
};

/** The gist that follows the answer in the headline, before the claim. */
export const GIST: Record<VerdictLabel, string> = {
  supported: "the evidence found supports the claim",
  refuted: "the evidence found contradicts the claim",
  misleading: "the evidence supports part of the claim but not all of it, as worded:",
  conflicting: "the sources found disagree on the claim",
  unverified: "not enough evidence was found to check the claim",
};

export const SAY = {
  overallHeadline: (verdict: string, claims: number, tally: string) => `${verdict}: of the ${count(claims)} claims checked, ${tally}.`,

  /** The opening sentence of a claim's finding: how the sources that bear on it line up. */
  /** How the sources that bear on a claim line up; `it` names the claim ("it", "the claim"). */
  tally: (supporting: number, refuting: number, it: string): string => {
    const s = `${capital(plural(supporting, "source", "sources"))} found ${supporting === 1 ? "supports" : "support"} ${it}`;
    const r = `${plural(refuting, "source", "sources")} ${refuting === 1 ? "contradicts" : "contradict"} ${it}`;
    if (supporting > 0 && refuting > 0) return `${s}, and ${r}.`;
    if (supporting > 0) return `${s}; none contradicts it.`;
    if (refuting > 0) return `${capital(r)}; none supports it.`;
    return `The sources found mention ${it} without taking a side.`;
  },
  nothingFound: (it: string) => `No document about ${it} was found, so nothing is cited and it is left unverified.`,
  nothingAbout: (read: number, it: string) =>
    `None of the ${plural(read, "document", "documents")} read is about ${it}, so nothing is cited and it is left unverified.`,
  notClose: (it: string) => `No source found addresses ${it} closely enough to reach a verdict, so it is left unverified.`,
  it: "it",
  theClaim: "the claim",

  /** The heading of a single claim's first finding: the answer, in a few words. */
  answerHeading: {
    supported: "The evidence supports the claim",
    refuted: "The evidence contradicts the claim",
    misleading: "The evidence bears out only part of the claim",
    conflicting: "The sources disagree",
    unverified: "Not enough evidence to decide",
  } as Record<VerdictLabel, string>,
  noContext: "The sources found add no context beyond the findings above.",
  noContextUnverified: "Nothing in the sources consulted bears on the claim.",
  supportsHeading: "What supports the claim",
  refutesHeading: "What contradicts the claim",
  otherWayHeading: "What points the other way",
  relatedHeading: "Related findings",

  /** The verb that introduces a source's finding, by what the finding does to the claim. */
  reports: "reports",
  notes: "notes",

  method: {
    automatic:
      "This reading is automatic: the local analyst compares the meaning of sentences with a small sentence encoder and reads negation and opposites, but does not reason, so the confidence stated is deliberately modest.",
    read: (documents: number, consulted: string[], failed: string[]) =>
      `This check read ${plural(documents, "document", "documents")} from ${consulted.length > 0 ? consulted.join(", ") : "no source"}` +
      (failed.length > 0 ? `; ${failed.join(", ")} could not be consulted` : "") +
      ". Evidence outside these sources (newer reporting, other jurisdictions, primary data) may change the picture.",
    unchecked: (n: number) =>
      `${capital(plural(n, "sentence", "sentences"))} of the text ${n === 1 ? "was" : "were"} not checked; "Claims checked" lists ${n === 1 ? "it" : "them"} with the reason.`,
  },

  wording: {
    absolute: (subject: string, terms: string[]) =>
      `${subject} ${terms.length === 1 ? "uses the absolute term" : "uses the absolute terms"} ${terms.map(quoted).join(", ")}, which ${terms.length === 1 ? "admits" : "admit"} no exception: one counter-example is enough to make it false.`,
    noQuantity: (subject: string, verb: string) =>
      `${subject} says “${verb}” without saying by how much, so a small effect and a large one read the same.`,
    loaded: (subject: string, terms: string[]) =>
      `${subject} uses ${terms.length === 1 ? "a loaded word" : "loaded words"} (${terms.map(quoted).join(", ")}) that ${terms.length === 1 ? "pushes" : "push"} a conclusion instead of stating a fact.`,
    vague: (subject: string) => `${subject} rests on unnamed authorities (“experts say”, “studies show”), which cannot be checked.`,
    quoted: (subject: string, who: string) => `${subject} rests on what ${who} says: the check weighs the evidence, not the speaker.`,
    leading: "The question is leading: it presumes its answer.",
    figures: (subject: string) => `${subject} gives figures without saying where they come from.`,
    neutralQuestion: "The question is worded neutrally: it uses no loaded or absolute terms and does not presume its answer.",
    neutralStatement: "The statement uses no loaded or absolute terms; its main risk is being taken as settled without the context above.",
    notBorneOut: "Repeating the statement as worded would spread a claim that the evidence above does not bear out in full.",
    it: "It",
    claim: (text: string) => `The claim “${text}”`,
    /** What was found, in a few words, for the section's heading. */
    short: {
      absolute: "absolute terms",
      noQuantity: "an effect without a size",
      loaded: "loaded words",
      vague: "unnamed authorities",
      quoted: "a claim resting on who says it",
      figures: "figures without a source",
      leading: "a leading question",
      neutral: "Worded neutrally",
    },
  },
};

/** The heading of a context paragraph that gathers passages on one aspect. */
export const ASPECT_HEADING: Record<Aspect, string> = {
  quantity: "How large the effect is",
  time: "Over what time",
  group: "Who it applies to",
  place: "Where it applies",
  harm: "Risks and side effects",
  mechanism: "How it would work",
  strength: "How strong the evidence is",
};

/** Follow-up questions, each built on what the evidence left open. */
export const ASK = {
  howMuch: (aux: string, subject: string, verb: string, rest: string) => `By how much ${aux} ${subject} ${verb}${rest ? ` ${rest}` : ""}?`,
  association: (aux: string, subject: string, verb: string, rest: string) =>
    `${capital(aux)} ${subject} itself ${verb}${rest ? ` ${rest}` : ""}, or is the link only an association?`,
  risks: (subject: string) => `What are the risks of ${subject}?`,
  disagree: (statement: string) => `Why do the sources disagree on whether ${statement}?`,
  narrower: (question: string, scope: string) => `${question.replace(/\?$/, "")} ${scope}?`,
  /** What a claim of rules and rights leaves open: where it holds, and since when. */
  where: (aux: string, subject: string, predicate: string) => `Where ${aux} ${subject} ${predicate}, and where not?`,
  sinceWhen: (aux: string, subject: string, predicate: string) => `Since when ${aux} ${subject} ${predicate}?`,
  /** What a claim of effect leaves open when the evidence names no group: for whom. */
  forWhom: (aux: string, subject: string, predicate: string) => `For whom ${aux} ${subject} ${predicate}?`,
  /** A claim the evidence does not bear out: where it comes from. */
  origin: (statement: string) => `Where does the claim that ${statement} come from?`,
};

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function quoted(term: string): string {
  return `“${term}”`;
}
