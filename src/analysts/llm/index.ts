// The LLM analyst: intake, plan, judge and write by a language model with schema-validated
// structured output, behind the same interface as the local analyst. The model's answers are
// checked against what it was given (spans against the input, ids against the evidence, quotes
// against the passages, citations against the sources) before anything is used, and every step
// falls back to the same step of the analyst it was given (the local analyst, in practice) when
// the model fails, with a note in ctx.fallbacks. Ranking is always the fallback analyst's.
import type { Claim, Entity, VerdictLabel } from "../../domain/report.js";
import { collapseWhitespace, contentTerms, normalizeForMatch, truncate } from "../../domain/text.js";
import type {
  ClaimJudgement,
  Draft,
  DraftSection,
  DraftSentence,
  Evidence,
  EvidenceJudgement,
  IntakeResult,
  Judgement,
  PassageStance,
  Plan,
  PlannedQuery,
  RankResult,
  ReadDocument,
  WriteInput,
} from "../../domain/analysis.js";
import type { Analyst, AnalystContext } from "../analyst.js";
import { slugify } from "../../domain/slug.js";
import { overallVerdict, verdictFor } from "../../domain/verdict.js";
import { llmConfigFromEnv, type LlmConfig } from "./config.js";
import { buildModel, type BuildOptions, type ModelHandle } from "./models.js";
import { answerWord, intakePrompt, judgePrompt, loopPrompt, planPrompt, verifyPrompt, writePrompt } from "./prompts.js";
import { IntakeOutput, JudgeOutput, LoopOutput, PlanOutput, VerifyOutput, WriteOutput } from "./schemas.js";
import { callStructured, estimateTokens, LlmStepError, tokensUsed, type StructuredSettings } from "./structured.js";

export { llmConfigFromEnv, type LlmConfig, type ModelSpec, type BudgetName, type BudgetLimits, BUDGETS } from "./config.js";
export { LlmStepError, callStructured, tokensUsed } from "./structured.js";
export { costOf, priceOf, priceTable, DEFAULT_PRICES } from "./prices.js";

const MAX_CLAIMS = 5;
const MAX_ENTITIES = 12;
const MAX_QUERY_CHARS = 200;
const MAX_TITLE_CHARS = 120;
/** Less than this total weight of supporting plus refuting passages is too thin for a verdict. */
const THIN_EVIDENCE = 0.3;
/** Unverified says little about the world; its confidence stays low. */
const MAX_UNVERIFIED_CONFIDENCE = 0.5;
/** A claim this confident, on every claim, needs no further search round. */
const SETTLED_CONFIDENCE = 0.8;
const SECTION_ORDER = ["summary", "context", "bias"] as const;

export interface LlmAnalystOptions extends BuildOptions {
  /** The analyst each step falls back to, and whose ranker is used (the local analyst, in practice). */
  fallback: Analyst;
}

/** Per-check state, kept beside the context the pipeline threads through the steps. */
interface CheckState {
  /** Lower-cased texts of the queries planned so far. */
  queriesRun: string[];
  loopCalls: number;
  /** Set when the model cannot be reached at all: later steps skip it. */
  down: string | null;
}

export class LlmAnalyst implements Analyst {
  readonly engine = "llm" as const;
  readonly model: string;
  readonly config: LlmConfig;
  private readonly main: ModelHandle;
  private readonly fast: ModelHandle;
  private readonly fallback: Analyst;
  readonly ranker: string;
  private readonly states = new WeakMap<AnalystContext, CheckState>();

  constructor(config: LlmConfig, options: LlmAnalystOptions) {
    this.config = config;
    this.model = config.main.id;
    this.main = buildModel(config.main, options);
    this.fast = config.fast ? buildModel(config.fast, options) : this.main;
    this.fallback = options.fallback;
    this.ranker = `${options.fallback.ranker}, from the ${fallbackName(options.fallback)}`;
  }

  // -------------------------------------------------------------------------
  // intake
  // -------------------------------------------------------------------------

