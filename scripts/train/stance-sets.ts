// Claim–evidence stance pairs (supports / refutes / neutral) from the offline datasets folder, for training and
// measuring a 3-way stance classifier. Self-contained: only node:fs and node:path.
//
//   import { loadStancePairs } from "./stance-sets.ts";
//   const pairs = loadStancePairs("/work/shared/datasets");
//
// Guarantees
// - Deterministic: same files + same options -> same rows in the same order (dataset order below, then file order).
// - Hold-out: ~holdoutPercent of every dataset goes to split "heldout", chosen by a seeded hash of a *group* key.
//   Groups are connected components over (normalised claim text) ∪ (dataset-specific group id: VitaminC case, Check-COVID
//   sibling set, SNLI/ANLI premise, COVID-Fact source post, …), computed across ALL datasets, so the same claim text never
//   lands on both sides, not even in two different datasets, and contrastive siblings stay together.
// - Evaluation sets are never read as training data; any pair whose normalised claim equals a claim/statement of an
//   evaluation set (SciFact dev+test, Check-COVID dev+test, Climate-FEVER, LIAR-PLUS val+test, AVeriTeC dev) is dropped.
// - By default (dropEvalEvidence) pairs whose evidence contains an evaluation evidence sentence (Climate-FEVER sentences,
//   SciFact dev rationales, Check-COVID dev/test evidence, LIAR-PLUS justifications) are dropped as well.
// - Licence verdicts per dataset are in DATASETS; non-commercial / no-licence sources come back with shippable=false.
// - Exact duplicate (claim, evidence) pairs are kept once (first occurrence); pairs that occur with conflicting labels
//   are dropped altogether.
import { readFileSync } from "node:fs";
import path from "node:path";

export type Stance = "supports" | "refutes" | "neutral";

export interface StancePair {
  dataset: string;
  claim: string;
  evidence: string;
  label: Stance;
  /** May be used to train weights that ship (licence permits commercial use / redistribution of derived weights). */
  shippable: boolean;
  split: "train" | "heldout";
  /** Where the row came from, e.g. "vitaminc_real/test", "anli/dev_r2". */
  sourceSplit: string;
  /** Labels this source can express: "3way", "SR" (no neutral class) or "S-notS" (RTE: neutral means "not entailed"). */
  labelSpace: "3way" | "SR" | "S-notS";
  /** Label derived heuristically for this exact pair (negatives sampled, auto-generated claims, partial support …). */
  silver: boolean;
  /** Hold-out group key (the component's representative key). */
  group: string;
}

export interface DatasetInfo {
  licence: string;
  shippable: boolean;
  why: string;
}

/** Licence verdicts per dataset folder (from each SOURCE.md). fever-adversarial's trigger file is decided per row. */
export const DATASETS: Record<string, DatasetInfo> = {
  "fever-lite": { licence: "FEVER terms (CC BY-SA 3.0); repo none", shippable: true, why: "FEVER/Wikipedia CC BY-SA" },
  "fever-symmetric": { licence: "Wikipedia terms / CC BY-SA 3.0", shippable: true, why: "DATA_LICENSE: CC BY-SA" },
  "fever-adversarial": {
    licence: "fixers: FEVER terms (CC BY-SA 3.0); triggers: none stated",
    shippable: true,
    why: "fixers CC BY-SA; trigger rows have no licence -> those rows not shippable",
  },
  vitaminc: { licence: "Wikipedia terms / CC BY-SA 3.0", shippable: true, why: "Wikipedia-derived, share-alike, commercial use allowed" },
  snli: { licence: "CC BY-SA 4.0", shippable: true, why: "CC BY-SA 4.0 allows commercial use" },
  "covid-fact": { licence: "none stated; evidence = third-party web text", shippable: false, why: "no licence grant at all" },
  healthver: { licence: "none stated", shippable: false, why: "no licence grant at all" },
  "fnc-1": { licence: "none stated; bodies = news articles", shippable: false, why: "no licence grant; copyrighted news text" },
  "fool-me-twice": { licence: "Apache-2.0 (repo); evidence Wikipedia CC BY-SA", shippable: true, why: "Apache-2.0 + CC BY-SA" },
  wice: {
    licence: "annotations ODC-BY; claims Wikipedia CC BY-SA; evidence Common Crawl pages (CC terms of use)",
    shippable: true,
    why: "explicit permissive annotation licence; web text used under Common Crawl terms (not redistributed)",
  },
  rte: { licence: "none stated", shippable: false, why: "no licence stated for RTE/GLUE packaging" },
  sick: { licence: "CC BY-NC-SA 3.0", shippable: false, why: "non-commercial" },
  anli: { licence: "CC BY-NC 4.0", shippable: false, why: "non-commercial" },
  scifact: { licence: "claims CC BY 4.0; abstracts ODC-By 1.0", shippable: true, why: "attribution-only licences" },
  "check-covid": { licence: "MIT (abstracts from CORD-19)", shippable: true, why: "MIT" },
};

export const DATASET_ORDER = Object.keys(DATASETS);

export interface LoadOptions {
  /** Percentage (0–100) of each dataset held out for measurement. Default 10. */
  holdoutPercent?: number;
  /** Seed mixed into the hold-out and sampling hashes. Default "verity-stance-v1". */
  seed?: string;
  /** Max TRAIN pairs per dataset (whole groups kept, in seeded-hash order). Held-out pairs are not capped. */
  trainCaps?: Record<string, number>;
  /** Return only these datasets (folder names). Default: all. Every dataset is still read, so that duplicates,
   *  hold-out groups and therefore the train/heldout assignment are the same whichever subset is asked for. */
  datasets?: string[];
  /** Include WiCE partially_supported supporting sets as (silver) neutral pairs. Default true. */
  wicePartialAsNeutral?: boolean;
  /** Max characters of an evidence text (longer pairs dropped). Default 1500. */
  maxEvidenceChars?: number;
  /** Max characters of a claim (longer pairs dropped). Default 600. */
  maxClaimChars?: number;
  /** Drop pairs whose evidence contains an evaluation-set evidence sentence (e.g. SciFact train pairs built on a sentence
   *  that is a rationale of a SciFact dev claim). Default true. */
  dropEvalEvidence?: boolean;
  /** Called for every dropped row that reached the shared filters (for inspection). */
  onDrop?: (dataset: string, reason: string, claim: string, evidence: string) => void;
}

