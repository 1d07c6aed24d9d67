import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BadInputError } from "../../src/domain/errors.js";
import { MAX_INPUT_CHARS } from "../../src/domain/limits.js";
import type { Claim } from "../../src/domain/report.js";
import { POLARITY_FEATURES, polarityFeatures } from "../../src/analysts/local/polarity-features.js";
import { judgeEvidence } from "../../src/analysts/local/judge.js";
import { verdictFor } from "../../src/domain/verdict.js";
import { calibrateConfidence } from "../../src/analysts/local/confidence.js";
import { writeDraft } from "../../src/analysts/local/write.js";
import { audit, supportedBy } from "../../src/pipeline/audit.js";
import { canonicalUrl, gather, mergeHits } from "../../src/pipeline/gather.js";
import { validateInput } from "../../src/domain/input.js";
import { rankPassages } from "../../src/analysts/local/rank.js";
import { RATIONALE_FEATURES, rationaleFeatures } from "../../src/analysts/local/rationale-features.js";
import { contentTerms, words } from "../../src/domain/text.js";
import type { Draft, NumberedSource, ReadDocument } from "../../src/domain/analysis.js";
import { numberSources } from "../../src/pipeline/write.js";
import { hashText } from "../../src/store/library.js";
import type { SourceHit, SourceProvider } from "../../src/sources/provider.js";

function readDoc(title: string, text: string, i = 0): ReadDocument {
  return {
    url: `library:jsonl:${i}`,
    title,
    publisher: null,
    author: null,
    publishedAt: null,
    retrievedAt: "2026-01-01T00:00:00.000Z",
    provider: "library",
    text,
    textHash: hashText(text),
    searchScore: 1,
    reliabilityNote: null,
  };
}

const claim: Claim = { id: "c1", text: "Local police can refuse ICE detainer requests." };

describe("intake validation", () => {
  it("rejects empty, whitespace-only, over-long and binary input with a reason", () => {
    assert.throws(
      () => validateInput(""),
      (e: Error) => e instanceof BadInputError && /empty/.test(e.message),
    );
    assert.throws(() => validateInput(" \n\t "), BadInputError);
    assert.throws(() => validateInput("x".repeat(MAX_INPUT_CHARS + 1)), /too long: 5001 characters \(the limit is 5000\)/);
    assert.throws(() => validateInput("abc\u0000def"), /control characters/);
    assert.equal(validateInput("  Is coffee bad?\r\n"), "Is coffee bad?");
  });
});

describe("gather", () => {
  const hit = (url: string, score: number, provider = "a"): SourceHit => ({
    provider,
    url,
    title: url,
    publisher: null,
    author: null,
    publishedAt: null,
    snippet: null,
    score,
    text: "t",
  });

  it("merges the same page from several providers into one hit with the best score", () => {
    const merged = mergeHits([
      hit("https://www.example.org/page?utm_source=x#top", 1, "a"),
      hit("https://example.org/page", 3, "b"),
      hit("https://example.org/other", 2, "a"),
    ]);
    assert.equal(merged.length, 2);
    assert.equal(merged[0]!.score, 3);
    assert.equal(canonicalUrl("https://WWW.Example.org/a/?utm_medium=y&q=1#f"), "https://example.org/a/?q=1");
  });

  it("records a failing provider and keeps the others' results", async () => {
    const ok: SourceProvider = { id: "ok", search: async (r) => [hit(`https://ok.test/${r.query}`, 1, "ok")] };
    const broken: SourceProvider = {
      id: "broken",
      search: async () => {
        throw new Error("HTTP 500 from upstream");
      },
    };
    const slow: SourceProvider = {
      id: "slow",
      search: (_r, signal) => new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason))),
    };
    const result = await gather(
      {
        queries: [
          { claimId: "c1", text: "q1", angle: "supporting" },
          { claimId: "c1", text: "q2", angle: "context" },
        ],
      },
      [ok, broken, slow],
      { language: "en", timeoutMs: 50 },
    );
    assert.equal(result.hits.length, 2);
    assert.deepEqual(
      result.providers.map((p) => [p.id, p.status]),
      [
        ["ok", "ok"],
        ["broken", "failed"],
        ["slow", "failed"],
      ],
    );
    assert.match(result.providers[1]!.error!, /HTTP 500/);
    assert.match(result.providers[2]!.error!, /timed out/);
  });
});