  async intake(text: string, ctx: AnalystContext): Promise<IntakeResult> {
    const local = await this.fallback.intake(text, ctx);
    // A link's claims come from the page once it is read; the model cannot see the page.
    if (local.input.kind === "url") return local;
    return this.step(
      ctx,
      "intake",
      async () => {
        const { system, prompt } = intakePrompt(text);
        const out = await callStructured(ctx, {
          step: "intake",
          model: this.fast,
          schema: IntakeOutput,
          schemaName: "intake",
          system,
          prompt,
          settings: this.settings(),
          maxOutputTokens: 1_500,
          check: (o) => (usableClaims(o.claims).length === 0 ? "claims was empty: give at least one checkable statement" : null),
        });
        return mapIntake(text, out, local);
      },
      async () => local,
    );
  }

  // -------------------------------------------------------------------------
  // plan
  // -------------------------------------------------------------------------

  async plan(intake: IntakeResult, ctx: AnalystContext): Promise<Plan> {
    const state = this.state(ctx);
    const limit = this.firstRoundQueries();
    const keep = (queries: PlannedQuery[]): Plan => {
      const chosen = selectQueries(queries, intake.claims, limit, state.queriesRun);
      state.queriesRun.push(...chosen.map((q) => queryKey(q.text)));
      return { queries: chosen };
    };
    return this.step(
      ctx,
      "plan",
      async () => {
        const { system, prompt } = planPrompt(intake, limit);
        const out = await callStructured(ctx, {
          step: "plan",
          model: this.fast,
          schema: PlanOutput,
          schemaName: "plan",
          system,
          prompt,
          settings: this.settings(),
          maxOutputTokens: 200 + 60 * limit,
          check: (o) =>
            validQueries(o.queries, intake.claims).length === 0 ? "no usable query: each needs a known claimId and a non-empty text" : null,
        });
        return keep(validQueries(out.queries, intake.claims));
      },
      async () => keep((await this.fallback.plan(intake, ctx)).queries),
    );
  }

  // -------------------------------------------------------------------------
  // rank: the fallback analyst's ranker (a model call per passage would cost more than it buys)
  // -------------------------------------------------------------------------

  async rank(claims: Claim[], documents: ReadDocument[], ctx: AnalystContext): Promise<RankResult> {
    return this.fallback.rank(claims, documents, ctx);
  }

  // -------------------------------------------------------------------------
  // judge
  // -------------------------------------------------------------------------

  async judge(claims: Claim[], evidence: Evidence[], ctx: AnalystContext): Promise<Judgement> {
    // Nothing to weigh: every claim is unverified, and no model is needed to say so.
    if (evidence.length === 0) return this.fallback.judge(claims, evidence, ctx);
    return this.step(
      ctx,
      "judge",
      async () => {
        const passages = evidence.map((e, i) => ({ key: `p${i + 1}`, evidence: e }));
        // Many passages and little budget left: show each kept sentence without its neighbours.
        let { system, prompt } = judgePrompt(claims, passages);
        const room = this.config.limits.tokens - tokensUsed(ctx);
        if (estimateTokens(system + prompt) > Math.min(24_000, room * 0.4)) ({ system, prompt } = judgePrompt(claims, passages, false));
        const keys = new Set(passages.map((p) => p.key));
        const out = await callStructured(ctx, {
          step: "judge",
          model: this.main,
          schema: JudgeOutput,
          schemaName: "judgement",
          system,
          prompt,
          settings: this.settings(),
          maxOutputTokens: Math.min(8_000, 400 + 110 * evidence.length),
          check: (o) => {
            const judged = new Set(o.passages.map((p) => p.id.trim()).filter((id) => keys.has(id)));
            return judged.size * 2 < passages.length
              ? `only ${judged.size} of the ${passages.length} passages were judged; give one entry for every id from p1 to p${passages.length}`
              : null;
          },
        });
        return mapJudgement(claims, passages, out);
      },
      () => this.fallback.judge(claims, evidence, ctx),
    );
  }

  // -------------------------------------------------------------------------
  // write
  // -------------------------------------------------------------------------

