// The model's report mapped to the pipeline's draft: sentences with the citations and quotes they
// make (each quote as its source writes it), every section there (the local analyst's where the
// model wrote none), a few follow-up questions, and a headline whose answer agrees with the verdict.
import type { Draft, DraftSection, DraftSentence, WriteInput } from "../../domain/analysis.js";
import { collapseWhitespace } from "../../domain/text.js";
import type { AnalystContext } from "../analyst.js";
import { exactQuote, fold, type Folded } from "./locate.js";
import { answerWord } from "./prompts.js";
import type { WriteOutput } from "./schemas.js";

const SECTION_ORDER = ["summary", "context", "bias"] as const;
const MARKER = /\s*\[(\d{1,3})\]/g;

/** The draft from the model's report; `localDraft` (the fallback analyst's) stands in for a section the model left empty. */
export async function mapDraft(
  input: WriteInput,
  out: WriteOutput,
  localDraft: () => Promise<Draft>,
  ctx?: AnalystContext,
): Promise<Draft> {
  const docs = new Map(input.sources.map((s) => [s.n, s.document.text]));
  const foldedDocs = new Map<number, Folded>();
  const folded = (n: number) => {
    let f = foldedDocs.get(n);
    if (!f) foldedDocs.set(n, (f = fold(docs.get(n) ?? "", false)));
    return f;
  };
  let local: Draft | null = null;
  const getLocal = async () => (local ??= await localDraft());

  const cleanSentence = (s: WriteOutput["sections"][number]["paragraphs"][number][number]): DraftSentence | null => {
    const cites = new Set<number>(s.cites.filter((n) => Number.isInteger(n)));
    const text = collapseWhitespace(s.text.replace(MARKER, (_m, n: string) => (cites.add(Number(n)), "")));
    if (!text) return null;
    const quotes: DraftSentence["quotes"] = [];
    for (const q of s.quotes) {
      const raw = q.text.trim();
      if (!raw || !Number.isInteger(q.n)) continue;
      // Spacing or typographic quote marks changed in copying: use the source's own characters.
      const quote = docs.has(q.n) ? exactQuote(docs.get(q.n)!, raw, folded(q.n)) : raw;
      if (!quotes.some((x) => x.n === q.n && x.text === quote)) quotes.push({ n: q.n, text: quote });
      cites.add(q.n);
    }
    const citeList = [...cites];
    // A sentence that cites or quotes is making a claim about the world, whatever it says of itself.
    return { text, cites: citeList, quotes, factual: s.factual || citeList.length > 0 || quotes.length > 0 };
  };

  const sections: DraftSection[] = [];
  for (const kind of SECTION_ORDER) {
    const paragraphs = out.sections
      .filter((s) => s.kind === kind)
      .flatMap((s) => s.paragraphs)
      .map((p) => p.map(cleanSentence).filter((s): s is DraftSentence => s !== null))
      .filter((p) => p.length > 0);
    if (paragraphs.length > 0) {
      sections.push({ kind, paragraphs });
    } else {
      ctx?.fallbacks.push(`write: the model wrote no ${kind} section; used the local analyst's`);
      sections.push((await getLocal()).sections.find((s) => s.kind === kind) ?? { kind, paragraphs: [] });
    }
  }

  const followUps: string[] = [];
  for (const raw of out.followUps) {
    const q = collapseWhitespace(raw.replace(MARKER, ""));
    if (q.length < 8 || q.length > 240 || followUps.some((f) => f.toLowerCase() === q.toLowerCase())) continue;
    followUps.push(q);
    if (followUps.length >= 6) break;
  }
  if (followUps.length < 3) {
    for (const q of (await getLocal()).followUps) if (followUps.length < 5 && !followUps.includes(q)) followUps.push(q);
  }

  return { headline: fixHeadline(out.headline, input), sections, followUps };
}

/** A leading answer word, only when punctuation sets it apart ("No evidence links …" keeps its "No"). */
const ENGLISH_ANSWER = /^\s*(yes|no|partly|partially|unclear|supported|refuted|misleading|conflicting|unverified)\s*[:,.—–-]\s*/i;

/**
 * The headline with its answer agreeing with the verdict: for an English report, "Yes/No/Partly/
 * Unclear: …" for a question and "<Verdict>: …" otherwise. Other languages keep the model's words.
 */
function fixHeadline(raw: string, input: WriteInput): string {
  let headline = collapseWhitespace(raw.replace(MARKER, ""));
  const label = input.judgement.overall.label;
  if (input.intake.language !== "en") return headline;
  const word = input.intake.input.kind === "question" ? answerWord(label) : label.charAt(0).toUpperCase() + label.slice(1);
  headline = headline.replace(ENGLISH_ANSWER, "");
  return `${word}: ${headline.charAt(0).toUpperCase()}${headline.slice(1)}`;
}