describe("rank", () => {
  it("keeps verbatim sentences that bear on the claim, at most a few per document", () => {
    const text =
      "Local police can refuse ICE detainer requests. Police refuse detainer requests often. " +
      "ICE detainer requests are voluntary for police. Local police refuse ICE requests. The weather was fine.";
    const docs = [readDoc("Detainers", text), readDoc("Unrelated", "Bananas are yellow. Apples are red.", 1)];
    const { evidence } = rankPassages([claim], docs, { perDocument: 3 });
    assert.equal(evidence.length, 3);
    for (const e of evidence) {
      assert.ok(docs[e.documentIndex]!.text.includes(e.quote), "quote is a verbatim slice");
      assert.equal(e.documentIndex, 0);
    }
    assert.equal(evidence[0]!.quote, "Local police can refuse ICE detainer requests.");
    assert.ok(evidence[0]!.relevance > evidence[2]!.relevance);
    assert.ok(evidence.every((e) => e.bearing >= 0 && e.bearing <= 1));
    assert.ok(
      evidence[0]!.bearing >= evidence[1]!.bearing && evidence[1]!.bearing >= evidence[2]!.bearing,
      "passages come likeliest finding first",
    );
  });

  it("puts the sentence that states a finding before one that only names the topic", () => {
    const claim: Claim = { id: "c1", text: "Vitamin D supplements reduce fracture risk in older adults.", span: { start: 0, end: 59 } };
    const text =
      "We aimed to investigate whether vitamin D supplements affect fracture risk in older adults. " +
      "Participants were followed for five years. " +
      "Vitamin D supplements significantly reduced fracture risk in older adults (hazard ratio 0.78, p < 0.01).";
    const { evidence } = rankPassages([claim], [readDoc("Vitamin D and fractures", text)]);
    assert.match(evidence[0]!.quote, /significantly reduced/);
    assert.match(evidence[1]!.quote, /aimed to investigate/);
    assert.ok(evidence[0]!.bearing > evidence[1]!.bearing);
  });
});

describe("rationale features", () => {
  const feature = (x: number[], name: (typeof RATIONALE_FEATURES)[number]) => x[RATIONALE_FEATURES.indexOf(name)];
  const sentence = (text: string, coverage: number, documentBest: number, rankInDocument: number) => ({
    text,
    tokens: words(text),
    terms: contentTerms(text),
    coverage,
    documentBest,
    rankInDocument,
    documentRelevance: 0.8,
  });
  const claimTerms = contentTerms("Aspirin lowers blood pressure.");

  it("places a sentence within its document and reads its finding, method and statistic words", () => {
    const finding = rationaleFeatures(claimTerms, sentence("We found that aspirin lowers blood pressure (p < 0.05).", 0.8, 0.8, 0));
    assert.equal(feature(finding, "document_best"), 1);
    assert.equal(feature(finding, "coverage_vs_document_best"), 1);
    assert.equal(feature(finding, "has_statistic"), 1);
    assert.equal(feature(finding, "claim_bigrams"), 1, "every claim bigram (aspirin lower, lower blood, blood pressur) is there");
    assert.ok(feature(finding, "finding_cues")! >= 1);
    const method = rationaleFeatures(claimTerms, sentence("We measured blood pressure in patients using aspirin.", 0.4, 0.8, 2));
    assert.equal(feature(method, "document_best"), 0);
    assert.equal(feature(method, "coverage_vs_document_best"), 0.5);
    assert.equal(feature(method, "coverage_rank_in_document"), 0.4);
    assert.ok(feature(method, "method_cues")! >= 2);
    assert.equal(feature(method, "has_statistic"), 0);
    assert.equal(feature(method, "document_relevance"), 0.8);
  });
});

