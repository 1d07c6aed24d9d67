// The composition root: opens the store and wires the analyst and the providers
// that the CLI, the server and the tests use. What runs a check is loaded only when asked for
// (openVerity), so that a web process whose checks run in a worker (openSite) starts sooner.
import { operatorHosts, type Config } from "./config.js";
import { ConfigError } from "../domain/errors.js";
import type { Analyst } from "../analysts/analyst.js";
import { llmConfigFromEnv, type LlmConfig } from "../analysts/llm/config.js";
import type { CheckService } from "./check-service.js";
import { lookupReport } from "./reuse.js";
import { createProviders } from "../sources/registry.js";
import { openStore, type Store } from "../store/db.js";
import { LibraryRepository } from "../store/library.js";
import { CheckRepository } from "../store/checks.js";
import type { EmbeddingCache, SentenceEncoder } from "../domain/embedding.js";
import type { CachedEncoder } from "../encoder/cached.js";
import type { HttpClient } from "../fetch/http-client.js";

export interface Verity {
  store: Store;
  /** The one client for everything that leaves the machine (SSRF-safe). */
  http: HttpClient;
  library: LibraryRepository;
  checks: CheckRepository;
  service: CheckService;
  analyst: Analyst;
  /** The sentence encoder behind its cache (the local analyst's, and `verity embed`'s). */
  encoder: CachedEncoder;
  close(): Promise<void>;
}

export interface OpenOptions {
  engine?: "local" | "llm";
  sources?: string[];
  /** Where sentence embeddings are kept (default: the store): a benchmark shares one cache between its libraries. */
  embeddingCache?: EmbeddingCache;
}

export async function openVerity(config: Config, options: OpenOptions = {}): Promise<Verity> {
  // A bad model configuration is refused before anything is opened.
  const llm = options.engine === "local" ? null : llmConfigFromEnv(config.env, config.llm);
  if (options.engine === "llm" && !llm) {
    throw new ConfigError("--engine llm needs a model: set VERITY_LLM=provider:model (e.g. openai:gpt-4o-mini, ollama:qwen2.5:7b)");
  }
  // What runs a check is loaded here, while the store opens, and never by a web process (openSite).
  const [
    store,
    { CachedEncoder },
    { sharedUseLiteEncoder },
    { EmbeddingRepository },
    { createHttpClient },
    { HttpCacheRepository },
    { CheckService },
  ] = await Promise.all([
    openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl }),
    import("../encoder/cached.js"),
    import("../encoder/use-lite.js"),
    import("../store/embeddings.js"),
    import("../fetch/http.js"),
    import("../store/http-cache.js"),
    import("./check-service.js"),
  ]);
  try {
    const encoder = new CachedEncoder(sharedUseLiteEncoder(), options.embeddingCache ?? new EmbeddingRepository(store));
    const analyst = await chooseAnalyst(llm, encoder);
    const http = createHttpClient({
      cache: new HttpCacheRepository(store),
      allowedPrivateHosts: config.allowPrivateHosts,
      operatorHosts: operatorHosts(config.env),
    });
    const providers = createProviders(options.sources ?? config.sources, store, { http, env: config.env });
    return {
      store,
      http,
      library: new LibraryRepository(store),
      checks: new CheckRepository(store),
      service: new CheckService(store, analyst, providers, { http, policy: config.policy, wikidataUrl: config.env.VERITY_WIKIDATA_URL }),
      analyst,
      encoder,
      close: async () => {
        await http.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * What the website needs of Verity: the store, the checks, and whether a question was answered
 * before; and a service that runs checks (`submit`) only when they run in the web process itself.
 * A full Verity is one; a web process whose checks run in a worker process opens one with openSite.
 */
export interface SiteVerity {
  store: Store;
  checks: CheckRepository;
  service: Pick<CheckService, "lookup"> & Partial<Pick<CheckService, "submit">>;
  close(): Promise<void>;
}

/**
 * Opens the store for a web process. None of what runs a check is loaded (the analysts, the encoder,
 * the HTTP client, the pipeline), so the port opens sooner; a model or sources configuration that the
 * worker would refuse is refused here too.
 */
export async function openSite(config: Config): Promise<SiteVerity> {
  llmConfigFromEnv(config.env, config.llm);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    // The sources a worker would refuse are refused here too: built, never asked.
    createProviders(config.sources, store, {
      http: { request: () => Promise.reject(new Error("a web process fetches nothing")) },
      env: config.env,
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const checks = new CheckRepository(store);
  return {
    store,
    checks,
    service: { lookup: (submission, options = {}) => lookupReport(checks, submission, options, new Date()) },
    close: () => store.close(),
  };
}

/**
 * The LLM analyst when a model is configured (VERITY_LLM or --engine llm), else the local one. The
 * LLM analyst's module (the AI SDK and its providers, about 0.5 s to load) is loaded only then.
 */
async function chooseAnalyst(llm: LlmConfig | null, encoder: SentenceEncoder): Promise<Analyst> {
  const { LocalAnalyst } = await import("../analysts/local/index.js");
  const local = new LocalAnalyst(encoder);
  if (!llm) return local;
  const { LlmAnalyst } = await import("../analysts/llm/index.js");
  return new LlmAnalyst(llm, { fallback: local });
}
