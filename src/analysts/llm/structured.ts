// One structured model call: ask for JSON matching a zod schema, validate it, and when the
// output is unusable (malformed JSON, schema mismatch, refusal, empty, a failed semantic check)
// ask again a bounded number of times, telling the model what was wrong. Transport failures
// (429, 5xx, connection) are retried by the AI SDK itself (`maxRetries`, honouring Retry-After);
// a call that stalls is cut by a timeout. Every attempt is recorded in ctx.calls.
import { APICallError, generateText, NoObjectGeneratedError, NoOutputGeneratedError, Output, RetryError, type ModelMessage } from "ai";
import type { z } from "zod";
import type { AnalystContext, ModelCall } from "../analyst.js";
import { callSettingsFor, type ModelHandle } from "./models.js";
import { costOf, type PriceTable } from "./prices.js";
import { repairPrompt } from "./prompts.js";

type LlmFailureKind =
  | "invalid-output" // malformed JSON, schema mismatch, empty, failed check — after all repairs
  | "refused" // the model declined, after all repairs
  | "timeout" // no answer within timeoutMs
  | "rate-limited" // 429 after the SDK's retries
  | "server-error" // 5xx after the SDK's retries
  | "unavailable" // cannot connect, authentication failed, model not found
  | "rejected" // the endpoint refused the request (400 and other 4xx)
  | "budget" // the check's token budget is spent
  | "error"; // anything else (an answer that does not follow the protocol, ...)

/** An LLM step that gave up; the analyst falls back to the local analyst's step. */
export class LlmStepError extends Error {
  override name = "LlmStepError";
  constructor(
    readonly step: string,
    readonly kind: LlmFailureKind,
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

export interface StructuredSettings {
  temperature: number;
  seed: number;
  timeoutMs: number;
  maxRepairs: number;
  maxRetries: number;
  /** Token budget of the whole check (prompt + completion over ctx.calls). */
  maxTokens: number;
  prices?: PriceTable;
}

export interface StructuredRequest<T> {
  step: string;
  model: ModelHandle;
  schema: z.ZodType<T>;
  /** Name of the response format (OpenAI's json_schema.name). */
  schemaName?: string;
  system: string;
  prompt: string;
  settings: StructuredSettings;
  maxOutputTokens?: number;
  /** A semantic problem with a schema-valid answer, worth a repair ("no claims"), or null. */
  check?: (value: T) => string | null;
}

const MAX_ECHO_CHARS = 4_000;

/** Prompt plus completion tokens recorded so far in this check. */
export function tokensUsed(ctx: AnalystContext): number {
  return ctx.calls.reduce((n, c) => n + c.promptTokens + c.completionTokens, 0);
}

/** A rough token count (about 4 characters a token in English; fewer elsewhere, so 3.5). */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 3.5);
}

type Attempt<T> = { ok: true; value: T } | { ok: false; kind: LlmFailureKind; problem: string; text: string | null; repairable: boolean };

export async function callStructured<T>(ctx: AnalystContext, request: StructuredRequest<T>): Promise<T> {
  const { step, model, settings } = request;
  const maxOutputTokens = request.maxOutputTokens ?? 2_000;
  const messages: ModelMessage[] = [{ role: "user", content: request.prompt }];
  const attempts = 1 + Math.max(0, settings.maxRepairs);

  for (let attempt = 1; ; attempt++) {
    const used = tokensUsed(ctx);
    const needed = estimateTokens(request.system + messages.map((m) => (typeof m.content === "string" ? m.content : "")).join(""));
    if (used + needed > settings.maxTokens) {
      throw new LlmStepError(
        step,
        "budget",
        `token budget spent (${used} of ${settings.maxTokens} used; this call needs about ${needed} more)`,
        attempt - 1,
      );
    }
    if (ctx.signal?.aborted) throw ctx.signal.reason ?? new Error("aborted");

    const timeout = AbortSignal.timeout(settings.timeoutMs);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
    const sampling = callSettingsFor(model.spec, { temperature: settings.temperature, seed: settings.seed, maxOutputTokens });
    let usage: { inputTokens?: number; outputTokens?: number } | undefined;
    let finishReason: string | undefined;
    let rawBody: unknown;
    const started = performance.now();
    let outcome: Attempt<T>;
    try {
      const result = await generateText({
        model: model.model,
        system: request.system,
        messages,
        output: Output.object({ schema: request.schema, name: request.schemaName ?? step }),
        ...sampling,
        maxRetries: settings.maxRetries,
        abortSignal: signal,
        onStepFinish: (s) => {
          usage = s.usage;
          finishReason = s.finishReason;
          rawBody = s.response.body;
        },
      });
      const value = result.output as T;
      const problem = request.check?.(value) ?? null;
      outcome =
        problem === null
          ? { ok: true, value }
          : { ok: false, kind: "invalid-output", problem, text: JSON.stringify(value), repairable: true };
    } catch (error) {
      if (ctx.signal?.aborted) throw ctx.signal.reason ?? error;
      outcome = classify<T>(error, request.schema, timeout.aborted, { finishReason, rawBody, timeoutMs: settings.timeoutMs });
    }

    const promptTokens = usage?.inputTokens ?? 0;
    const completionTokens = usage?.outputTokens ?? 0;
    const call: ModelCall = {
      step,
      model: model.spec.id,
      promptTokens,
      completionTokens,
      costUsd: costOf(model.spec.id, promptTokens, completionTokens, settings.prices),
      ms: Math.round(performance.now() - started),
      ok: outcome.ok,
      error: outcome.ok ? null : outcome.problem,
    };
    ctx.calls.push(call);
    if (outcome.ok) return outcome.value;

    if (!outcome.repairable || attempt >= attempts) {
      const after = attempt > 1 ? ` after ${attempt} attempts` : "";
      throw new LlmStepError(step, outcome.kind, `${describe(outcome.kind)}${after} (${outcome.problem})`, attempt);
    }
    messages.push({ role: "assistant", content: clip(outcome.text ?? "", MAX_ECHO_CHARS) || "(empty reply)" });
    messages.push({ role: "user", content: repairPrompt(outcome.problem) });
  }
}

