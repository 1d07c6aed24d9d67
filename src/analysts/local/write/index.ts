// Local writer: findings, not quote lists. Each claim's finding leads with the answer, then the
// evidence grouped by what it shows (supports, contradicts, context by sub-topic); sources are named
// by publisher or short title, and a finding is told in the source's own words (as reported speech,
// so the audit can hold it to its quote; quoted when the passage is in another language than the
// report's). Method notes go to "How this was checked". Every sentence is in the input's language
// (phrases.ts), English for a language Verity does not write in.
import type { Claim, VerdictLabel } from "../../../domain/report.js";
import type { Draft, DraftSection, DraftSentence, NumberedSource, WriteInput } from "../../../domain/analysis.js";
import { ASPECTS, aspectsOf, type Aspect } from "./aspects.js";
import { followUpQuestions } from "./follow-ups.js";
import { localeOf } from "../../../domain/locale.js";
import { phrasesIn, type ClaimRef, type Phrases } from "./phrases.js";
import { wordingAnalysis, wordingHeading } from "./wording.js";

const MAX_QUOTE_CHARS = 320;
/** Passages per group of a single claim's finding, and per claim when a text holds several. */
const EVIDENCE_PER_GROUP = 3;
const EVIDENCE_PER_CLAIM = 2;
const CONTEXT_PER_TOPIC = 3;
const MAX_TOPICS = 4;

type Paragraph = { sentences: DraftSentence[]; claimId?: string; heading?: string };

export interface WriteOptions {
  /** Whether a passage is written in the report's language (then it can be reported in the writer's sentence); all are, by default. */
  inReportLanguage?: (quote: string) => boolean;
}

/** What every part of the writer needs: the draft's input, its sentences' language, and how to tell a passage's. */
interface Writer {
  input: WriteInput;
  say: Phrases;
  inReportLanguage: (quote: string) => boolean;
}

export function writeDraft(input: WriteInput, options: WriteOptions = {}): Draft {
  const { intake, judgement } = input;
  const say = phrasesIn(localeOf(intake.language));
  const w: Writer = { input, say, inReportLanguage: options.inReportLanguage ?? (() => true) };
  const claims: Claim[] = intake.claims.length > 0 ? intake.claims : [{ id: "", text: intake.title }];
  const label = judgement.overall.label;
  const several = claims.length > 1;
  const all = items(input.sources);
  const summary = several ? claims.map((c) => claimFinding(c, w, all)) : singleFinding(claims[0]!.id, label, w, all);
  return {
    headline: several
      ? overallHeadline(label, input, say)
      : say.headline(intake.input.kind === "question", label, stripEnd(claims[0]!.text)),
    sections: [
      section("summary", summary),
      section("context", context(claims, label, all, several, w)),
      section("bias", [
        {
          heading: wordingHeading(intake.input.text, intake.input.kind, claims, say),
          sentences: wordingAnalysis(intake.input.text, intake.input.kind, claims, label, say).map(frame),
        },
      ]),
    ],
    followUps: followUpQuestions(
      claims.map((claim) => ({
        claim,
        judgement: judgement.claims.find((j) => j.claimId === claim.id),
        passages: all.filter((i) => !several || i.claimId === claim.id),
      })),
      intake.entities.map((e) => e.name),
      intake.category,
      say,
    ),
    method: method(input, label, say),
  };
}

function section(kind: DraftSection["kind"], paragraphs: Paragraph[]): DraftSection {
  return {
    kind,
    paragraphs: paragraphs.map((p) => p.sentences),
    about: paragraphs.map((p) => ({ ...(p.claimId ? { claimId: p.claimId } : {}), ...(p.heading ? { heading: p.heading } : {}) })),
  };
}