  async write(input: WriteInput, ctx: AnalystContext): Promise<Draft> {
    return this.step(
      ctx,
      "write",
      async () => {
        const { system, prompt } = writePrompt(input);
        const out = await callStructured(ctx, {
          step: "write",
          model: this.main,
          schema: WriteOutput,
          schemaName: "report",
          system,
          prompt,
          settings: this.settings(),
          maxOutputTokens: 4_000,
          check: (o) => {
            if (!o.headline.trim()) return "headline was empty";
            const summary = o.sections.find((s) => s.kind === "summary");
            if (!summary || summary.paragraphs.flat().every((s) => !s.text.trim())) return "the summary section was missing or empty";
            return null;
          },
        });
        return mapDraft(input, out, () => this.fallback.write(input, ctx), ctx);
      },
      () => this.fallback.write(input, ctx),
    );
  }

  // -------------------------------------------------------------------------
  // the search loop
  // -------------------------------------------------------------------------

  async nextQueries(intake: IntakeResult, judgement: Judgement, round: number, ctx: AnalystContext): Promise<PlannedQuery[]> {
    const state = this.state(ctx);
    const { limits } = this.config;
    // Rounds done so far, whether the caller counts from 0 or from 1.
    const roundsDone = Math.max(round, state.loopCalls + 1);
    state.loopCalls++;
    if (roundsDone >= limits.rounds) return [];
    const remaining = limits.queries - state.queriesRun.length;
    if (remaining <= 0) return [];
    // Keep enough tokens for another judgement and the report.
    const reserve = lastTokens(ctx, "judge", 4_000) + Math.max(4_000, Math.round(limits.tokens * 0.15));
    if (tokensUsed(ctx) + reserve > limits.tokens) return [];
    if (
      judgement.claims.length > 0 &&
      judgement.claims.every((c) => c.label !== "unverified" && c.label !== "conflicting" && c.confidence >= SETTLED_CONFIDENCE)
    ) {
      return [];
    }
    const perRound = Math.max(1, Math.ceil(remaining / Math.max(1, limits.rounds - roundsDone)));
    return this.step(
      ctx,
      "loop",
      async () => {
        const counts = stanceCounts(intake.claims, judgement);
        const { system, prompt } = loopPrompt(intake, judgement, counts, state.queriesRun, perRound);
        const out = await callStructured(ctx, {
          step: "loop",
          model: this.fast,
          schema: LoopOutput,
          schemaName: "next_round",
          system,
          prompt,
          settings: this.settings(),
          maxOutputTokens: 200 + 60 * perRound,
        });
        if (out.settled) return [];
        const chosen = selectQueries(validQueries(out.queries, intake.claims), intake.claims, perRound, state.queriesRun, false);
        state.queriesRun.push(...chosen.map((q) => queryKey(q.text)));
        return chosen;
      },
      async () => [],
    );
  }

  // -------------------------------------------------------------------------
  // the audit's last check
  // -------------------------------------------------------------------------

  async verifySupport(items: { sentence: string; quotes: string[] }[], ctx: AnalystContext): Promise<boolean[]> {
    if (items.length === 0) return [];
    // The audit has already checked every sentence mechanically (with its sources' names);
    // where the model gives no answer, that check stands.
    const mechanical = () => items.map(() => true);
    return this.step(
      ctx,
      "verify",
      async () => {
        const { system, prompt } = verifyPrompt(items);
        const out = await callStructured(ctx, {
          step: "verify",
          model: this.main,
          schema: VerifyOutput,
          schemaName: "verification",
          system,
          prompt,
          settings: this.settings(),
          maxOutputTokens: 100 + 25 * items.length,
          check: (o) =>
            o.results.some((r) => r.index >= 0 && r.index < items.length)
              ? null
              : `no result for any item index (0 to ${items.length - 1})`,
        });
        const fallback = mechanical();
        const byIndex = new Map<number, boolean>();
        for (const r of out.results) if (r.index >= 0 && r.index < items.length && !byIndex.has(r.index)) byIndex.set(r.index, r.supported);
        return items.map((_, i) => byIndex.get(i) ?? fallback[i]!);
      },
      async () => mechanical(),
    );
  }

