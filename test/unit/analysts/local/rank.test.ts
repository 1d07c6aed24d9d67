// The local ranker: verbatim passages that bear on the claim, likeliest finding first.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Claim } from "../../../../src/domain/report.js";
import { rankPassages } from "../../../../src/analysts/local/rank.js";
import { readDoc } from "../../../helpers/documents.js";
import { testEncoder } from "../../../helpers/encoder.js";

const claim: Claim = { id: "c1", text: "Local police can refuse ICE detainer requests." };

describe("rank", async () => {
  it("keeps verbatim sentences that bear on the claim, at most a few per document", async () => {
    const text =
      "Local police can refuse ICE detainer requests. Police refuse detainer requests often. " +
      "ICE detainer requests are voluntary for police. Local police refuse ICE requests. The weather was fine.";
    const docs = [readDoc("Detainers", text), readDoc("Unrelated", "Bananas are yellow. Apples are red.", 1)];
    const { evidence } = await rankPassages([claim], docs, testEncoder, { perDocument: 2 });
    assert.equal(evidence.length, 2, "no more than perDocument passages of one document");
    for (const e of evidence) {
      assert.ok(docs[e.documentIndex]!.text.includes(e.quote), "quote is a verbatim slice");
      assert.equal(e.documentIndex, 0);
    }
    assert.equal(evidence[0]!.quote, "Local police can refuse ICE detainer requests.");
    assert.ok(evidence[0]!.relevance > evidence[1]!.relevance);
    assert.ok(evidence.every((e) => e.bearing >= 0 && e.bearing <= 1));
    assert.ok(evidence[0]!.bearing >= evidence[1]!.bearing, "passages come likeliest finding first");
  });

  it("puts the sentence that states a finding before one that only names the topic", async () => {
    const claim: Claim = { id: "c1", text: "Vitamin D supplements reduce fracture risk in older adults.", span: { start: 0, end: 59 } };
    const text =
      "We aimed to investigate whether vitamin D supplements affect fracture risk in older adults. " +
      "Participants were followed for five years. " +
      "Vitamin D supplements significantly reduced fracture risk in older adults (hazard ratio 0.78, p < 0.01).";
    const { evidence } = await rankPassages([claim], [readDoc("Vitamin D and fractures", text)], testEncoder);
    assert.match(evidence[0]!.quote, /significantly reduced/);
    assert.match(evidence[1]!.quote, /aimed to investigate/);
    assert.ok(evidence[0]!.bearing > evidence[1]!.bearing);
    assert.deepEqual(
      evidence.map((e) => e.aimOrMethod),
      [false, true],
      "the aim is marked as no finding (the judge gives it no side)",
    );
  });

  it("marks a sentence in an abstract's aim or method section, or worded as an aim, as no finding", async () => {
    const claim: Claim = { id: "c1", text: "HPV vaccination lowers the risk of cervical cancer." };
    const text =
      "OBJECTIVE To assess HPV vaccination and the risk of cervical cancer. " +
      "METHODS We followed vaccinated women for cervical cancer. " +
      "RESULTS HPV vaccination lowered the risk of cervical cancer by 60%. " +
      "This study was conducted to investigate whether HPV vaccination lowers cervical cancer risk in older women.";
    const { evidence } = await rankPassages([claim], [readDoc("HPV vaccination and cervical cancer", text)], testEncoder, {
      perDocument: 4,
    });
    const marked = new Map(evidence.map((e) => [e.quote.split(" ")[0], e.aimOrMethod]));
    assert.equal(marked.get("HPV"), false, evidence.map((e) => e.quote).join(" | "));
    assert.equal(marked.get("This"), true);
    assert.ok(evidence.filter((e) => e.aimOrMethod).length >= 2, evidence.map((e) => e.quote).join(" | "));
  });

  it("never quotes the page's heading repeated in its text: it names a topic and states no finding", async () => {
    const claim: Claim = { id: "c1", text: "Vaccines cause autism." };
    const text =
      "Vaccines and autism\n\nA review of ten studies with over a million children found no association between the MMR vaccine and autism.";
    const { evidence } = await rankPassages([claim], [readDoc("Vaccines and autism", text)], testEncoder);
    assert.ok(evidence.length > 0);
    assert.ok(
      evidence.every((e) => !/^Vaccines and autism$/.test(e.quote)),
      evidence.map((e) => e.quote).join(" | "),
    );
    assert.match(evidence[0]!.quote, /no association/);
  });
});