/** The headline of a text or page with several claims: how their verdicts add up. */
function overallHeadline(label: VerdictLabel, input: WriteInput, say: Phrases): string {
  const tally = new Map<VerdictLabel, number>();
  for (const c of input.judgement.claims) tally.set(c.label, (tally.get(c.label) ?? 0) + 1);
  return say.overallHeadline(label, input.judgement.claims.length, [...tally]);
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

/** What the evidence says on a claim when nothing was cited, or how the sources line up; `ref` names the claim. */
function tallyOrNothing(mine: Item[], claimLabel: VerdictLabel, { input, say }: Writer, ref: ClaimRef): string {
  const read = input.consulted.documentsRead;
  if (mine.length === 0) return read === 0 ? say.nothingFound(ref) : say.nothingAbout(read, ref);
  if (claimLabel === "unverified") return say.notClose(ref);
  const bySource = (stance: string) => new Set(mine.filter((i) => i.stance === stance).map((i) => i.source.n)).size;
  return say.tally(bySource("supports"), bySource("refutes"), ref);
}

/** One claim: the answer first, then what supports it and what contradicts it, the stronger side first. */
function singleFinding(claimId: string, label: VerdictLabel, w: Writer, all: Item[]): Paragraph[] {
  const { input, say } = w;
  // A question is answered first: "Yes.", "No.", "Partly.", "Unclear.".
  const answer = input.intake.input.kind === "question" ? say.answerLead(label) : "";
  const paragraphs: Paragraph[] = [
    { claimId, heading: say.answerHeading[label], sentences: [frame(answer + tallyOrNothing(all, label, w, "the"))] },
  ];
  const supports = group(all, "supports", EVIDENCE_PER_GROUP);
  const refutes = group(all, "refutes", EVIDENCE_PER_GROUP);
  const forIt: Paragraph | null =
    supports.length > 0 ? { heading: say.supportsHeading, sentences: supports.map((i) => finding(i, "reports", w)) } : null;
  const against: Paragraph | null =
    refutes.length > 0 ? { heading: say.refutesHeading, sentences: refutes.map((i) => finding(i, "reports", w)) } : null;
  const ordered = label === "refuted" ? [against, forIt] : [forIt, against];
  return [...paragraphs, ...ordered.filter((p): p is Paragraph => p !== null)];
}

/** One claim of several: its verdict in the heading, how the sources line up, and its strongest passages. */
function claimFinding(claim: Claim, w: Writer, all: Item[]): Paragraph {
  const claimLabel = w.input.judgement.claims.find((c) => c.claimId === claim.id)?.label ?? "unverified";
  const mine = all.filter((i) => i.claimId === claim.id);
  const lead = claimLabel === "refuted" ? "refutes" : "supports";
  const evidence = claimLabel === "unverified" ? [] : group(mine, lead, EVIDENCE_PER_CLAIM);
  return {
    claimId: claim.id,
    heading: w.say.claimHeading(claimLabel, stripEnd(claim.text)),
    sentences: [frame(tallyOrNothing(mine, claimLabel, w, "this")), ...evidence.map((i) => finding(i, "reports", w))],
  };
}

/** The context: what points the other way (several claims), then the passages that settle nothing, by sub-topic. */
function context(claims: Claim[], label: VerdictLabel, all: Item[], several: boolean, w: Writer): Paragraph[] {
  const { say } = w;
  const paragraphs: Paragraph[] = [];
  if (several) {
    const minority = all.filter((i) => i.stance === "refutes" || i.stance === "supports").filter((i) => i.stance !== leadStance(i, all));
    const other = group(minority, null, EVIDENCE_PER_CLAIM);
    if (other.length > 0) paragraphs.push({ heading: say.otherWayHeading, sentences: other.map((i) => finding(i, "reports", w)) });
  }
  const textOf = new Map(claims.map((c) => [c.id, c.text]));
  const topics = new Map<Aspect | "related", Item[]>();
  for (const item of group(all, "neutral", Infinity)) {
    const aspect = aspectsOf(item.quote, textOf.get(item.claimId) ?? "")[0] ?? "related";
    topics.set(aspect, [...(topics.get(aspect) ?? []), item]);
  }
  const order = [...ASPECTS, "related"] as const;
  const named = [...topics.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).slice(0, MAX_TOPICS);
  for (const [aspect, list] of named) {
    paragraphs.push({
      heading: aspect === "related" ? say.relatedHeading : say.aspectHeading[aspect],
      sentences: list.slice(0, CONTEXT_PER_TOPIC).map((i) => finding(i, "notes", w)),
    });
  }
  if (paragraphs.length === 0) paragraphs.push({ sentences: [frame(label === "unverified" ? say.noContextUnverified : say.noContext)] });
  return paragraphs;
}

/** The stance most passages on this item's claim take. */
function leadStance(item: Item, all: Item[]): string {
  const mine = all.filter((i) => i.claimId === item.claimId);
  const s = mine.filter((i) => i.stance === "supports").length;
  const r = mine.filter((i) => i.stance === "refutes").length;
  return r > s ? "refutes" : "supports";
}

/** The strongest passages of one stance (any when null), one per source. */
function group(list: Item[], stance: string | null, max: number): Item[] {
  const seen = new Set<number>();
  return list
    .filter((i) => stance === null || i.stance === stance)
    .filter((i) => (seen.has(i.source.n) ? false : (seen.add(i.source.n), true)))
    .slice(0, max);
}

/**
 * "Diabetes Care reports that regular coffee drinking is associated with…": the passage as reported
 * speech, or quoted ("Diabetes Care indica: «Regular coffee…».") when it is in another language.
 */
function finding(item: Item, verb: "reports" | "notes", w: Writer): DraftSentence {
  const q = quotable(item.quote);
  return {
    text: w.say.finding(verb, {
      name: sourceName(item.source, w.say),
      said: reported(q.text, item.source.document.text),
      plain: q.text.trim().replace(/[.!?]+$/, ""),
      cut: q.cut,
      reported: w.inReportLanguage(item.quote),
    }),
    cites: [item.source.n],
    quotes: [{ n: item.source.n, text: q.text }],
    factual: true,
  };
}

/** A source by its publisher, else its author, else its title up to any subtitle, whole. */
function sourceName(source: NumberedSource, say: Phrases): string {
  const d = source.document;
  const who = d.publisher?.trim() || d.author?.trim();
  if (who) return who;
  const title = d.title.trim().split(/\s*(?::|\s[|–—-]\s)\s*/)[0] || d.title.trim();
  return say.quoted(title);
}

/** A passage after "reports that": no end punctuation, no opening connective, a lower-case start unless it is a name. */
function reported(quote: string, documentText: string): string {
  let text = quote.trim().replace(/[.!?]+["”’)]*$/, "");
  text = text.replace(
    /^(?:However|Moreover|Furthermore|In addition|Also|But|And|Overall|Thus|Therefore|Sin embargo|Además|Asimismo|Por (?:lo )?tanto|Pero|Cependant|Toutefois|De plus|En outre|Par ailleurs|Ainsi|Donc|Mais|No entanto|Além disso|Contudo|Portanto|Mas),?\s+/u,
    "",
  );
  const first = text.split(/\s+/)[0] ?? "";
  const name = /\p{Lu}/u.test(first.slice(1)) || new RegExp(`[\\p{Ll},]\\s+${escapeRegExp(first)}\\b`, "u").test(documentText);
  return name ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** A verbatim quote short enough to read: a whole sentence, or its first words (then marked cut). */
function quotable(quote: string): { text: string; cut: boolean } {
  if (quote.length <= MAX_QUOTE_CHARS) return { text: quote, cut: false };
  const prefix = quote.slice(0, MAX_QUOTE_CHARS);
  const lastSpace = prefix.lastIndexOf(" ");
  return { text: prefix.slice(0, lastSpace > 0 ? lastSpace : MAX_QUOTE_CHARS).replace(/[\s,;:]+$/, ""), cut: true };
}

/** "How this was checked": how the reading works, what was read, and what of the text was left aside. */
function method(input: WriteInput, label: VerdictLabel, say: Phrases): string[] {
  const { providers, documentsRead } = input.consulted;
  const name = (id: string) => PROVIDER_NAMES[id] ?? (id === "library" || id === "web" ? say.providers[id] : id);
  const consulted = providers.filter((p) => p.status === "ok").map((p) => name(p.id));
  const failed = providers.filter((p) => p.status === "failed").map((p) => name(p.id));
  const notes = [say.method.read(documentsRead, consulted, failed)];
  if (label !== "unverified") notes.unshift(say.method.automatic);
  const unchecked = input.intake.unchecked?.length ?? 0;
  if (unchecked > 0) notes.push(say.method.unchecked(unchecked));
  return notes;
}

/** Providers named by their own name in every language (the library and web search are described, in phrases.ts). */
const PROVIDER_NAMES: Record<string, string> = {
  wikipedia: "Wikipedia",
  factcheck: "Google Fact Check Tools",
  brave: "Brave Search",
  tavily: "Tavily",
  serper: "Serper",
  searxng: "SearXNG",
};

function frame(text: string): DraftSentence {
  return { text, cites: [], quotes: [], factual: false };
}

function stripEnd(text: string): string {
  return text.trim().replace(/[.!?]+$/, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