function describe(kind: LlmFailureKind): string {
  switch (kind) {
    case "invalid-output":
      return "model output invalid";
    case "refused":
      return "the model declined";
    case "timeout":
      return "the model did not answer in time";
    case "rate-limited":
      return "rate limited";
    case "server-error":
      return "the model server failed";
    case "unavailable":
      return "model unavailable";
    case "rejected":
      return "the model endpoint rejected the request";
    case "budget":
      return "token budget spent";
    case "error":
      return "model call failed";
  }
}

function classify<T>(
  error: unknown,
  schema: z.ZodType<T>,
  timedOut: boolean,
  seen: { finishReason: string | undefined; rawBody: unknown; timeoutMs: number },
): Attempt<T> {
  if (timedOut) {
    return { ok: false, kind: "timeout", problem: `no answer within ${seen.timeoutMs} ms`, text: null, repairable: false };
  }
  if (NoObjectGeneratedError.isInstance(error)) {
    const text = error.text ?? "";
    const refusal = refusalIn(seen.rawBody, seen.finishReason ?? error.finishReason);
    if (refusal !== null) {
      return { ok: false, kind: "refused", problem: `the model refused: “${clip(refusal || text, 120)}”`, text, repairable: true };
    }
    return { ok: false, kind: "invalid-output", problem: outputProblem(text, schema), text, repairable: true };
  }
  if (NoOutputGeneratedError.isInstance(error)) {
    const refusal = refusalIn(seen.rawBody, seen.finishReason);
    if (refusal !== null)
      return { ok: false, kind: "refused", problem: `the model refused: “${clip(refusal, 120)}”`, text: refusal, repairable: true };
    return {
      ok: false,
      kind: "invalid-output",
      problem: `empty answer (finish reason: ${seen.finishReason ?? "unknown"})`,
      text: "",
      repairable: true,
    };
  }
  const { apiError, attempts } = unwrapRetry(error);
  if (apiError) {
    const status = apiError.statusCode;
    const detail = clip(apiError.message.replace(/\s+/g, " "), 160);
    const tries = attempts > 1 ? ` after ${attempts} tries` : "";
    if (status === 429) return { ok: false, kind: "rate-limited", problem: `HTTP 429${tries}: ${detail}`, text: null, repairable: false };
    if (status !== undefined && status >= 500)
      return { ok: false, kind: "server-error", problem: `HTTP ${status}${tries}: ${detail}`, text: null, repairable: false };
    if (status === 401 || status === 403)
      return {
        ok: false,
        kind: "unavailable",
        problem: `authentication failed (HTTP ${status}): ${detail}`,
        text: null,
        repairable: false,
      };
    if (status === 404)
      return {
        ok: false,
        kind: "unavailable",
        problem: `model or endpoint not found (HTTP 404): ${detail}`,
        text: null,
        repairable: false,
      };
    if (status === undefined) return { ok: false, kind: "unavailable", problem: `${detail}${tries}`, text: null, repairable: false };
    return { ok: false, kind: "rejected", problem: `HTTP ${status}: ${detail}`, text: null, repairable: false };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, kind: "error", problem: clip(message.replace(/\s+/g, " "), 200), text: null, repairable: false };
}

function unwrapRetry(error: unknown): { apiError: APICallError | null; attempts: number } {
  if (RetryError.isInstance(error)) {
    const last = error.lastError;
    return { apiError: APICallError.isInstance(last) ? last : null, attempts: error.errors.length };
  }
  return { apiError: APICallError.isInstance(error) ? error : null, attempts: 1 };
}

/** The text of a refusal in a raw response (OpenAI `message.refusal`, Anthropic `stop_reason: "refusal"`), or null. */
function refusalIn(body: unknown, finishReason: string | undefined): string | null {
  const b = body as
    { choices?: { message?: { refusal?: unknown } }[]; stop_reason?: unknown; content?: { type?: string; text?: string }[] } | undefined;
  const openai = b?.choices?.[0]?.message?.refusal;
  if (typeof openai === "string" && openai.length > 0) return openai;
  if (b?.stop_reason === "refusal")
    return (b.content ?? [])
      .map((c) => c.text ?? "")
      .join(" ")
      .trim();
  if (finishReason === "content-filter") return "";
  return null;
}

/** What is wrong with a reply that did not yield a valid object, said so the model can fix it. */
function outputProblem<T>(text: string, schema: z.ZodType<T>): string {
  const trimmed = text.trim();
  if (!trimmed) return "the reply was empty";
  let value: unknown;
  try {
    value = JSON.parse(stripFences(trimmed));
  } catch (e) {
    if (!/^[\[{`]/.test(trimmed)) return `the reply was prose, not JSON (it began: “${clip(trimmed, 80)}”)`;
    return `the reply was not valid JSON (${clip(e instanceof Error ? e.message : String(e), 100)})`;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return "the reply was wrapped in extra text; send the bare JSON object";
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length > 0 ? i.path.join(".") : "(root)"}: ${i.message}`);
  return `the JSON did not match the schema (${issues.join("; ")})`;
}

function stripFences(text: string): string {
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/.exec(text);
  return fenced ? fenced[1]! : text;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