  // -------------------------------------------------------------------------

  private settings(): StructuredSettings {
    const c = this.config;
    return {
      temperature: c.temperature,
      seed: c.seed,
      timeoutMs: c.timeoutMs,
      maxRepairs: c.maxRepairs,
      maxRetries: c.maxRetries,
      maxTokens: c.limits.tokens,
      prices: c.prices,
    };
  }

  private firstRoundQueries(): number {
    const { rounds, queries } = this.config.limits;
    return rounds <= 1 ? queries : Math.ceil(queries / 2);
  }

  private state(ctx: AnalystContext): CheckState {
    let state = this.states.get(ctx);
    if (!state) {
      state = { queriesRun: [], loopCalls: 0, down: null };
      this.states.set(ctx, state);
    }
    return state;
  }

  /** Runs the model's version of a step; on failure, the fallback analyst's, with a note. */
  private async step<T>(ctx: AnalystContext, name: string, viaModel: () => Promise<T>, viaLocal: () => Promise<T>): Promise<T> {
    const state = this.state(ctx);
    if (state.down) {
      ctx.fallbacks.push(`${name}: skipped the model (${state.down}); used the ${fallbackName(this.fallback)}`);
      return viaLocal();
    }
    try {
      return await viaModel();
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      let reason: string;
      if (error instanceof LlmStepError) {
        reason = error.message;
        if (error.kind === "unavailable") state.down = `model unavailable: ${error.message}`;
      } else {
        reason = `unexpected error (${error instanceof Error ? error.message : String(error)})`;
      }
      ctx.fallbacks.push(`${name}: ${reason}; used the ${fallbackName(this.fallback)}`);
      return viaLocal();
    }
  }
}

/** How fallback notes name the analyst that stood in ("the local analyst"). */
function fallbackName(analyst: Analyst): string {
  return analyst.engine === "local" ? "local analyst" : `${analyst.engine} analyst`;
}

/** The LLM analyst configured by the environment, or null when VERITY_LLM is unset. */
export function createLlmAnalyst(env: NodeJS.ProcessEnv, options: LlmAnalystOptions & { llm?: string | null }): LlmAnalyst | null {
  const config = llmConfigFromEnv(env, options.llm);
  return config ? new LlmAnalyst(config, options) : null;
}

// ===========================================================================
// intake
// ===========================================================================

function usableClaims(claims: IntakeOutput["claims"]): IntakeOutput["claims"] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = normalizeForMatch(c.text);
    if (key.length < 3 || c.text.length > 600 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function mapIntake(text: string, out: IntakeOutput, local: IntakeResult): IntakeResult {
  const kind = out.kind === "url" ? local.input.kind : out.kind;
  const title = cleanModelTitle(out.title) ?? local.title;
  const language = /^[a-z]{2,3}$/.test(out.language.trim().toLowerCase()) ? out.language.trim().toLowerCase() : local.language;
  const chosen = usableClaims(out.claims).slice(0, MAX_CLAIMS);
  const claims: Claim[] = chosen.map((c, i) => {
    const claimText = collapseWhitespace(c.text);
    const span = locateClaim(text, { text: claimText, excerpt: c.excerpt, span: c.span }, chosen.length === 1 && kind !== "text");
    return span ? { id: `c${i + 1}`, text: claimText, span } : { id: `c${i + 1}`, text: claimText };
  });
  if (claims.length === 0) claims.push(...local.claims);
  const seen = new Set<string>();
  const entities: Entity[] = [];
  for (const e of out.entities) {
    const name = collapseWhitespace(e.name);
    const key = name.toLowerCase();
    if (!name || name.length > 100 || seen.has(key)) continue;
    seen.add(key);
    entities.push({ name, type: e.type });
    if (entities.length >= MAX_ENTITIES) break;
  }
  return {
    input: { text, kind },
    title,
    language,
    claims,
    category: out.category,
    entities: entities.length > 0 || out.entities.length === 0 ? entities : local.entities,
    slug: slugify(title),
  };
}

function cleanModelTitle(raw: string): string | null {
  let t = collapseWhitespace(raw)
    .replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/g, "")
    .trim();
  if (!t || /https?:\/\/|<\/?[a-z][^>]*>/i.test(t)) return null;
  if (t.length > MAX_TITLE_CHARS) t = truncate(t, MAX_TITLE_CHARS);
  return t;
}

