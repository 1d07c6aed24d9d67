// A check's progress as its stages run: what the CLI prints and the website shows live.
import type { ProviderRecord } from "./analysis.js";

export type StageName = "intake" | "plan" | "gather" | "read" | "rank" | "judge" | "write" | "audit";
export const STAGES: StageName[] = ["intake", "plan", "gather", "read", "rank", "judge", "write", "audit"];

export type ProgressEvent =
  | { type: "stage-started"; stage: StageName }
  | { type: "stage-finished"; stage: StageName; ms: number; detail: string }
  | { type: "sources-found"; count: number; providers: ProviderRecord[] }
  | { type: "passages-kept"; count: number }
  /** The input's language, once intake has read it: the progress page speaks it from then on. */
  | { type: "language"; language: string }
  | { type: "reused"; checkId: string; checkedAt: string };
