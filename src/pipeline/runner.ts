// The runner: chains the stages, emits progress events, times every stage, and
// assembles the report with its provenance.
import { newAnalystContext, type Analyst, type AnalystContext } from "../analysts/analyst.js";
import type { IntakeResult, Judgement, Plan, RankResult } from "../domain/analysis.js";
import type { ProgressEvent, StageName } from "../domain/progress.js";
import type { Report } from "../domain/report.js";
import { codeVersion } from "../domain/version.js";
import type { HttpClient } from "../fetch/http-client.js";
import type { SourcePolicy } from "../sources/policy.js";
import type { SourceHit, SourceProvider } from "../sources/provider.js";
import type { SourceTextRepository } from "../store/source-texts.js";
import { audit } from "./audit.js";
import { gather, mergeHits, type GatherOptions } from "./gather.js";
import { intake } from "./intake.js";
import { judge } from "./judge.js";
import { plan } from "./plan.js";
import { rank } from "./rank.js";
import { read, type ReadOptions } from "./read.js";
import type { GatherResult, ReadResult } from "./types.js";
import { numberSources, write } from "./write.js";

interface PipelineDeps {
  analyst: Analyst;
  providers: SourceProvider[];
  texts: SourceTextRepository;
  /** The network client: reading pages, submitted links, entity linking. Absent: library only. */
  http?: HttpClient;
  policy?: SourcePolicy;
  wikidataUrl?: string;
  onEvent?: (event: ProgressEvent) => void;
  now?: () => Date;
}

/** What the pipeline produces; the check service adds identity (id, url, version, status). */
type ReportBody = Omit<Report, "id" | "url" | "status" | "version">;

/** Runs one stage: emits its start and end, and records its time. */
type StageRunner = <T>(name: StageName, work: () => Promise<T> | T, detail: (out: T) => string) => Promise<T>;

/** The evidence a check has collected so far: what the search found and what could be read. */
interface Collected {
  intake: IntakeResult;
  plan: Plan;
  gathered: GatherResult;
  read: ReadResult;
  checkedAt: string;
}

/**
 * The first stages of a check (intake, plan, gather, read) for an input the service has
 * validated. The training scripts run these too, so the models learn from what a check sees.
 */
export async function collect(input: string, deps: PipelineDeps, ctx: AnalystContext, stage: StageRunner = untimed): Promise<Collected> {
  const { analyst } = deps;
  const linking = { http: deps.http, linkEntities: deps.providers.some((p) => p.id === "wikipedia"), wikidataUrl: deps.wikidataUrl };
  const intook = await stage(
    "intake",
    () => intake(input, analyst, ctx, linking),
    (r) => `${r.input.kind}, ${r.claims.length} claim(s), ${r.category}`,
  );
  deps.onEvent?.({ type: "language", language: intook.language });
  const planned = await stage(
    "plan",
    () => plan(intook, analyst, ctx),
    (p) => `${p.queries.length} queries`,
  );
  const checkedAt = (deps.now?.() ?? new Date()).toISOString();
  const found = await gatherAndRead(planned, 1, null, intook, checkedAt, deps, stage);
  return { intake: intook, plan: planned, ...found, checkedAt };
}

export async function runPipeline(input: string, deps: PipelineDeps): Promise<ReportBody> {
  const emit = deps.onEvent ?? (() => {});
  const timings: { stage: string; ms: number }[] = [];
  const stage: StageRunner = async (name, work, detail) => {
    emit({ type: "stage-started", stage: name });
    const started = performance.now();
    const out = await work();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    timings.push({ stage: name, ms });
    emit({ type: "stage-finished", stage: name, ms, detail: detail(out) });
    return out;
  };

  const { analyst } = deps;
  const ctx = newAnalystContext();
  const collected = await collect(input, deps, ctx, stage);
  const { intake: intook, checkedAt } = collected;
  let { gathered, read: readResult } = collected;
  let { ranked, judgement } = await weigh(intook, readResult, analyst, ctx, emit, stage);

  // An analyst that can (the LLM analyst) searches again until the verdict is settled or its budget is spent.
  const queries = [...collected.plan.queries];
  for (let round = 1; analyst.nextQueries; round++) {
    const more = await analyst.nextQueries(intook, judgement, round, ctx);
    if (more.length === 0) break;
    queries.push(...more);
    ({ gathered, read: readResult } = await gatherAndRead({ queries: more }, round + 1, gathered, intook, checkedAt, deps, stage));
    ({ ranked, judgement } = await weigh(intook, readResult, analyst, ctx, emit, stage));
  }
  const sources = numberSources(readResult.documents, ranked.evidence, judgement);
  const draft = await stage(
    "write",
    () =>
      write(
        { intake: intook, judgement, sources, consulted: { providers: gathered.providers, documentsRead: readResult.documents.length } },
        analyst,
        ctx,
      ),
    (d) => `${d.sections.reduce((n, s) => n + s.paragraphs.length, 0)} paragraphs`,
  );
  const verify = analyst.verifySupport?.bind(analyst);
  const audited = await stage(
    "audit",
    () => audit(draft, sources, (hash) => deps.texts.get(hash), verify ? (items) => verify(items, ctx) : undefined),
    (a) => `${a.record.sentencesChecked} sentences checked, ${a.record.sentencesDropped} dropped`,
  );

  const claimVerdicts = new Map(judgement.claims.map((c) => [c.claimId, c]));
  return {
    slug: intook.slug,
    input: intook.input,
    title: intook.title,
    language: intook.language,
    claims: intook.claims.map((c) => {
      const v = claimVerdicts.get(c.id);
      return v ? { ...c, verdict: { label: v.label, confidence: v.confidence, headline: "" } } : c;
    }),
    unchecked: intook.unchecked ?? [],
    verdict: { ...judgement.overall, headline: draft.headline },
    sections: audited.sections,
    sources: audited.sources,
    followUps: draft.followUps.map((question) => ({ question })),
    method: draft.method ?? [],
    factChecks: factChecksOf(gathered.hits),
    category: intook.category,
    entities: intook.entities,
    provenance: {
      engine: analyst.engine,
      model: analyst.model,
      ranker: analyst.ranker,
      fallback: ctx.fallbacks.length > 0 ? ctx.fallbacks.join("; ") : null,
      queries,
      providers: gathered.providers,
      sourcesConsidered: gathered.hits.length,
      considered: ranked.documents.map(({ documentIndex, score }) => {
        const d = readResult.documents[documentIndex]!;
        return { url: d.url, title: d.title, provider: d.provider, score };
      }),
      rejected: readResult.rejected,
      audit: audited.record,
      timings,
      tokens: {
        prompt: ctx.calls.reduce((n, c) => n + c.promptTokens, 0),
        completion: ctx.calls.reduce((n, c) => n + c.completionTokens, 0),
      },
      calls: ctx.calls,
      costUsd: Math.round(ctx.calls.reduce((n, c) => n + c.costUsd, 0) * 1e6) / 1e6,
      codeVersion: codeVersion(),
    },
    checkedAt,
  };
}

