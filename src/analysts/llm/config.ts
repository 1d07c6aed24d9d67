// The LLM analyst's configuration, from the environment:
//   VERITY_LLM=provider:model          the main model (unset: no LLM, the local analyst runs)
//   VERITY_LLM_FAST=provider:model     a cheaper model for intake, plan and the search loop (optional)
//   VERITY_LLM_BUDGET=quick|standard|deep
//   OPENAI_API_KEY, OPENAI_BASE_URL, ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL, OLLAMA_HOST
//   VERITY_LLM_TIMEOUT_MS, VERITY_LLM_MAX_REPAIRS, VERITY_LLM_MAX_RETRIES, VERITY_LLM_SEED,
//   VERITY_LLM_TEMPERATURE, VERITY_OLLAMA_NUM_CTX, VERITY_LLM_PRICES (see prices.ts)
// A model name may itself contain colons ("ollama:qwen2.5:7b"): only the first one separates.
import { ConfigError } from "../../domain/errors.js";
import { priceTable, type PriceTable } from "./prices.js";

const PROVIDERS = ["openai", "anthropic", "ollama", "openai-compatible"] as const;
type Provider = (typeof PROVIDERS)[number];

export interface ModelSpec {
  provider: Provider;
  /** The model as the provider names it ("gpt-4o-mini", "qwen2.5:7b"). */
  model: string;
  /** `provider:model`, as configured: what provenance records, and enough to reproduce a report. */
  id: string;
  /** Endpoint base URL as the AI SDK provider expects it (…/v1 for OpenAI and Anthropic, …/api for Ollama). */
  baseURL: string | null;
  apiKey: string | null;
  /** True when the endpoint speaks OpenAI chat completions at a custom base URL (llama.cpp, vLLM, LM Studio, OpenRouter). */
  compatible: boolean;
  /** Ollama only: context window to ask for (Ollama's default silently truncates long prompts). */
  numCtx?: number;
}

const BUDGET_NAMES = ["quick", "standard", "deep"] as const;
type BudgetName = (typeof BUDGET_NAMES)[number];

interface BudgetLimits {
  /** Search rounds (plan → gather → read → judge), the first included. */
  rounds: number;
  /** Search queries over the whole check. */
  queries: number;
  /** Prompt plus completion tokens over the whole check. */
  tokens: number;
}

export const BUDGETS: Record<BudgetName, BudgetLimits> = {
  quick: { rounds: 1, queries: 4, tokens: 20_000 },
  standard: { rounds: 2, queries: 8, tokens: 60_000 },
  deep: { rounds: 4, queries: 16, tokens: 200_000 },
};

export interface LlmConfig {
  main: ModelSpec;
  fast: ModelSpec | null;
  budget: BudgetName;
  limits: BudgetLimits;
  temperature: number;
  seed: number;
  /** Per model call attempt (including the AI SDK's own retries). */
  timeoutMs: number;
  /** Re-asks after invalid output (malformed JSON, schema mismatch, refusal, empty). */
  maxRepairs: number;
  /** The AI SDK's retries on 429, 5xx and connection errors. */
  maxRetries: number;
  prices: PriceTable;
}

const DEFAULT_OLLAMA_HOST = "http://127.0.0.1:11434";
const DEFAULT_OLLAMA_NUM_CTX = 16_384;

/**
 * The LLM configuration, or null when `VERITY_LLM` is unset (the local analyst runs).
 * `llm` overrides `VERITY_LLM` (e.g. the `llm` field of verity.config.json).
 * Throws ConfigError, with a one-line reason, for anything it cannot use.
 */
export function llmConfigFromEnv(env: NodeJS.ProcessEnv = process.env, llm?: string | null): LlmConfig | null {
  const mainValue = (llm ?? env.VERITY_LLM ?? "").trim();
  if (!mainValue) return null;
  const main = parseModelSpec(mainValue, env, "VERITY_LLM");
  const fastValue = env.VERITY_LLM_FAST?.trim();
  const fast = fastValue ? parseModelSpec(fastValue, env, "VERITY_LLM_FAST") : null;

  const budgetValue = (env.VERITY_LLM_BUDGET?.trim() || "standard").toLowerCase();
  if (!(BUDGET_NAMES as readonly string[]).includes(budgetValue)) {
    throw new ConfigError(`VERITY_LLM_BUDGET must be one of ${BUDGET_NAMES.join(", ")} (got "${budgetValue}")`);
  }
  const budget = budgetValue as BudgetName;
  return {
    main,
    fast,
    budget,
    limits: BUDGETS[budget],
    temperature: numberVar(env, "VERITY_LLM_TEMPERATURE", 0, { min: 0, max: 2 }),
    seed: numberVar(env, "VERITY_LLM_SEED", 7, { min: 0, max: 2 ** 31 - 1, integer: true }),
    timeoutMs: numberVar(env, "VERITY_LLM_TIMEOUT_MS", main.provider === "ollama" ? 180_000 : 90_000, { min: 1, integer: true }),
    maxRepairs: numberVar(env, "VERITY_LLM_MAX_REPAIRS", 2, { min: 0, max: 5, integer: true }),
    maxRetries: numberVar(env, "VERITY_LLM_MAX_RETRIES", 2, { min: 0, max: 5, integer: true }),
    prices: priceTable(env),
  };
}

