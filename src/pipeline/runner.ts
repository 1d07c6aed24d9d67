// The runner: chains the stages, emits progress events, times every stage, and
// assembles the report with its provenance.
import type { Report } from "../domain/report.js";
import { newAnalystContext, type Analyst } from "../analysts/analyst.js";
import type { SourceHit, SourceProvider } from "../sources/provider.js";
import type { SourceTextRepository } from "../store/source-texts.js";
import type { SourcePolicy } from "../sources/policy.js";
import type { HttpClient } from "../fetch/http-client.js";
import { audit } from "./audit.js";
import { gather, mergeHits } from "./gather.js";
import { intake } from "./intake.js";
import { plan } from "./plan.js";
import { rank } from "./rank.js";
import { read } from "./read.js";
import { judge } from "./judge.js";
import { numberSources, write } from "./write.js";
import type { IntakeResult, ProgressEvent, StageName } from "./types.js";
import { codeVersion } from "../domain/version.js";

export interface PipelineDeps {
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
export type ReportBody = Omit<Report, "id" | "url" | "status" | "version">;

export async function runPipeline(rawInput: string, deps: PipelineDeps, known?: IntakeResult): Promise<ReportBody> {
  const emit = deps.onEvent ?? (() => {});
  const timings: { stage: string; ms: number }[] = [];
  async function stage<T>(name: StageName, work: () => Promise<T> | T, detail: (out: T) => string): Promise<T> {
    emit({ type: "stage-started", stage: name });
    const started = performance.now();
    const out = await work();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    timings.push({ stage: name, ms });
    emit({ type: "stage-finished", stage: name, ms, detail: detail(out) });
    return out;
  }

  const { analyst } = deps;
  const ctx = newAnalystContext();
  const linking = { http: deps.http, linkEntities: deps.providers.some((p) => p.id === "wikipedia"), wikidataUrl: deps.wikidataUrl };
  const intook = await stage(
    "intake",
    () => known ?? intake(rawInput, analyst, ctx, linking),
    (r) => `${r.input.kind}, ${r.claims.length} claim(s), ${r.category}`,
  );
  const planned = await stage(
    "plan",
    () => plan(intook, analyst, ctx),
    (p) => `${p.queries.length} queries`,
  );
  const searching = {
    language: intook.language,
    perQueryLimit: 20,
    policy: deps.policy,
    exclude: intook.input.kind === "url" ? [intook.input.text] : [],
  };
  let gathered = await stage(
    "gather",
    () => gather(planned, deps.providers, searching),
    (g) => `${g.hits.length} sources from ${g.providers.filter((p) => p.status === "ok").length}/${g.providers.length} providers`,
  );
  emit({ type: "sources-found", count: gathered.hits.length, providers: gathered.providers });
  const checkedAt = (deps.now?.() ?? new Date()).toISOString();
  const readOptions = { now: checkedAt, maxDocuments: 30, http: deps.http, policy: deps.policy };
  let readResult = await stage(
    "read",
    () => read(gathered.hits, deps.texts, { ...readOptions, rejected: gathered.rejected }),
    (r) => `${r.documents.length} read, ${r.rejected.length} set aside`,
  );
  let ranked = await stage(
    "rank",
    () => rank(intook.claims, readResult.documents),
    (r) => `${r.evidence.length} passages kept`,
  );
  emit({ type: "passages-kept", count: ranked.evidence.length });
  let judgement = await stage(
    "judge",
    () => judge(intook.claims, ranked.evidence, analyst, ctx),
    (j) => `${j.overall.label} (${Math.round(j.overall.confidence * 100)}%)`,
  );

  // An analyst that can (the LLM analyst) searches again until the verdict is settled or its budget is spent.
  const queries = [...planned.queries];
  for (let round = 1; analyst.nextQueries; round++) {
    const more = await analyst.nextQueries(intook, judgement, round, ctx);
    if (more.length === 0) break;
    queries.push(...more);
    const extra = await stage(
      "gather",
      () => gather({ queries: more }, deps.providers, searching),
      (g) => `round ${round + 1}: ${g.hits.length} more sources`,
    );
    gathered = {
      hits: mergeHits([...gathered.hits, ...extra.hits]),
      providers: [...gathered.providers, ...extra.providers],
      rejected: [...gathered.rejected, ...extra.rejected],
    };
    emit({ type: "sources-found", count: gathered.hits.length, providers: gathered.providers });
    readResult = await stage(
      "read",
      () => read(gathered.hits, deps.texts, { ...readOptions, rejected: gathered.rejected }),
      (r) => `${r.documents.length} read`,
    );
    ranked = await stage(
      "rank",
      () => rank(intook.claims, readResult.documents),
      (r) => `${r.evidence.length} passages kept`,
    );
    emit({ type: "passages-kept", count: ranked.evidence.length });
    judgement = await stage(
      "judge",
      () => judge(intook.claims, ranked.evidence, analyst, ctx),
      (j) => `${j.overall.label} (${Math.round(j.overall.confidence * 100)}%)`,
    );
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
    verdict: { ...judgement.overall, headline: draft.headline },
    sections: audited.sections,
    sources: audited.sources,
    followUps: draft.followUps.map((question) => ({ question })),
    factChecks: factChecksOf(gathered.hits),
    category: intook.category,
    entities: intook.entities,
    provenance: {
      engine: analyst.engine,
      model: analyst.model,
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
