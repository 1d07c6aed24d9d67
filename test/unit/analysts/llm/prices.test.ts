// What a model call costs, and VERITY_LLM_PRICES.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError } from "../../../../src/domain/errors.js";
import { llmConfigFromEnv } from "../../../../src/analysts/llm/config.js";
import { costOf, parsePriceOverrides, priceOf, priceTable } from "../../../../src/analysts/llm/prices.js";

const isConfigError = (pattern: RegExp) => (e: unknown) => e instanceof ConfigError && pattern.test(e.message) && !e.message.includes("\n");

describe("LLM prices", () => {
  it("prices common models per million tokens, longest prefix first", () => {
    assert.deepEqual(priceOf("gpt-4o-mini"), { input: 0.15, output: 0.6 });
    assert.deepEqual(priceOf("openai:gpt-4o-mini-2024-07-18"), { input: 0.15, output: 0.6 });
    assert.deepEqual(priceOf("gpt-4o-2024-08-06"), { input: 2.5, output: 10 });
    assert.deepEqual(priceOf("openai-compatible:openai/gpt-4.1-mini"), { input: 0.4, output: 1.6 });
    assert.deepEqual(priceOf("anthropic:claude-3-5-haiku-20241022"), { input: 0.8, output: 4 });
    assert.deepEqual(priceOf("claude-sonnet-4-20250514"), { input: 3, output: 15 });
    assert.deepEqual(priceOf("ollama:llama3.1:8b"), { input: 0, output: 0 });
    assert.equal(priceOf("openai-compatible:some-unknown-model"), null);
  });

  it("computes the cost of a call", () => {
    assert.equal(costOf("gpt-4o-mini", 1_000_000, 0), 0.15);
    assert.equal(costOf("gpt-4o-mini", 2_000, 500), (2_000 * 0.15 + 500 * 0.6) / 1e6);
    assert.equal(costOf("claude-sonnet-4", 1_000, 1_000), 0.018);
    assert.equal(costOf("ollama:qwen2.5:7b", 5_000, 5_000), 0);
    assert.equal(costOf("unknown-model", 5_000, 5_000), 0);
  });

  it("is overridable with VERITY_LLM_PRICES", () => {
    const table = priceTable({ VERITY_LLM_PRICES: '{"gpt-4o-mini": {"input": 1, "output": 2}, "qwen2.5:7b": [0.1, 0.2]}' });
    assert.equal(costOf("gpt-4o-mini", 1_000_000, 1_000_000, table), 3);
    assert.equal(costOf("ollama:qwen2.5:7b", 1_000_000, 1_000_000, table), 0.3);
    assert.equal(costOf("gpt-4o", 1_000_000, 0, table), 2.5);
    assert.throws(() => parsePriceOverrides("{oops"), isConfigError(/VERITY_LLM_PRICES must be a JSON object/));
    assert.throws(() => parsePriceOverrides('{"m": {"input": -1, "output": 1}}'), isConfigError(/price of "m"/));
    assert.throws(() => llmConfigFromEnv({ VERITY_LLM: "ollama:x", VERITY_LLM_PRICES: "[]" }), ConfigError);
  });
});
