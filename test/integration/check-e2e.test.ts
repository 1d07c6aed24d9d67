import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { citedNumbers, Report } from "../../src/domain/report.js";
import { SourceTextRepository } from "../../src/store/source-texts.js";
import type { ProgressEvent } from "../../src/domain/progress.js";
import { LIBRARY, THREE_CLAIMS_LIBRARY, THREE_CLAIMS_TEXT } from "../fixtures/library-docs.js";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { evidenceAnchor } from "../../src/domain/report.js";
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
      assert.ok(report.followUps.length >= 2 && report.followUps.length <= 5, report.followUps.map((f) => f.question).join(" | "));
      assert.equal(new Set(report.followUps.map((f) => f.question)).size, report.followUps.length, "each follow-up is different");
      assert.match(report.url, new RegExp(`^/checks/justice/${report.slug}-${report.id.slice(0, 8)}$`));
      // The answer leads; the claim links to it from "Claims checked".
      const answer = report.sections.find((s) => s.kind === "summary")!.paragraphs[0]!;
      assert.equal(answer.claimId, "c1");
      assert.match(answer.text, /^Yes\. /);
      assert.ok(renderHtml(report, { standalone: false }).includes(`href="#${evidenceAnchor("c1")}"`));
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
      const summary = report.sections.find((s) => s.kind === "summary")!.paragraphs;
      assert.ok(
        summary.some((p) => p.heading?.includes("ICE detainer")) &&
          summary.some((p) => p.heading === "Refuted: The Great Wall of China is visible from space with the naked eye"),
        summary.map((p) => `${p.heading}: ${p.text}`).join("\n"),
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

describe("a text of several claims: every sentence checked or listed with its reason", () => {
  let v: Awaited<ReturnType<typeof tempVerity>>;
  let texts: SourceTextRepository;
  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany([...LIBRARY, ...THREE_CLAIMS_LIBRARY]);
    texts = new SourceTextRepository(v.store);
  });
  after(async () => v.cleanup());

  it("checks each of the issue's three claims, with its verdict and a link to its evidence", async () => {
    const { report } = await v.service.check(THREE_CLAIMS_TEXT);
    assert.equal(report.input.kind, "text");
    assert.deepEqual(
      report.claims.map((c) => c.text),
      [
        "Regular coffee drinking lowers the risk of type 2 diabetes.",
        "Smoking during pregnancy doubles the risk of sudden infant death syndrome.",
        "Taking aspirin every day prevents colorectal cancer in all adults.",
      ],
    );
    assert.deepEqual(report.unchecked, []);
    const summary = report.sections.find((s) => s.kind === "summary")!;
    for (const claim of report.claims) {
      assert.ok(claim.verdict, `${claim.text} has its verdict`);
      const paragraph = summary.paragraphs.find((p) => p.claimId === claim.id);
      assert.ok(paragraph, `${claim.text} has a paragraph of evidence`);
    }
    assert.match(report.verdict.headline, /three claims checked/);
    // Findings, not quote lists: each claim's paragraph is headed by its verdict, leads with how the
    // sources line up, and names its source by publisher, in reported speech (the quotes are in Sources).
    const aspirin = summary.paragraphs.find((p) => p.claimId === report.claims[2]!.id)!;
    assert.equal(aspirin.heading, "Refuted: Taking aspirin every day prevents colorectal cancer in all adults");
    assert.match(
      aspirin.text,
      /^One source contradicts it; none supports it\. US Preventive Services Task Force reports that taking aspirin/,
    );
    for (const section of report.sections) {
      for (const p of section.paragraphs) {
        assert.doesNotMatch(p.text, /“[^”]*…”|states: “/, `no cut titles, no quote lists: ${p.text}`);
        assert.doesNotMatch(p.text, /This (?:check read|reading is)/, "method notes are not findings");
      }
    }
    // The context is organised into named sub-topics.
    const topics = report.sections.find((s) => s.kind === "context")!.paragraphs.map((p) => p.heading);
    assert.ok(topics.includes("How large the effect is") && topics.includes("Over what time"), topics.join(" | "));
    assert.ok(
      report.method.some((m) => /^This check read \w+ documents from the local library/.test(m)),
      report.method.join(" | "),
    );
    // The bias section reads each claim as put.
    const bias = report.sections
      .find((s) => s.kind === "bias")!
      .paragraphs.map((p) => p.text)
      .join(" ");
    assert.match(bias, /“Regular coffee drinking lowers the risk of type 2 diabetes” says “lowers” without saying by how much/);
    assert.match(bias, /“Taking aspirin every day prevents colorectal cancer in all adults” uses the absolute term “all”/);
    // Follow-ups come from what the evidence left open, each different.
    const followUps = report.followUps.map((f) => f.question);
    assert.ok(
      followUps.includes("Does taking aspirin every day prevent colorectal cancer in adults aged 50 to 59?"),
      followUps.join(" | "),
    );
    assert.ok(followUps.includes("By how much does regular coffee drinking lower the risk of type 2 diabetes?"), followUps.join(" | "));
    assert.equal(new Set(followUps).size, followUps.length);
    const html = renderHtml(report, { standalone: false });
    assert.match(html, /<h2>Claims checked<\/h2>/);
    for (const claim of report.claims) {
      const anchor = evidenceAnchor(claim.id);
      assert.ok(html.includes(`href="#${anchor}"`), `the claim links to its evidence: ${claim.text}`);
      assert.ok(html.includes(`id="${anchor}"`), `the link resolves: ${claim.text}`);
    }
    await assertInvariants(report, texts);
  });

  it("lists the sentences it did not check with the reason, and its bias section ignores them", async () => {
    const text = `I think this is an outrageous scandal. ${THREE_CLAIMS_TEXT} Why does nobody talk about it? Share this post!`;
    const { report } = await v.service.check(text);
    assert.equal(report.claims.length, 3);
    assert.deepEqual(
      report.unchecked.map((u) => [u.text, u.reason]),
      [
        ["I think this is an outrageous scandal.", "opinion"],
        ["Why does nobody talk about it?", "question"],
        ["Share this post!", "instruction"],
      ],
    );
    const bias = report.sections
      .find((s) => s.kind === "bias")!
      .paragraphs.map((p) => p.text)
      .join(" ");
    assert.doesNotMatch(bias, /outrageous|scandal/, "the bias section speaks of the claims checked only");
    assert.match(bias, /“all”/, "it reads the absolute term of the aspirin claim");
    const md = renderMarkdown(report);
    assert.match(md, /### Sentences not checked/);
    assert.match(md, /“Share this post!” \(an instruction or appeal, not a statement\)/);
    await assertInvariants(report, texts);
  });
});
