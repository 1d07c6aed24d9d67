// Local writer: a report built from the evidence itself. Every factual sentence quotes
// the passage it rests on and cites its source; framing sentences say what was and wasn't found.
import type { VerdictLabel } from "../../domain/report.js";
import { truncate, words } from "../../domain/text.js";
import type { Draft, DraftSentence, NumberedSource, WriteInput } from "../../domain/analysis.js";
import { ABSOLUTE_WORDS } from "../../domain/verdict.js";
import { LOADED_CUES, VAGUE_ATTRIBUTION } from "./cues.js";

const MAX_QUOTE_CHARS = 320;
const SUMMARY_EVIDENCE = 4;
const CONTEXT_EVIDENCE = 3;

export function writeDraft(input: WriteInput): Draft {
  const { intake, judgement } = input;
  const mainClaim = intake.claims[0]?.text ?? intake.title;
  const label = judgement.overall.label;
  const several = intake.claims.length > 1;
  const summarised = summary(input, label, mainClaim);
  // A text or page is judged on the claims checked in it, not on sentences left aside.
  const statement =
    intake.input.kind === "text" || intake.input.kind === "url" ? intake.claims.map((c) => c.text).join(" ") : intake.input.text;
  return {
    headline: several ? overallHeadline(label, input) : headline(intake.input.kind === "question", label, mainClaim),
    sections: [
      { kind: "summary", paragraphs: summarised.map((p) => p.sentences), claimIds: summarised.map((p) => p.claimId) },
      { kind: "context", paragraphs: context(input, label) },
      { kind: "bias", paragraphs: [wordingAnalysis(statement, intake.input.kind, label)] },
    ],
    followUps: followUps(input, mainClaim),
  };
}

const ANSWER: Record<VerdictLabel, string> = {
  supported: "Yes",
  refuted: "No",
  misleading: "Partly",
  conflicting: "Unclear",
  unverified: "Unclear",
};

const GIST: Record<VerdictLabel, string> = {
  supported: "the evidence found supports the claim",
  refuted: "the evidence found contradicts the claim",
  misleading: "the evidence supports part of the claim but not all of it, as worded:",
  conflicting: "the sources found disagree on the claim",
  unverified: "not enough evidence was found to check the claim",
};

function headline(isQuestion: boolean, label: VerdictLabel, claim: string): string {
  const gist = `${GIST[label]} “${stripEnd(claim)}”.`;
  return `${isQuestion ? ANSWER[label] : capitalize(label)}: ${gist}`;
}

/** The headline of a text or page with several claims: how their verdicts add up. */
function overallHeadline(label: VerdictLabel, input: WriteInput): string {
  const tally = new Map<string, number>();
  for (const c of input.judgement.claims) tally.set(c.label, (tally.get(c.label) ?? 0) + 1);
  const parts = [...tally].map(([l, n]) => `${count(n)} ${l}`);
  return `${capitalize(label)}: of the ${count(input.judgement.claims.length)} claims checked, ${parts.join(", ")}.`;
}

/** A verbatim quote short enough to read: a whole sentence, or its first words. */
function quotable(quote: string): { text: string; cut: boolean } {
  if (quote.length <= MAX_QUOTE_CHARS) return { text: quote, cut: false };
  const prefix = quote.slice(0, MAX_QUOTE_CHARS);
  const lastSpace = prefix.lastIndexOf(" ");
  return { text: prefix.slice(0, lastSpace > 0 ? lastSpace : MAX_QUOTE_CHARS).replace(/[\s,;:]+$/, ""), cut: true };
}

function attribution(source: NumberedSource): string {
  const d = source.document;
  const who = d.publisher ?? d.author;
  return who ? `${who} (“${truncate(d.title, 90)}”)` : `“${truncate(d.title, 90)}”`;
}

function evidenceSentence(source: NumberedSource, quote: string, verb: string): DraftSentence {
  const q = quotable(quote);
  return {
    text: `${capitalize(attribution(source))} ${verb}: “${q.text}${q.cut ? "…" : ""}”`,
    cites: [source.n],
    quotes: [{ n: source.n, text: q.text }],
    factual: true,
  };
}

type Item = { source: NumberedSource; claimId: string; quote: string; stance: string; weight: number };

