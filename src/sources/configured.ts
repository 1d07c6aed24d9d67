// Which network providers a check consults, from the environment (keys, URLs) and the CLI's
// --sources list. The local library is built elsewhere (registry.ts) and ignored here.
//
// - wikipedia: on by default (no key);
// - factcheck: when GOOGLE_FACTCHECK_API_KEY is set;
// - web search APIs: each one whose key or URL is set, combined into one "web" provider that asks
//   them in the order brave, tavily, serper, searxng and stops at the first that answers with
//   results (VERITY_WEB_SEARCH=all asks them all in parallel and merges).
// Naming a provider in `names` restricts the list to the named ones, and a named provider whose key
// is missing is a ConfigError ("brave needs BRAVE_API_KEY").
import { ConfigError, errorMessage } from "../domain/errors.js";
import type { HttpClient } from "../fetch/http-client.js";
import { BraveProvider } from "./brave.js";
import { GoogleFactCheckProvider } from "./factcheck-google.js";
import type { SearchRequest, SourceHit, SourceProvider } from "./provider.js";
import type { Sleep } from "../domain/sleep.js";
import { ProviderError } from "./provider-error.js";
import { SearxngProvider } from "./searxng.js";
import { SerperProvider } from "./serper.js";
import { TavilyProvider } from "./tavily.js";
import { WikipediaProvider } from "./wikipedia.js";

/** Web search providers, in fallback order. */
const WEB_SEARCH_PROVIDERS = ["brave", "tavily", "serper", "searxng"] as const;
type WebSearchId = (typeof WEB_SEARCH_PROVIDERS)[number];

/** Every name this module understands in `names` ("library" is accepted and left to registry.ts). */
export const NETWORK_SOURCES = ["wikipedia", "factcheck", "web", ...WEB_SEARCH_PROVIDERS] as const;
type NetworkSourceId = (typeof NETWORK_SOURCES)[number];

/** The environment variable that enables each keyed provider. */
const SOURCE_ENV: Record<"factcheck" | WebSearchId, string> = {
  factcheck: "GOOGLE_FACTCHECK_API_KEY",
  brave: "BRAVE_API_KEY",
  tavily: "TAVILY_API_KEY",
  serper: "SERPER_API_KEY",
  searxng: "SEARXNG_URL",
};

interface ConfiguredOptions {
  http: HttpClient;
  /** From the CLI's --sources: restricts (and forces) the providers. Unset = the defaults above. */
  names?: string[];
  /** Base URL overrides (tests, proxies). `VERITY_<ID>_URL` in the environment does the same. */
  baseUrls?: Partial<Record<"wikipedia" | "factcheck" | WebSearchId, string>>;
  /** Passed to every provider: tests inject a sleep that does not wait. */
  sleep?: Sleep;
}

interface ConfiguredProviders {
  providers: SourceProvider[];
  /** Providers left out, with why (for provenance and `verity check` diagnostics). */
  skipped: { id: string; reason: string }[];
}

export function providersFromConfig(env: Record<string, string | undefined>, options: ConfiguredOptions): ConfiguredProviders {
  const value = (name: string): string | null => env[name]?.trim() || null;
  const requested = options.names ? normalizeNames(options.names) : null;
  const wants = (id: NetworkSourceId) => requested === null || requested.has(id);
  const baseUrl = (id: "wikipedia" | "factcheck" | WebSearchId) =>
    options.baseUrls?.[id] ?? value(`VERITY_${id.toUpperCase()}_URL`) ?? undefined;
  const common = { http: options.http, ...(options.sleep ? { sleep: options.sleep } : {}) };
  const providers: SourceProvider[] = [];
  const skipped: ConfiguredProviders["skipped"] = [];

  if (wants("wikipedia")) providers.push(new WikipediaProvider({ ...common, baseUrl: baseUrl("wikipedia") }));

  if (wants("factcheck")) {
    const key = value(SOURCE_ENV.factcheck);
    if (key) providers.push(new GoogleFactCheckProvider({ ...common, apiKey: key, baseUrl: baseUrl("factcheck") }));
    else if (requested) throw new ConfigError(`factcheck needs ${SOURCE_ENV.factcheck}`);
    else skipped.push({ id: "factcheck", reason: `${SOURCE_ENV.factcheck} is not set` });
  }

  // Web search: the named ones (all four when "web" is named or nothing is), each if configured.
  const namedWeb = requested ? WEB_SEARCH_PROVIDERS.filter((id) => requested.has(id)) : [];
  const webIds = requested && !requested.has("web") ? namedWeb : WEB_SEARCH_PROVIDERS;
  const web: SourceProvider[] = [];
  for (const id of webIds) {
    const setting = value(SOURCE_ENV[id]);
    if (!setting) {
      if (requested?.has(id)) throw new ConfigError(`${id} needs ${SOURCE_ENV[id]}`);
      skipped.push({ id, reason: `${SOURCE_ENV[id]} is not set` });
      continue;
    }
    const url = baseUrl(id);
    if (id === "brave") web.push(new BraveProvider({ ...common, apiKey: setting, baseUrl: url }));
    if (id === "tavily") web.push(new TavilyProvider({ ...common, apiKey: setting, baseUrl: url }));
    if (id === "serper") web.push(new SerperProvider({ ...common, apiKey: setting, baseUrl: url }));
    if (id === "searxng") {
      if (!/^https?:\/\/[^/\s]+/i.test(setting)) throw new ConfigError(`SEARXNG_URL must be an http(s) URL`);
      web.push(new SearxngProvider({ ...common, baseUrl: url ?? setting }));
    }
  }
  if (requested?.has("web") && web.length === 0) {
    throw new ConfigError(`web needs one of ${WEB_SEARCH_PROVIDERS.map((id) => SOURCE_ENV[id]).join(", ")}`);
  }
  if (web.length > 0) {
    const mode = value("VERITY_WEB_SEARCH")?.toLowerCase() ?? "fallback";
    if (mode !== "fallback" && mode !== "all") throw new ConfigError(`VERITY_WEB_SEARCH must be "fallback" or "all" (got "${mode}")`);
    // One web provider named on its own stays itself; several are combined.
    providers.push(web.length === 1 && !requested?.has("web") && requested ? web[0]! : new FallbackSearch(web, { mode }));
  }
  return { providers, skipped };
}