export const DEFAULT_TRAIN_CAPS: Record<string, number> = { vitaminc: 25_000, snli: 10_000 };

export interface LoadReport {
  pairs: StancePair[];
  /** Per dataset: counts of rows dropped, by reason. */
  dropped: Record<string, Record<string, number>>;
  /** Per dataset: overlapping claims dropped, by evaluation set. */
  overlaps: Record<string, Record<string, number>>;
  /** Examples of dropped overlapping claims (first few per dataset). */
  overlapExamples: Record<string, string[]>;
  /** Per dataset: pairs dropped because their evidence contains an evaluation evidence sentence, by evaluation set. */
  evidenceOverlaps: Record<string, Record<string, number>>;
}

export function loadStancePairs(datasetsDir: string, options: LoadOptions = {}): StancePair[] {
  return loadStanceReport(datasetsDir, options).pairs;
}

// ---------------------------------------------------------------------------------------------------------------
// text helpers

/** The overlap key from the brief: lower-case, punctuation stripped, whitespace collapsed (applied after detokenising). */
export function normaliseClaim(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A stricter key that also ignores spacing ("Minogue 's" vs "Minogue's"): letters and digits only. */
export function compactKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Undo PTB/FEVER tokenisation: -LRB- -> (, `` '' -> ", " ." -> ".", " 's" -> "'s", … */
export function detokenise(s: string): string {
  return s
    .replace(/-LRB-/g, "(")
    .replace(/-RRB-/g, ")")
    .replace(/-LSB-/g, "[")
    .replace(/-RSB-/g, "]")
    .replace(/-LCB-/g, "{")
    .replace(/-RCB-/g, "}")
    .replace(/-COLON-/g, ":")
    .replace(/``\s*/g, '"')
    .replace(/\s*''/g, '"')
    .replace(/ -- /g, " – ")
    .replace(/\s+([.,;:!?%)\]}])/g, "$1")
    .replace(/([(\[{$])\s+/g, "$1")
    .replace(/\s+(n't|'s|'re|'ve|'m|'ll|'d)\b/gi, "$1")
    .replace(/(\w)\s+'(\s|$)/g, "$1'$2");
}

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: " " };

/** Plain-text cleanup for every field: HTML entities and tags (<br>, <ref>, <nowiki>), U+FFFD and control characters,
 *  sentences glued without a space ("COVID-19.School"), whitespace. */
export function clean(s: string): string {
  return s
    .normalize("NFC")
    .replace(
      /&(amp|quot|apos|lt|gt|nbsp);|&#(\d{2,6});|&#x([0-9a-f]{2,5});/gi,
      (m, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
        name ? (ENTITIES[name.toLowerCase()] ?? m) : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
    )
    .replace(/<\/?(br|p|nowiki|ref)\b[^>]*>/gi, " ")
    .replace(/\uFFFD/g, " ")
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F\u200B\uFEFF]/g, " ")
    .replace(/([a-z0-9%)\]])\.([A-Z][a-z]{2,})/g, "$1. $2")
    .replace(/\s+/g, " ")
    .trim();
}

const wordCount = (s: string): number => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Crude but adequate sentence splitter for news/web text (already-split sources are not re-split). */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((para) => para.split(/(?<=[.!?]["'”’)\]]?)\s+(?=["'“‘(\[]?[A-Z0-9])/))
    .map(clean)
    .filter((s) => s.length > 0);
}

/** Degenerate generated text ("Nothing but Nothing but …"): a unit of 1–8 words repeated 4+ times in a row (5+ for one word). */
function repetitive(s: string): boolean {
  const w = s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (w.length < 5) return false;
  for (let k = 1; k <= 8; k++) {
    let run = 0;
    for (let i = k; i < w.length; i++) {
      run = w[i] === w[i - k] ? run + 1 : 0;
      if (run >= (k === 1 ? 4 : 3 * k)) return true;
    }
  }
  return false;
}

/** Cheap sentence split used only for evidence-overlap keys (both sides use it, so the keys agree). */
const roughSentences = (text: string): string[] => text.split(/(?<=[.!?])\s+|\n+/);

const STOP = new Set(
  "the a an and or of to in on at for by with from as is are was were be been being that this these those it its into than then there their they he she his her we you i not no but if so such which who whom what when where how has have had do does did can could will would may might should also about after before over under more most other some any all each".split(
    " ",
  ),
);
const contentTokens = (s: string): Set<string> =>
  new Set((s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((t) => t.length > 2 && !STOP.has(t)));
/** Share of the claim's content words that occur in the sentence. */
function overlap(claimTokens: Set<string>, sentence: string): number {
  if (claimTokens.size === 0) return 0;
  const s = contentTokens(sentence);
  let n = 0;
  for (const t of claimTokens) if (s.has(t)) n++;
  return n / claimTokens.size;
}

/**
 * Near misses kept per claim, each from a different abstract. Two per claim (1,588 pairs) made the model call
 * Climate-FEVER's Wikipedia sentences neutral too often (bench:tune: accuracy 0.454 -> 0.408, near misses given a
 * verdict 55 -> 38 of 123); one (809 pairs) keeps most of the gain (35 of 123) at 0.439.
 */
const NEAR_MISSES_PER_CLAIM = 1;
/** A sentence sharing more of the claim's weighted words than this may restate it (SciFact's annotation is not exhaustive). */
const NEAR_MISS_MAX_OVERLAP = 0.8;

/**
 * For a claim and the abstracts it cites: the sentences of the other abstracts that share most of its words, weighted
 * by rarity over the corpus's sentences (as a search ranks them), at most one per abstract.
 */
function nearMissSentences(corpus: Map<number, string[]>): (claim: string, cited: Set<number>) => string[] {
  const sentences: { doc: number; text: string }[] = [];
  const postings = new Map<string, number[]>();
  for (const [doc, abstract] of corpus) {
    for (const text of abstract) {
      if (wordCount(text) < 6) continue;
      const id = sentences.push({ doc, text }) - 1;
      for (const t of contentTokens(text)) {
        const list = postings.get(t);
        if (list) list.push(id);
        else postings.set(t, [id]);
      }
    }
  }
  const idf = (t: string) => Math.log(1 + sentences.length / (1 + (postings.get(t)?.length ?? 0)));
  return (claim, cited) => {
    const tokens = [...contentTokens(claim)];
    const total = tokens.reduce((sum, t) => sum + idf(t), 0);
    if (total === 0) return [];
    const score = new Map<number, number>();
    for (const t of tokens) for (const id of postings.get(t) ?? []) score.set(id, (score.get(id) ?? 0) + idf(t) / total);
    const ranked = [...score.entries()]
      .filter(([id, share]) => share < NEAR_MISS_MAX_OVERLAP && !cited.has(sentences[id]!.doc))
      .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const out: string[] = [];
    const docs = new Set<number>();
    for (const [id] of ranked) {
      if (out.length >= NEAR_MISSES_PER_CLAIM) break;
      if (docs.has(sentences[id]!.doc)) continue;
      docs.add(sentences[id]!.doc);
      out.push(sentences[id]!.text);
    }
    return out;
  };
}

/** 32-bit FNV-1a (with a murmur-style final mix) of the parts; deterministic across runs and platforms. */
function hash32(...parts: string[]): number {
  const str = parts.join("\u0001");
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// ---------------------------------------------------------------------------------------------------------------
// file helpers

const readText = (file: string): string => readFileSync(file, "utf8").replace(/^\uFEFF/, "");
/** JSON Lines, parsed lazily one line at a time (the file text is read once). */
function* jsonLines(file: string): Generator<any> {
  const text = readText(file);
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim() !== "") yield JSON.parse(line);
  }
}
const jsonArray = (file: string): any[] => [...jsonLines(file)];

/** RFC-4180 parser (a quote only opens a quoted field at the start of a field; "" escapes a quote). */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let field: string;
    if (text[i] === '"') {
      // quoted field: collect slices between doubled quotes
      const parts: string[] = [];
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          parts.push(text.slice(j));
          i = n;
          break;
        }
        parts.push(text.slice(j, q));
        if (text[q + 1] === '"') {
          parts.push('"');
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      // anything between the closing quote and the delimiter is kept verbatim (malformed but seen in the wild)
      let k = i;
      while (k < n && text[k] !== delimiter && text[k] !== "\n" && text[k] !== "\r") k++;
      field = parts.join("") + text.slice(i, k);
      i = k;
    } else {
      let k = i;
      while (k < n && text[k] !== delimiter && text[k] !== "\n" && text[k] !== "\r") k++;
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    if (i >= n) break;
    const c = text[i];
    if (c === delimiter) {
      i++;
      if (i >= n) row.push("");
      continue;
    }
    // end of record
    i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}

/** Tab-separated without quoting (GLUE RTE, SICK, LIAR). */
const plainTsv = (file: string): string[][] =>
  readText(file)
    .split(/\r?\n/)
    .filter((l) => l !== "")
    .map((l) => l.split("\t"));

function csvObjects(file: string, delimiter = ","): Record<string, string>[] {
  const [header, ...rows] = parseDelimited(readText(file), delimiter);
  return rows.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, k) => [h.trim(), r[k] ?? ""])));
}

