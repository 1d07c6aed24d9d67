// AI SDK language models from model specs, and the per-provider call settings that make
// a call as deterministic as the provider allows (temperature 0, a seed where supported).
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel, generateText } from "ai";
import { createOllama } from "ollama-ai-provider-v2";
import type { ModelSpec } from "./config.js";

export interface ModelHandle {
  spec: ModelSpec;
  model: LanguageModel;
}

export interface BuildOptions {
  /** Replaces global fetch (tests, proxies). */
  fetch?: typeof globalThis.fetch;
}

/**
 * The AI SDK prints its warnings (unsupported settings and the like) with console.warn, and the
 * first time also a console.info line — on stdout, where `verity check --json` writes the report.
 * Unless the embedding application chose otherwise, keep them out of the output.
 */
function quietSdkWarnings(): void {
  const g = globalThis as { AI_SDK_LOG_WARNINGS?: unknown };
  if (g.AI_SDK_LOG_WARNINGS === undefined) g.AI_SDK_LOG_WARNINGS = false;
}

const OPENAI_API_URL = "https://api.openai.com/v1";
const ANTHROPIC_API_URL = "https://api.anthropic.com/v1";

export function buildModel(spec: ModelSpec, options: BuildOptions = {}): ModelHandle {
  quietSdkWarnings();
  const fetch = options.fetch;
  switch (spec.provider) {
    case "openai":
    case "openai-compatible": {
      if (spec.compatible) {
        // Chat completions with a JSON-schema response format: what llama.cpp, vLLM, LM Studio and OpenRouter speak.
        const provider = createOpenAICompatible({
          name: spec.provider === "openai" ? "openai-compatible" : spec.provider,
          baseURL: spec.baseURL!,
          ...(spec.apiKey ? { apiKey: spec.apiKey } : {}),
          supportsStructuredOutputs: true,
          ...(fetch ? { fetch } : {}),
        });
        return { spec, model: provider.chatModel(spec.model) };
      }
      // The bare provider function would use the Responses API; chat completions is the common ground.
      // The base URL is always explicit: left out, the SDK would read process.env.OPENAI_BASE_URL itself.
      const provider = createOpenAI({
        apiKey: spec.apiKey ?? undefined,
        baseURL: spec.baseURL ?? OPENAI_API_URL,
        ...(fetch ? { fetch } : {}),
      });
      return { spec, model: provider.chat(spec.model) };
    }
    case "anthropic": {
      const provider = createAnthropic({
        apiKey: spec.apiKey ?? undefined,
        baseURL: spec.baseURL ?? ANTHROPIC_API_URL,
        ...(fetch ? { fetch } : {}),
      });
      return { spec, model: provider.languageModel(spec.model) };
    }
    case "ollama": {
      const provider = createOllama({ ...(spec.baseURL ? { baseURL: spec.baseURL } : {}), ...(fetch ? { fetch } : {}) });
      return { spec, model: provider.chat(spec.model) };
    }
  }
}

type ProviderOptions = NonNullable<Parameters<typeof generateText>[0]["providerOptions"]>;

interface CallSettings {
  temperature?: number;
  seed?: number;
  maxOutputTokens?: number;
  providerOptions?: ProviderOptions;
}

/**
 * Sampling settings in the form each provider honours. Anthropic has no seed. Ollama's native
 * API reads temperature, seed and the output limit from `options` only (the provider's top-level
 * `temperature` is ignored by Ollama), and its default context window cuts long prompts silently.
 */
export function callSettingsFor(spec: ModelSpec, wanted: { temperature: number; seed: number; maxOutputTokens: number }): CallSettings {
  switch (spec.provider) {
    case "anthropic":
      return { temperature: wanted.temperature, maxOutputTokens: wanted.maxOutputTokens };
    case "ollama":
      return {
        temperature: wanted.temperature,
        providerOptions: {
          ollama: {
            think: false,
            options: {
              temperature: wanted.temperature,
              seed: wanted.seed,
              num_predict: wanted.maxOutputTokens,
              ...(spec.numCtx ? { num_ctx: spec.numCtx } : {}),
            },
          },
        },
      };
    case "openai":
    case "openai-compatible": {
      // Reasoning models spend output tokens thinking before they answer (and ignore temperature).
      const reasoning = spec.provider === "openai" && !spec.compatible && REASONING_MODEL.test(spec.model);
      const maxOutputTokens = reasoning ? wanted.maxOutputTokens * 4 + 4_000 : wanted.maxOutputTokens;
      return { ...(reasoning ? {} : { temperature: wanted.temperature }), seed: wanted.seed, maxOutputTokens };
    }
  }
}

const REASONING_MODEL = /^(o\d|gpt-5)/;
