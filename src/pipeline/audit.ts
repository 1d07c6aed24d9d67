// Stage 8, audit: nothing is published unchecked. Every [n] must resolve to a listed source,
// every quote must occur verbatim in the stored text of its source, and every factual
// sentence must be carried by its quotes. What fails is dropped; sources nobody cites go,
// and the rest are renumbered in order of first citation.
import { SECTION_TITLES, type Section, type Source } from "../domain/report.js";
import { contentTerms } from "../domain/text.js";
import type { Draft, DraftSentence, NumberedSource } from "../domain/analysis.js";

/** Share of a factual sentence's own words (outside the quote) that its quotes must cover. */
const MIN_SUPPORT = 0.5;

interface AuditRecord {
  sentencesChecked: number;
  sentencesDropped: number;
  notes: string[];
}

interface AuditResult {
  sections: Section[];
  sources: Source[];
  record: AuditRecord;
}

type StoredTextLookup = (textHash: string) => Promise<string | null>;

/** A model's check that each cited sentence is carried by its quotes (the LLM analyst's). */
type SupportCheck = (items: { sentence: string; quotes: string[] }[]) => Promise<boolean[]>;

export async function audit(
  draft: Draft,
  sources: NumberedSource[],
  storedText: StoredTextLookup,
  checkSupport?: SupportCheck,
): Promise<AuditResult> {
  const notes: string[] = [];
  const texts = new Map<number, string | null>();
  const names = new Map<number, string>();
  for (const s of sources) {
    texts.set(s.n, await storedText(s.document.textHash));
    names.set(s.n, [s.document.title, s.document.publisher, s.document.author].filter(Boolean).join(" "));
  }

  let checked = 0;
  let dropped = 0;
  const renumber = new Map<number, number>();
  const quotesByNewN = new Map<number, string[]>();

  // First the mechanical checks, sentence by sentence.
  const verified = draft.sections.map((section) =>
    section.paragraphs.map((paragraph) =>
      paragraph
        .map((sentence) => {
          checked++;
          const ok = verifySentence(sentence, texts, names, notes);
          if (!ok) dropped++;
          return ok;
        })
        .filter((s): s is DraftSentence => s !== null),
    ),
  );
  // Then, when the analyst offers it, a model's reading of whether each cited sentence is carried by its quotes.
  if (checkSupport) {
    const cited = verified.flat(2).filter((s) => s.factual);
    const verdicts =
      cited.length > 0
        ? await checkSupport(cited.map((s) => ({ sentence: s.text, quotes: s.quotes.map((q) => q.text) }))).catch(() => null)
        : [];
    if (verdicts === null) notes.push("the model's support check failed; the mechanical checks stand");
    const unsupported = new Set(cited.filter((_, i) => verdicts?.[i] === false));
    for (const s of unsupported) notes.push(`dropped a sentence the model found unsupported by its quotes: “${s.text.slice(0, 80)}”`);
    dropped += unsupported.size;
    verified.forEach((section) => section.forEach((p, i) => (section[i] = p.filter((s) => !unsupported.has(s)))));
  }

  const sections: Section[] = draft.sections.map((section, k) => {
    const paragraphs = verified[k]!.flatMap((p, i) => {
      if (p.length === 0) return [];
      const about = section.about?.[i];
      const text = p.map((s) => compose(s, renumber, quotesByNewN)).join(" ");
      return [{ text, ...(about?.claimId ? { claimId: about.claimId } : {}), ...(about?.heading ? { heading: about.heading } : {}) }];
    });
    return {
      kind: section.kind,
      title: SECTION_TITLES[section.kind],
      paragraphs: paragraphs.length > 0 ? paragraphs : [{ text: "Nothing in the sources consulted bears on this." }],
    };
  });

  const published: Source[] = [...renumber.entries()]
    .sort((a, b) => a[1] - b[1])
    .map(([oldN, n]) => {
      const s = sources.find((x) => x.n === oldN)!;
      const d = s.document;
      return {
        n,
        url: d.url,
        title: d.title,
        publisher: d.publisher,
        author: d.author,
        publishedAt: d.publishedAt,
        retrievedAt: d.retrievedAt,
        quotes: quotesByNewN.get(n) ?? [],
        stance: s.stance,
        provider: d.provider,
        reliabilityNote: d.reliabilityNote,
        textHash: d.textHash,
      };
    });
  return { sections, sources: published, record: { sentencesChecked: checked, sentencesDropped: dropped, notes } };
}

