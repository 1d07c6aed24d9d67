// Which providers a check consults: the local library, plus the network providers of
// configured.ts (Wikipedia by default, the others when their keys are set), or exactly
// those named in configuration or on the command line.
import { ConfigError } from "../domain/errors.js";
import type { Store } from "../store/db.js";
import { LibraryRepository } from "../store/library.js";
import type { HttpClient } from "../fetch/http-client.js";
import { NETWORK_SOURCES, providersFromConfig } from "./configured.js";
import { LibraryProvider } from "./library/provider.js";
import type { SourceProvider } from "./provider.js";

const KNOWN_PROVIDERS = ["library", ...NETWORK_SOURCES];

interface ProviderSetup {
  http: HttpClient;
  env: Record<string, string | undefined>;
}

/** `names` null means the defaults. */
export function createProviders(names: string[] | null, store: Store, setup?: ProviderSetup): SourceProvider[] {
  for (const name of names ?? []) {
    if (!KNOWN_PROVIDERS.includes(name)) throw new ConfigError(`unknown source "${name}" (known: ${KNOWN_PROVIDERS.join(", ")})`);
  }
  const providers: SourceProvider[] = [];
  if (names === null || names.includes("library")) providers.push(new LibraryProvider(new LibraryRepository(store)));
  const network = names?.filter((n) => n !== "library");
  if (setup && (network === undefined || network.length > 0)) {
    providers.push(...providersFromConfig(setup.env, { http: setup.http, ...(network ? { names: network } : {}) }).providers);
  } else if (!setup && network && network.length > 0) {
    throw new ConfigError(`sources ${network.join(", ")} need the network client`);
  }
  return providers;
}
