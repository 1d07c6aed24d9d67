// What every analyst does, the local one and the LLM one alike: intake draws claims with ids from the
// input, plan gives queries for known claims only, rank keeps passages verbatim from the documents,
// judge judges every passage and gives a verdict per claim, and write cites only the numbered
// sources, quoting them verbatim. Each step is its own work: no fallback, and a model call only
// where the analyst uses a model. The LLM analyst runs against the fixture OpenAI server answering
// as a careful model would; what it does with a model that misbehaves is in
// test/unit/analysts/llm/index.test.ts.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { newAnalystContext, type Analyst, type AnalystContext } from "../../src/analysts/analyst.js";
import { createLlmAnalyst } from "../../src/analysts/llm/index.js";
import { localAnalyst } from "../helpers/encoder.js";
import { CATEGORIES } from "../../src/domain/categories.js";
import { INPUT_KINDS, VERDICT_LABELS } from "../../src/domain/report.js";
import { numberSources } from "../../src/pipeline/write.js";
import { carefulModel } from "../fixtures/careful-model.js";
import { CLAIM, DOCS, INTAKE } from "../fixtures/coffee-check.js";
import { startOpenAIServer } from "../fixtures/servers/openai.js";

/** An analyst under contract, and the steps it takes to a model. */
interface Subject {
  name: string;
  engine: "local" | "llm";
  model: string | null;
  modelSteps: string[];
  start(): Promise<{ analyst: Analyst; close(): Promise<void> }>;
}

const SUBJECTS: Subject[] = [
  {
    name: "the local analyst",
    engine: "local",
    model: null,
    modelSteps: [],
    start: async () => ({ analyst: localAnalyst(), close: async () => {} }),
  },
  {
    name: "the LLM analyst",
    engine: "llm",
    model: "openai:gpt-4o-mini",
    modelSteps: ["intake", "plan", "judge", "write"],
    start: async () => {
      const server = await startOpenAIServer({ apiKey: "sk-test" });
      server.otherwise = carefulModel;
      const env = {
        VERITY_LLM: "openai:gpt-4o-mini",
        OPENAI_BASE_URL: `${server.url}/v1`,
        OPENAI_API_KEY: "sk-test",
        VERITY_LLM_MAX_RETRIES: "0",
      };
      return { analyst: createLlmAnalyst(env, { fallback: localAnalyst() })!, close: () => server.close() };
    },
  },
];

const INPUT = "Coffee causes cancer.";
const inUnit = (x: number) => Number.isFinite(x) && x >= 0 && x <= 1;

