// The report: the product. These schemas are the public contract of DESIGN.md
// (report JSON, API, exports); fields may be added, never renamed.
import { z } from "zod";

export const INPUT_KINDS = ["question", "claim", "topic", "url", "text"] as const;
export const VERDICT_LABELS = ["supported", "refuted", "misleading", "conflicting", "unverified"] as const;
const STANCES = ["supports", "refutes", "mixed", "neutral"] as const;
export const SECTION_KINDS = ["summary", "context", "bias"] as const;
const CHECK_STATUSES = ["queued", "running", "done", "failed"] as const;

export const InputKind = z.enum(INPUT_KINDS);
export const VerdictLabel = z.enum(VERDICT_LABELS);
export const Stance = z.enum(STANCES);
const SectionKind = z.enum(SECTION_KINDS);
export const CheckStatus = z.enum(CHECK_STATUSES);

export type InputKind = z.infer<typeof InputKind>;
export type VerdictLabel = z.infer<typeof VerdictLabel>;
export type Stance = z.infer<typeof Stance>;
type SectionKind = z.infer<typeof SectionKind>;
export type CheckStatus = z.infer<typeof CheckStatus>;

export const Verdict = z.object({
  label: VerdictLabel,
  confidence: z.number().min(0).max(1),
  headline: z.string(),
});
export type Verdict = z.infer<typeof Verdict>;

export const Claim = z.object({
  id: z.string(),
  text: z.string(),
  /** The part of the input this claim was drawn from, when it can be located. */
  span: z.object({ start: z.number().int(), end: z.number().int() }).optional(),
  verdict: Verdict.optional(),
});
export type Claim = z.infer<typeof Claim>;

/** Why a sentence of a submitted text or page was not checked. */
export const UNCHECKED_REASONS = [
  "question",
  "opinion",
  "instruction",
  "too-short",
  "duplicate",
  "not-check-worthy",
  "over-limit",
] as const;
export const UncheckedReason = z.enum(UNCHECKED_REASONS);
export type UncheckedReason = z.infer<typeof UncheckedReason>;

/** A sentence of a submitted text or page that was not checked, and why: nothing is dropped without a word. */
export const UncheckedSentence = z.object({ text: z.string(), reason: UncheckedReason });
export type UncheckedSentence = z.infer<typeof UncheckedSentence>;

const Paragraph = z.object({
  text: z.string(),
  /** The claim whose evidence this paragraph gives (a text or page with several claims), for "Claims checked" to link to. */
  claimId: z.string().optional(),
  /** What the paragraph finds, in a few words (its heading in the briefing layout and in named sub-topics). */
  heading: z.string().optional(),
});

export const Section = z.object({
  kind: SectionKind,
  title: z.string(),
  paragraphs: z.array(Paragraph),
});
export type Section = z.infer<typeof Section>;

export const Source = z.object({
  n: z.number().int().positive(),
  /** http(s) URL, or `library:<document id>` for a document of the local library. */
  url: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  retrievedAt: z.string(),
  /** Exact passages of the source's stored text that the citing sentences rely on. */
  quotes: z.array(z.string()),
  stance: Stance,
  provider: z.string(),
  /** The operator's reliability note on the source's domain. */
  reliabilityNote: z.string().nullable().default(null),
  /** Where the stored text of this source lives (content hash), so the audit can re-check quotes. */
  textHash: z.string(),
});
export type Source = z.infer<typeof Source>;

export const Entity = z.object({
  name: z.string(),
  type: z.enum(["person", "organization", "place", "other"]),
  /** Linked Wikidata item (e.g. "Q76") and its short description, when linking succeeded. */
  wikidataId: z.string().optional(),
  description: z.string().optional(),
});
export type Entity = z.infer<typeof Entity>;

/** An earlier professional fact-check of the same claim (Google Fact Check Tools, ClaimReview). */
const FactCheck = z.object({
  claim: z.string(),
  claimant: z.string().nullable(),
  publisher: z.string(),
  rating: z.string(),
  url: z.string(),
  title: z.string().nullable(),
  reviewedAt: z.string().nullable(),
});

const FollowUp = z.object({ question: z.string() });