/** The sentence with only its valid citations and quotes, or null when it cannot be published. */
function verifySentence(
  sentence: DraftSentence,
  texts: Map<number, string | null>,
  names: Map<number, string>,
  notes: string[],
): DraftSentence | null {
  const cites = [...new Set(sentence.cites)].filter((n) => {
    if (texts.has(n)) return true;
    notes.push(`dropped citation [${n}]: no such source`);
    return false;
  });
  const quotes = sentence.quotes.filter((q) => {
    const stored = texts.get(q.n);
    if (cites.includes(q.n) && stored && q.text.length > 0 && stored.includes(q.text)) return true;
    notes.push(`dropped a quote attributed to [${q.n}]: not found verbatim in its stored text`);
    return false;
  });
  if (!sentence.factual) {
    // Framing and wording analysis state nothing about the world, so they carry no citations.
    return { ...sentence, cites: [], quotes: [] };
  }
  const quotedSources = cites.filter((n) => quotes.some((q) => q.n === n));
  const sourceNames = quotedSources.map((n) => names.get(n) ?? "");
  if (
    quotedSources.length === 0 ||
    !supportedBy(
      sentence.text,
      quotes.map((q) => q.text),
      sourceNames,
    )
  ) {
    notes.push(`dropped a sentence whose citation could not be verified: “${sentence.text.slice(0, 80)}”`);
    return null;
  }
  return { ...sentence, cites: quotedSources, quotes };
}

/**
 * The sentence's own content words, outside what it quotes verbatim and outside the
 * naming of its sources ("The Lancet states"), must mostly come from its quotes.
 */
export function supportedBy(sentence: string, quotes: string[], sourceNames: string[] = []): boolean {
  if (quotes.length === 0) return false;
  const quoteTerms = new Set(quotes.flatMap((q) => contentTerms(q)));
  const naming = new Set([...ATTRIBUTION_TERMS, ...sourceNames.flatMap((name) => contentTerms(name))]);
  let own = sentence;
  for (const q of quotes) own = own.split(q).join(" ");
  const claims = contentTerms(own).filter((t) => !naming.has(t));
  if (claims.length === 0) return true;
  const covered = claims.filter((t) => quoteTerms.has(t)).length;
  return covered / claims.length >= MIN_SUPPORT;
}

/** The words that name what a source does, in the languages reports are written in ("indica que", "berichtet", "observa"). */
const ATTRIBUTION_TERMS = new Set(
  contentTerms(
    "states notes reports says writes finds found against claim according " +
      "indica señala que según indique note qu selon berichtet hält fest laut observa refere segundo",
  ),
);

function compose(sentence: DraftSentence, renumber: Map<number, number>, quotesByNewN: Map<number, string[]>): string {
  if (sentence.cites.length === 0) return sentence.text;
  const markers = sentence.cites.map((oldN) => {
    if (!renumber.has(oldN)) renumber.set(oldN, renumber.size + 1);
    const n = renumber.get(oldN)!;
    const list = quotesByNewN.get(n) ?? [];
    for (const q of sentence.quotes) if (q.n === oldN && !list.includes(q.text)) list.push(q.text);
    quotesByNewN.set(n, list);
    return `[${n}]`;
  });
  return `${sentence.text} ${markers.join("")}`;
}
