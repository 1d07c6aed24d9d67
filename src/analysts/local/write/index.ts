// Local writer: findings, not quote lists. Each claim's finding leads with the answer, then the
// evidence grouped by what it shows (supports, contradicts, context by sub-topic); sources are named
// by publisher or short title, and a finding is told in the source's own words (as reported speech,
// so the audit can hold it to its quote). Method notes go to "How this was checked".
import type { Claim, VerdictLabel } from "../../../domain/report.js";
import type { Draft, DraftSection, DraftSentence, NumberedSource, WriteInput } from "../../../domain/analysis.js";
import { ASPECTS, aspectsOf, type Aspect } from "./aspects.js";
import { followUpQuestions } from "./follow-ups.js";
import { ANSWER, ASPECT_HEADING, capital, count, GIST, SAY, VERDICT_WORD } from "./phrases.js";
import { wordingAnalysis, wordingHeading } from "./wording.js";

const MAX_QUOTE_CHARS = 320;
/** Passages per group of a single claim's finding, and per claim when a text holds several. */
const EVIDENCE_PER_GROUP = 3;
const EVIDENCE_PER_CLAIM = 2;
const CONTEXT_PER_TOPIC = 3;
const MAX_TOPICS = 4;

type Paragraph = { sentences: DraftSentence[]; claimId?: string; heading?: string };