describe("local judge", () => {
  it("reads negation and opposites as contradiction", () => {
    const cue = (claim: string, passage: string, name: (typeof POLARITY_FEATURES)[number]) =>
      polarityFeatures(claim, passage, 1)[POLARITY_FEATURES.indexOf(name)];
    assert.equal(cue("Coffee causes cancer.", "Coffee does not cause cancer.", "negation_mismatch"), 1);
    assert.equal(cue("Coffee causes cancer.", "Coffee causes cancer in rats.", "negation_mismatch"), 0);
    assert.equal(
      cue("Coffee causes cancer.", "Coffee causes cancer when no filter is used.", "negation_mismatch"),
      0,
      "a negation that does not reach the claim's terms",
    );
    assert.equal(cue("Exercise increases lifespan.", "Exercise decreases lifespan.", "antonym"), 1);
    assert.equal(cue("Exercise increases lifespan.", "Exercise shortens and reduces lifespan.", "direction_disagree"), 1);
    assert.equal(cue("The bridge is 300 metres long.", "The bridge is 450 metres long.", "number_mismatch"), 1);
  });

  it("is unverified, with low confidence, when there is no evidence", () => {
    const j = judgeEvidence([claim], []);
    assert.equal(j.overall.label, "unverified");
    assert.ok(j.overall.confidence <= 0.35);
  });

  it("supports with agreeing evidence, refutes with contradicting evidence, and calls a split conflicting", () => {
    const ev = (id: string, quote: string) => ({
      id,
      claimId: "c1",
      documentIndex: 0,
      quote,
      context: quote,
      relevance: 0.9,
      bearing: 0.6,
      documentRelevance: 0.9,
    });
    const yes = judgeEvidence(
      [claim],
      [ev("a", "Local police can refuse ICE detainer requests."), ev("b", "Police can refuse ICE detainer requests locally.")],
    );
    assert.equal(yes.overall.label, "supported");
    const no = judgeEvidence([claim], [ev("a", "Local police cannot refuse ICE detainer requests.")]);
    assert.equal(no.evidence[0]!.stance, "refutes");
    assert.equal(no.overall.label, "refuted");
    const split = judgeEvidence(
      [claim],
      [ev("a", "Local police can refuse ICE detainer requests."), ev("b", "Local police cannot refuse ICE detainer requests.")],
    );
    assert.equal(split.overall.label, "conflicting");
  });

  it("lets a passage take a side only when its document is about the claim and it is about as likely to state the finding as the best", () => {
    const ev = (id: string, quote: string, bearing: number, documentRelevance: number) => ({
      id,
      claimId: "c1",
      documentIndex: 0,
      quote,
      context: quote,
      relevance: 0.9,
      bearing,
      documentRelevance,
    });
    const offTopicDocument = judgeEvidence([claim], [ev("a", "Local police can refuse ICE detainer requests.", 0.6, 0.2)]);
    assert.equal(offTopicDocument.evidence[0]!.stance, "neutral");
    assert.equal(offTopicDocument.overall.label, "unverified");
    const unlikely = judgeEvidence([claim], [ev("a", "Local police can refuse ICE detainer requests.", 0.02, 0.9)]);
    assert.equal(unlikely.evidence[0]!.stance, "neutral", "a passage the rationale model finds unlikely to state the finding is context");
    const looser = judgeEvidence(
      [claim],
      [ev("a", "Local police can refuse ICE detainer requests.", 0.6, 0.9), ev("b", "Police cannot refuse requests.", 0.3, 0.9)],
    );
    assert.deepEqual(
      looser.evidence.map((e) => e.stance),
      ["supports", "neutral"],
    );
    assert.equal(looser.overall.label, "supported");
  });

  it("gives more confidence to more agreeing evidence", () => {
    const one = verdictFor(claim, [{ evidenceId: "a", stance: "supports", weight: 0.7 }]);
    const three = verdictFor(
      claim,
      [0.7, 0.7, 0.7].map((weight, i) => ({ evidenceId: String(i), stance: "supports" as const, weight })),
    );
    assert.equal(one.label, "supported");
    assert.ok(three.confidence > one.confidence);
    assert.ok(three.confidence <= 0.85);
  });

  it("states a calibrated confidence: higher for stronger raw evidence, only on decided verdicts, capped", () => {
    const model = { about: "test", supported: [3, -1] as [number, number], refuted: [8, -2] as [number, number] };
    const weak = calibrateConfidence({ claimId: "c1", label: "supported", confidence: 0.3 }, model);
    const strong = calibrateConfidence({ claimId: "c1", label: "supported", confidence: 0.6 }, model);
    assert.ok(Math.abs(weak - 1 / (1 + Math.exp(-(3 * 0.3 - 1)))) < 1e-9);
    assert.ok(strong > weak);
    assert.equal(
      calibrateConfidence({ claimId: "c1", label: "unverified", confidence: 0.3 }, model),
      0.3,
      "an unverified verdict keeps its own figure",
    );
    // The shipped map: a single agreeing passage, calibrated, and the same without calibration.
    const ev = (id: string, quote: string) => ({
      id,
      claimId: "c1",
      documentIndex: 0,
      quote,
      context: quote,
      relevance: 0.9,
      bearing: 0.6,
      documentRelevance: 0.9,
    });
    const evidence = [ev("a", "Local police can refuse ICE detainer requests.")];
    const raw = judgeEvidence([claim], evidence, { calibrate: false }).claims[0]!;
    const stated = judgeEvidence([claim], evidence).claims[0]!;
    assert.equal(stated.label, raw.label);
    assert.equal(stated.confidence, Math.round(Math.min(0.85, calibrateConfidence(raw)) * 100) / 100);
    assert.ok(stated.confidence <= 0.85);
  });

  it("marks an absolute claim met by some counter-evidence as misleading", () => {
    const v = verdictFor({ id: "c1", text: "Vaccines always prevent infection." }, [
      { evidenceId: "a", stance: "supports", weight: 0.9 },
      { evidenceId: "b", stance: "supports", weight: 0.8 },
      { evidenceId: "c", stance: "refutes", weight: 0.4 },
    ]);
    assert.equal(v.label, "misleading");
  });
});