/**
 * Where in the input a claim was drawn from: the model's span when it checks out against the
 * input, else its excerpt found verbatim or approximately (case, spacing, quote marks), else the
 * claim itself found in the input; for a single claim of a question or statement, the whole input.
 */
export function locateClaim(
  input: string,
  claim: { text: string; excerpt: string | null; span: { start: number; end: number } | null },
  wholeInputIfLost: boolean,
): { start: number; end: number } | undefined {
  const excerpt = claim.excerpt?.trim() || null;
  const s = claim.span;
  if (s && Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start && s.end <= input.length) {
    const slice = input.slice(s.start, s.end);
    const matches = excerpt ? loose(slice) === loose(excerpt) : overlap(slice, claim.text) >= 0.5;
    if (matches && slice.trim().length > 0) return trimSpan(input, s.start, s.end);
  }
  for (const needle of [excerpt, claim.text]) {
    if (!needle) continue;
    const found = findApprox(input, needle);
    if (found) return found;
  }
  if (wholeInputIfLost) {
    const start = input.length - input.trimStart().length;
    const end = input.trimEnd().length;
    if (end > start) return { start, end };
  }
  return undefined;
}

function trimSpan(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function loose(text: string): string {
  return normalizeChars(text).toLowerCase().replace(/\s+/g, " ").trim();
}

function overlap(a: string, b: string): number {
  const bt = new Set(contentTerms(b));
  const at = contentTerms(a);
  if (bt.size === 0 || at.length === 0) return 0;
  return at.filter((t) => bt.has(t)).length / Math.max(at.length, bt.size);
}

/** Typographic variants a model tends to normalise when copying. */
function normalizeChars(text: string): string {
  return text
    .replace(/[“”„«»″]/g, '"')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[‐‑‒–—]/g, "-")
    .replace(/\u00a0/g, " ");
}

interface Folded {
  text: string;
  /** Index in the original text of each character of `text`. */
  map: number[];
}

/** The text with runs of whitespace folded to one space, typographic variants unified, lower-cased on request. */
function fold(text: string, lower: boolean): Folded {
  const out: string[] = [];
  const map: number[] = [];
  let inSpace = false;
  const src = normalizeChars(text);
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      if (inSpace) continue;
      inSpace = true;
      out.push(" ");
    } else {
      inSpace = false;
      out.push(lower ? ch.toLowerCase() : ch);
    }
    map.push(i);
  }
  return { text: out.join(""), map };
}

/** A span of `haystack` matching `needle` exactly, or up to case, spacing and quote marks. */
export function findApprox(haystack: string, needle: string, folded?: Folded): { start: number; end: number } | null {
  const n = needle.trim();
  if (!n) return null;
  const exact = haystack.indexOf(n);
  if (exact >= 0) return { start: exact, end: exact + n.length };
  const h = folded ?? fold(haystack, true);
  const fn = fold(n, true).text.trim();
  if (fn.length < 4) return null;
  const at = h.text.indexOf(fn);
  if (at < 0) return null;
  const start = h.map[at]!;
  const end = h.map[at + fn.length - 1]! + 1;
  return trimSpan(haystack, start, end);
}

// ===========================================================================
// plan and loop
// ===========================================================================

function queryKey(text: string): string {
  return collapseWhitespace(text).toLowerCase();
}

