// The language of an input, by fastText's language-identification model (lid.176, 176 languages),
// which ships inside the `fasttext.wasm.js` package and runs in WebAssembly: nothing is downloaded.
// bench/language.ts measures it against the function-word counter it replaced.
import { getLIDModel } from "fasttext.wasm.js";
import { collapseWhitespace } from "../../../domain/text.js";

/** What Verity uses of the package's model (the package's typings do not resolve under NodeNext). */
interface LidModel {
  predict(text: string, k: number, threshold: number): { size(): number; get(i: number): [number, string] };
}

let model: Promise<LidModel> | undefined;

/** The model, loaded once per process (about 1 MB, under 0.1 s). */
function lid(): Promise<LidModel> {
  model ??= (getLIDModel() as Promise<{ load(): Promise<LidModel> }>).then((m) => m.load());
  return model;
}

/** fastText reads one line; a page's worth is plenty to tell its language. */
const MAX_CHARS = 2000;
// English is the default, and only a clear guess overrides it: a name or a term ("Einstein",
// "COVID-19") says nothing of its reader's language, and a short English phrase may look Swedish.
/** Fewer words than this are read as English. */
const MIN_WORDS = 3;
/** Below this the model's best guess is a guess. */
const MIN_PROBABILITY = 0.15;
/** English stays when its probability is at least this share of the best guess's. */
const ENGLISH_SHARE = 1 / 3;

export interface LanguageGuess {
  /** The model's label: ISO 639-1 where one exists ("es"), else Wikipedia's code ("als", "ceb"). */
  language: string;
  probability: number;
}

/** The model's best guesses, most likely first. */
export async function guessLanguages(text: string, top = 3): Promise<LanguageGuess[]> {
  // Typographic apostrophes ("it’s") otherwise pull English towards Russian or Thai, and a
  // question mark glued to a word ("autismo?") turns Portuguese into Italian: marks stand apart.
  const line = collapseWhitespace(
    (text ?? "")
      .slice(0, MAX_CHARS)
      .replace(/[’‘]/g, "'")
      .replace(/([^\p{L}\p{M}\p{N}\s'-])/gu, " $1 "),
  );
  if (!/\p{L}/u.test(line)) return [];
  const vector = (await lid()).predict(line, top, 0);
  const guesses: LanguageGuess[] = [];
  for (let i = 0; i < vector.size(); i++) {
    const [probability, label] = vector.get(i);
    guesses.push({ language: String(label).replace("__label__", ""), probability: Number(probability) });
  }
  return guesses;
}

/** The input's language ("en", "es", "ja", ...); "en" when the model is unsure or there are no words. */
export async function detectLanguage(text: string): Promise<string> {
  if ((text ?? "").split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < MIN_WORDS) return "en";
  const guesses = await guessLanguages(text, 5);
  const best = guesses[0];
  if (!best || best.language === "en" || best.probability < MIN_PROBABILITY) return "en";
  const english = guesses.find((g) => g.language === "en");
  return english && english.probability >= best.probability * ENGLISH_SHARE ? "en" : best.language;
}
