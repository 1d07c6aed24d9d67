import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { citedNumbers, Report } from "../../src/domain/report.js";
import { SourceTextRepository } from "../../src/store/source-texts.js";
import type { ProgressEvent } from "../../src/domain/progress.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { tempVerity } from "../helpers/verity.js";
import { BACKENDS } from "../helpers/stores.js";

/** The report invariants every published report must keep. */
async function assertInvariants(report: Report, texts: SourceTextRepository): Promise<void> {
  Report.parse(report);
  const numbers = new Set(report.sources.map((s) => s.n));
  assert.deepEqual(
    [...numbers],
    report.sources.map((_, i) => i + 1),
    "sources are numbered 1..k",
  );
  const cited = new Set<number>();
  for (const section of report.sections) {
    for (const p of section.paragraphs) {
      for (const n of citedNumbers(p.text)) {
        assert.ok(numbers.has(n), `[${n}] resolves to a listed source`);
        cited.add(n);
      }
    }
  }
  for (const source of report.sources) {
    assert.ok(cited.has(source.n), `source ${source.n} is cited`);
    assert.ok(source.quotes.length > 0, "every source carries its quoted passages");
    const stored = await texts.get(source.textHash);
    assert.ok(stored, "the source's text is stored");
    for (const q of source.quotes) assert.ok(stored.includes(q), `quote is verbatim in the stored text: ${q}`);
  }
  assert.deepEqual(
    report.sections.map((s) => s.kind),
    ["summary", "context", "bias"],
  );
}