const StageTiming = z.object({ stage: z.string(), ms: z.number() });

export const Provenance = z.object({
  engine: z.string(),
  model: z.string().nullable(),
  /** What ordered the documents and chose the passages (absent in reports from before it was recorded). */
  ranker: z.string().optional(),
  fallback: z.string().nullable(),
  queries: z.array(z.object({ claimId: z.string(), text: z.string(), angle: z.string() })),
  providers: z.array(
    z.object({ id: z.string(), status: z.enum(["ok", "failed", "skipped"]), results: z.number(), error: z.string().nullable() }),
  ),
  sourcesConsidered: z.number().int(),
  /** Every document read, best first, as the rank stage ordered them (cited or not). */
  considered: z.array(z.object({ url: z.string(), title: z.string(), provider: z.string(), score: z.number() })).default([]),
  rejected: z.array(z.object({ url: z.string(), title: z.string(), reason: z.string() })),
  audit: z.object({ sentencesChecked: z.number().int(), sentencesDropped: z.number().int(), notes: z.array(z.string()) }),
  timings: z.array(StageTiming),
  tokens: z.object({ prompt: z.number().int(), completion: z.number().int() }),
  /** Every model call of the check (empty for the local analyst). */
  calls: z
    .array(
      z.object({
        step: z.string(),
        model: z.string(),
        promptTokens: z.number().int(),
        completionTokens: z.number().int(),
        costUsd: z.number(),
        ms: z.number(),
        ok: z.boolean(),
        error: z.string().nullable(),
      }),
    )
    .default([]),
  costUsd: z.number(),
  codeVersion: z.string(),
});
export type Provenance = z.infer<typeof Provenance>;

/** The page of a submitted link, as read: where the claims appeared, by whom and when (when it says). */
export const SubmittedPage = z.object({
  url: z.string(),
  title: z.string(),
  siteName: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
});
export type SubmittedPage = z.infer<typeof SubmittedPage>;

export const Report = z.object({
  id: z.string(),
  slug: z.string(),
  url: z.string(),
  status: CheckStatus,
  version: z.number().int().positive(),
  input: z.object({ text: z.string(), kind: InputKind, page: SubmittedPage.optional() }),
  title: z.string(),
  language: z.string(),
  claims: z.array(Claim),
  /** The sentences of a submitted text or page that were not checked, each with its reason (absent in older reports). */
  unchecked: z.array(UncheckedSentence).default([]),
  verdict: Verdict,
  sections: z.array(Section),
  sources: z.array(Source),
  followUps: z.array(FollowUp),
  /** "How this was checked": the method's notes and limits, apart from the findings (absent in older reports). */
  method: z.array(z.string()).default([]),
  /** "What other fact-checkers found". */
  factChecks: z.array(FactCheck).default([]),
  category: z.string(),
  entities: z.array(Entity),
  provenance: Provenance,
  checkedAt: z.string(),
  /** An editor's corrections (admin), carried into every later version of the check. */
  editorial: z.object({ title: z.string().optional(), category: z.string().optional(), editedAt: z.string() }).optional(),
});
export type Report = z.infer<typeof Report>;

export const SECTION_TITLES: Record<SectionKind, string> = {
  summary: "Summary of the results",
  context: "Missing context and alternative viewpoints",
  bias: "Potential misinformation or bias in the original statement",
};

/** Inline citation markers such as [1] or [2][3] inside paragraph text. */
export const CITATION_MARKER = /\[(\d{1,3})\]/g;

export function citedNumbers(text: string): number[] {
  return [...text.matchAll(CITATION_MARKER)].map((m) => Number(m[1]));
}

/** The id of a claim's place on the report page (its item in "Claims checked"). */
export function claimAnchor(claimId: string): string {
  return `claim-${claimId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The id of the paragraph that gives a claim's evidence (what its item in "Claims checked" links to). */
export function evidenceAnchor(claimId: string): string {
  return `evidence-${claimId.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** The public path of a report: /checks/{category}/{slug}-{short id}. */
export function reportPath(category: string, slug: string, id: string): string {
  return `/checks/${category}/${slug}-${id.slice(0, 8)}`;
}
