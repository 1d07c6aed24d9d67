// The composition root: opens the store and wires the analyst and the providers
// that the CLI, the server and the tests use.
import type { Config } from "./config.js";
import { ConfigError } from "../domain/errors.js";
import type { Analyst } from "../analysts/analyst.js";
import { createLlmAnalyst } from "../analysts/llm/index.js";
import { LocalAnalyst } from "../analysts/local/index.js";
import { CheckService } from "./check-service.js";
import { createProviders } from "../sources/registry.js";
import { openStore, type Store } from "../store/db.js";
import { LibraryRepository } from "../store/library.js";
import { CheckRepository } from "../store/checks.js";
import { HttpCacheRepository } from "../store/http-cache.js";
import type { HttpClient } from "../fetch/http-client.js";
import { createHttpClient } from "../fetch/http.js";

export interface Verity {
  store: Store;
  /** The one client for everything that leaves the machine (SSRF-safe). */
  http: HttpClient;
  library: LibraryRepository;
  checks: CheckRepository;
  service: CheckService;
  analyst: Analyst;
  close(): Promise<void>;
}

export interface OpenOptions {
  engine?: "local" | "llm";
  sources?: string[];
}

export async function openVerity(config: Config, options: OpenOptions = {}): Promise<Verity> {
  const analyst = chooseAnalyst(config, options.engine);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const http = createHttpClient({ cache: new HttpCacheRepository(store), allowedPrivateHosts: config.allowPrivateHosts });
    const providers = createProviders(options.sources ?? config.sources, store, { http, env: config.env });
    return {
      store,
      http,
      library: new LibraryRepository(store),
      checks: new CheckRepository(store),
      service: new CheckService(store, analyst, providers, { http, policy: config.policy, wikidataUrl: config.env.VERITY_WIKIDATA_URL }),
      analyst,
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

/** The LLM analyst when a model is configured (VERITY_LLM or --engine llm), else the local one. */
function chooseAnalyst(config: Config, engine: OpenOptions["engine"]): Analyst {
  const local = new LocalAnalyst();
  if (engine === "local") return local;
  const llm = createLlmAnalyst(config.env, { llm: config.llm, fallback: local });
  if (llm) return llm;
  if (engine === "llm")
    throw new ConfigError("--engine llm needs a model: set VERITY_LLM=provider:model (e.g. openai:gpt-4o-mini, ollama:qwen2.5:7b)");
  return local;
}