function validQueries(queries: PlanOutput["queries"], claims: Claim[]): PlannedQuery[] {
  const ids = new Set(claims.map((c) => c.id));
  return queries
    .map((q) => ({ claimId: q.claimId.trim(), text: collapseWhitespace(q.text).replace(/^["“]|["”]$/g, ""), angle: q.angle }))
    .filter((q) => ids.has(q.claimId) && q.text.length >= 2 && q.text.length <= MAX_QUERY_CHARS);
}

/**
 * At most `limit` queries, taken in turn from each claim (main claim first) so that every claim
 * is searched; none repeats a query already run. With `everyClaim`, a claim the model gave no
 * query gets its own text as one.
 */
function selectQueries(queries: PlannedQuery[], claims: Claim[], limit: number, alreadyRun: string[], everyClaim = true): PlannedQuery[] {
  const seen = new Set(alreadyRun);
  const perClaim = claims.map((c) => {
    const own = queries.filter((q) => q.claimId === c.id);
    if (own.length === 0 && everyClaim) own.push({ claimId: c.id, text: c.text, angle: "supporting" });
    return own;
  });
  const chosen: PlannedQuery[] = [];
  for (let i = 0; chosen.length < limit && perClaim.some((list) => i < list.length); i++) {
    for (const list of perClaim) {
      const q = list[i];
      if (!q || chosen.length >= limit) continue;
      const key = queryKey(q.text);
      if (seen.has(key)) continue;
      seen.add(key);
      chosen.push(q);
    }
  }
  return chosen;
}

function stanceCounts(claims: Claim[], judgement: Judgement): Map<string, { supports: number; refutes: number; neutral: number }> {
  const counts = new Map(claims.map((c) => [c.id, { supports: 0, refutes: 0, neutral: 0 }]));
  for (const j of judgement.evidence) {
    // Evidence ids are "<claimId>:…" from the rank stage; count what can be attributed.
    const claimId = j.evidenceId.split(":")[0] ?? "";
    const c = counts.get(claimId);
    if (c) c[j.stance === "supports" ? "supports" : j.stance === "refutes" ? "refutes" : "neutral"]++;
  }
  return counts;
}

function lastTokens(ctx: AnalystContext, step: string, fallback: number): number {
  for (let i = ctx.calls.length - 1; i >= 0; i--) {
    const c = ctx.calls[i]!;
    if (c.step === step && c.ok) return c.promptTokens + c.completionTokens;
  }
  return fallback;
}

// ===========================================================================
// judge
// ===========================================================================

const INSTRUCTION_PATTERNS = [
  /\b(ignore|disregard|forget|override)\b[^.!?]{0,40}\b(previous|prior|above|earlier|all|any|your|the)\b[^.!?]{0,30}\b(instructions?|prompts?|rules|directions|guidelines)\b/i,
  /\b(rate|mark|label|classify|judge|score|rule|grade)\b[^.!?]{0,30}\b(this|the|that)\s+(claim|statement|article|passage|text|fact-check)\b[^.!?]{0,30}\bas\b/i,
  /\b(system prompt|as an ai\b|you are an? (ai|assistant|language model)|you must (now )?(answer|respond|output|rate|say))/i,
];

/** A passage's words that address the analyst instead of the world (a prompt injection). */
export function looksLikeInstruction(text: string): boolean {
  return INSTRUCTION_PATTERNS.some((re) => re.test(text));
}

/** True when `quote` occurs in one of the texts, exactly or up to runs of whitespace. */
export function verbatimIn(quote: string, texts: string[]): boolean {
  const q = quote.trim();
  if (!q) return false;
  if (texts.some((t) => t.includes(q))) return true;
  const fq = q.replace(/\s+/g, " ");
  return texts.some((t) => t.replace(/\s+/g, " ").includes(fq));
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, Math.round(x * 100) / 100)) : 0;
}

