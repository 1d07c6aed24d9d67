// What each dataset module provides to the benchmark runner.
import type { Workspace } from "./harness.js";

export interface RunOptions {
  dataDir: string;
  limit: number | null;
  workspace: Workspace;
  log: (line: string) => void;
}

export interface Metric {
  name: string;
  value: number;
  /** Published figures to compare with, e.g. "BM25 0.665 (BEIR)". */
  anchors: string[];
  target?: number;
  /** Its 95% bootstrap interval over the claims (where computed): how far chance alone could move it. */
  interval?: [number, number];
  /** A figure to read, not to maximise (e.g. a stated confidence): the regression floor skips it. */
  informational?: true;
  /** A figure to minimise (a count of mistakes): its target is a ceiling, and the floor fails when it rises. */
  lowerIsBetter?: true;
}

export interface DatasetResult {
  dataset: string;
  split: string;
  task: string;
  claims: number;
  metrics: Metric[];
  labelMapping: string;
  confusion?: Record<string, Record<string, number>>;
  checkMs: { median: number; p90: number };
  notes: string[];
}

export interface Dataset {
  name: string;
  run(options: RunOptions): Promise<DatasetResult>;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) * 10) / 10;
}

export function take<T>(items: T[], limit: number | null): T[] {
  return limit === null ? items : items.slice(0, limit);
}