// ---------------------------------------------------------------------------------------------------------------
// evaluation claims (never train on these)

export function evaluationClaims(dir: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  out.set(
    "scifact-dev",
    jsonArray(path.join(dir, "scifact/claims_dev.jsonl")).map((c) => c.claim),
  );
  out.set(
    "scifact-test",
    jsonArray(path.join(dir, "scifact/claims_test.jsonl")).map((c) => c.claim),
  );
  out.set(
    "check-covid-dev",
    jsonArray(path.join(dir, "check-covid/dev/covidCheck_dev_composed+extracted.json")).map((c) => c.claim),
  );
  out.set(
    "check-covid-test",
    ["composed", "extracted"].flatMap((v) => jsonArray(path.join(dir, `check-covid/test/covidCheck_test_${v}.json`)).map((c) => c.claim)),
  );
  out.set(
    "climate-fever",
    jsonArray(path.join(dir, "climate-fever/climate-fever.jsonl")).map((c) => c.claim),
  );
  out.set(
    "liar-plus",
    ["val2.tsv", "test2.tsv"].flatMap((f) => parseDelimited(readText(path.join(dir, "liar-plus", f)), "\t").map((r) => r[3] ?? "")),
  );
  out.set(
    "averitec-dev",
    (JSON.parse(readText(path.join(dir, "averitec/dev.json"))) as any[]).map((c) => c.claim),
  );
  return out;
}

/** Evidence sentences of the evaluation sets (compact keys): Climate-FEVER sentences, SciFact dev rationale sentences,
 *  Check-COVID dev/test evidence sentences, LIAR-PLUS justification sentences. */
