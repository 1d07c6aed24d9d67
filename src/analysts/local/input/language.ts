// The language of an input, by fastText's language-identification model (lid.176, 176 languages),
// which ships inside the `fasttext.wasm.js` package and runs in WebAssembly: nothing is downloaded.
// bench/language.ts measures it against the function-word counter it replaced.
import { getLIDModel } from "fasttext.wasm.js";
import { collapseWhitespace } from "../../../domain/text.js";
import { isSupportedLanguage } from "../../../domain/locale.js";

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

/** How an English question opens: an auxiliary verb or a question word ("Does…", "Can…", "What…"). */
const ENGLISH_QUESTION_OPENING =
  /^(?:do|does|did|is|are|was|were|am|can|could|will|would|should|shall|may|might|must|has|have|had|what|who|whom|whose|which|when|where|why|how|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|couldn't|won't|wouldn't|shouldn't|hasn't|haven't)\b/i;

/**
 * The marks only one or two of Verity's languages write (none of them Italian's or Dutch's): "¿" and "ñ"
 * for Spanish, "ã" for Portuguese, "ß" and umlauts for German, "œ" and the circumflexes for French.
 */
const MARKS: Record<string, RegExp> = {
  es: /[¿¡ñ]/iu,
  pt: /[ãõçâêô]/iu,
  de: /[äöüß]/iu,
  fr: /[œçâêîôû]/iu,
};

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

/**
 * A question that does not open the way an English one does ("As vacinas causam autismo?", "¿…?"): a
 * short one gives the model little to go on, and its shape is then evidence that it is not English.
 */
function unlikeEnglishQuestion(text: string): boolean {
  const t = text.trim();
  if (!/\?$/.test(t)) return false;
  return /^[¿¡]/.test(t) || !ENGLISH_QUESTION_OPENING.test(t.replace(/^[^\p{L}]+/u, ""));
}

/** The text carries marks of this language: its own letters, or (German) nouns capitalised inside a question. */
function carriesMarksOf(language: string, text: string, question: boolean): boolean {
  if (MARKS[language]?.test(text)) return true;
  // "Verursacht Kaffee Krebs?": German writes its nouns with a capital, and English questions open otherwise.
  return (
    language === "de" &&
    question &&
    text
      .split(/\s+/)
      .slice(1)
      .filter((w) => /^\p{Lu}\p{Ll}/u.test(w)).length >= 2
  );
}

/**
 * The input's language ("en", "es", "ja", ...); "en" when the model is unsure or there are no words.
 * Two tie-breakers for short questions, where the model has little to read: a question that does not open
 * like an English one is not kept English by English's share of the guess; and a best guess outside
 * Verity's languages yields to one of them among the model's guesses when the text carries its marks.
 */
export async function detectLanguage(text: string): Promise<string> {
  if ((text ?? "").split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < MIN_WORDS) return "en";
  const guesses = await guessLanguages(text, 5);
  const best = guesses[0];
  if (!best || best.language === "en") return "en";
  const question = unlikeEnglishQuestion(text);
  const english = guesses.find((g) => g.language === "en");
  if (english && !question && english.probability >= best.probability * ENGLISH_SHARE) return "en";
  const marked = isSupportedLanguage(best.language)
    ? undefined
    : guesses.find((g) => g.language !== "en" && isSupportedLanguage(g.language) && carriesMarksOf(g.language, text, question));
  if (marked) return marked.language;
  return best.probability < MIN_PROBABILITY ? "en" : best.language;
}
