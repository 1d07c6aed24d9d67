// The one place that decides whether a question asked before is answered from the archive: its
// published report is reused while it is fresh for its category, unless a fresh check is asked for.
// `storedReport` decides it before anything else is loaded, so a stored `verity check` answers
// without the query builder, the analysts, the sources or the HTTP client (issue 18.4).
import { isStale } from "../domain/categories.js";
import { acceptInput, type Submission } from "../domain/input.js";
import { Report } from "../domain/report.js";
import type { CheckRepository } from "../store/checks.js";
import { storedReportJson } from "../store/sqlite-file.js";
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
  return { existing, reusable: reusable(existing, options, now) };
}

/**
 * The report to reuse for raw input, found the short way (SQLite alone, the file checked, no
 * migrations); null when the question must be checked, or when that way cannot tell (then the
 * store, opened the normal way, looks it up again).
 */
export function storedReport(config: Config, rawInput: string, options: { fresh?: boolean }, now = new Date()): Report | null {
  const submission = acceptInput(rawInput);
  if (options.fresh || config.databaseUrl) return null;
  const json = storedReportJson(config.dataDir, submission.matchKey);
  const parsed = json === null ? null : Report.safeParse(JSON.parse(json));
  const existing = parsed?.success ? parsed.data : null;
  return reusable(existing, options, now) ? existing : null;
}

function reusable(existing: Report | null, options: { fresh?: boolean }, now: Date): existing is Report {
  return existing !== null && !options.fresh && !isStale(existing.category, existing.checkedAt, now.getTime());
}