for (const subject of SUBJECTS) {
  describe(`analyst contract: ${subject.name}`, () => {
    let analyst: Analyst;
    let close: () => Promise<void>;
    before(async () => ({ analyst, close } = await subject.start()));
    after(() => close());

    /** The step was the analyst's own work: no fallback, and one model call for it only if it takes the step to a model. */
    function assertOwnWork(ctx: AnalystContext, step: string): void {
      assert.deepEqual(ctx.fallbacks, []);
      assert.deepEqual(
        ctx.calls.map((c) => c.step),
        subject.modelSteps.includes(step) ? [step] : [],
      );
    }

    it("names its engine, its model and its ranker", () => {
      assert.equal(analyst.engine, subject.engine);
      assert.equal(analyst.model, subject.model);
      assert.ok(analyst.ranker.trim().length > 0);
    });

    it("intake: draws claims with ids from the input", async () => {
      const ctx = newAnalystContext();
      const intake = await analyst.intake(INPUT, ctx);
      assertOwnWork(ctx, "intake");
      assert.deepEqual(intake.input, { text: INPUT, kind: "claim" });
      assert.ok((INPUT_KINDS as readonly string[]).includes(intake.input.kind));
      assert.ok(intake.claims.length >= 1);
      assert.deepEqual(
        intake.claims.map((c) => c.id),
        intake.claims.map((_, i) => `c${i + 1}`),
      );
      for (const claim of intake.claims) {
        assert.ok(claim.text.trim().length > 0);
        if (claim.span) assert.ok(claim.span.start >= 0 && claim.span.start < claim.span.end && claim.span.end <= INPUT.length);
      }
      assert.ok(intake.title.trim().length > 0);
      assert.match(intake.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.equal(intake.language, "en");
      assert.ok((CATEGORIES as readonly string[]).includes(intake.category));
    });

    it("plan: gives queries for known claims only, and for every claim", async () => {
      const ctx = newAnalystContext();
      const plan = await analyst.plan(INTAKE, ctx);
      assertOwnWork(ctx, "plan");
      const ids = INTAKE.claims.map((c) => c.id);
      assert.ok(plan.queries.length >= 1);
      for (const q of plan.queries) {
        assert.ok(ids.includes(q.claimId), `query for unknown claim ${q.claimId}`);
        assert.ok(q.text.trim().length > 0);
      }
      for (const id of ids)
        assert.ok(
          plan.queries.some((q) => q.claimId === id),
          `no query for ${id}`,
        );
    });

    it("rank: keeps passages verbatim from the documents, for known claims", async () => {
      const ctx = newAnalystContext();
      const { evidence, documents } = await analyst.rank([CLAIM], DOCS, ctx);
      assertOwnWork(ctx, "rank");
      assert.ok(evidence.length >= 1);
      assert.equal(new Set(evidence.map((e) => e.id)).size, evidence.length, "each passage once");
      for (const e of evidence) {
        assert.equal(e.claimId, CLAIM.id);
        assert.ok(e.quote.trim().length > 0 && DOCS[e.documentIndex]!.text.includes(e.quote), `verbatim: ${e.quote}`);
        assert.ok(e.context.includes(e.quote));
        assert.ok(inUnit(e.relevance) && inUnit(e.bearing) && inUnit(e.documentRelevance));
      }
      for (const d of documents) assert.ok(d.documentIndex >= 0 && d.documentIndex < DOCS.length);
    });

    it("judge: judges every passage and gives a verdict per claim", async () => {
      const { evidence } = await analyst.rank([CLAIM], DOCS, newAnalystContext());
      const ctx = newAnalystContext();
      const judgement = await analyst.judge([CLAIM], evidence, ctx);
      assertOwnWork(ctx, "judge");
      assert.deepEqual(
        judgement.evidence.map((j) => j.evidenceId),
        evidence.map((e) => e.id),
      );
      for (const j of judgement.evidence) assert.ok(["supports", "refutes", "neutral"].includes(j.stance) && inUnit(j.weight));
      assert.deepEqual(
        judgement.claims.map((c) => c.claimId),
        [CLAIM.id],
      );
      for (const v of [...judgement.claims, judgement.overall]) {
        assert.ok((VERDICT_LABELS as readonly string[]).includes(v.label) && inUnit(v.confidence));
      }
    });

    it("judge: calls a claim without evidence unverified", async () => {
      const judgement = await analyst.judge([CLAIM], [], newAnalystContext());
      assert.deepEqual(
        judgement.claims.map((c) => [c.claimId, c.label]),
        [[CLAIM.id, "unverified"]],
      );
      assert.equal(judgement.overall.label, "unverified");
    });

    it("write: writes the three sections, citing only the numbered sources and quoting them verbatim", async () => {
      const { evidence } = await analyst.rank([CLAIM], DOCS, newAnalystContext());
      const judgement = await analyst.judge([CLAIM], evidence, newAnalystContext());
      const sources = numberSources(DOCS, evidence, judgement);
      assert.ok(sources.length >= 1);
      const ctx = newAnalystContext();
      const draft = await analyst.write(
        {
          intake: INTAKE,
          judgement,
          sources,
          consulted: { providers: [{ id: "library", status: "ok", results: DOCS.length, error: null }], documentsRead: DOCS.length },
        },
        ctx,
      );
      assertOwnWork(ctx, "write");
      assert.ok(draft.headline.trim().length > 0);
      assert.deepEqual(
        draft.sections.map((s) => s.kind),
        ["summary", "context", "bias"],
      );
      const text = new Map(sources.map((s) => [s.n, s.document.text]));
      for (const sentence of draft.sections.flatMap((s) => s.paragraphs.flat())) {
        assert.ok(sentence.text.trim().length > 0);
        for (const n of sentence.cites) assert.ok(text.has(n), `cites [${n}]: ${sentence.text}`);
        for (const q of sentence.quotes) assert.ok(text.get(q.n)?.includes(q.text), `quotes [${q.n}] verbatim: ${q.text}`);
      }
      assert.ok(draft.followUps.length >= 1 && draft.followUps.every((f) => f.trim().length > 0));
    });
  });
}
