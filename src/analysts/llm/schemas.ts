// The structured output each LLM step must return, as zod schemas. They are sent to the
// provider as JSON schemas (OpenAI strict mode, Anthropic output format or JSON tool, Ollama
// `format`), so they keep to what all of them accept: every property required (nullable
// instead of optional), no records, no numeric bounds (values are clamped after parsing),
// and an object at the root. Integers are plain numbers too: zod's .int() adds ±2^53 bounds that
// cost tokens and that grammar-based decoders (llama.cpp) turn into needlessly large rules.
import { z } from "zod";
import { CATEGORIES } from "../../domain/categories.js";
import { INPUT_KINDS, SECTION_KINDS, VERDICT_LABELS } from "../../domain/report.js";

const ANGLES = ["supporting", "refuting", "context"] as const;
const PASSAGE_STANCES = ["supports", "refutes", "neutral"] as const;

export const IntakeOutput = z.object({
  kind: z.enum(INPUT_KINDS),
  title: z.string(),
  /** ISO 639-1 code of the input's language. */
  language: z.string(),
  claims: z.array(
    z.object({
      /** Decontextualised: understandable on its own (names, places, dates resolved). */
      text: z.string(),
      /** The words of the input this claim was drawn from, copied exactly; null when implied. */
      excerpt: z.string().nullable(),
      /** Character offsets of the excerpt in the input, when the model can give them. */
      span: z.object({ start: z.number(), end: z.number() }).nullable(),
    }),
  ),
  category: z.enum(CATEGORIES),
  entities: z.array(z.object({ name: z.string(), type: z.enum(["person", "organization", "place", "other"]) })),
});
export type IntakeOutput = z.infer<typeof IntakeOutput>;

const Query = z.object({ claimId: z.string(), text: z.string(), angle: z.enum(ANGLES) });

export const PlanOutput = z.object({ queries: z.array(Query) });
export type PlanOutput = z.infer<typeof PlanOutput>;

export const JudgeOutput = z.object({
  passages: z.array(
    z.object({
      id: z.string(),
      stance: z.enum(PASSAGE_STANCES),
      /** Exact words of the passage that carry the stance ("" for neutral). */
      quote: z.string(),
      /** 0..1: how strongly the passage bears on the verdict. */
      weight: z.number(),
    }),
  ),
  claims: z.array(
    z.object({
      claimId: z.string(),
      /** One or two sentences, before the label: what the evidence shows. */
      reason: z.string(),
      label: z.enum(VERDICT_LABELS),
      confidence: z.number(),
    }),
  ),
  overall: z.object({ label: z.enum(VERDICT_LABELS), confidence: z.number() }),
});
export type JudgeOutput = z.infer<typeof JudgeOutput>;

const Sentence = z.object({
  text: z.string(),
  cites: z.array(z.number()),
  quotes: z.array(z.object({ n: z.number(), text: z.string() })),
  factual: z.boolean(),
});

export const WriteOutput = z.object({
  headline: z.string(),
  sections: z.array(z.object({ kind: z.enum(SECTION_KINDS), paragraphs: z.array(z.array(Sentence)) })),
  followUps: z.array(z.string()),
});
export type WriteOutput = z.infer<typeof WriteOutput>;

export const LoopOutput = z.object({
  /** Why the search should stop or go on: gaps in the evidence. */
  reason: z.string(),
  settled: z.boolean(),
  queries: z.array(Query),
});
export type LoopOutput = z.infer<typeof LoopOutput>;

export const VerifyOutput = z.object({
  results: z.array(z.object({ index: z.number(), supported: z.boolean() })),
});
export type VerifyOutput = z.infer<typeof VerifyOutput>;
