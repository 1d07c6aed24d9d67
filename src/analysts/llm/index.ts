// The LLM analyst: intake, plan, judge and write by a language model with schema-validated
// structured output, behind the same interface as the local analyst. The model's answers are
// checked against what it was given (spans against the input, ids against the evidence, quotes
// against the passages, citations against the sources) before anything is used, and every step
// falls back to the same step of the analyst it was given (the local analyst, in practice) when
// the model fails, with a note in ctx.fallbacks. Ranking is always the fallback analyst's.
// What the model answers is mapped in intake.ts, queries.ts, judgement.ts and draft.ts.
import type { Claim } from "../../domain/report.js";
import type {
  Draft,
  Evidence,
  IntakeResult,
  Judgement,
  Plan,
  PlannedQuery,
  RankResult,
  ReadDocument,
  WriteInput,
} from "../../domain/analysis.js";
import type { Analyst, AnalystContext } from "../analyst.js";
import { llmConfigFromEnv, type LlmConfig } from "./config.js";
import { mapDraft } from "./draft.js";
import { mapIntake, usableClaims } from "./intake.js";
import { mapJudgement } from "./judgement.js";
import { buildModel, type BuildOptions, type ModelHandle } from "./models.js";
import { intakePrompt, judgePrompt, loopPrompt, planPrompt, verifyPrompt, writePrompt } from "./prompts.js";
import { queryKey, selectQueries, stanceCounts, validQueries } from "./queries.js";
import { IntakeOutput, JudgeOutput, LoopOutput, PlanOutput, VerifyOutput, WriteOutput } from "./schemas.js";
import { callStructured, estimateTokens, LlmStepError, tokensUsed, type StructuredSettings } from "./structured.js";

/** A claim this confident, on every claim, needs no further search round. */
const SETTLED_CONFIDENCE = 0.8;

interface LlmAnalystOptions extends BuildOptions {
  /** The analyst each step falls back to, and whose ranker is used (the local analyst, in practice). */
  fallback: Analyst;
}

/** What the analyst remembers of one check, kept beside the context the pipeline threads through the steps. */
interface CheckMemory {
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
  private readonly memories = new WeakMap<AnalystContext, CheckMemory>();

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
    const memory = this.memory(ctx);
    const limit = this.firstRoundQueries();
    const keep = (queries: PlannedQuery[]): Plan => {
      const chosen = selectQueries(queries, intake.claims, limit, memory.queriesRun);
      memory.queriesRun.push(...chosen.map((q) => queryKey(q.text)));
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
    const memory = this.memory(ctx);
    const { limits } = this.config;
    // Rounds done so far, whether the caller counts from 0 or from 1.
    const roundsDone = Math.max(round, memory.loopCalls + 1);
    memory.loopCalls++;
    if (roundsDone >= limits.rounds) return [];
    const remaining = limits.queries - memory.queriesRun.length;
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
        const { system, prompt } = loopPrompt(intake, judgement, counts, memory.queriesRun, perRound);
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
        const chosen = selectQueries(validQueries(out.queries, intake.claims), intake.claims, perRound, memory.queriesRun, false);
        memory.queriesRun.push(...chosen.map((q) => queryKey(q.text)));
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

  private memory(ctx: AnalystContext): CheckMemory {
    let memory = this.memories.get(ctx);
    if (!memory) {
      memory = { queriesRun: [], loopCalls: 0, down: null };
      this.memories.set(ctx, memory);
    }
    return memory;
  }

  /** Runs the model's version of a step; on failure, the fallback analyst's, with a note. */
  private async step<T>(ctx: AnalystContext, name: string, viaModel: () => Promise<T>, viaLocal: () => Promise<T>): Promise<T> {
    const memory = this.memory(ctx);
    if (memory.down) {
      ctx.fallbacks.push(`${name}: skipped the model (${memory.down}); used the ${fallbackName(this.fallback)}`);
      return viaLocal();
    }
    try {
      return await viaModel();
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      let reason: string;
      if (error instanceof LlmStepError) {
        reason = error.message;
        if (error.kind === "unavailable") memory.down = `model unavailable: ${error.message}`;
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

function lastTokens(ctx: AnalystContext, step: string, fallback: number): number {
  for (let i = ctx.calls.length - 1; i >= 0; i--) {
    const c = ctx.calls[i]!;
    if (c.step === step && c.ok) return c.promptTokens + c.completionTokens;
  }
  return fallback;
}