for (const backend of BACKENDS) {
  describe(`a check end to end over a small library, on ${backend.name}`, { skip: backend.skip }, () => {
    let v: Awaited<ReturnType<typeof tempVerity>>;
    let texts: SourceTextRepository;
    before(async () => {
      v = await tempVerity({ backend: backend.name });
      await v.library.upsertMany(LIBRARY);
      texts = new SourceTextRepository(v.store);
    });
    after(async () => v.cleanup());

    it("answers a question with a cited, audited report and live progress", async () => {
      const events: ProgressEvent[] = [];
      const { report, reused } = await v.service.check("Can local police refuse ICE detainer requests?", {
        onEvent: (e) => events.push(e),
      });
      assert.equal(reused, false);
      assert.equal(report.input.kind, "question");
      assert.equal(report.claims[0]!.text, "Local police can refuse ICE detainer requests.");
      assert.equal(report.verdict.label, "supported");
      assert.ok(report.verdict.confidence > 0.4 && report.verdict.confidence <= 0.85);
      assert.match(report.verdict.headline, /^Yes/);
      assert.equal(report.category, "justice");
      assert.ok(report.sources.length >= 1);
      assert.ok(report.sources.some((s) => s.url === "https://example.org/detainers"));
      assert.ok(report.followUps.length >= 4 && report.followUps.length <= 5);
      assert.match(report.url, new RegExp(`^/checks/justice/${report.slug}-${report.id.slice(0, 8)}$`));
      await assertInvariants(report, texts);

      const finished = events.filter((e) => e.type === "stage-finished").map((e) => (e as { stage: string }).stage);
      assert.deepEqual(finished, ["intake", "plan", "gather", "read", "rank", "judge", "write", "audit"]);
      assert.ok(events.some((e) => e.type === "sources-found" && e.count > 0));
      assert.ok(events.some((e) => e.type === "passages-kept" && e.count > 0));
      assert.deepEqual(
        report.provenance.timings.map((t) => t.stage),
        finished,
      );
      assert.equal(report.provenance.engine, "local");
      assert.ok(report.provenance.queries.length >= 2);
    });

    it("refutes a claim the library contradicts", async () => {
      const { report } = await v.service.check("The Great Wall of China is visible from space with the naked eye.");
      assert.equal(report.verdict.label, "refuted");
      await assertInvariants(report, texts);
    });

    it("says unverified, and cites nothing, when the library has nothing on the question", async () => {
      const { report } = await v.service.check("Did the Roman emperor Caligula appoint his horse as consul?");
      assert.equal(report.verdict.label, "unverified");
      assert.ok(report.verdict.confidence < 0.4);
      assert.match(report.verdict.headline, /^Unclear/);
      await assertInvariants(report, texts);
    });

    it("splits a pasted text into its check-worthy claims and judges each", async () => {
      const text =
        "I read this on a forum yesterday. Local police can refuse ICE detainer requests in 2023. " +
        "The Great Wall of China is visible from space with the naked eye. What do you think?";
      const { report } = await v.service.check(text);
      assert.equal(report.input.kind, "text");
      assert.equal(
        report.title,
        "Local police can refuse ICE detainer requests in 2023",
        "titled by its main claim, not its opening words",
      );
      assert.match(report.verdict.headline, /of the two claims checked/);
      const claims = report.claims.map((c) => c.text);
      assert.ok(
        claims.some((c) => /ICE detainer/.test(c)),
        claims.join(" | "),
      );
      assert.ok(
        claims.some((c) => /Great Wall/.test(c)),
        claims.join(" | "),
      );
      assert.ok(!claims.some((c) => /What do you think/.test(c)), "a question to the reader is not a claim");
      for (const c of report.claims) {
        assert.ok(c.verdict, "each claim has its own verdict");
        assert.equal(text.slice(c.span!.start, c.span!.end), c.text);
      }
      assert.equal(report.claims.find((c) => /Great Wall/.test(c.text))!.verdict!.label, "refuted");
      // The summary speaks to each claim in turn.
      const summary = report.sections.find((s) => s.kind === "summary")!.paragraphs.map((p) => p.text);
      assert.ok(
        summary.some((p) => p.includes("ICE detainer")) && summary.some((p) => p.includes("Great Wall") && /refuted/.test(p)),
        summary.join("\n"),
      );
      await assertInvariants(report, texts);
    });

    it("answers the same question again from the store, and re-checks it on request", async () => {
      const first = await v.service.check("Can local police refuse ICE detainer requests?");
      assert.equal(first.reused, true);
      const again = await v.service.check("can local police refuse ICE detainer requests", {});
      assert.equal(again.reused, true, "case and punctuation do not matter");
      assert.equal(again.report.id, first.report.id);

      const fresh = await v.service.check("Can local police refuse ICE detainer requests?", { fresh: true });
      assert.equal(fresh.reused, false);
      assert.equal(fresh.report.id, first.report.id, "a refresh is a new version of the same check");
      assert.equal(fresh.report.version, first.report.version + 1);
      assert.deepEqual(
        (await v.checks.versions(first.report.id)).map((x) => x.version),
        [1, 2],
      );
    });

    it("re-checks a stored check once it is older than its category's freshness window", async () => {
      const { CheckService } = await import("../../src/service/check-service.js");
      const { localAnalyst } = await import("../helpers/encoder.js");
      const { createProviders } = await import("../../src/sources/registry.js");
      const later = new CheckService(
        v.store,
        localAnalyst(),
        createProviders(["library"], v.store),
        {},
        () => new Date(Date.now() + 400 * 86_400_000),
      );
      const outcome = await later.check("Can local police refuse ICE detainer requests?");
      assert.equal(outcome.reused, false);
      assert.equal(outcome.report.version, 3);
    });
  });
}

describe("an editor's corrections", () => {
  it("outlive a re-run: the new version keeps the edited title and category", async () => {
    const v = await tempVerity();
    try {
      await v.library.upsertMany(LIBRARY);
      const first = await v.service.check("Can local police refuse ICE detainer requests?");
      await v.checks.editMeta(first.report.id, { title: "Local police and ICE detainers", category: "politics" }, new Date().toISOString());
      const rerun = await v.service.check("Can local police refuse ICE detainer requests?", { fresh: true });
      assert.equal(rerun.report.version, 2);
      assert.equal(rerun.report.title, "Local police and ICE detainers");
      assert.equal(rerun.report.category, "politics");
      assert.match(rerun.report.url, /^\/checks\/politics\//);
      assert.equal(rerun.report.editorial?.title, "Local police and ICE detainers");
    } finally {
      await v.cleanup();
    }
  });
});