describe("audit", () => {
  const text = "Local police can refuse ICE detainer requests. Detainers are voluntary.";
  const source: NumberedSource = {
    n: 1,
    document: readDoc("Detainers", text),
    evidence: [],
    stance: "supports",
  };
  const other: NumberedSource = { n: 2, document: readDoc("Unused", "Nothing here.", 2), evidence: [], stance: "neutral" };
  const lookup = async (hash: string) => [source, other].find((s) => s.document.textHash === hash)?.document.text ?? null;

  it("keeps verified sentences, drops invented citations, invented quotes and unsupported claims, and renumbers", async () => {
    const draft: Draft = {
      headline: "Yes",
      followUps: [],
      sections: [
        {
          kind: "summary",
          paragraphs: [
            [
              { text: "Framing sentence.", cites: [], quotes: [], factual: false },
              { text: "“Detainers are voluntary.”", cites: [1], quotes: [{ n: 1, text: "Detainers are voluntary." }], factual: true },
              { text: "A source that does not exist says so.", cites: [7], quotes: [{ n: 7, text: "so" }], factual: true },
              {
                text: "Police must always obey detainers.",
                cites: [1],
                quotes: [{ n: 1, text: "Police must always obey detainers." }],
                factual: true,
              },
              { text: "Vaccines cause autism.", cites: [1], quotes: [{ n: 1, text: "Detainers are voluntary." }], factual: true },
            ],
          ],
        },
        { kind: "context", paragraphs: [] },
        { kind: "bias", paragraphs: [] },
      ],
    };
    const result = await audit(draft, [other, source], lookup);
    const summary = result.sections[0]!.paragraphs[0]!.text;
    assert.equal(summary, "Framing sentence. “Detainers are voluntary.” [1]");
    assert.equal(result.record.sentencesDropped, 3);
    assert.equal(result.sources.length, 1, "uncited sources are not listed");
    assert.equal(result.sources[0]!.title, "Detainers");
    assert.deepEqual(result.sources[0]!.quotes, ["Detainers are voluntary."]);
    assert.deepEqual(
      result.sections.map((s) => s.kind),
      ["summary", "context", "bias"],
    );
    assert.ok(result.record.notes.some((n) => /no such source/.test(n)));
    assert.ok(result.record.notes.some((n) => /not found verbatim/.test(n)));
  });

  it("judges support by the sentence's own words against its quotes", () => {
    assert.equal(supportedBy("The Law Review states: “Detainers are voluntary.”", ["Detainers are voluntary."], ["Law Review"]), true);
    assert.equal(
      supportedBy("The Law Review states: “Detainers are voluntary.”", ["Detainers are voluntary."]),
      false,
      "unnamed extra words need support",
    );
    assert.equal(supportedBy("Detainers are voluntary, so sheriffs ignore them everywhere.", ["Detainers are voluntary."]), false);
    assert.equal(supportedBy("Anything at all.", []), false);
  });

  it("passes a local draft through whole: every factual sentence cites a verbatim quote", async () => {
    const documents = [readDoc("Detainers", text)];
    const evidence = rankPassages([claim], documents).evidence;
    const judgement = judgeEvidence([claim], evidence);
    const sources = numberSources(documents, evidence, judgement);
    const draft = writeDraft({
      intake: {
        input: { text: "Can local police refuse ICE detainer requests?", kind: "question" },
        title: "Can local police refuse ICE detainer requests?",
        language: "en",
        claims: [claim],
        category: "justice",
        entities: [{ name: "ICE", type: "organization" }],
        slug: "x",
      },
      judgement,
      sources,
      consulted: { providers: [{ id: "library", status: "ok", results: 1, error: null }], documentsRead: 1 },
    });
    for (const sentence of draft.sections.flatMap((s) => s.paragraphs.flat())) {
      if (sentence.factual) assert.ok(sentence.cites.length > 0 && sentence.quotes.length > 0, sentence.text);
    }
    const result = await audit(draft, sources, async (h) => (h === documents[0]!.textHash ? text : null));
    assert.equal(result.record.sentencesDropped, 0);
    assert.ok(result.sources.length === 1 && result.sources[0]!.quotes.every((q) => text.includes(q)));
    assert.match(draft.headline, /^Yes:/);
    assert.ok(draft.followUps.length >= 4 && draft.followUps.length <= 5);
  });
});