export function evaluationEvidence(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const add = (text: string, set: string) => {
    for (const sent of roughSentences(text)) {
      const k = compactKey(sent);
      if (k.length >= 30 && !out.has(k)) out.set(k, set);
    }
  };
  for (const c of jsonLines(path.join(dir, "climate-fever/climate-fever.jsonl")))
    for (const e of c.evidences) add(e.evidence, "climate-fever");
  const corpus = new Map<number, string[]>();
  for (const d of jsonLines(path.join(dir, "scifact/corpus.jsonl"))) corpus.set(d.doc_id, d.abstract);
  for (const c of jsonLines(path.join(dir, "scifact/claims_dev.jsonl")))
    for (const [doc, sets] of Object.entries(c.evidence as Record<string, { sentences: number[] }[]>))
      for (const set of sets) for (const i of set.sentences) add(corpus.get(Number(doc))?.[i] ?? "", "scifact-dev");
  const cc = new Map<string, string[]>();
  for (const d of jsonLines(path.join(dir, "check-covid/corpus.json"))) cc.set(d.cord_id, d.abstract);
  for (const f of [
    "dev/covidCheck_dev_composed+extracted.json",
    "test/covidCheck_test_composed.json",
    "test/covidCheck_test_extracted.json",
  ])
    for (const c of jsonLines(path.join(dir, "check-covid", f)))
      for (const e of c.evidence_set)
        add(cc.get(c.cord_id)?.[e.sent_index] ?? "", f.startsWith("dev") ? "check-covid-dev" : "check-covid-test");
  for (const f of ["val2.tsv", "test2.tsv"])
    for (const r of parseDelimited(readText(path.join(dir, "liar-plus", f)), "\t")) add(r[15] ?? "", "liar-plus");
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// per-dataset readers. Each yields raw rows; shared cleaning/filters/dedup/hold-out happen afterwards.

interface Raw {
  claim: string;
  evidence: string;
  label: Stance;
  sourceSplit: string;
  labelSpace: StancePair["labelSpace"];
  silver?: boolean;
  /** Dataset-specific grouping ids (contrastive siblings, shared premise, …); the claim is always a group key too. */
  groups?: string[];
  shippable?: boolean;
  /** Text is PTB/FEVER-tokenised. */
  tokenised?: boolean;
}

/** Readers emit rows one by one (nothing is materialised per dataset). */
type Reader = (dir: string, opt: Required<LoadOptions>, drop: (reason: string) => void, emit: (row: Raw) => void) => void;

const FEVER_LABEL: Record<string, Stance> = { SUPPORTS: "supports", REFUTES: "refutes", "NOT ENOUGH INFO": "neutral" };

const readers: Record<string, Reader> = {
  vitaminc(dir, _o, drop, emit) {
    for (const part of ["vitaminc_real", "vitaminc_synthetic"]) {
      for (const r of jsonLines(path.join(dir, "vitaminc", part, "test.jsonl"))) {
        const label = FEVER_LABEL[r.label];
        if (!label) {
          drop(`unknown label ${r.label}`);
          continue;
        }
        const groups = [`vitc-case:${r.case_id}`];
        emit({
          claim: r.claim,
          evidence: r.evidence,
          label,
          sourceSplit: `${part}/test`,
          labelSpace: part === "vitaminc_real" ? "3way" : "SR",
          groups,
          tokenised: true,
        });
      }
    }
  },

  "fever-lite"(dir, _o, drop, emit) {
    for (const [file, split] of [
      ["validation.jsonl", "paper_dev"],
      ["test.jsonl", "paper_test"],
    ] as const) {
      for (const r of jsonLines(path.join(dir, "fever-lite", file))) {
        const ev = (r.evidence as string[]).map((s) => s.trim()).filter(Boolean);
        const uniq = [...new Set(ev)];
        // The evidence groups are flattened: with 3+ sentences we cannot tell which sentence(s) carry the label.
        if (uniq.length === 0 || uniq.length > 2) {
          drop(uniq.length === 0 ? "no evidence" : "3+ flattened evidence sentences");
          continue;
        }
        emit({
          claim: r.claim,
          evidence: uniq.join(" "),
          label: FEVER_LABEL[r.label]!,
          sourceSplit: split,
          labelSpace: "SR",
          tokenised: true,
        });
      }
    }
  },

  "fever-symmetric"(dir, _o, _d, emit) {
    // v0.2 dev+test contains every v0.1 pair, so v0.1 is not read.
    for (const split of ["dev", "test"]) {
      for (const r of jsonLines(path.join(dir, "fever-symmetric/symmetric_v0.2", `fever_symmetric_${split}.jsonl`))) {
        // Mirrored pairs share the evidence sentence (and claims): group by evidence so a quadruple stays together.
        emit({
          claim: r.claim,
          evidence: r.evidence,
          label: FEVER_LABEL[r.label]!,
          sourceSplit: `v0.2/${split}`,
          labelSpace: "SR",
          groups: [`fsym-ev:${compactKey(r.evidence)}`],
          tokenised: true,
        });
      }
    }
  },

  "fever-adversarial"(dir, _o, _d, emit) {
    for (const r of jsonLines(path.join(dir, "fever-adversarial/fever_adversarial/test.jsonl"))) {
      emit({
        claim: r.claim,
        evidence: r.evidence,
        label: FEVER_LABEL[r.label]!,
        sourceSplit: "fever2-fixers-dev",
        labelSpace: "SR",
        tokenised: true,
      });
    }
    for (const r of jsonLines(path.join(dir, "fever-adversarial/fever_triggers/test.jsonl"))) {
      emit({
        claim: r.claim,
        evidence: r.evidence,
        label: FEVER_LABEL[r.label]!,
        sourceSplit: "fever-triggers",
        labelSpace: "3way",
        silver: true,
        groups: [`fever-id:${r.id}`],
        shippable: false,
        tokenised: true,
      });
    }
  },

  snli(dir, _o, drop, emit) {
    const map: Record<string, Stance> = { entailment: "supports", contradiction: "refutes", neutral: "neutral" };
    for (const split of ["dev", "test"]) {
      const lines = (f: string) => readText(path.join(dir, "snli", `${f}.${split}`)).split("\n");
      const [s1, s2, lab] = [lines("s1"), lines("s2"), lines("labels")];
      for (let i = 0; i < lab.length; i++) {
        const l = lab[i]!.trim();
        if (l === "") continue;
        const label = map[l];
        if (!label) {
          drop(`unknown label ${l}`);
          continue;
        }
        emit({
          claim: s2[i]!,
          evidence: s1[i]!,
          label,
          sourceSplit: split,
          labelSpace: "3way",
          groups: [`snli-premise:${compactKey(s1[i]!)}`],
          tokenised: true,
        });
      }
    }
  },

  "covid-fact"(dir, _o, _d, emit) {
    // Evidence: the claim's retrieved sentences (jsonl keeps quotes the RTE tsv lost). Split from RTE-covidfact by claim.
    const splitOf = new Map<string, string>();
    for (const [f, name] of [
      ["train.tsv", "train"],
      ["dev.tsv", "dev"],
      ["test1.tsv", "test"],
      ["test.tsv", "test"],
    ] as const) {
      for (const r of parseDelimited(readText(path.join(dir, "covid-fact/RTE-covidfact", f)), "\t").slice(1)) {
        if (r[2]) splitOf.set(compactKey(r[2]), name);
      }
    }
    for (const r of jsonLines(path.join(dir, "covid-fact/COVIDFACT_dataset.jsonl"))) {
      const ev = (r.evidence as string[]).map((s) => s.replace(/(^|\s)>\s*/g, " ")).filter((s) => s.trim() !== "");
      emit({
        claim: r.claim,
        evidence: ev.join(" "),
        label: r.label === "SUPPORTED" ? "supports" : "refutes",
        sourceSplit: splitOf.get(compactKey(r.claim)) ?? "unsplit",
        labelSpace: "SR",
        silver: true,
        // A true claim and its generated counter-claims share the source post.
        groups: [`cf-src:${r.gold_source}`],
        tokenised: true, // claims are lower-cased Reddit titles with PTB spacing ("srinivasan 's")
      });
    }
  },

  healthver(dir, _o, drop, emit) {
    const map: Record<string, Stance> = { Supports: "supports", Refutes: "refutes", Neutral: "neutral" };
    for (const split of ["dev", "test"]) {
      for (const r of csvObjects(path.join(dir, "healthver", `healthver_${split}.csv`))) {
        const label = map[r.label!.trim()];
        if (!label) {
          drop(`unknown label ${r.label}`);
          continue;
        }
        emit({ claim: r.claim!, evidence: r.evidence!, label, sourceSplit: split, labelSpace: "3way" });
      }
    }
  },

  "fnc-1"(dir, opt, drop, emit) {
    // Article-level stance. agree/disagree/discuss cannot be localised to one sentence (and a "discuss" body restating
    // the headline would be a sentence-level support), so they are skipped. "unrelated" bodies are about another story,
    // so every sentence of them is genuinely "not addressed": keep the most headline-like sentence (a hard-ish negative)
    // for at most 2 unrelated bodies per headline.
    const bodies = new Map<string, string[]>();
    for (const r of csvObjects(path.join(dir, "fnc-1/competition_test_bodies.csv")))
      bodies.set(r["Body ID"]!, splitSentences(r.articleBody!));
    const perHeadline = new Map<string, { body: string; rank: number }[]>();
    for (const r of csvObjects(path.join(dir, "fnc-1/competition_test_stances.csv"))) {
      if (r.Stance !== "unrelated") {
        drop(`stance ${r.Stance} (article-level, skipped)`);
        continue;
      }
      const list = perHeadline.get(r.Headline!) ?? [];
      list.push({ body: r["Body ID"]!, rank: hash32(opt.seed, "fnc", r.Headline!, r["Body ID"]!) });
      perHeadline.set(r.Headline!, list);
    }
    for (const [headline, list] of perHeadline) {
      list.sort((a, b) => a.rank - b.rank || a.body.localeCompare(b.body));
      const tokens = contentTokens(headline);
      for (const [k, { body }] of list.entries()) {
        if (k >= 2) {
          drop("unrelated beyond 2 per headline");
          continue;
        }
        const sentences = (bodies.get(body) ?? []).filter((s) => wordCount(s) >= 6 && s.length <= 400);
        let best: string | undefined;
        let bestScore = -1;
        for (const s of sentences) {
          const sc = overlap(tokens, s);
          if (sc > bestScore && sc < 0.5) [best, bestScore] = [s, sc];
        }
        if (!best) {
          drop("unrelated body without usable sentence");
          continue;
        }
        emit({ claim: headline, evidence: best, label: "neutral", sourceSplit: "competition_test/unrelated", labelSpace: "3way" });
      }
    }
  },

  "fool-me-twice"(dir, opt, _d, emit) {
    for (const split of ["dev", "test"]) {
      for (const r of jsonLines(path.join(dir, "fool-me-twice", `${split}.jsonl`))) {
        const gold = (r.gold_evidence as { text: string }[]).map((e) => e.text.trim()).filter(Boolean);
        if (gold.length > 0)
          emit({
            claim: r.text,
            evidence: gold.join(" "),
            label: FEVER_LABEL[r.label]!,
            sourceSplit: split,
            labelSpace: "SR",
            groups: [`fm2:${r.id}`],
          });
        // One retrieved, non-gold sentence of the same page as a (silver) "not addressed" negative.
        const goldKeys = new Set(gold.map(compactKey));
        const cands = (r.retrieved_evidence as { text: string }[])
          .map((e) => e.text.trim())
          .filter((t) => !goldKeys.has(compactKey(t)) && ![...goldKeys].some((g) => g.includes(compactKey(t)) || compactKey(t).includes(g)))
          .filter((t) => wordCount(t) >= 6);
        if (cands.length > 0) {
          const pick = cands.map((t) => ({ t, h: hash32(opt.seed, "fm2", r.id, t) })).sort((a, b) => a.h - b.h)[0]!.t;
          emit({
            claim: r.text,
            evidence: pick,
            label: "neutral",
            sourceSplit: `${split}/retrieved-nongold`,
            labelSpace: "3way",
            silver: true,
            groups: [`fm2:${r.id}`],
          });
        }
      }
    }
  },

  wice(dir, opt, drop, emit) {
    const usable = (s: string) => !s.startsWith("(meta data)") && !s.startsWith("#") && wordCount(s) >= 5 && s.length <= 600;
    const metaFix = (s: string) =>
      s.replace(/^\(meta data\) PUBLISHED DATETIME:\s*/, "Published ").replace(/^\(meta data\) TITLE:\s*/, "Title: ");
    for (const split of ["dev", "test"]) {
      for (const r of jsonLines(path.join(dir, "wice/claim", `${split}.jsonl`))) {
        const ev = r.evidence as string[];
        const sets = (r.supporting_sentences as number[][]).filter((s) => s.length > 0);
        const groups = [`wice:${r.meta.id}`];
        if (r.label === "supported" || r.label === "partially_supported") {
          if (r.label === "partially_supported" && !opt.wicePartialAsNeutral) {
            drop("partially_supported (option off)");
          } else if (sets.length > 0) {
            // Smallest supporting set, preferring sets without meta-data lines; sentences in document order.
            const ranked = [...sets].sort(
              (a, b) =>
                a.filter((i) => ev[i]!.startsWith("(meta")).length - b.filter((i) => ev[i]!.startsWith("(meta")).length ||
                a.length - b.length,
            );
            const set = [...ranked[0]!].sort((a, b) => a - b);
            if (set.length > 4) drop("supporting set > 4 sentences");
            else
              emit({
                claim: r.claim,
                evidence: set.map((i) => metaFix(ev[i]!)).join(" "),
                label: r.label === "supported" ? "supports" : "neutral",
                sourceSplit: `${split}/${r.label}`,
                labelSpace: "3way",
                silver: r.label !== "supported",
                groups,
              });
          }
        }
        if (r.label === "not_supported") {
          // The cited page does not support the claim (mostly: does not address it). Keep the 2 most claim-like sentences.
          const tokens = contentTokens(r.claim);
          const cands = ev
            .map((s, i) => ({ s, i, sc: overlap(tokens, s) }))
            .filter((c) => usable(c.s))
            .sort((a, b) => b.sc - a.sc || a.i - b.i)
            .slice(0, 2);
          for (const c of cands)
            emit({ claim: r.claim, evidence: c.s, label: "neutral", sourceSplit: `${split}/not_supported`, labelSpace: "3way", groups });
        }
      }
    }
  },

  rte(dir, _o, drop, emit) {
    for (const split of ["train", "dev"]) {
      const [header, ...rows] = plainTsv(path.join(dir, "rte", `${split}.tsv`));
      void header;
      for (const r of rows) {
        if (r.length !== 4) {
          drop("malformed row");
          continue;
        }
        // not_entailment = contradiction OR not addressed; stored as neutral, flagged labelSpace "S-notS" and silver.
        const ent = r[3] === "entailment";
        emit({
          claim: r[2]!,
          evidence: r[1]!,
          label: ent ? "supports" : "neutral",
          sourceSplit: split,
          labelSpace: "S-notS",
          silver: !ent,
          tokenised: true,
        });
      }
    }
  },

  sick(dir, _o, drop, emit) {
    const map: Record<string, Stance> = { ENTAILMENT: "supports", CONTRADICTION: "refutes", NEUTRAL: "neutral" };
    const expectAB: Record<string, string> = { ENTAILMENT: "A_entails_B", CONTRADICTION: "A_contradicts_B", NEUTRAL: "A_neutral_B" };
    const [, ...rows] = plainTsv(path.join(dir, "sick/SICK.txt"));
    for (const r of rows) {
      const [id, a, b, lab, , ab, ba, , , , , set] = r;
      // Gold label disagrees with the directional annotations (e.g. NEUTRAL but A_contradicts_B): 611 rows, drop.
      const inconsistent =
        ab !== expectAB[lab!] || (lab === "ENTAILMENT" && ba === "B_contradicts_A") || (lab === "NEUTRAL" && ba === "B_contradicts_A");
      if (inconsistent) {
        drop("gold label inconsistent with entailment_AB/BA");
        continue;
      }
      void id;
      emit({ claim: b!, evidence: a!, label: map[lab!]!, sourceSplit: set!.toLowerCase(), labelSpace: "3way" });
    }
  },

  anli(dir, _o, drop, emit) {
    const map: Record<string, Stance> = { e: "supports", c: "refutes", n: "neutral" };
    for (const round of [1, 2, 3]) {
      for (const r of csvObjects(path.join(dir, "anli/dev", `ANLI_analysis_r${round}_dev.csv`))) {
        const label = map[r.gold_label!];
        if (!label) {
          drop(`unknown label ${r.gold_label}`);
          continue;
        }
        emit({
          claim: r.statement!,
          evidence: r.context!,
          label,
          sourceSplit: `dev_r${round}`,
          labelSpace: "3way",
          groups: [`anli-ctx:${compactKey(r.context!)}`],
          tokenised: true,
        });
      }
    }
    for (const r of jsonLines(path.join(dir, "anli/test/test.jsonl"))) {
      emit({
        claim: r.claim,
        evidence: r.evidence,
        label: FEVER_LABEL[r.label]!,
        sourceSplit: `test_${r.tag.split("_")[0]}`,
        labelSpace: "3way",
        groups: [`anli-ctx:${compactKey(r.evidence)}`],
        tokenised: true,
      });
    }
  },

  scifact(dir, opt, _d, emit) {
    const corpus = new Map<number, string[]>();
    for (const d of jsonLines(path.join(dir, "scifact/corpus.jsonl"))) corpus.set(d.doc_id, d.abstract);
    const nearMisses = nearMissSentences(corpus);
    for (const c of jsonLines(path.join(dir, "scifact/claims_train.jsonl"))) {
      const groups = [`scifact-claim:${c.id}`];
      // "Not addressed", the near miss: the sentences of abstracts the claim does not cite that share most of its
      // rarer words. A check reads such sentences whenever the library lacks the study that answers the claim, and
      // a model that never saw one gives them the side of the finding they resemble.
      for (const evidence of nearMisses(c.claim, new Set(c.cited_doc_ids as number[]))) {
        emit({ claim: c.claim, evidence, label: "neutral", sourceSplit: "train/near-miss", labelSpace: "3way", silver: true, groups });
      }
      const tokens = contentTokens(c.claim);
      const evidence = c.evidence as Record<string, { sentences: number[]; label: string }[]>;
      for (const docId of c.cited_doc_ids as number[]) {
        const abs = corpus.get(docId) ?? [];
        const rationales = evidence[String(docId)] ?? [];
        const used = new Set<number>();
        for (const rat of rationales) {
          const sents = [...rat.sentences].sort((a, b) => a - b);
          sents.forEach((i) => used.add(i));
          emit({
            claim: c.claim,
            evidence: sents.map((i) => abs[i]!).join(" "),
            label: rat.label === "SUPPORT" ? "supports" : "refutes",
            sourceSplit: "train/rationale",
            labelSpace: "3way",
            groups,
          });
        }
        // "Not addressed". In an abstract WITH rationales, a claim-like non-rationale sentence often still bears on the
        // claim (it restates the finding), so take one seeded pick that is neither a rationale nor next to one.
        // In a cited abstract WITHOUT rationales (annotated NEI) every sentence is neutral: take the most claim-like
        // sentence (hard negative) and one seeded pick.
        const near = new Set([...used].flatMap((i) => [i - 1, i, i + 1]));
        const cands = abs.map((s, i) => ({ s, i })).filter(({ s, i }) => !near.has(i) && wordCount(s) >= 6);
        if (cands.length === 0) continue;
        const seeded = (x: { i: number }) => hash32(opt.seed, "sf", String(c.id), String(docId), String(x.i));
        const byHash = [...cands].sort((a, b) => seeded(a) - seeded(b));
        const picks =
          rationales.length > 0
            ? byHash.slice(0, 1)
            : (() => {
                const top = [...cands].sort((a, b) => overlap(tokens, b.s) - overlap(tokens, a.s) || a.i - b.i)[0]!;
                return [top, ...byHash.filter((x) => x.i !== top.i).slice(0, 1)];
              })();
        for (const pick of picks) {
          const kind = rationales.length > 0 ? "nonrationale" : "nei-doc";
          emit({
            claim: c.claim,
            evidence: pick.s,
            label: "neutral",
            sourceSplit: `train/${kind}`,
            labelSpace: "3way",
            silver: true,
            groups,
          });
        }
      }
    }
  },

  "check-covid"(dir, _o, _d, emit) {
    const corpus = new Map<string, string[]>();
    for (const d of jsonLines(path.join(dir, "check-covid/corpus.json"))) corpus.set(d.cord_id, d.abstract);
    const map: Record<string, Stance> = { SUPPORT: "supports", REFUTE: "refutes", NOTENOUGHINFO: "neutral" };
    for (const c of jsonLines(path.join(dir, "check-covid/train/covidCheck_train_composed+extracted.json"))) {
      const abs = corpus.get(c.cord_id) ?? [];
      const idx = [...new Set((c.evidence_set as { sent_index: number }[]).map((e) => e.sent_index))].sort((a, b) => a - b);
      // NOTENOUGHINFO is relative to the given sentences (its claim has a SUPPORT/REFUTE sibling with other sentences):
      // exactly a sentence-level "not addressed" pair.
      emit({
        claim: c.claim,
        evidence: idx.map((i) => abs[i] ?? "").join(" "),
        label: map[c.label]!,
        sourceSplit: `train/${c.is_auth ? "extracted" : "composed"}`,
        labelSpace: "3way",
        groups: [`cc-sib:${String(c.id).replace(/_\d+$/, "")}`],
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------------------------

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x);
    if (p === undefined) {
      this.parent.set(x, x);
      return x;
    }
    if (p === x) return x;
    const root = this.find(p);
    this.parent.set(x, root);
    return root;
  }
  union(a: string, b: string): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return;
    // Smallest key becomes the root, so the representative does not depend on insertion order.
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

export function loadStanceReport(datasetsDir: string, options: LoadOptions = {}): LoadReport {
  const opt: Required<LoadOptions> = {
    holdoutPercent: options.holdoutPercent ?? 10,
    seed: options.seed ?? "verity-stance-v1",
    trainCaps: options.trainCaps ?? DEFAULT_TRAIN_CAPS,
    datasets: options.datasets ?? DATASET_ORDER,
    wicePartialAsNeutral: options.wicePartialAsNeutral ?? true,
    maxEvidenceChars: options.maxEvidenceChars ?? 1500,
    maxClaimChars: options.maxClaimChars ?? 600,
    dropEvalEvidence: options.dropEvalEvidence ?? true,
    onDrop: options.onDrop ?? (() => {}),
  };
  const dropped: LoadReport["dropped"] = {};
  const evalEvidence = opt.dropEvalEvidence ? evaluationEvidence(datasetsDir) : new Map<string, string>();
  /** Evidence-overlap drops per dataset, by evaluation set. */
  const evidenceOverlaps: Record<string, Record<string, number>> = {};
  const overlaps: LoadReport["overlaps"] = {};
  const overlapExamples: LoadReport["overlapExamples"] = {};

  // Evaluation claims, by both keys.
  const evalByNorm = new Map<string, string>();
  const evalByCompact = new Map<string, string>();
  for (const [set, claims] of evaluationClaims(datasetsDir)) {
    for (const c of claims) {
      const t = clean(c);
      if (!t) continue;
      if (!evalByNorm.has(normaliseClaim(t))) evalByNorm.set(normaliseClaim(t), set);
      if (!evalByCompact.has(compactKey(t))) evalByCompact.set(compactKey(t), set);
    }
  }

  interface Row extends Omit<StancePair, "split" | "group"> {
    keys: string[];
    pairKey: string;
  }
  const rows: Row[] = [];
  const seenPair = new Map<string, { label: Stance; dataset: string }>();
  const conflicted = new Set<string>();

  for (const d of opt.datasets) if (!DATASETS[d]) throw new Error(`unknown dataset ${d}`);
  for (const dataset of DATASET_ORDER) {
    const info = DATASETS[dataset];
    const reader = readers[dataset];
    if (!info || !reader) throw new Error(`unknown dataset ${dataset}`);
    const d = (dropped[dataset] = {} as Record<string, number>);
    const drop = (reason: string) => (d[reason] = (d[reason] ?? 0) + 1);
    overlaps[dataset] = {};
    overlapExamples[dataset] = [];

    reader(datasetsDir, opt, drop, (raw) => {
      const fix = (s: string) => clean(raw.tokenised ? detokenise(clean(s)) : s);
      const claim = fix(raw.claim);
      const evidence = fix(raw.evidence);
      const reject = (reason: string) => {
        drop(reason);
        opt.onDrop(dataset, reason, claim, evidence);
      };
      if (wordCount(claim) < 2 || !/\p{L}/u.test(claim)) {
        reject("claim empty/too short");
        return;
      }
      if (wordCount(evidence) < 3 || evidence.length < 12) {
        reject("evidence empty/too short");
        return;
      }
      if (repetitive(claim) || repetitive(evidence)) {
        reject("degenerate repetition");
        return;
      }
      if (claim.length > opt.maxClaimChars) {
        reject("claim too long");
        return;
      }
      if (evidence.length > opt.maxEvidenceChars) {
        reject("evidence too long");
        return;
      }
      const claimKey = compactKey(claim);
      const hit = evalByNorm.get(normaliseClaim(claim)) ?? evalByCompact.get(claimKey);
      if (hit) {
        overlaps[dataset]![hit] = (overlaps[dataset]![hit] ?? 0) + 1;
        if (overlapExamples[dataset]!.length < 5) overlapExamples[dataset]!.push(`${claim}  [${hit}]`);
        reject("claim in an evaluation set");
        return;
      }
      if (evalEvidence.size > 0) {
        const ev = roughSentences(evidence)
          .map(compactKey)
          .find((k) => evalEvidence.has(k));
        if (ev) {
          const set = evalEvidence.get(ev)!;
          const r = (evidenceOverlaps[dataset] ??= {});
          r[set] = (r[set] ?? 0) + 1;
          reject("evidence is an evaluation evidence sentence");
          return;
        }
      }
      // 64-bit hash of the compact (claim, evidence) key: exact-duplicate detection without keeping the long strings.
      const evidenceKey = compactKey(evidence);
      const pairKey = `${hash32("pair-a", claimKey, evidenceKey).toString(36)}.${hash32("pair-b", claimKey, evidenceKey).toString(36)}`;
      const prev = seenPair.get(pairKey);
      if (prev) {
        if (prev.label !== raw.label) {
          conflicted.add(pairKey);
          reject(prev.dataset === dataset ? "conflicting duplicate" : `conflicting duplicate of ${prev.dataset}`);
        } else reject(prev.dataset === dataset ? "duplicate pair" : `duplicate of ${prev.dataset} pair`);
        return;
      }
      seenPair.set(pairKey, { label: raw.label, dataset });
      rows.push({
        dataset,
        claim,
        evidence,
        label: raw.label,
        shippable: raw.shippable ?? info.shippable,
        sourceSplit: raw.sourceSplit,
        labelSpace: raw.labelSpace,
        silver: raw.silver ?? false,
        keys: [`claim:${claimKey}`, ...(raw.groups ?? [])],
        pairKey,
      });
    });
  }

  // Drop the first occurrences of conflicting pairs too.
  const keep: Row[] = [];
  for (const r of rows) {
    if (conflicted.has(r.pairKey)) {
      const d = dropped[r.dataset]!;
      d["conflicting duplicate (first copy)"] = (d["conflicting duplicate (first copy)"] ?? 0) + 1;
      continue;
    }
    keep.push(r);
  }

  // Hold-out groups: connected components over all keys, across datasets.
  const uf = new UnionFind();
  for (const r of keep) for (const k of r.keys.slice(1)) uf.union(r.keys[0]!, k);
  const threshold = Math.round(opt.holdoutPercent * 100); // out of 10,000
  const pairs: StancePair[] = [];
  for (const r of keep) {
    const group = uf.find(r.keys[0]!);
    const heldout = hash32(opt.seed, "holdout", group) % 10_000 < threshold;
    const { keys, pairKey, ...rest } = r;
    (void keys, void pairKey);
    pairs.push({ ...rest, split: heldout ? "heldout" : "train", group });
  }

  // Caps on the train side: keep whole groups in seeded-hash order until the cap is reached.
  const capped = new Set<StancePair>();
  for (const [dataset, cap] of Object.entries(opt.trainCaps)) {
    const train = pairs.filter((p) => p.dataset === dataset && p.split === "train");
    if (train.length <= cap) continue;
    const byGroup = new Map<string, StancePair[]>();
    for (const p of train) {
      const list = byGroup.get(p.group);
      if (list) list.push(p);
      else byGroup.set(p.group, [p]);
    }
    const order = [...byGroup.keys()].sort((a, b) => hash32(opt.seed, "cap", a) - hash32(opt.seed, "cap", b) || (a < b ? -1 : 1));
    let n = 0;
    for (const g of order) {
      const members = byGroup.get(g)!;
      if (n + members.length > cap) members.forEach((p) => capped.add(p));
      else n += members.length;
    }
    dropped[dataset]![`train cap ${cap}`] = train.length - n;
  }
  const wanted = new Set(opt.datasets);
  const only = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).filter(([d]) => wanted.has(d)));
  return {
    pairs: pairs.filter((p) => !capped.has(p) && wanted.has(p.dataset)),
    dropped: only(dropped),
    overlaps: only(overlaps),
    overlapExamples: only(overlapExamples),
    evidenceOverlaps: only(evidenceOverlaps),
  };
}
