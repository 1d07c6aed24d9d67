// Configuration: environment variables, then a `.env` file, then `verity.config.json`
// in the working directory. The environment always wins.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ConfigError, errorMessage } from "../domain/errors.js";
import { SourcePolicy } from "../sources/policy.js";

const FileConfig = z
  .object({
    dataDir: z.string().optional(),
    llm: z.string().optional(),
    sources: z.array(z.string()).optional(),
    domains: z.unknown().optional(),
    recencyDays: z.unknown().optional(),
    /** The donation campaign shown on the website; validated by src/server/options.ts. */
    campaign: z.unknown().optional(),
  })
  .strict();

export interface Config {
  dataDir: string;
  databaseUrl: string | null;
  /** `provider:model`, or null for the local analyst. */
  llm: string | null;
  /** Source providers to consult; null = the defaults (library, Wikipedia, and every provider whose key is set). */
  sources: string[] | null;
  /** Domain allow/deny lists, reliability notes, recency filter. */
  policy: SourcePolicy;
  /**
   * "host:port" entries that every request of the HTTP client may reach although private: tests' fixture
   * pages only, never read from the environment. (The operator's own endpoints are `operatorHosts`.)
   */
  allowPrivateHosts: string[];
  /** The environment as merged with `.env`: provider keys and URLs are read from it. */
  env: Record<string, string>;
  /** The `campaign` key of verity.config.json, unvalidated (the server reads it). */
  campaign?: unknown;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const merged = { ...readDotEnv(path.join(cwd, ".env")), ...definedOnly(env) };
  const file = readConfigFile(path.join(cwd, "verity.config.json"));
  const databaseUrl = merged.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must be a postgres:// URL (got "${databaseUrl.slice(0, 40)}")`);
  }
  const list = (value: string | undefined) =>
    value
      ?.split(",")
      .map((v) => v.trim())
      .filter(Boolean);
  return {
    dataDir: path.resolve(cwd, merged.VERITY_DATA_DIR?.trim() || file.dataDir || "data"),
    databaseUrl,
    llm: merged.VERITY_LLM?.trim() || file.llm || null,
    sources: list(merged.VERITY_SOURCES) ?? file.sources ?? null,
    policy: SourcePolicy.fromConfig({ domains: file.domains, recencyDays: file.recencyDays }),
    allowPrivateHosts: [],
    env: merged,
    campaign: file.campaign,
  };
}

/** The settings whose URL is an API endpoint the operator chose (the LLM base URLs are not fetched through the guarded client). */
const OPERATOR_URL_SETTINGS = [
  "SEARXNG_URL",
  "VERITY_SEARXNG_URL",
  "VERITY_BRAVE_URL",
  "VERITY_TAVILY_URL",
  "VERITY_SERPER_URL",
  "VERITY_FACTCHECK_URL",
  "VERITY_WIKIPEDIA_URL",
  "VERITY_WIKIDATA_URL",
];

/**
 * "host:port" of every API endpoint the operator configured: requests to them may reach a private or
 * loopback address (a self-hosted SearXNG), while URLs from users and from fetched pages never may.
 */
export function operatorHosts(env: Record<string, string | undefined>): string[] {
  const hosts = new Set<string>();
  for (const name of OPERATOR_URL_SETTINGS) {
    const value = env[name]?.trim();
    if (!value) continue;
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      continue; // the provider that reads the setting says what is wrong with it
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    hosts.add(`${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`);
  }
  return [...hosts];
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

function readConfigFile(file: string): z.infer<typeof FileConfig> {
  if (!existsSync(file)) return {};
  try {
    return FileConfig.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    throw new ConfigError(`verity.config.json is invalid: ${errorMessage(error).split("\n")[0]}`);
  }
}

/** Minimal `.env` reader: KEY=value lines, optional quotes, # comments. */
function readDotEnv(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, "$2");
  }
  return values;
}

/** A configuration of the embedded defaults for a data directory: the local library only, no network. */
export function libraryOnlyConfig(dataDir: string, overrides: Partial<Config> = {}): Config {
  return {
    dataDir,
    databaseUrl: null,
    llm: null,
    sources: ["library"],
    policy: new SourcePolicy(),
    allowPrivateHosts: [],
    env: {},
    ...overrides,
  };
}
