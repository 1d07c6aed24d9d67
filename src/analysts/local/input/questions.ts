// The claim a question implies, in Spanish, French, German and Portuguese (English has its own,
// richer rules in claims.ts). Each language gets the few rules its yes/no questions need:
// - a preamble ("¿Es cierto que X?", "Est-ce que X ?", "Stimmt es, dass X?", "É verdade que X?") gives X;
// - Spanish and Portuguese ask in the word order they state in: the marks go, the words stay;
// - French drops the inverted pronoun ("Le café réduit-il… ?" → "Le café réduit…");
// - German moves the opening verb behind its subject ("Senkt Kaffee…?" → "Kaffee senkt…"), and a
//   "dass" clause's final verb back to second place;
// - "why" questions presuppose their claim; other wh-questions (a preposition may come first: "¿De
//   dónde…", "Seit wann…") stay as asked, without the mark, so they read as the topic to check (as in English).
import { collapseWhitespace } from "../../../domain/text.js";
import { capitaliseFirst } from "../../../domain/titles.js";

type Language = "es" | "fr" | "de" | "pt";

const PREAMBLES: Record<Language, RegExp> = {
  es: /^(?:(?:es|será) (?:cierto|verdad) que|sabías que|he (?:oído|leído) que|dicen que|hay (?:alguna )?(?:evidencia|prueba)s? (?:de )?que)\s+/i,
  fr: /^(?:est-ce (?:vrai )?que\s+|est-ce (?:vrai )?qu['’]|est-il vrai que\s+|est-il vrai qu['’]|c['’]est vrai que\s+|il paraît que\s+|on dit que\s+|y a-t-il des preuves que\s+)/i,
  de: /^(?:stimmt es|ist es wahr|trifft es zu|man sagt|gibt es (?:belege|beweise) dafür),?\s+dass\s+/i,
  pt: /^(?:é (?:verdade|certo|fato) que|ouvi dizer que|dizem que|há (?:alguma )?(?:evidência|prova)s? de que)\s+/i,
};

const WHY: Record<Language, RegExp> = {
  es: /^por qu[ée]\s+/i,
  fr: /^pourquoi\s+/i,
  de: /^(?:warum|wieso|weshalb)\s+/i,
  pt: /^(?:por ?qu[eê](?:\s+raz[aã]o|\s+é\s+que)?|porque é que)\s+/i,
};

/** A preposition an open question may start with ("¿De dónde…", "D'où…", "Seit wann…", "Em que medida…"). */
const PREPOSITIONS: Record<Language, RegExp> = {
  es: /^(?:de|desde|para|por|en|a|con|hasta|sobre)\s+/i,
  fr: /^(?:d['’]|(?:depuis|pour|par|en|dans|à|de)\s+)/i,
  de: /^(?:seit|für|in|an|auf|mit|von|bei|zu|um|aus)\s+/i,
  pt: /^(?:de|desde|para|por|em|a|com|até|sobre)\s+/i,
};

const INTERROGATIVES: Record<Language, ReadonlySet<string>> = {
  es: new Set("qué quién quiénes cuál cuáles cuándo dónde cómo cuánto cuánta cuántos cuántas".split(" ")),
  fr: new Set("qui que quoi quand où comment combien quel quelle quels quelles qu'est-ce lequel laquelle".split(" ")),
  de: new Set("wer wen wem wessen was wann wo woher wohin wie wieviel wieviele welche welcher welches welchen welchem".split(" ")),
  pt: new Set("quem que quando onde como quanto quanta quantos quantas qual quais".split(" ")),
};

const GERMAN_DETERMINERS = new Set(
  "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner mein meine dein deine sein seine ihr ihre unser unsere euer eure alle viele manche diese dieser dieses jede jeder jedes".split(
    " ",
  ),
);
const GERMAN_PRONOUNS = new Set("es er sie man wir ihr ich du das".split(" "));

/** The claim a question in Spanish, French, German or Portuguese implies, as a sentence. */
export function questionToClaimIn(language: Language, question: string): string {
  const bare = collapseWhitespace(question).replace(/^[-*>•]\s+/, "");
  // Closing quotes go only with the opening ones: "¿Qué es la “posverdad”?" keeps its quoted word.
  const wrapped = /^[\s¿¡]*["“”'‘’«»„]/.test(bare);
  let q = bare
    .replace(/^[¿¡"“”'‘’«»„\s]+/, "")
    .replace(wrapped ? /[\s?¿!¡"“”'‘’«».]+$/ : /[\s?¿!¡.]+$/, "")
    .trim();
  if (!q) return "";
  const preamble = PREAMBLES[language].exec(q);
  if (preamble && q.length > preamble[0].length) {
    q = q.slice(preamble[0].length);
    return sentence(language === "de" ? verbSecond(q) : language === "fr" ? uninvert(q) : q);
  }
  const why = WHY[language].exec(q);
  if (why && q.length > why[0].length) return statement(language, q.slice(why[0].length));
  const first = (q.replace(PREPOSITIONS[language], "").split(" ")[0] ?? "").toLowerCase();
  if (INTERROGATIVES[language].has(first) || (language === "pt" && /^o que\b/i.test(q))) return capitaliseFirst(q);
  return statement(language, q);
}

/** A yes/no question's words in the order a statement puts them. */
function statement(language: Language, q: string): string {
  if (language === "fr") return sentence(uninvert(q));
  if (language === "de") return sentence(verbFirstToSecond(q));
  return sentence(q);
}

/** "Le café réduit-il le risque" → "Le café réduit le risque"; "Peut-on guérir…" → "On peut guérir…". */
function uninvert(q: string): string {
  const opening = /^(\p{L}+)-(?:t-)?(il|elle|ils|elles|on)\b\s*/iu.exec(q);
  if (opening) return `${opening[2]} ${opening[1]!.toLowerCase()} ${q.slice(opening[0].length)}`.trim();
  return q.replace(/(\p{L})-(?:t-)?(?:il|elle|ils|elles|on)\b/giu, "$1");
}

/** The words of the subject at the start of `tokens`: a pronoun, a name or noun, or a determiner up to its noun. */
function germanSubjectLength(tokens: string[]): number {
  const first = tokens[0] ?? "";
  if (GERMAN_DETERMINERS.has(first.toLowerCase())) {
    for (let i = 1; i < Math.min(tokens.length, 5); i++) if (/^\p{Lu}/u.test(tokens[i]!)) return i + 1;
    return 0;
  }
  if (GERMAN_PRONOUNS.has(first.toLowerCase()) || /^\p{Lu}/u.test(first)) return 1;
  return 0;
}

/** "Senkt Kaffee das Risiko" → "Kaffee senkt das Risiko"; a question already in statement order stays. */
function verbFirstToSecond(q: string): string {
  const tokens = q.split(" ");
  if (tokens.length < 3 || INTERROGATIVES.de.has(tokens[0]!.toLowerCase()) || GERMAN_DETERMINERS.has(tokens[0]!.toLowerCase())) return q;
  const subject = germanSubjectLength(tokens.slice(1));
  if (subject === 0 || subject >= tokens.length - 1) return q;
  const verb = tokens[0]!.toLowerCase();
  return [...tokens.slice(1, 1 + subject), verb, ...tokens.slice(1 + subject)].join(" ");
}

/** A "dass" clause ("Impfungen Autismus verursachen") with its final verb in second place. */
function verbSecond(clause: string): string {
  const tokens = clause.split(" ");
  const subject = germanSubjectLength(tokens);
  if (tokens.length < 3 || subject === 0 || subject >= tokens.length - 1) return clause;
  const verb = tokens[tokens.length - 1]!;
  return [...tokens.slice(0, subject), verb, ...tokens.slice(subject, -1)].join(" ");
}

function sentence(text: string): string {
  const t = text.replace(/[\s,;:]+$/, "");
  return capitaliseFirst(/[.!…]$/.test(t) ? t : `${t}.`);
}
