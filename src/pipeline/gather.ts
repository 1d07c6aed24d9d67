// Stage 3, gather: ask every enabled provider in parallel, then merge and de-duplicate.
// A provider that fails or times out is recorded, never fatal.
import { errorMessage } from "../domain/errors.js";
import { applyPolicy, SourcePolicy } from "../sources/policy.js";
import type { SourceHit, SourceProvider } from "../sources/provider.js";
import type { GatherResult } from "./types.js";
import type { Plan, ProviderRecord } from "../domain/analysis.js";

export interface GatherOptions {
  language: string;
  perQueryLimit?: number;
  timeoutMs?: number;
  /** Operator's domain allow/deny lists and recency filter. */
  policy?: SourcePolicy;
  /** URLs never to use as evidence (a submitted link is not evidence for its own claims). */
  exclude?: string[];
}

export async function gather(plan: Plan, providers: SourceProvider[], options: GatherOptions): Promise<GatherResult> {
  const limit = options.perQueryLimit ?? 10;
  const records: ProviderRecord[] = [];
  const batches = await Promise.all(
    providers.map(async (provider) => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(new Error("timed out")), options.timeoutMs ?? 20_000);
      try {
        const perQuery = await Promise.all(
          plan.queries.map((q) =>
            provider.search(
              {
                query: q.text,
                claimId: q.claimId,
                limit,
                language: options.language,
                ...(plan.maxAgeDays ? { maxAgeDays: plan.maxAgeDays } : {}),
              },
              controller.signal,
            ),
          ),
        );
        const hits = perQuery.flat();
        records.push({ id: provider.id, status: "ok", results: hits.length, error: null });
        return hits;
      } catch (error) {
        records.push({ id: provider.id, status: "failed", results: 0, error: errorMessage(error).slice(0, 300) });
        return [];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  records.sort((a, b) => providers.findIndex((p) => p.id === a.id) - providers.findIndex((p) => p.id === b.id));
  const excluded = new Set((options.exclude ?? []).map(canonicalUrl));
  const merged = mergeHits(batches.flat());
  const rejected: GatherResult["rejected"] = merged
    .filter((h) => excluded.has(canonicalUrl(h.url)))
    .map((h) => ({ url: h.url, title: h.title, reason: "the submitted page itself" }));
  const candidates = merged.filter((h) => !excluded.has(canonicalUrl(h.url)));
  // A time-sensitive question tightens the operator's recency filter to its own window.
  const policy = plan.maxAgeDays ? (options.policy ?? new SourcePolicy()).withMaxAgeDays(plan.maxAgeDays) : options.policy;
  if (!policy) return { hits: candidates, providers: records, rejected };
  // The operator's own library is curated already: the policy is for what comes from outside.
  const fromLibrary = candidates.filter((h) => h.provider === "library");
  const { kept, rejected: byPolicy } = applyPolicy(
    candidates.filter((h) => h.provider !== "library"),
    policy,
  );
  return { hits: [...fromLibrary, ...kept].sort((a, b) => b.score - a.score), providers: records, rejected: [...rejected, ...byPolicy] };
}

/** One hit per document (by canonical URL), keeping the best score and the first full text. */
export function mergeHits(hits: SourceHit[]): SourceHit[] {
  const byUrl = new Map<string, SourceHit>();
  for (const hit of hits) {
    const key = canonicalUrl(hit.url);
    const seen = byUrl.get(key);
    if (!seen) byUrl.set(key, { ...hit });
    else {
      seen.score = Math.max(seen.score, hit.score);
      seen.text ??= hit.text;
    }
  }
  return [...byUrl.values()].sort((a, b) => b.score - a.score);
}

/** Same page, same key: no fragment, no tracking parameters, no trailing slash, lower-case host. */
export function canonicalUrl(url: string): string {
  if (!/^https?:/i.test(url)) return url;
  try {
    const u = new URL(url);
    u.hash = "";
    for (const p of [...u.searchParams.keys()]) if (/^(utm_|fbclid|gclid|ref$)/i.test(p)) u.searchParams.delete(p);
    u.hostname = u.hostname.toLowerCase().replace(/^www\./, "");
    return u.toString().replace(/\/$/, "");
  } catch {
    return url;
  }
}
