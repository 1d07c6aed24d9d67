// The LLM analyst's configuration from the environment: models, endpoints, keys, budgets.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConfigError } from "../../../../src/domain/errors.js";
import { BUDGETS, llmConfigFromEnv, ollamaBase, parseModelSpec } from "../../../../src/analysts/llm/config.js";

const isConfigError = (pattern: RegExp) => (e: unknown) => e instanceof ConfigError && pattern.test(e.message) && !e.message.includes("\n");

describe("LLM configuration", () => {
  it("is null when VERITY_LLM is unset: the local analyst runs", () => {
    assert.equal(llmConfigFromEnv({}), null);
    assert.equal(llmConfigFromEnv({ VERITY_LLM: "  " }), null);
  });

  it("splits provider:model at the first colon only", () => {
    const c = llmConfigFromEnv({ VERITY_LLM: "ollama:qwen2.5:7b" })!;
    assert.equal(c.main.provider, "ollama");
    assert.equal(c.main.model, "qwen2.5:7b");
    assert.equal(c.main.id, "ollama:qwen2.5:7b");
    assert.equal(c.main.baseURL, "http://127.0.0.1:11434/api");
    assert.equal(c.main.apiKey, null);
    const hf = parseModelSpec("openai-compatible:hf.co/org/model:Q4_K_M", { OPENAI_BASE_URL: "http://127.0.0.1:8080/v1" });
    assert.equal(hf.model, "hf.co/org/model:Q4_K_M");
  });

  it("reads OLLAMA_HOST with or without scheme", () => {
    assert.equal(ollamaBase("0.0.0.0:11500"), "http://0.0.0.0:11500/api");
    assert.equal(ollamaBase("https://ollama.example.org/"), "https://ollama.example.org/api");
    assert.equal(
      llmConfigFromEnv({ VERITY_LLM: "ollama:llama3.1", OLLAMA_HOST: "http://10.0.0.2:11434" })!.main.baseURL,
      "http://10.0.0.2:11434/api",
    );
  });

  it("needs a key for hosted providers, with a one-line reason", () => {
    assert.throws(() => llmConfigFromEnv({ VERITY_LLM: "openai:gpt-4o-mini" }), isConfigError(/OPENAI_API_KEY/));
    assert.throws(() => llmConfigFromEnv({ VERITY_LLM: "anthropic:claude-3-5-haiku-latest" }), isConfigError(/ANTHROPIC_API_KEY/));
    assert.throws(() => llmConfigFromEnv({ VERITY_LLM: "openai-compatible:qwen" }), isConfigError(/OPENAI_BASE_URL/));
    assert.throws(
      () => llmConfigFromEnv({ VERITY_LLM: "openai-compatible:gpt-4o", OPENAI_BASE_URL: "https://api.openai.com/v1" }),
      isConfigError(/OPENAI_API_KEY/),
    );
    const ok = llmConfigFromEnv({ VERITY_LLM: "anthropic:claude-sonnet-4-5", ANTHROPIC_API_KEY: "ak" })!;
    assert.equal(ok.main.apiKey, "ak");
    assert.equal(ok.main.baseURL, null);
  });

  it("sends openai:… to chat completions at OPENAI_BASE_URL, key optional there", () => {
    const c = llmConfigFromEnv({ VERITY_LLM: "openai:llama-3.1-8b", OPENAI_BASE_URL: "http://127.0.0.1:8080/v1/" })!;
    assert.equal(c.main.compatible, true);
    assert.equal(c.main.baseURL, "http://127.0.0.1:8080/v1");
    assert.equal(c.main.apiKey, null);
    const hosted = llmConfigFromEnv({ VERITY_LLM: "openai:gpt-4o-mini", OPENAI_API_KEY: "sk" })!;
    assert.equal(hosted.main.compatible, false);
  });

  it("takes the Anthropic base URL as Anthropic's SDKs do (host only) or with /v1", () => {
    const env = { ANTHROPIC_API_KEY: "ak" };
    assert.equal(
      parseModelSpec("anthropic:claude-sonnet-4-5", { ...env, ANTHROPIC_BASE_URL: "http://127.0.0.1:9000" }).baseURL,
      "http://127.0.0.1:9000/v1",
    );
    assert.equal(
      parseModelSpec("anthropic:claude-sonnet-4-5", { ...env, ANTHROPIC_BASE_URL: "http://127.0.0.1:9000/v1/" }).baseURL,
      "http://127.0.0.1:9000/v1",
    );
  });

  it("rejects malformed values with a one-line reason", () => {
    assert.throws(() => llmConfigFromEnv({ VERITY_LLM: "gpt-4o-mini" }), isConfigError(/provider:model/));
    assert.throws(
      () => llmConfigFromEnv({ VERITY_LLM: "mistral:large" }),
      isConfigError(/provider one of openai, anthropic, ollama, openai-compatible/),
    );
    assert.throws(() => llmConfigFromEnv({ VERITY_LLM: "ollama:" }), isConfigError(/provider:model/));
    assert.throws(
      () => llmConfigFromEnv({ VERITY_LLM: "ollama:x", VERITY_LLM_BUDGET: "huge" }),
      isConfigError(/VERITY_LLM_BUDGET must be one of quick, standard, deep/),
    );
    assert.throws(
      () => llmConfigFromEnv({ VERITY_LLM: "ollama:x", VERITY_LLM_TIMEOUT_MS: "soon" }),
      isConfigError(/VERITY_LLM_TIMEOUT_MS/),
    );
    assert.throws(() => llmConfigFromEnv({ VERITY_LLM: "openai:x", OPENAI_BASE_URL: "not a url" }), isConfigError(/OPENAI_BASE_URL/));
    assert.throws(
      () => llmConfigFromEnv({ VERITY_LLM: "ollama:x", VERITY_LLM_FAST: "openai:gpt-4o-mini" }),
      isConfigError(/VERITY_LLM_FAST=openai:gpt-4o-mini needs OPENAI_API_KEY/),
    );
  });

  it("has the three budgets, standard by default, and a fast model when asked", () => {
    assert.deepEqual(BUDGETS.quick, { rounds: 1, queries: 4, tokens: 20_000 });
    assert.deepEqual(BUDGETS.standard, { rounds: 2, queries: 8, tokens: 60_000 });
    assert.deepEqual(BUDGETS.deep, { rounds: 4, queries: 16, tokens: 200_000 });
    const c = llmConfigFromEnv({
      VERITY_LLM: "anthropic:claude-sonnet-4-5",
      ANTHROPIC_API_KEY: "k",
      VERITY_LLM_FAST: "ollama:qwen2.5:3b",
      VERITY_LLM_BUDGET: "Deep",
    })!;
    assert.equal(c.budget, "deep");
    assert.deepEqual(c.limits, BUDGETS.deep);
    assert.equal(c.fast?.id, "ollama:qwen2.5:3b");
    assert.equal(c.temperature, 0);
    assert.equal(c.maxRepairs, 2);
    assert.equal(llmConfigFromEnv({ VERITY_LLM: "ollama:x" })!.budget, "standard");
    assert.equal(llmConfigFromEnv({ VERITY_LLM: "ollama:x" })!.fast, null);
  });

  it("lets verity.config.json's llm value stand in for VERITY_LLM", () => {
    assert.equal(llmConfigFromEnv({}, "ollama:phi3")!.main.id, "ollama:phi3");
  });
});
