// The outputs of the pipeline's own stages (gather, read). What the analyst takes and gives is
// typed in src/domain/analysis.ts; progress events in src/domain/progress.ts.
import type { ProviderRecord, ReadDocument, Rejection } from "../domain/analysis.js";
import type { SourceHit } from "../sources/provider.js";

export interface GatherResult {
  hits: SourceHit[];
  providers: ProviderRecord[];
  /** Hits set aside before reading (policy, the submitted page itself), with why. */
  rejected: Rejection[];
}

export interface ReadResult {
  documents: ReadDocument[];
  rejected: Rejection[];
}