export function mapJudgement(claims: Claim[], passages: { key: string; evidence: Evidence }[], out: JudgeOutput): Judgement {
  const byKey = new Map(passages.map((p) => [p.key, p.evidence]));
  const judged = new Map<string, EvidenceJudgement>();
  for (const p of out.passages) {
    const e = byKey.get(p.id.trim());
    if (!e || judged.has(e.id)) continue; // unknown ids are ignored; the first entry for an id counts
    let stance: PassageStance = p.stance;
    // A stance must rest on the passage's own words, and those words must speak about the world.
    if (stance !== "neutral" && (!verbatimIn(p.quote, [e.quote, e.context]) || looksLikeInstruction(p.quote))) stance = "neutral";
    judged.set(e.id, { evidenceId: e.id, stance, weight: clamp01(p.weight) });
  }
  // A passage the model skipped says nothing either way.
  const evidence = passages.map(
    ({ evidence: e }) => judged.get(e.id) ?? { evidenceId: e.id, stance: "neutral" as const, weight: clamp01(e.relevance * 0.3) },
  );
  const claimOf = new Map(passages.map(({ evidence: e }) => [e.id, e.claimId]));

  let corrected = false;
  const claimJudgements: ClaimJudgement[] = claims.map((claim) => {
    const own = evidence.filter((j) => claimOf.get(j.evidenceId) === claim.id);
    const support = own.filter((j) => j.stance === "supports").reduce((n, j) => n + j.weight, 0);
    const refute = own.filter((j) => j.stance === "refutes").reduce((n, j) => n + j.weight, 0);
    const m = out.claims.find((c) => c.claimId.trim() === claim.id);
    if (support + refute < THIN_EVIDENCE) {
      // No evidence never means true.
      if (m?.label !== "unverified") corrected = true;
      return { claimId: claim.id, label: "unverified", confidence: Math.min(MAX_UNVERIFIED_CONFIDENCE, m ? clamp01(m.confidence) : 0.3) };
    }
    if (!m || !consistent(m.label, support, refute)) {
      corrected = true;
      return verdictFor(claim, own); // the verdict the kept stances add up to
    }
    const confidence = clamp01(m.confidence);
    return {
      claimId: claim.id,
      label: m.label,
      confidence: m.label === "unverified" ? Math.min(MAX_UNVERIFIED_CONFIDENCE, confidence) : confidence,
    };
  });

  let overall: Judgement["overall"];
  if (claimJudgements.length === 1) {
    overall = { label: claimJudgements[0]!.label, confidence: claimJudgements[0]!.confidence };
  } else {
    const labels = new Set(claimJudgements.map((c) => c.label));
    const m = out.overall;
    const plausible = labels.has(m.label) || ((m.label === "misleading" || m.label === "conflicting") && labels.size > 1);
    const allUnverified = claimJudgements.every((c) => c.label === "unverified");
    overall =
      corrected || !plausible || allUnverified ? overallVerdict(claimJudgements) : { label: m.label, confidence: clamp01(m.confidence) };
  }
  return { evidence, claims: claimJudgements, overall };
}

/** A label the passages' stances can carry. */
function consistent(label: VerdictLabel, support: number, refute: number): boolean {
  switch (label) {
    case "supported":
      return support > 0;
    case "refuted":
      return refute > 0;
    case "conflicting":
      return support > 0 && refute > 0;
    case "misleading":
      return support + refute > 0;
    case "unverified":
      return true;
  }
}

// ===========================================================================
// write
// ===========================================================================

const MARKER = /\s*\[(\d{1,3})\]/g;

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

/** The quote as it is written in the source, when it is there up to spacing and quote marks; else as given. */
function exactQuote(doc: string, quote: string, folded: Folded): string {
  if (doc.includes(quote)) return quote;
  const unwrapped = quote.replace(/^["“”'‘’«»\s]+|["“”'‘’«»\s]+$/g, "");
  if (unwrapped && doc.includes(unwrapped)) return unwrapped;
  for (const candidate of [quote, unwrapped]) {
    if (!candidate) continue;
    const fq = fold(candidate, false).text.trim();
    if (fq.length < 8) continue;
    const at = folded.text.indexOf(fq);
    if (at >= 0) return doc.slice(folded.map[at]!, folded.map[at + fq.length - 1]! + 1);
  }
  return quote;
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
