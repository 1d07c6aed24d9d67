// The one place that decides whether a question asked before is answered from the archive: its
// published report is reused while it is fresh for its category, unless a fresh check is asked for.
// It needs only the store, so a stored `verity check` answers before the analysts, the sources and
// the HTTP client are loaded (issue 18: start-up).
import { isStale } from "../domain/categories.js";
import { acceptInput, type Submission } from "../domain/input.js";
import type { Report } from "../domain/report.js";
import { CheckRepository } from "../store/checks.js";
import { openStore, type Store } from "../store/db.js";
import type { Config } from "./config.js";

/** The published check of a question, if any, and whether it may be given as the answer as it is. */
export interface Lookup {
  existing: Report | null;
  reusable: boolean;
}

export async function lookupReport(
  checks: CheckRepository,
  submission: Submission,
  options: { fresh?: boolean },
  now: Date,
): Promise<Lookup> {
  const existing = await checks.findDoneByMatchKey(submission.matchKey);
  const reusable = existing !== null && !options.fresh && !isStale(existing.category, existing.checkedAt, now.getTime());
  return { existing, reusable };
}

/**
 * Opens the store and looks the raw input up: the report to reuse (null when the question must be
 * checked), and the open store, for the check when there is one to run.
 */
export async function openAndLookUp(
  config: Config,
  rawInput: string,
  options: { fresh?: boolean },
): Promise<{ store: Store; reused: Report | null }> {
  const submission = acceptInput(rawInput);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    const { existing, reusable } = await lookupReport(new CheckRepository(store), submission, options, new Date());
    return { store, reused: reusable ? existing : null };
  } catch (error) {
    await store.close();
    throw error;
  }
}
