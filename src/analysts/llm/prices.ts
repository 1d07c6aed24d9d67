// What a model call costs: USD per million input (prompt) and output (completion) tokens.
// The table covers common hosted models; local models (Ollama, llama.cpp, ...) cost nothing.
// `VERITY_LLM_PRICES` overrides or extends it with a JSON object:
//   {"gpt-4o-mini": {"input": 0.15, "output": 0.6}, "my-model": [1, 2]}
import { ConfigError } from "../../domain/errors.js";

interface Price {
  /** USD per 1M prompt tokens. */
  input: number;
  /** USD per 1M completion tokens. */
  output: number;
}

export type PriceTable = Readonly<Record<string, Price>>;

/** List prices (USD per 1M tokens). A model id matches its longest listed prefix. */
const DEFAULT_PRICES: PriceTable = {
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "claude-3-5-haiku": { input: 0.8, output: 4 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "claude-3-5-sonnet": { input: 3, output: 15 },
  "claude-3-7-sonnet": { input: 3, output: 15 },
  "claude-sonnet-4": { input: 3, output: 15 },
  "claude-opus-4": { input: 15, output: 75 },
  "claude-opus-4-5": { input: 5, output: 25 },
  ollama: { input: 0, output: 0 },
  local: { input: 0, output: 0 },
};

/** Providers that run on the operator's machine: free unless a price is set for the model. */
const LOCAL_PROVIDERS = new Set(["ollama", "local"]);
const PROVIDER_PREFIX = /^(openai|anthropic|ollama|openai-compatible|local):/;

/** Parses `VERITY_LLM_PRICES`; a bad value is a configuration error with a one-line reason. */
export function parsePriceOverrides(json: string | undefined): Record<string, Price> {
  if (json === undefined || json.trim() === "") return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ConfigError('VERITY_LLM_PRICES must be a JSON object such as {"my-model": {"input": 0.5, "output": 1.5}}');
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new ConfigError("VERITY_LLM_PRICES must be a JSON object of model → {input, output} (USD per 1M tokens)");
  }
  const out: Record<string, Price> = {};
  for (const [model, value] of Object.entries(parsed as Record<string, unknown>)) {
    const pair = Array.isArray(value)
      ? { input: value[0], output: value[1] }
      : value !== null && typeof value === "object"
        ? (value as Record<string, unknown>)
        : {};
    const input = pair.input;
    const output = pair.output;
    if (typeof input !== "number" || typeof output !== "number" || !(input >= 0) || !(output >= 0)) {
      throw new ConfigError(`VERITY_LLM_PRICES: the price of "${model}" must be {"input": n, "output": n} in USD per 1M tokens`);
    }
    out[model.toLowerCase()] = { input, output };
  }
  return out;
}

/** The default table with `VERITY_LLM_PRICES` applied. */
export function priceTable(env: NodeJS.ProcessEnv = process.env): PriceTable {
  return { ...DEFAULT_PRICES, ...parsePriceOverrides(env.VERITY_LLM_PRICES) };
}

let envTable: { source: string | undefined; table: PriceTable } | null = null;
function tableFromProcessEnv(): PriceTable {
  const source = process.env.VERITY_LLM_PRICES;
  if (!envTable || envTable.source !== source) envTable = { source, table: priceTable(process.env) };
  return envTable.table;
}

/**
 * The price of a model, given as `provider:model` or a bare model id ("gpt-4o-mini-2024-07-18",
 * "openai/gpt-4o-mini" through a router). Exact match first, then the longest listed prefix;
 * local providers are free; an unknown hosted model has no known price (null).
 */
export function priceOf(model: string, table: PriceTable = tableFromProcessEnv()): Price | null {
  const full = model.trim().toLowerCase();
  const provider = PROVIDER_PREFIX.exec(full)?.[1] ?? null;
  const bare = provider ? full.slice(provider.length + 1) : full;
  const candidates = [full, bare, bare.slice(bare.lastIndexOf("/") + 1)];
  for (const key of candidates) if (table[key]) return table[key]!;
  if (provider && LOCAL_PROVIDERS.has(provider)) return table[provider] ?? { input: 0, output: 0 };
  let best: string | null = null;
  const name = candidates[2]!;
  for (const key of Object.keys(table)) {
    if (name.startsWith(key) && (best === null || key.length > best.length)) best = key;
  }
  return best ? table[best]! : null;
}

/** USD for one call; 0 when the model's price is unknown (it is then not counted, not guessed). */
export function costOf(model: string, promptTokens: number, completionTokens: number, table?: PriceTable): number {
  const price = priceOf(model, table);
  if (!price) return 0;
  const usd = (Math.max(0, promptTokens) * price.input + Math.max(0, completionTokens) * price.output) / 1_000_000;
  return Math.round(usd * 1e8) / 1e8;
}