/**
 * A round of search: gather for the queries, merge with what earlier rounds found, and read it
 * all (the page cache makes re-reading cheap).
 */
async function gatherAndRead(
  queries: Plan,
  round: number,
  earlier: GatherResult | null,
  intook: IntakeResult,
  checkedAt: string,
  deps: PipelineDeps,
  stage: StageRunner,
): Promise<{ gathered: GatherResult; read: ReadResult }> {
  const searching: GatherOptions = {
    language: intook.language,
    perQueryLimit: 20,
    policy: deps.policy,
    // A submitted link is not evidence for its own claims.
    exclude: intook.input.kind === "url" ? [intook.input.text] : [],
  };
  const found = await stage(
    "gather",
    () => gather(queries, deps.providers, searching),
    (g) =>
      earlier
        ? `round ${round}: ${g.hits.length} more sources`
        : `${g.hits.length} sources from ${g.providers.filter((p) => p.status === "ok").length}/${g.providers.length} providers`,
  );
  const gathered: GatherResult = earlier
    ? {
        hits: mergeHits([...earlier.hits, ...found.hits]),
        providers: [...earlier.providers, ...found.providers],
        rejected: [...earlier.rejected, ...found.rejected],
      }
    : found;
  deps.onEvent?.({ type: "sources-found", count: gathered.hits.length, providers: gathered.providers });
  const reading: ReadOptions = { now: checkedAt, maxDocuments: 30, http: deps.http, policy: deps.policy, rejected: gathered.rejected };
  const readResult = await stage(
    "read",
    () => read(gathered.hits, deps.texts, reading),
    (r) => (earlier ? `${r.documents.length} read` : `${r.documents.length} read, ${r.rejected.length} set aside`),
  );
  return { gathered, read: readResult };
}

/** Rank what was read and judge it. */
async function weigh(
  intook: IntakeResult,
  readResult: ReadResult,
  analyst: Analyst,
  ctx: AnalystContext,
  emit: (event: ProgressEvent) => void,
  stage: StageRunner,
): Promise<{ ranked: RankResult; judgement: Judgement }> {
  const ranked = await stage(
    "rank",
    () => rank(intook.claims, readResult.documents, analyst, ctx),
    (r) => `${r.evidence.length} passages kept`,
  );
  emit({ type: "passages-kept", count: ranked.evidence.length });
  const judgement = await stage(
    "judge",
    () => judge(intook.claims, ranked.evidence, analyst, ctx),
    (j) => `${j.overall.label} (${Math.round(j.overall.confidence * 100)}%)`,
  );
  return { ranked, judgement };
}

const untimed: StageRunner = async (_name, work) => work();

/** Earlier professional fact-checks among the hits, one per review URL. */
function factChecksOf(hits: SourceHit[]): ReportBody["factChecks"] {
  const seen = new Set<string>();
  const out: ReportBody["factChecks"] = [];
  for (const hit of hits) {
    const f = hit.factCheck;
    if (!f || seen.has(f.url)) continue;
    seen.add(f.url);
    out.push({
      claim: f.claim,
      claimant: f.claimant,
      publisher: f.publisher,
      rating: f.rating,
      url: f.url,
      title: f.title,
      reviewedAt: f.reviewedAt,
    });
  }
  return out;
}