/** `provider:model` → a model spec with its endpoint and key, or ConfigError. */
export function parseModelSpec(value: string, env: NodeJS.ProcessEnv, variable = "VERITY_LLM"): ModelSpec {
  const colon = value.indexOf(":");
  const provider = (colon > 0 ? value.slice(0, colon) : "").trim().toLowerCase();
  const model = colon > 0 ? value.slice(colon + 1).trim() : "";
  if (!(PROVIDERS as readonly string[]).includes(provider) || !model) {
    throw new ConfigError(
      `${variable} must be provider:model with provider one of ${PROVIDERS.join(", ")} (e.g. openai:gpt-4o-mini, ollama:qwen2.5:7b); got "${value.slice(0, 60)}"`,
    );
  }
  const id = `${provider}:${model}`;
  const openaiBase = url(env, "OPENAI_BASE_URL");
  const openaiKey = env.OPENAI_API_KEY?.trim() || null;
  switch (provider as Provider) {
    case "openai": {
      if (openaiBase && !isOpenAIHost(openaiBase)) {
        // An OpenAI-compatible server (llama.cpp, vLLM, LM Studio, OpenRouter): chat completions there, key optional.
        return { provider: "openai", model, id, baseURL: openaiBase, apiKey: openaiKey, compatible: true };
      }
      if (!openaiKey) throw new ConfigError(`${variable}=${id} needs OPENAI_API_KEY (or OPENAI_BASE_URL for an OpenAI-compatible server)`);
      return { provider: "openai", model, id, baseURL: openaiBase, apiKey: openaiKey, compatible: false };
    }
    case "openai-compatible": {
      if (!openaiBase)
        throw new ConfigError(`${variable}=${id} needs OPENAI_BASE_URL (the server's base URL, e.g. http://127.0.0.1:8080/v1)`);
      if (isOpenAIHost(openaiBase) && !openaiKey)
        throw new ConfigError(`${variable}=${id} needs OPENAI_API_KEY for ${new URL(openaiBase).host}`);
      return { provider: "openai-compatible", model, id, baseURL: openaiBase, apiKey: openaiKey, compatible: true };
    }
    case "anthropic": {
      const key = env.ANTHROPIC_API_KEY?.trim() || null;
      if (!key) throw new ConfigError(`${variable}=${id} needs ANTHROPIC_API_KEY`);
      const base = url(env, "ANTHROPIC_BASE_URL");
      return { provider: "anthropic", model, id, baseURL: base ? anthropicBase(base) : null, apiKey: key, compatible: false };
    }
    case "ollama": {
      return {
        provider: "ollama",
        model,
        id,
        baseURL: ollamaBase(env.OLLAMA_HOST?.trim() || DEFAULT_OLLAMA_HOST),
        apiKey: null,
        compatible: false,
        numCtx: numberVar(env, "VERITY_OLLAMA_NUM_CTX", DEFAULT_OLLAMA_NUM_CTX, { min: 512, integer: true }),
      };
    }
  }
}

function url(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim();
  if (!value) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL (got "${value.slice(0, 60)}")`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
    throw new ConfigError(`${name} must be an http(s) URL (got "${value.slice(0, 60)}")`);
  return value.replace(/\/+$/, "");
}

function isOpenAIHost(base: string): boolean {
  return new URL(base).hostname === "api.openai.com";
}

/** Anthropic's own SDKs take the host (https://api.anthropic.com); the AI SDK wants …/v1. */
function anthropicBase(base: string): string {
  return /\/v1$/.test(base) ? base : `${base}/v1`;
}

/** OLLAMA_HOST is "host:port", "http://host:port" or a full URL; the provider wants …/api. */
export function ollamaBase(host: string): string {
  let base = /^https?:\/\//i.test(host) ? host : `http://${host}`;
  base = base.replace(/\/+$/, "");
  try {
    new URL(base);
  } catch {
    throw new ConfigError(`OLLAMA_HOST must be host:port or an http(s) URL (got "${host.slice(0, 60)}")`);
  }
  return /\/api$/.test(base) ? base : `${base}/api`;
}

function numberVar(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  range: { min?: number; max?: number; integer?: boolean },
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  const ok =
    Number.isFinite(value) &&
    (!range.integer || Number.isInteger(value)) &&
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max);
  if (!ok) {
    const bounds = [range.min !== undefined ? `≥ ${range.min}` : "", range.max !== undefined ? `≤ ${range.max}` : ""]
      .filter(Boolean)
      .join(" and ");
    throw new ConfigError(
      `${name} must be ${range.integer ? "an integer" : "a number"}${bounds ? ` ${bounds}` : ""} (got "${raw.slice(0, 30)}")`,
    );
  }
  return value;
}