function normalizeNames(names: string[]): Set<NetworkSourceId> {
  const set = new Set<NetworkSourceId>();
  for (const raw of names.flatMap((n) => n.split(","))) {
    const name = raw.trim().toLowerCase();
    if (!name || name === "library") continue;
    if (!(NETWORK_SOURCES as readonly string[]).includes(name)) {
      throw new ConfigError(`unknown source "${name}" (known: library, ${NETWORK_SOURCES.join(", ")})`);
    }
    set.add(name as NetworkSourceId);
  }
  return set;
}

interface FallbackOptions {
  /** "fallback" (default): one provider after another until one has results; "all": all at once, merged. */
  mode?: "fallback" | "all";
}

/**
 * Several web search APIs as one provider ("web"). In fallback mode the first provider is asked; if
 * it fails or finds nothing, the next; and so on. Each hit keeps the id of the provider that found
 * it in `provider`, and `lastAnswered` names the provider that answered the latest search.
 */
export class FallbackSearch implements SourceProvider {
  readonly id = "web";
  readonly mode: "fallback" | "all";
  /** The provider whose results the latest search returned (null: none had any). */
  lastAnswered: string | null = null;
  /** Failures of the latest search, in provider order. */
  lastErrors: { id: string; message: string }[] = [];

  constructor(
    readonly providers: SourceProvider[],
    options: FallbackOptions = {},
  ) {
    if (providers.length === 0) throw new Error("FallbackSearch needs at least one provider");
    this.mode = options.mode ?? "fallback";
  }

  async search(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    return this.mode === "all" ? this.searchAll(request, signal) : this.searchInTurn(request, signal);
  }

  private async searchInTurn(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    const errors: { id: string; message: string }[] = [];
    let answeredEmpty = false;
    for (const provider of this.providers) {
      signal.throwIfAborted();
      try {
        const hits = await provider.search(request, signal);
        if (hits.length > 0) {
          this.record(provider.id, errors);
          return hits;
        }
        answeredEmpty = true;
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        errors.push({ id: provider.id, message: errorMessage(error) });
      }
    }
    this.record(null, errors);
    if (!answeredEmpty) throw allFailed(errors);
    return [];
  }

  private async searchAll(request: SearchRequest, signal: AbortSignal): Promise<SourceHit[]> {
    const settled = await Promise.allSettled(this.providers.map((p) => p.search(request, signal)));
    if (signal.aborted) throw signal.reason;
    const errors: { id: string; message: string }[] = [];
    const lists: SourceHit[][] = [];
    settled.forEach((result, i) => {
      if (result.status === "fulfilled") lists.push(result.value);
      else errors.push({ id: this.providers[i]!.id, message: errorMessage(result.reason) });
    });
    if (lists.length === 0) {
      this.record(null, errors);
      throw allFailed(errors);
    }
    // Interleave by rank (each provider's first, then each one's second, ...), first URL wins.
    const merged: SourceHit[] = [];
    const seen = new Set<string>();
    for (let rank = 0; lists.some((l) => rank < l.length); rank++) {
      for (const list of lists) {
        const hit = list[rank];
        if (!hit || seen.has(hit.url)) continue;
        seen.add(hit.url);
        merged.push(hit);
      }
    }
    const answered = [...new Set(merged.map((h) => h.provider))];
    this.record(answered.length ? answered.join("+") : null, errors);
    return merged;
  }

  private record(answered: string | null, errors: { id: string; message: string }[]): void {
    this.lastAnswered = answered;
    this.lastErrors = errors;
  }
}

function allFailed(errors: { id: string; message: string }[]): ProviderError {
  const detail = errors.map((e) => e.message).join("; ");
  return new ProviderError(`web: every search provider failed: ${detail}`.slice(0, 600), "web", "network", null, false);
}