function items(sources: NumberedSource[]): Item[] {
  return sources
    .flatMap((source) =>
      source.evidence.map((e) => ({
        source,
        claimId: e.item.claimId,
        quote: e.item.quote,
        stance: e.judgement.stance,
        weight: e.judgement.weight,
      })),
    )
    .sort((a, b) => b.weight - a.weight);
}

/** The summary: for each claim (a pasted text or a page may hold several), its verdict and the passages it rests on. */
function summary(input: WriteInput, label: VerdictLabel, mainClaim: string): { sentences: DraftSentence[]; claimId?: string }[] {
  const claims = input.intake.claims.length > 0 ? input.intake.claims : [{ id: "", text: mainClaim }];
  const verdicts = new Map(input.judgement.claims.map((c) => [c.claimId, c.label]));
  const all = items(input.sources);
  const several = claims.length > 1;
  const paragraphs: { sentences: DraftSentence[]; claimId?: string }[] = [];
  for (const claim of claims) {
    const claimLabel = several ? (verdicts.get(claim.id) ?? "unverified") : label;
    const mine = several ? all.filter((i) => i.claimId === claim.id) : all;
    const supporting = mine.filter((i) => i.stance === "supports");
    const refuting = mine.filter((i) => i.stance === "refutes");
    const quoted = `“${stripEnd(claim.text)}”`;
    const framing = frame(
      mine.length === 0
        ? input.consulted.documentsRead === 0
          ? `No document about the claim ${quoted} was found: nothing is cited, and the claim is left unverified.`
          : `None of the ${count(input.consulted.documentsRead)} ${input.consulted.documentsRead === 1 ? "document" : "documents"} consulted is about the claim ${quoted}: nothing is cited, and the claim is left unverified.`
        : claimLabel === "unverified"
          ? `No source consulted addresses the claim ${quoted} closely enough to reach a verdict, so it is left unverified.`
          : `Of the passages that bear directly on the claim ${quoted}, ${count(supporting.length)} ${supporting.length === 1 ? "reads" : "read"} as supporting it and ${count(refuting.length)} as contradicting it${several ? `: ${claimLabel}` : ""}.`,
    );
    const lead =
      claimLabel === "refuted" ? refuting : claimLabel === "conflicting" ? interleave(supporting, refuting) : [...supporting, ...refuting];
    const evidence = lead
      .filter(uniqueBySource())
      .slice(0, several ? 2 : SUMMARY_EVIDENCE)
      .map((i) => evidenceSentence(i.source, i.quote, i.stance === "refutes" ? "states, against the claim" : "states"));
    paragraphs.push({ sentences: [framing, ...evidence], ...(several ? { claimId: claim.id } : {}) });
  }
  if (label !== "unverified") {
    paragraphs.push({
      sentences: [
        frame(
          `This reading is automatic (the local analyst compares the meaning of sentences with a small sentence encoder and reads negation and opposites, but does not reason), so the confidence stated is deliberately modest.`,
        ),
      ],
    });
  }
  return paragraphs;
}

function context(input: WriteInput, label: VerdictLabel): DraftSentence[][] {
  const all = items(input.sources);
  const paragraphs: DraftSentence[][] = [];
  const minority = all.filter((i) => (label === "refuted" ? i.stance === "supports" : i.stance === "refutes"));
  if ((label === "supported" || label === "misleading" || label === "refuted") && minority.length > 0) {
    paragraphs.push([
      frame("Not every passage points the same way."),
      ...minority
        .filter(uniqueBySource())
        .slice(0, 2)
        .map((i) => evidenceSentence(i.source, i.quote, "states")),
    ]);
  }
  const related = all
    .filter((i) => i.stance === "neutral")
    .filter(uniqueBySource())
    .slice(0, CONTEXT_EVIDENCE);
  if (related.length > 0) {
    paragraphs.push([
      frame("Related passages that give context without settling the claim:"),
      ...related.map((i) => evidenceSentence(i.source, i.quote, "notes")),
    ]);
  }
  const { providers, documentsRead } = input.consulted;
  const consulted = providers.filter((p) => p.status === "ok").map((p) => providerName(p.id));
  const failed = providers.filter((p) => p.status === "failed").map((p) => providerName(p.id));
  paragraphs.push([
    frame(
      `This check read ${count(documentsRead)} ${documentsRead === 1 ? "document" : "documents"} from ${consulted.length > 0 ? consulted.join(", ") : "no source"}` +
        (failed.length > 0 ? `; ${failed.join(", ")} could not be consulted` : "") +
        `. Evidence outside these sources (newer reporting, other jurisdictions, primary data) may change the picture.`,
    ),
  ]);
  return paragraphs;
}

