// The train splits every model learns from, read in one shape: each dataset's corpus as library
// documents, and its train claims with their gold evidence by library id.
import path from "node:path";
import type { LibraryDoc } from "../../bench/quality/harness.js";
import { jsonLines } from "./files.js";

export type GoldVerdict = "supported" | "refuted" | "unverified";

/** One gold evidence sentence: the abstract it is in (library id), its index there, and which way it goes. */
export interface GoldSentence {
  document: string;
  sentence: number;
  label: "supports" | "refutes";
  /** Check-COVID marks some evidence as only supplementary to the primary sentence. */
  primary: boolean;
}

export interface TrainClaim {
  text: string;
  verdict: GoldVerdict;
  /** The abstracts the claim cites (library ids). */
  cited: string[];
  evidence: GoldSentence[];
}

export interface TrainSet {
  name: string;
  documents: LibraryDoc[];
  /** Each abstract's sentences, by library id. */
  abstracts: Map<string, string[]>;
  claims: TrainClaim[];
}

export async function scifactTrain(dataDir: string): Promise<TrainSet> {
  const corpus = await jsonLines(path.join(dataDir, "scifact/corpus.jsonl"));
  const claims = (await jsonLines(path.join(dataDir, "scifact/claims_train.jsonl"))).map((c): TrainClaim => {
    const byDocument = Object.entries(c.evidence as Record<string, { sentences: number[]; label: string }[]>);
    const evidence = byDocument.flatMap(([doc, sets]) =>
      sets.flatMap((set) =>
        set.sentences.map((sentence): GoldSentence => ({
          document: `sf-${doc}`,
          sentence,
          label: set.label === "SUPPORT" ? "supports" : "refutes",
          primary: true,
        })),
      ),
    );
    // A claim's verdict: the side most of its cited abstracts take (each abstract's first rationale says which).
    const sides = byDocument.map(([, sets]) => sets[0]!.label);
    const supports = sides.filter((l) => l === "SUPPORT").length;
    const verdict: GoldVerdict = sides.length === 0 ? "unverified" : supports >= sides.length / 2 ? "supported" : "refuted";
    return { text: c.claim, verdict, cited: (c.cited_doc_ids as number[]).map((d) => `sf-${d}`), evidence };
  });
  return {
    name: "scifact",
    documents: corpus.map((d) => ({ id: `sf-${d.doc_id}`, title: d.title, sentences: d.abstract })),
    abstracts: new Map(corpus.map((d) => [`sf-${d.doc_id}`, d.abstract])),
    claims,
  };
}

/** Check-COVID train without its NOTENOUGHINFO claims: that label holds only for the given sentences, not the whole abstract. */
export async function checkCovidTrain(dataDir: string): Promise<TrainSet> {
  const corpus = await jsonLines(path.join(dataDir, "check-covid/corpus.json"));
  const claims = (await jsonLines(path.join(dataDir, "check-covid/train/covidCheck_train_composed+extracted.json")))
    .filter((c) => c.label !== "NOTENOUGHINFO")
    .map((c): TrainClaim => {
      const label = c.label === "SUPPORT" ? "supports" : "refutes";
      const evidence = (c.evidence_set as { sent_index: number; type: string }[]).map((e): GoldSentence => ({
        document: `cc-${c.cord_id}`,
        sentence: e.sent_index,
        label,
        primary: e.type === "PRIMARY",
      }));
      return { text: c.claim, verdict: label === "supports" ? "supported" : "refuted", cited: [`cc-${c.cord_id}`], evidence };
    });
  return {
    name: "check-covid",
    documents: corpus.map((d) => ({ id: `cc-${d.cord_id}`, title: d.title, sentences: d.abstract })),
    abstracts: new Map(corpus.map((d) => [`cc-${d.cord_id}`, d.abstract])),
    claims,
  };
}