export function writeDraft(input: WriteInput): Draft {
  const { intake, judgement } = input;
  const claims: Claim[] = intake.claims.length > 0 ? intake.claims : [{ id: "", text: intake.title }];
  const label = judgement.overall.label;
  const several = claims.length > 1;
  const all = items(input.sources);
  const summary = several ? claims.map((c) => claimFinding(c, input, all)) : singleFinding(claims[0]!.id, label, input, all);
  return {
    headline: several ? overallHeadline(label, input) : headline(intake.input.kind === "question", label, claims[0]!.text),
    sections: [
      section("summary", summary),
      section("context", context(claims, label, all, several)),
      section("bias", [
        {
          heading: wordingHeading(intake.input.text, intake.input.kind, claims),
          sentences: wordingAnalysis(intake.input.text, intake.input.kind, claims, label).map(frame),
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
    ),
    method: method(input, label),
  };
}

function section(kind: DraftSection["kind"], paragraphs: Paragraph[]): DraftSection {
  return {
    kind,
    paragraphs: paragraphs.map((p) => p.sentences),
    about: paragraphs.map((p) => ({ ...(p.claimId ? { claimId: p.claimId } : {}), ...(p.heading ? { heading: p.heading } : {}) })),
  };
}

function headline(isQuestion: boolean, label: VerdictLabel, claim: string): string {
  const gist = `${GIST[label]} “${stripEnd(claim)}”.`;
  return `${isQuestion ? ANSWER[label] : VERDICT_WORD[label]}: ${gist}`;
}

/** The headline of a text or page with several claims: how their verdicts add up. */
function overallHeadline(label: VerdictLabel, input: WriteInput): string {
  const tally = new Map<string, number>();
  for (const c of input.judgement.claims) tally.set(c.label, (tally.get(c.label) ?? 0) + 1);
  const parts = [...tally].map(([l, n]) => `${count(n)} ${l}`);
  return SAY.overallHeadline(VERDICT_WORD[label], input.judgement.claims.length, parts.join(", "));
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

/** What the evidence says on a claim when nothing was cited, or how the sources line up; `it` names the claim. */
function tallyOrNothing(mine: Item[], claimLabel: VerdictLabel, input: WriteInput, it: string): string {
  const read = input.consulted.documentsRead;
  if (mine.length === 0) return read === 0 ? SAY.nothingFound(it) : SAY.nothingAbout(read, it);
  if (claimLabel === "unverified") return SAY.notClose(it);
  const bySource = (stance: string) => new Set(mine.filter((i) => i.stance === stance).map((i) => i.source.n)).size;
  return SAY.tally(bySource("supports"), bySource("refutes"), it);
}

/** One claim: the answer first, then what supports it and what contradicts it, the stronger side first. */
function singleFinding(claimId: string, label: VerdictLabel, input: WriteInput, all: Item[]): Paragraph[] {
  // A question is answered first: "Yes.", "No.", "Partly.", "Unclear.".
  const answer = input.intake.input.kind === "question" ? `${ANSWER[label]}. ` : "";
  const paragraphs: Paragraph[] = [
    { claimId, heading: SAY.answerHeading[label], sentences: [frame(answer + tallyOrNothing(all, label, input, SAY.theClaim))] },
  ];
  const supports = group(all, "supports", EVIDENCE_PER_GROUP);
  const refutes = group(all, "refutes", EVIDENCE_PER_GROUP);
  const forIt: Paragraph | null =
    supports.length > 0 ? { heading: SAY.supportsHeading, sentences: supports.map((i) => finding(i, SAY.reports)) } : null;
  const against: Paragraph | null =
    refutes.length > 0 ? { heading: SAY.refutesHeading, sentences: refutes.map((i) => finding(i, SAY.reports)) } : null;
  const ordered = label === "refuted" ? [against, forIt] : [forIt, against];
  return [...paragraphs, ...ordered.filter((p): p is Paragraph => p !== null)];
}

/** One claim of several: its verdict in the heading, how the sources line up, and its strongest passages. */
function claimFinding(claim: Claim, input: WriteInput, all: Item[]): Paragraph {
  const claimLabel = input.judgement.claims.find((c) => c.claimId === claim.id)?.label ?? "unverified";
  const mine = all.filter((i) => i.claimId === claim.id);
  const lead = claimLabel === "refuted" ? "refutes" : "supports";
  const evidence = claimLabel === "unverified" ? [] : group(mine, lead, EVIDENCE_PER_CLAIM);
  return {
    claimId: claim.id,
    heading: `${VERDICT_WORD[claimLabel]}: ${stripEnd(claim.text)}`,
    sentences: [frame(tallyOrNothing(mine, claimLabel, input, SAY.it)), ...evidence.map((i) => finding(i, SAY.reports))],
  };
}

/** The context: what points the other way (several claims), then the passages that settle nothing, by sub-topic. */
function context(claims: Claim[], label: VerdictLabel, all: Item[], several: boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  if (several) {
    const minority = all.filter((i) => i.stance === "refutes" || i.stance === "supports").filter((i) => i.stance !== leadStance(i, all));
    const other = group(minority, null, EVIDENCE_PER_CLAIM);
    if (other.length > 0) paragraphs.push({ heading: SAY.otherWayHeading, sentences: other.map((i) => finding(i, SAY.reports)) });
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
      heading: aspect === "related" ? SAY.relatedHeading : ASPECT_HEADING[aspect],
      sentences: list.slice(0, CONTEXT_PER_TOPIC).map((i) => finding(i, SAY.notes)),
    });
  }
  if (paragraphs.length === 0) paragraphs.push({ sentences: [frame(label === "unverified" ? SAY.noContextUnverified : SAY.noContext)] });
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

/** "Diabetes Care reports that regular coffee drinking is associated with…": the passage as reported speech. */
function finding(item: Item, verb: string): DraftSentence {
  const q = quotable(item.quote);
  const said = reported(q.text, item.source.document.text);
  return {
    text: `${capital(sourceName(item.source))} ${verb} that ${said}${q.cut ? "…" : "."}`,
    cites: [item.source.n],
    quotes: [{ n: item.source.n, text: q.text }],
    factual: true,
  };
}

/** A source by its publisher, else its author, else its title up to any subtitle, whole. */
export function sourceName(source: NumberedSource): string {
  const d = source.document;
  const who = d.publisher?.trim() || d.author?.trim();
  if (who) return who;
  const title = d.title.trim().split(/\s*(?::|\s[|–—-]\s)\s*/)[0] || d.title.trim();
  return `“${title}”`;
}

/** A passage after "reports that": no end punctuation, no opening connective, a lower-case start unless it is a name. */
function reported(quote: string, documentText: string): string {
  let text = quote.trim().replace(/[.!?]+["”’)]*$/, "");
  text = text.replace(/^(?:However|Moreover|Furthermore|In addition|Also|But|And|Overall|Thus|Therefore),?\s+/, "");
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
function method(input: WriteInput, label: VerdictLabel): string[] {
  const { providers, documentsRead } = input.consulted;
  const consulted = providers.filter((p) => p.status === "ok").map((p) => providerName(p.id));
  const failed = providers.filter((p) => p.status === "failed").map((p) => providerName(p.id));
  const notes = [SAY.method.read(documentsRead, consulted, failed)];
  if (label !== "unverified") notes.unshift(SAY.method.automatic);
  const unchecked = input.intake.unchecked?.length ?? 0;
  if (unchecked > 0) notes.push(SAY.method.unchecked(unchecked));
  return notes;
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

function stripEnd(text: string): string {
  return text.trim().replace(/[.!?]+$/, "");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