/** What in the wording of the original statement could mislead, whatever its truth. */
function wordingAnalysis(inputText: string, kind: string, label: VerdictLabel): DraftSentence[] {
  const tokens = words(inputText);
  const findings: string[] = [];
  const absolutes = [...new Set(tokens.filter((t) => ABSOLUTE_WORDS.has(t)))];
  if (absolutes.length > 0) {
    findings.push(
      `It uses absolute terms (${absolutes.map((w) => `“${w}”`).join(", ")}) that admit no exception; one counter-example is enough to make such a statement false.`,
    );
  }
  const loaded = [...new Set(tokens.filter((t) => LOADED_CUES.has(t) && t !== "they"))];
  if (loaded.length > 0) {
    findings.push(
      `It uses emotionally loaded words (${loaded.map((w) => `“${w}”`).join(", ")}) that push a conclusion instead of stating a fact.`,
    );
  }
  if (VAGUE_ATTRIBUTION.some((re) => re.test(inputText))) {
    findings.push("It attributes the claim to unnamed authorities, which cannot be checked.");
  }
  if (/^is it true that\b/i.test(inputText.trim()) || /\b(isn't it|don't you think|wouldn't you agree)\b/i.test(inputText)) {
    findings.push("It is phrased as a leading question that presumes its answer.");
  }
  if (/\d/.test(inputText) && !/\b(according to|per|source|study|report|data)\b/i.test(inputText)) {
    findings.push("It gives figures without saying where they come from.");
  }
  if (findings.length === 0) {
    findings.push(
      kind === "question"
        ? "The question is worded neutrally: it uses no loaded or absolute terms and does not presume its answer."
        : "The statement uses no loaded or absolute terms; its main risk is being taken as settled without the context above.",
    );
  }
  if (label === "refuted" || label === "misleading") {
    findings.push("Repeating the statement as worded would spread a claim that the evidence above does not bear out in full.");
  }
  return findings.map(frame);
}

function followUps(input: WriteInput, claim: string): string[] {
  const { intake } = input;
  const subject = stripEnd(claim);
  const questions = [
    `What is the strongest evidence for and against the claim “${subject}”?`,
    `Are there conditions or exceptions under which “${subject}” does not hold?`,
  ];
  for (const entity of intake.entities.slice(0, 2)) {
    questions.push(
      entity.type === "person"
        ? `What has ${entity.name} said about this?`
        : entity.type === "organization"
          ? `What is the official position of ${entity.name} on this?`
          : `How does this apply in ${entity.name}?`,
    );
  }
  questions.push(`Has this changed over time, and what do the most recent sources say?`);
  questions.push(`Who disputes this, and on what grounds?`);
  return [...new Set(questions)].slice(0, 5);
}

const PROVIDER_NAMES: Record<string, string> = {
  library: "the local library",
  wikipedia: "Wikipedia",
  factcheck: "Google Fact Check Tools",
  web: "web search",
  brave: "Brave Search",
  tavily: "Tavily",
  serper: "Serper",
  searxng: "SearXNG",
};

function providerName(id: string): string {
  return PROVIDER_NAMES[id] ?? id;
}

function frame(text: string): DraftSentence {
  return { text, cites: [], quotes: [], factual: false };
}

function uniqueBySource(): (item: Item) => boolean {
  const seen = new Set<number>();
  return (item) => (seen.has(item.source.n) ? false : (seen.add(item.source.n), true));
}

function interleave<T>(a: T[], b: T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]) out.push(a[i]!);
    if (b[i]) out.push(b[i]!);
  }
  return out;
}

const NUMBER_WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
function count(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

function stripEnd(text: string): string {
  return text.trim().replace(/[.!?]+$/, "");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
