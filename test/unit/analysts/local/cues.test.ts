// The opposites the local analyst's refuting search asks for: words, in the claim's inflection.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { oppositeWord } from "../../../../src/analysts/local/cues.js";
import { LocalAnalyst } from "../../../../src/analysts/local/index.js";
import { testEncoder } from "../../../helpers/encoder.js";

describe("opposite words", () => {
  it("gives the opposite as a word in the same inflection, never a stem", () => {
    assert.equal(oppositeWord("reduces"), "increases");
    assert.equal(oppositeWord("Reduced"), "increased");
    assert.equal(oppositeWord("reducing"), "increasing");
    assert.equal(oppositeWord("increase"), "decrease");
    assert.equal(oppositeWord("lowers"), "increases");
    assert.equal(oppositeWord("higher"), "lower");
    assert.equal(oppositeWord("aspirin"), null);
  });

  it("asks the refuting search for the opposite finding in words a search stems as it stems the library", async () => {
    const analyst = new LocalAnalyst(testEncoder);
    const intake = await analyst.intake("Aspirin reduces the risk of colorectal cancer.");
    const { queries } = await analyst.plan(intake);
    assert.deepEqual(
      queries.map((q) => [q.angle, q.text]),
      [
        ["supporting", "Aspirin reduces the risk of colorectal cancer."],
        ["refuting", "Aspirin increases the risk of colorectal cancer."],
      ],
    );
  });
});
