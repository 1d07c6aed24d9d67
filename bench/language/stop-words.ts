// The baseline bench/language.ts measures fastText against: the function-word counter Verity used
// before (frequent function words and a few tell-tale letters). Good on a sentence or more; short
// inputs default to 'en'.
import { words } from "../../src/domain/text.js";

const LANGUAGES = ["en", "es", "fr", "de", "it", "pt", "nl"] as const;
type Language = (typeof LANGUAGES)[number];

const STOP_WORDS: Record<Language, ReadonlySet<string>> = {
  en: new Set(
    "the a an and of to in on at is are was were that this with for not have has do does did what why how will would can could should be been it they their there which who you i".split(
      " ",
    ),
  ),
  es: new Set(
    "el la los las de del que y en es son un una por con para no se su sus al lo como más pero fue ha está están qué porque muy también hay".split(
      " ",
    ),
  ),
  fr: new Set(
    "le la les de des du et est sont un une que qui pour dans pas ne sur au aux avec ce cette il elle ils nous vous mais ou où plus été être".split(
      " ",
    ),
  ),
  de: new Set(
    "der die das und ist sind nicht ein eine einen dem den des zu mit von auf für im ich sie es wir auch wie aber oder wird wurde hat haben war".split(
      " ",
    ),
  ),
  it: new Set(
    "il lo la gli le di del della che e è sono un una per con non si su da nel alla come anche ma più questo questa ha hanno era gli".split(
      " ",
    ),
  ),
  pt: new Set(
    "o os de do da dos das que e é são um uma para com não se no na em por mais mas como foi tem está também isso você".split(" "),
  ),
  nl: new Set(
    "de het een en van is zijn niet dat die met voor op te in aan er ook als maar om bij wat nog wordt werd heeft hebben naar deze dit".split(
      " ",
    ),
  ),
};

/** Letters and marks that mostly belong to one language. */
const TELL_TALES: [Language, RegExp, number][] = [
  ["es", /[¿¡]/g, 1.5],
  ["es", /ñ/g, 0.75],
  ["de", /[ßäöü]/g, 0.75],
  ["fr", /[çœèêëàù]/g, 0.75],
  ["pt", /[ãõ]/g, 0.75],
  ["it", /(?:^|\s)(?:è|perché|più|già)(?=\s|$)/g, 0.75],
  ["nl", /\bij\w*|\w+ij\b/g, 0.75],
];

const MIN_SCORE = 2;

/** 'en' | 'es' | 'fr' | 'de' | 'it' | 'pt' | 'nl' — 'en' when unsure. */
export function detectLanguage(text: string): Language {
  const tokens = words(text ?? "");
  if (tokens.length === 0) return "en";
  const scores = Object.fromEntries(LANGUAGES.map((l) => [l, 0])) as Record<Language, number>;
  for (const token of tokens) {
    for (const lang of LANGUAGES) if (STOP_WORDS[lang].has(token)) scores[lang] += 1;
  }
  const lower = (text ?? "").toLowerCase();
  for (const [lang, re, weight] of TELL_TALES) scores[lang] += Math.min(3, (lower.match(re)?.length ?? 0) * weight);
  let best: Language = "en";
  for (const lang of LANGUAGES) if (scores[lang] > scores[best]) best = lang;
  if (best === "en") return "en";
  // Unsure when the win is small or the evidence thin.
  if (scores[best] < MIN_SCORE || scores[best] <= scores.en) return "en";
  const runnerUp = Math.max(...LANGUAGES.filter((l) => l !== best).map((l) => scores[l]));
  if (scores[best] - runnerUp < 0.5 && scores[best] < 4) return "en";
  return best;
}
