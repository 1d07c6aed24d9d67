// A complete, valid Report for tests, and a hostile one with markup in every text. Both go through
// Report.parse, so a change to the schema that they no longer satisfy fails loudly here.
import { Report } from "../../src/domain/report.js";

export function sampleReport(overrides: Partial<Report> = {}): Report {
  const base: Report = {
    id: "0f8fad5b-d9cb-469f-a165-70867728950e",
    slug: "does-coffee-dehydrate-you",
    url: "/checks/health/does-coffee-dehydrate-you-0f8fad5b",
    status: "done",
    version: 1,
    input: { text: "does coffee dehydrate you", kind: "question" },
    title: "Does coffee dehydrate you?",
    language: "en",
    claims: [
      {
        id: "c1",
        text: "Does coffee dehydrate you?",
        verdict: { label: "refuted", confidence: 0.81, headline: "Moderate coffee drinking does not dehydrate." },
      },
    ],
    verdict: {
      label: "refuted",
      confidence: 0.81,
      headline: "No: in moderate amounts coffee hydrates about as well as water [1].",
    },
    sections: [
      {
        kind: "bias",
        title: "Potential misinformation or bias in the original statement",
        paragraphs: [{ text: "The belief comes from early studies of caffeine pills, not of coffee [2]." }],
      },
      {
        kind: "summary",
        title: "Summary of the results",
        paragraphs: [
          { text: "A 2014 study found no difference in hydration between coffee and water drinkers [1]. It followed 50 men." },
          { text: "Caffeine is a mild diuretic only in large doses [1][2]." },
        ],
      },
      {
        kind: "context",
        title: "Missing context and alternative viewpoints",
        paragraphs: [{ text: "People unused to caffeine may notice a stronger effect [2]." }],
      },
    ],
    sources: [
      {
        n: 1,
        url: "https://journals.example.org/coffee-hydration?id=42",
        title: "No evidence of dehydration with moderate daily coffee intake",
        publisher: "PLOS ONE",
        author: "S. Killer",
        publishedAt: "2014-01-09",
        retrievedAt: "2024-05-01T10:00:00.000Z",
        quotes: ["coffee, when consumed in moderation, provides similar hydrating qualities to water"],
        stance: "refutes",
        provider: "web",
        reliabilityNote: null,
        textHash: "a".repeat(64),
      },
      {
        n: 2,
        url: "library:doc-7",
        title: "Caffeine and fluid balance: a review",
        publisher: null,
        author: null,
        publishedAt: null,
        retrievedAt: "2024-05-01T10:00:01.000Z",
        quotes: ["caffeine ingestion stimulates a mild diuresis", "tolerance develops within days"],
        stance: "mixed",
        provider: "library",
        reliabilityNote: null,
        textHash: "b".repeat(64),
      },
    ],
    factChecks: [],
    unchecked: [],
    method: [],
    followUps: [{ question: "How much caffeine is too much in a day?" }],
    category: "health",
    entities: [{ name: "PLOS ONE", type: "organization" }],
    provenance: {
      engine: "local",
      model: null,
      fallback: null,
      calls: [],
      considered: [],
      queries: [{ claimId: "c1", text: "coffee dehydration", angle: "direct" }],
      providers: [{ id: "library", status: "ok", results: 3, error: null }],
      sourcesConsidered: 5,
      rejected: [],
      audit: { sentencesChecked: 6, sentencesDropped: 0, notes: [] },
      timings: [
        { stage: "search", ms: 120 },
        { stage: "write", ms: 340 },
      ],
      tokens: { prompt: 0, completion: 0 },
      costUsd: 0,
      codeVersion: "0.1.0",
    },
    checkedAt: "2024-05-01T10:00:05.000Z",
  };
  return Report.parse({ ...base, ...overrides });
}

/** Markup that must stay text wherever a report is rendered. */
const SCRIPT = "<script>alert(1)</script>";
export const IMG = "<img src=x onerror=alert(1)>";
export const SVG = '"><svg onload=alert(1)>';
export const PAYLOAD = `${SCRIPT} ${IMG} ${SVG}`;

/** A report with the payload in every piece of text a renderer prints. */
export function hostileReport(): Report {
  const base = sampleReport();
  const [s1, s2] = base.sources;
  return sampleReport({
    title: `Title ${PAYLOAD}`,
    input: { text: `Input ${PAYLOAD}`, kind: "claim" },
    verdict: { label: "misleading", confidence: 0.5, headline: `Headline ${PAYLOAD} [1]` },
    claims: [
      { id: "c1", text: `Claim one ${PAYLOAD}` },
      { id: "c2", text: `Claim two ${PAYLOAD}`, verdict: { label: "supported", confidence: 0.9, headline: PAYLOAD } },
    ],
    sections: [
      { kind: "summary", title: `Summary ${PAYLOAD}`, paragraphs: [{ text: `First ${PAYLOAD} [1]. Second [2].` }] },
      { kind: "context", title: "Context", paragraphs: [{ text: `${IMG} starts this paragraph [2].` }] },
    ],
    sources: [
      {
        ...s1!,
        url: "javascript:alert(1)",
        title: `Source ${PAYLOAD}`,
        publisher: `Publisher ${PAYLOAD}`,
        author: `Author ${PAYLOAD}`,
        publishedAt: SVG,
        quotes: [`Quote ${PAYLOAD}`],
      },
      { ...s2!, url: `https://example.com/a"onmouseover="alert(1)`, title: "Quoted URL" },
    ],
    followUps: [{ question: `Follow-up ${PAYLOAD}` }],
    entities: [{ name: `Entity ${PAYLOAD}`, type: "other" }],
    category: `cat ${SVG}`,
    language: `en${SVG}`,
    checkedAt: `2024-05-01${SVG}`,
    provenance: {
      ...base.provenance,
      engine: `engine ${PAYLOAD}`,
      model: `model ${PAYLOAD}`,
      timings: [{ stage: `stage ${PAYLOAD}`, ms: 5 }],
    },
  });
}

/** The sample report with two earlier fact-checks (one with markup and a javascript: link) and a reliability note on its first source. */
export function factCheckedReport(): Report {
  const base = sampleReport();
  return sampleReport({
    factChecks: [
      {
        claim: "Coffee dehydrates you",
        claimant: "A viral post",
        publisher: "Health Feedback <img src=x onerror=alert(1)>",
        rating: "Inaccurate",
        url: "https://healthfeedback.example/coffee",
        title: "Coffee and hydration",
        reviewedAt: "2024-02-03",
      },
      {
        claim: "Coffee is poison",
        claimant: null,
        publisher: "Checker",
        rating: "False",
        url: "javascript:alert(1)",
        title: null,
        reviewedAt: null,
      },
    ],
    sources: base.sources.map((s, i) => (i === 0 ? { ...s, reliabilityNote: "Peer-reviewed journal." } : s)),
  });
}
