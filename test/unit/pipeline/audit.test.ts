// The audit: only sentences whose citations and quotes check out are published.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Claim } from "../../../src/domain/report.js";
import { judgeEvidence } from "../../../src/analysts/local/judge.js";
import { writeDraft } from "../../../src/analysts/local/write/index.js";
import { audit, supportedBy } from "../../../src/pipeline/audit.js";
import { rankPassages } from "../../../src/analysts/local/rank.js";
import { testEncoder } from "../../helpers/encoder.js";
import type { Draft, NumberedSource } from "../../../src/domain/analysis.js";
import { numberSources } from "../../../src/pipeline/write.js";
import { readDoc } from "../../helpers/documents.js";

const claim: Claim = { id: "c1", text: "Local police can refuse ICE detainer requests." };

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
    const { evidence } = await rankPassages([claim], documents, testEncoder);
    const judgement = await judgeEvidence([claim], evidence, testEncoder);
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
    assert.ok(draft.followUps.length >= 2 && draft.followUps.length <= 5);
    assert.equal(new Set(draft.followUps).size, draft.followUps.length, "each follow-up is different");
  });
});
