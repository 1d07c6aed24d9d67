// What the local analyst lets into a report: a check over a small library cites only passages about
// the claim, takes sides that match what the passages say, and admits when nothing is about it.
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { ingest } from "../../src/service/ingest.js";
import { tempVerity } from "../helpers/verity.js";

type Temp = Awaited<ReturnType<typeof tempVerity>>;

const LIBRARY = [
  // Other topics, so that search weighs words as in a real library (in a library of four, a word
  // two documents share tells the search nothing).
  ...[
    ["Sleep duration in adolescents", "Adolescents who used screens at night slept less. Short sleep was linked to lower grades."],
    ["Air pollution and asthma in children", "Children living near busy roads had more asthma attacks. Filters reduced symptoms."],
    ["Exercise and depression in older adults", "Supervised exercise reduced depressive symptoms in adults over 65."],
    ["Vitamin D and bone fractures", "Vitamin D supplements did not reduce fractures in healthy adults."],
    ["Salt intake and blood pressure", "Cutting salt intake lowered blood pressure in people with hypertension."],
    ["Smoking and lung function", "Former smokers regained part of their lung function within five years."],
    ["Hand washing and infections in schools", "Hand washing programmes reduced absences due to infections."],
    ["Tea drinking and stroke", "Green tea drinkers had fewer strokes in a Japanese cohort."],
  ].map(([title, text], i) => ({ id: `other-${i}`, title: title!, text: text! })),
  {
    id: "coffee-lower",
    title: "Coffee consumption and type 2 diabetes: a cohort of 40,000 adults",
    text: "We followed 40,000 adults for ten years. Regular coffee drinking lowered the risk of type 2 diabetes by a quarter.",
  },
  {
    id: "coffee-higher",
    // As much about the claim as the first (a second cohort, the same question): only its finding differs.
    title: "Coffee consumption and type 2 diabetes: a second cohort of 12,000 adults",
    text: "We followed 12,000 adults for eight years. Regular coffee drinking increased the risk of type 2 diabetes.",
  },
  {
    id: "statins",
    title: "Statins and all-cause mortality: a meta-analysis",
    text: "OBJECTIVES To investigate whether statins reduce all-cause mortality. RESULTS Treatment with statins significantly reduced the risk of all-cause mortality.",
  },
  {
    id: "headache",
    title: "A classification of headache disorders",
    text: "Headaches are classified as primary or secondary. Migraine is a common primary headache disorder.",
  },
];

describe("evidence a reader can trust (local analyst, real encoder)", () => {
  let v: Temp;
  before(async () => {
    v = await tempVerity();
    const file = path.join(v.dataDir, "library.jsonl");
    await writeFile(file, LIBRARY.map((d) => JSON.stringify(d)).join("\n"));
    const summary = await ingest(v, [file]);
    assert.equal(summary.added, LIBRARY.length);
  });
  after(() => v.cleanup());

  it("cites nothing for a question no document is about, and leaves it unverified, saying so", async () => {
    for (const question of [
      "Did the Roman Empire fall in 476 AD?",
      "Can local law enforcement agencies refuse to cooperate with ICE requests?",
    ]) {
      const { report } = await v.service.check(question);
      assert.equal(report.sources.length, 0, `${question} cited ${report.sources.map((s) => s.title).join("; ")}`);
      assert.equal(report.verdict.label, "unverified");
      const summary = report.sections
        .find((s) => s.kind === "summary")!
        .paragraphs.map((p) => p.text)
        .join(" ");
      assert.match(summary, /no source consulted|none of the|nothing/i);
    }
  });

  it("gives a supporting and a refuting passage on the same topic opposite stances", async () => {
    const { report } = await v.service.check("Regular coffee drinking lowers the risk of type 2 diabetes.");
    const stanceOf = (id: string) => report.sources.find((s) => s.url.endsWith(id))?.stance;
    assert.equal(stanceOf("coffee-lower"), "supports");
    assert.equal(stanceOf("coffee-higher"), "refutes");
    assert.ok(!report.sources.some((s) => s.url.endsWith("headache")), "the headache abstract is not about the claim");
    assert.ok(!report.sources.some((s) => s.url.endsWith("statins")), "a finding of the same shape about statins is not about coffee");
    assert.equal(report.verdict.label, "conflicting", "two studies of equal weight that disagree");
  });

  it("quotes a study's finding, not its aim, and never its section label", async () => {
    const { report } = await v.service.check("Statins reduce all-cause mortality.");
    const statins = report.sources.find((s) => s.url.endsWith("statins"));
    assert.ok(statins, "the statins abstract is cited");
    assert.equal(statins.stance, "supports");
    assert.ok(statins.quotes.some((q) => q.startsWith("Treatment with statins significantly reduced")));
    assert.ok(
      statins.quotes.every((q) => !/^(RESULTS|OBJECTIVES)\b/.test(q)),
      "no section label in a quote",
    );
  });
});
