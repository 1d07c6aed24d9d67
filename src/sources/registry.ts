// Which providers a check consults: named in configuration or on the command line.
import { ConfigError } from "../domain/errors.js";
import type { Store } from "../store/db.js";
import { LibraryRepository } from "../store/library.js";
import { LibraryProvider } from "./library/provider.js";
import type { SourceProvider } from "./provider.js";

const FACTORIES: Record<string, (store: Store) => SourceProvider> = {
  library: (store) => new LibraryProvider(new LibraryRepository(store)),
};

export const KNOWN_PROVIDERS = Object.keys(FACTORIES);

export function createProviders(names: string[], store: Store): SourceProvider[] {
  return [...new Set(names)].map((name) => {
    const factory = FACTORIES[name];
    if (!factory) throw new ConfigError(`unknown source "${name}" (known: ${KNOWN_PROVIDERS.join(", ")})`);
    return factory(store);
  });
}
