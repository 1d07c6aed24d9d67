// Every fixed sentence the local analyst writes, in each language Verity writes in. The English table
// is the type of the others, so a missing sentence is a compile error. Sentences are functions of what
// varies (a claim, a count, a name), because each language agrees its words with those in its own way:
// plural forms come from Intl.PluralRules, number words agree with their noun's gender, lists are
// joined by Intl.ListFormat. The verdict and answer words are in domain/verdict-words.ts (the renderers
// print them too). Quotes from sources stay in their own language: a passage in another language than
// the report's is quoted, not turned into reported speech.
import type { Locale } from "../../../domain/locale.js";
import type { VerdictLabel } from "../../../domain/report.js";
import { answerWordIn, verdictWordIn } from "../../../domain/verdict-words.js";
import type { Aspect } from "./aspects.js";

/** How a sentence names the claim: "the claim" when it stands alone, "it" / "this claim" under the claim's own heading. */
export type ClaimRef = "the" | "this";

/** A source's finding: `said` as reported speech (lower-case start, no end mark), `plain` the passage as quoted. */
export interface FindingParts {
  name: string;
  said: string;
  plain: string;
  cut: boolean;
  /** The passage is in the report's language, so it can be reported in the writer's own sentence. */
  reported: boolean;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "one"/"other" by the language's plural rules ("many" reads as "other" in the languages here). */
function pluralOf(intlLocale: string): (n: number, one: string, other: string) => string {
  const rules = new Intl.PluralRules(intlLocale);
  return (n, one, other) => (rules.select(n) === "one" ? one : other);
}

function listOf(intlLocale: string): (items: string[]) => string {
  const format = new Intl.ListFormat(intlLocale, { type: "conjunction" });
  return (items) => format.format(items);
}

/** Numbers up to ten in words, larger ones in figures; `feminine` picks the form that agrees with a feminine noun. */
function numberWords(masculine: string[], feminine: Record<number, string> = {}): (n: number, isFeminine?: boolean) => string {
  return (n, isFeminine = false) => (isFeminine ? feminine[n] : undefined) ?? masculine[n] ?? String(n);
}

const NB = "\u00a0"; // French puts a no-break space before : ; ? ! and inside « ».

// ---------------------------------------------------------------------------------------------------
// English
// ---------------------------------------------------------------------------------------------------

const enCount = numberWords(["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]);
const enPlural = pluralOf("en");
const enCounted = (n: number, one: string, many: string) => `${enCount(n)} ${enPlural(n, one, many)}`;
const enQuoted = (text: string) => `“${text}”`;
const enRef = (ref: ClaimRef) => (ref === "this" ? "it" : "the claim");

const EN = {
  locale: "en" as Locale,
  quoted: enQuoted,
  list: listOf("en-GB"),

  /** The headline: the answer (a question) or the verdict, then the gist. */
  headline: (isQuestion: boolean, label: VerdictLabel, claim: string): string => {
    const gist: Record<VerdictLabel, string> = {
      supported: "the evidence found supports the claim",
      refuted: "the evidence found contradicts the claim",
      misleading: "the evidence supports part of the claim but not all of it, as worded:",
      conflicting: "the sources found disagree on the claim",
      unverified: "not enough evidence was found to check the claim",
    };
    return `${isQuestion ? answerWordIn("en", label) : verdictWordIn("en", label)}: ${gist[label]} ${enQuoted(claim)}.`;
  },
  /** The headline of a text with several claims: how their verdicts add up. */
  overallHeadline: (label: VerdictLabel, claims: number, tally: [VerdictLabel, number][]): string =>
    `${verdictWordIn("en", label)}: of the ${enCount(claims)} claims checked, ${tally.map(([l, n]) => `${enCount(n)} ${l}`).join(", ")}.`,
  /** A question's finding opens with its answer. */
  answerLead: (label: VerdictLabel): string => `${answerWordIn("en", label)}. `,
  /** The heading of one claim's finding when a text holds several. */
  claimHeading: (label: VerdictLabel, claim: string): string => `${verdictWordIn("en", label)}: ${claim}`,

  /** How the sources that bear on a claim line up. */
  tally: (supporting: number, refuting: number, ref: ClaimRef): string => {
    const it = enRef(ref);
    const s = `${capital(enCounted(supporting, "source", "sources"))} found ${supporting === 1 ? "supports" : "support"} ${it}`;
    const r = `${enCounted(refuting, "source", "sources")} ${refuting === 1 ? "contradicts" : "contradict"} ${it}`;
    if (supporting > 0 && refuting > 0) return `${s}, and ${r}.`;
    if (supporting > 0) return `${s}; none contradicts it.`;
    if (refuting > 0) return `${capital(r)}; none supports it.`;
    return `The sources found mention ${it} without taking a side.`;
  },
  nothingFound: (ref: ClaimRef): string => `No document about ${enRef(ref)} was found, so nothing is cited and it is left unverified.`,
  nothingAbout: (read: number, ref: ClaimRef): string =>
    `None of the ${enCounted(read, "document", "documents")} read is about ${enRef(ref)}, so nothing is cited and it is left unverified.`,
  notClose: (ref: ClaimRef): string =>
    `No source found addresses ${enRef(ref)} closely enough to reach a verdict, so it is left unverified.`,

  /** The heading of a single claim's first finding: the answer, in a few words. */
  answerHeading: {
    supported: "The evidence supports the claim",
    refuted: "The evidence contradicts the claim",
    misleading: "The evidence bears out only part of the claim",
    conflicting: "The sources disagree",
    unverified: "Not enough evidence to decide",
  } as Record<VerdictLabel, string>,
  noContext: "The sources found add no context beyond the findings above.",
  noContextUnverified: "Nothing in the sources consulted bears on the claim.",
  supportsHeading: "What supports the claim",
  refutesHeading: "What contradicts the claim",
  otherWayHeading: "What points the other way",
  relatedHeading: "Related findings",
  /** The heading of a context paragraph that gathers passages on one aspect. */
  aspectHeading: {
    quantity: "How large the effect is",
    time: "Over what time",
    group: "Who it applies to",
    place: "Where it applies",
    harm: "Risks and side effects",
    mechanism: "How it would work",
    strength: "How strong the evidence is",
  } as Record<Aspect, string>,

  /** A source's finding; `notes` for context, `reports` for evidence on the claim. */
  finding: (verb: "reports" | "notes", f: FindingParts): string =>
    f.reported
      ? `${capital(f.name)} ${verb} that ${f.said}${f.cut ? "…" : "."}`
      : `${capital(f.name)} ${verb}: ${enQuoted(`${f.plain}${f.cut ? "…" : ""}`)}.`,

  providers: { library: "the local library", web: "web search" },
  method: {
    automatic:
      "This reading is automatic: the local analyst compares the meaning of sentences with a small sentence encoder and reads negation and opposites, but does not reason, so the confidence stated is deliberately modest.",
    read: (documents: number, consulted: string[], failed: string[]): string =>
      `This check read ${enCounted(documents, "document", "documents")} from ${consulted.length > 0 ? consulted.join(", ") : "no source"}` +
      (failed.length > 0 ? `; ${failed.join(", ")} could not be consulted` : "") +
      ". Evidence outside these sources (newer reporting, other jurisdictions, primary data) may change the picture.",
    unchecked: (n: number): string =>
      `${capital(enCounted(n, "sentence", "sentences"))} of the text ${n === 1 ? "was" : "were"} not checked; "Claims checked" lists ${n === 1 ? "it" : "them"} with the reason.`,
  },

  /** The bias section: `subject` is `it` or `claim(…)`. */
  wording: {
    absolute: (subject: string, terms: string[]): string =>
      `${subject} ${terms.length === 1 ? "uses the absolute term" : "uses the absolute terms"} ${terms.map(enQuoted).join(", ")}, which ${terms.length === 1 ? "admits" : "admit"} no exception: one counter-example is enough to make it false.`,
    noQuantity: (subject: string, verb: string): string =>
      `${subject} says ${enQuoted(verb)} without saying by how much, so a small effect and a large one read the same.`,
    loaded: (subject: string, terms: string[]): string =>
      `${subject} uses ${terms.length === 1 ? "a loaded word" : "loaded words"} (${terms.map(enQuoted).join(", ")}) that ${terms.length === 1 ? "pushes" : "push"} a conclusion instead of stating a fact.`,
    vague: (subject: string): string => `${subject} rests on unnamed authorities (“experts say”, “studies show”), which cannot be checked.`,
    quoted: (subject: string, who: string): string =>
      `${subject} rests on what ${who} says: the check weighs the evidence, not the speaker.`,
    leading: "The question is leading: it presumes its answer.",
    figures: (subject: string): string => `${subject} gives figures without saying where they come from.`,
    neutralQuestion: "The question is worded neutrally: it uses no loaded or absolute terms and does not presume its answer.",
    neutralStatement: "The statement uses no loaded or absolute terms; its main risk is being taken as settled without the context above.",
    notBorneOut: "Repeating the statement as worded would spread a claim that the evidence above does not bear out in full.",
    it: "It",
    claim: (text: string): string => `The claim ${enQuoted(text)}`,
    /** What was found, in a few words, for the section's heading. */
    short: {
      absolute: "absolute terms",
      noQuantity: "an effect without a size",
      loaded: "loaded words",
      vague: "unnamed authorities",
      quoted: "a claim resting on who says it",
      figures: "figures without a source",
      leading: "a leading question",
      neutral: "Worded neutrally",
    },
  },

  /**
   * Follow-up questions built on the claim as a whole: `statement` is the claim as a clause (lower-case
   * start, no end mark), `claim` the claim as written without its end mark. (English claims are also
   * taken apart, see ENGLISH_ASK, so that a question can reword their verb.)
   */
  ask: {
    disagree: (statement: string, _claim: string): string => `Why do the sources disagree on whether ${statement}?`,
    origin: (statement: string, _claim: string): string => `Where does the claim that ${statement} come from?`,
    belief: (statement: string, _claim: string): string => `Why is the belief that ${statement} so widespread?`,
    evidence: (statement: string, _claim: string): string => `What evidence is there that ${statement}?`,
    howMuch: (statement: string, _claim: string): string => `To what extent is it true that ${statement}?`,
    association: (statement: string, _claim: string): string => `Has it been shown that ${statement}, or only that the two go together?`,
    forWhom: (statement: string, _claim: string): string => `For whom is it true that ${statement}?`,
    where: (statement: string, _claim: string): string => `Where is it true that ${statement}, and where not?`,
    sinceWhen: (statement: string, _claim: string): string => `Since when is it true that ${statement}?`,
  },
};

export type Phrases = typeof EN;

/** English follow-ups from a claim taken apart (claimParts): they can put the claim's own verb in the question. */
export const ENGLISH_ASK = {
  howMuch: (aux: string, subject: string, verb: string, rest: string) => `By how much ${aux} ${subject} ${verb}${rest ? ` ${rest}` : ""}?`,
  association: (aux: string, subject: string, verb: string, rest: string) =>
    `${capital(aux)} ${subject} itself ${verb}${rest ? ` ${rest}` : ""}, or is the link only an association?`,
  risks: (subject: string) => `What are the risks of ${subject}?`,
  narrower: (question: string, scope: string) => `${question.replace(/\?$/, "")} ${scope}?`,
  /** What a claim of rules and rights leaves open: where it holds, and since when. */
  where: (aux: string, subject: string, predicate: string) => `Where ${aux} ${subject} ${predicate}, and where not?`,
  sinceWhen: (aux: string, subject: string, predicate: string) => `Since when ${aux} ${subject} ${predicate}?`,
  /** What a claim of effect leaves open when the evidence names no group: for whom. */
  forWhom: (aux: string, subject: string, predicate: string) => `For whom ${aux} ${subject} ${predicate}?`,
};

// ---------------------------------------------------------------------------------------------------
// Spanish (formal register; «comillas latinas»)
// ---------------------------------------------------------------------------------------------------

const esCount = numberWords(["ningún", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"], {
  0: "ninguna",
  1: "una",
});
const esPlural = pluralOf("es");
const esQuoted = (text: string) => `«${text}»`;
const esRef = (ref: ClaimRef) => (ref === "this" ? "esta afirmación" : "la afirmación");
const esList = listOf("es");

const ES: Phrases = {
  locale: "es",
  quoted: esQuoted,
  list: esList,

  headline: (isQuestion, label, claim) => {
    const gist: Record<VerdictLabel, string> = {
      supported: "las pruebas encontradas respaldan la afirmación",
      refuted: "las pruebas encontradas contradicen la afirmación",
      misleading: "las pruebas respaldan solo una parte de la afirmación, tal como está formulada:",
      conflicting: "las fuentes encontradas discrepan sobre la afirmación",
      unverified: "no se encontraron pruebas suficientes para verificar la afirmación",
    };
    return `${isQuestion ? answerWordIn("es", label) : verdictWordIn("es", label)}: ${gist[label]} ${esQuoted(claim)}.`;
  },
  overallHeadline: (label, claims, tally) => {
    const agreed: Record<VerdictLabel, [string, string]> = {
      supported: ["respaldada", "respaldadas"],
      refuted: ["refutada", "refutadas"],
      misleading: ["engañosa", "engañosas"],
      conflicting: ["con fuentes contradictorias", "con fuentes contradictorias"],
      unverified: ["sin verificar", "sin verificar"],
    };
    const parts = tally.map(([l, n]) => `${esCount(n, true)} ${esPlural(n, ...agreed[l])}`);
    return `${verdictWordIn("es", label)}: de las ${esCount(claims, true)} afirmaciones verificadas, ${esList(parts)}.`;
  },
  answerLead: (label) => `${answerWordIn("es", label)}. `,
  claimHeading: (label, claim) => `${verdictWordIn("es", label)}: ${claim}`,

  tally: (supporting, refuting, ref) => {
    const it = esRef(ref);
    const sources = (n: number) => `${esCount(n, true)} ${esPlural(n, "fuente", "fuentes")}`;
    if (supporting > 0 && refuting > 0)
      return `${capital(sources(supporting))} ${esPlural(supporting, "respalda", "respaldan")} ${it} y ${esCount(refuting, true)} la ${esPlural(refuting, "contradice", "contradicen")}.`;
    if (supporting > 0)
      return `${capital(sources(supporting))} ${esPlural(supporting, "respalda", "respaldan")} ${it}; ninguna la contradice.`;
    if (refuting > 0) return `${capital(sources(refuting))} ${esPlural(refuting, "contradice", "contradicen")} ${it}; ninguna la respalda.`;
    return `Las fuentes encontradas mencionan ${it} sin tomar partido.`;
  },
  nothingFound: (ref) => `No se encontró ningún documento sobre ${esRef(ref)}, así que no se cita nada y queda sin verificar.`,
  nothingAbout: (read, ref) =>
    esPlural(
      read,
      `El documento leído no trata sobre ${esRef(ref)}, así que no se cita nada y queda sin verificar.`,
      `Ninguno de los ${esCount(read)} documentos leídos trata sobre ${esRef(ref)}, así que no se cita nada y queda sin verificar.`,
    ),
  notClose: (ref) =>
    `Ninguna de las fuentes encontradas aborda ${esRef(ref)} con la precisión suficiente para emitir un veredicto, así que queda sin verificar.`,

  answerHeading: {
    supported: "Las pruebas respaldan la afirmación",
    refuted: "Las pruebas contradicen la afirmación",
    misleading: "Las pruebas solo confirman una parte de la afirmación",
    conflicting: "Las fuentes discrepan",
    unverified: "No hay pruebas suficientes para decidir",
  },
  noContext: "Las fuentes encontradas no aportan más contexto que las conclusiones anteriores.",
  noContextUnverified: "Nada de lo que dicen las fuentes consultadas se refiere a la afirmación.",
  supportsHeading: "Lo que respalda la afirmación",
  refutesHeading: "Lo que contradice la afirmación",
  otherWayHeading: "Lo que apunta en sentido contrario",
  relatedHeading: "Otros hallazgos relacionados",
  aspectHeading: {
    quantity: "La magnitud del efecto",
    time: "En qué plazo",
    group: "A quién se aplica",
    place: "Dónde se aplica",
    harm: "Riesgos y efectos secundarios",
    mechanism: "Cómo funcionaría",
    strength: "La solidez de las pruebas",
  },

  finding: (verb, f) => {
    const said = verb === "reports" ? "indica" : "señala";
    return f.reported
      ? `${capital(f.name)} ${said} que ${f.said}${f.cut ? "…" : "."}`
      : `${capital(f.name)} ${said}: ${esQuoted(`${f.plain}${f.cut ? "…" : ""}`)}.`;
  },

  providers: { library: "la biblioteca local", web: "la búsqueda web" },
  method: {
    automatic:
      "Esta lectura es automática: el analizador local compara el significado de las frases con un pequeño codificador de frases y tiene en cuenta la negación y los antónimos, pero no razona, por lo que la confianza indicada es deliberadamente moderada.",
    read: (documents, consulted, failed) =>
      `Esta verificación leyó ${documents === 0 ? "ningún documento" : `${esCount(documents)} ${esPlural(documents, "documento", "documentos")}`} de ${consulted.length > 0 ? esList(consulted) : "ninguna fuente"}` +
      (failed.length > 0 ? `; no se ${failed.length === 1 ? "pudo" : "pudieron"} consultar ${esList(failed)}` : "") +
      ". Otras pruebas ajenas a estas fuentes (información más reciente, otras jurisdicciones, datos primarios) podrían cambiar el panorama.",
    unchecked: (n) =>
      esPlural(
        n,
        "Una frase del texto no se verificó; «Afirmaciones verificadas» la recoge con el motivo.",
        `${capital(esCount(n, true))} frases del texto no se verificaron; «Afirmaciones verificadas» las recoge con el motivo.`,
      ),
  },

  wording: {
    absolute: (subject, terms) =>
      `${subject} usa ${esPlural(terms.length, "el término absoluto", "los términos absolutos")} ${esList(terms.map(esQuoted))}, que no ${esPlural(terms.length, "admite", "admiten")} excepciones: basta un contraejemplo para que sea falso.`,
    noQuantity: (subject, verb) =>
      `${subject} dice ${esQuoted(verb)} sin precisar en qué medida, de modo que un efecto pequeño y uno grande se leen igual.`,
    loaded: (subject, terms) =>
      `${subject} usa ${esPlural(terms.length, "una palabra cargada", "palabras cargadas")} (${terms.map(esQuoted).join(", ")}) que ${esPlural(terms.length, "empuja", "empujan")} hacia una conclusión en lugar de exponer un hecho.`,
    vague: (subject) =>
      `${subject} se apoya en autoridades sin nombre («los expertos dicen», «los estudios demuestran»), que no se pueden comprobar.`,
    quoted: (subject, who) => `${subject} se basa en lo que dice ${who}: la verificación sopesa las pruebas, no a quien habla.`,
    leading: "La pregunta es capciosa: presupone su respuesta.",
    figures: (subject) => `${subject} da cifras sin indicar de dónde proceden.`,
    neutralQuestion: "La pregunta está formulada de forma neutral: no usa términos cargados ni absolutos y no presupone su respuesta.",
    neutralStatement:
      "El enunciado no usa términos cargados ni absolutos; su principal riesgo es que se tome por definitivo sin el contexto anterior.",
    notBorneOut:
      "Repetir el enunciado tal como está formulado difundiría una afirmación que las pruebas anteriores no respaldan por completo.",
    it: "El enunciado",
    claim: (text) => `El enunciado ${esQuoted(text)}`,
    short: {
      absolute: "términos absolutos",
      noQuantity: "un efecto sin magnitud",
      loaded: "palabras cargadas",
      vague: "autoridades sin nombre",
      quoted: "una afirmación que depende de quién la dice",
      figures: "cifras sin fuente",
      leading: "una pregunta capciosa",
      neutral: "Formulación neutral",
    },
  },

  ask: {
    disagree: (statement) => `¿Por qué discrepan las fuentes sobre si ${statement}?`,
    origin: (statement) => `¿De dónde procede la afirmación de que ${statement}?`,
    belief: (statement) => `¿Por qué está tan extendida la creencia de que ${statement}?`,
    evidence: (statement) => `¿Qué pruebas hay de que ${statement}?`,
    howMuch: (statement) => `¿En qué medida ${statement}?`,
    association: (statement) => `¿Está demostrado que ${statement}, o solo se ha observado una asociación?`,
    forWhom: (statement) => `¿Para quién es cierto que ${statement}?`,
    where: (statement) => `¿Dónde es cierto que ${statement} y dónde no?`,
    sinceWhen: (statement) => `¿Desde cuándo ${statement}?`,
  },
};

// ---------------------------------------------------------------------------------------------------
// French (registre soutenu ; guillemets français avec espaces insécables)
// ---------------------------------------------------------------------------------------------------

const frCount = numberWords(["aucun", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"], {
  0: "aucune",
  1: "une",
});
const frPlural = pluralOf("fr");
const frQuoted = (text: string) => `«${NB}${text}${NB}»`;
const frList = listOf("fr");
/** "que" before a consonant, "qu’" before a vowel or a mute h. */
const frQue = (text: string) => (/^[aeiouyhàâéèêëîïôûœ]/i.test(text) ? `qu’${text}` : `que ${text}`);
/** "si il" is written "s’il". */
const frSi = (text: string) => (/^ils?\b/i.test(text) ? `s’${text}` : `si ${text}`);
const frRef = (ref: ClaimRef) => (ref === "this" ? "cette affirmation" : "l’affirmation");
const frOfRef = (ref: ClaimRef) => (ref === "this" ? "de cette affirmation" : "de l’affirmation");

const FR: Phrases = {
  locale: "fr",
  quoted: frQuoted,
  list: frList,

  headline: (isQuestion, label, claim) => {
    const gist: Record<VerdictLabel, string> = {
      supported: "les éléments trouvés confirment l’affirmation",
      refuted: "les éléments trouvés contredisent l’affirmation",
      misleading: `les éléments trouvés ne confirment qu’une partie de l’affirmation telle qu’elle est formulée${NB}:`,
      conflicting: "les sources trouvées divergent sur l’affirmation",
      unverified: "les éléments trouvés ne suffisent pas pour vérifier l’affirmation",
    };
    return `${isQuestion ? answerWordIn("fr", label) : verdictWordIn("fr", label)}${NB}: ${gist[label]} ${frQuoted(claim)}.`;
  },
  overallHeadline: (label, claims, tally) => {
    const agreed: Record<VerdictLabel, [string, string]> = {
      supported: ["confirmée", "confirmées"],
      refuted: ["réfutée", "réfutées"],
      misleading: ["trompeuse", "trompeuses"],
      conflicting: ["aux sources contradictoires", "aux sources contradictoires"],
      unverified: ["non vérifiée", "non vérifiées"],
    };
    const parts = tally.map(([l, n]) => `${frCount(n, true)} ${frPlural(n, ...agreed[l])}`);
    return `${verdictWordIn("fr", label)}${NB}: sur les ${frCount(claims, true)} affirmations vérifiées, ${frList(parts)}.`;
  },
  answerLead: (label) => `${answerWordIn("fr", label)}. `,
  claimHeading: (label, claim) => `${verdictWordIn("fr", label)}${NB}: ${claim}`,

  tally: (supporting, refuting, ref) => {
    const it = frRef(ref);
    const sources = (n: number) => `${frCount(n, true)} ${frPlural(n, "source", "sources")}`;
    if (supporting > 0 && refuting > 0)
      return `${capital(sources(supporting))} ${frPlural(supporting, "confirme", "confirment")} ${it} et ${frCount(refuting, true)} la ${frPlural(refuting, "contredit", "contredisent")}.`;
    if (supporting > 0)
      return `${capital(sources(supporting))} ${frPlural(supporting, "confirme", "confirment")} ${it}${NB}; aucune ne la contredit.`;
    if (refuting > 0)
      return `${capital(sources(refuting))} ${frPlural(refuting, "contredit", "contredisent")} ${it}${NB}; aucune ne la confirme.`;
    return `Les sources trouvées évoquent ${it} sans prendre position.`;
  },
  nothingFound: (ref) => `Aucun document portant sur ${frRef(ref)} n’a été trouvé${NB}: rien n’est cité et elle reste non vérifiée.`,
  nothingAbout: (read, ref) =>
    frPlural(
      read,
      `Le document lu ne porte pas sur ${frRef(ref)}${NB}: rien n’est cité et elle reste non vérifiée.`,
      `Aucun des ${frCount(read)} documents lus ne porte sur ${frRef(ref)}${NB}: rien n’est cité et elle reste non vérifiée.`,
    ),
  notClose: (ref) => `Aucune des sources trouvées ne traite ${frOfRef(ref)} d’assez près pour conclure${NB}: elle reste non vérifiée.`,

  answerHeading: {
    supported: "Les éléments confirment l’affirmation",
    refuted: "Les éléments contredisent l’affirmation",
    misleading: "Les éléments ne confirment qu’une partie de l’affirmation",
    conflicting: "Les sources divergent",
    unverified: "Pas assez d’éléments pour trancher",
  },
  noContext: "Les sources trouvées n’apportent pas de contexte au-delà des constats ci-dessus.",
  noContextUnverified: "Rien dans les sources consultées ne porte sur l’affirmation.",
  supportsHeading: "Ce qui confirme l’affirmation",
  refutesHeading: "Ce qui contredit l’affirmation",
  otherWayHeading: "Ce qui va dans l’autre sens",
  relatedHeading: "Constats connexes",
  aspectHeading: {
    quantity: "L’ampleur de l’effet",
    time: "Sur quelle durée",
    group: "À qui cela s’applique",
    place: "Où cela s’applique",
    harm: "Risques et effets indésirables",
    mechanism: "Le mécanisme supposé",
    strength: "La solidité des preuves",
  },

  finding: (verb, f) => {
    const said = verb === "reports" ? "indique" : "note";
    return f.reported
      ? `${capital(f.name)} ${said} ${frQue(f.said)}${f.cut ? "…" : "."}`
      : `${capital(f.name)} ${said}${NB}: ${frQuoted(`${f.plain}${f.cut ? "…" : ""}`)}.`;
  },

  providers: { library: "la bibliothèque locale", web: "la recherche web" },
  method: {
    automatic: `Cette lecture est automatique${NB}: l’analyseur local compare le sens des phrases à l’aide d’un petit encodeur de phrases et tient compte de la négation et des contraires, mais il ne raisonne pas${NB}; la confiance indiquée est donc volontairement modeste.`,
    read: (documents, consulted, failed) =>
      `Cette vérification a lu ${documents === 0 ? "aucun document" : `${frCount(documents)} ${frPlural(documents, "document", "documents")}`} provenant de ${consulted.length > 0 ? frList(consulted) : "aucune source"}` +
      (failed.length > 0 ? `${NB}; impossible de consulter ${frList(failed)}` : "") +
      ". D’autres éléments, hors de ces sources (informations plus récentes, autres juridictions, données primaires), pourraient changer le tableau.",
    unchecked: (n) =>
      frPlural(
        n,
        `Une phrase du texte n’a pas été vérifiée${NB}; la liste ${frQuoted("Affirmations vérifiées")} l’indique avec la raison.`,
        `${capital(frCount(n, true))} phrases du texte n’ont pas été vérifiées${NB}; la liste ${frQuoted("Affirmations vérifiées")} les indique avec la raison.`,
      ),
  },

  wording: {
    absolute: (subject, terms) =>
      `${subject} emploie ${frPlural(terms.length, "le terme absolu", "les termes absolus")} ${frList(terms.map(frQuoted))}, qui n’${frPlural(terms.length, "admet", "admettent")} aucune exception${NB}: un seul contre-exemple suffit à le rendre faux.`,
    noQuantity: (subject, verb) =>
      `${subject} dit ${frQuoted(verb)} sans préciser dans quelle mesure${NB}: un petit effet et un grand se lisent de la même façon.`,
    loaded: (subject, terms) =>
      `${subject} emploie ${frPlural(terms.length, "un mot chargé", "des mots chargés")} (${terms.map(frQuoted).join(", ")}) qui ${frPlural(terms.length, "pousse", "poussent")} vers une conclusion au lieu d’énoncer un fait.`,
    vague: (subject) =>
      `${subject} s’appuie sur des autorités anonymes (${frQuoted("les experts disent")}, ${frQuoted("des études montrent")}), invérifiables.`,
    quoted: (subject, who) => `${subject} repose sur ce que dit ${who}${NB}: la vérification pèse les preuves, pas la personne qui parle.`,
    leading: `La question est orientée${NB}: elle présuppose sa réponse.`,
    figures: (subject) => `${subject} avance des chiffres sans en indiquer la source.`,
    neutralQuestion: `La question est formulée de façon neutre${NB}: elle n’emploie ni termes chargés ni termes absolus et ne présuppose pas sa réponse.`,
    neutralStatement: `L’énoncé n’emploie ni termes chargés ni termes absolus${NB}; son principal risque est d’être tenu pour acquis sans le contexte ci-dessus.`,
    notBorneOut: "Répéter l’énoncé tel quel propagerait une affirmation que les éléments ci-dessus ne confirment pas entièrement.",
    it: "L’énoncé",
    claim: (text) => `L’énoncé ${frQuoted(text)}`,
    short: {
      absolute: "termes absolus",
      noQuantity: "un effet sans ampleur chiffrée",
      loaded: "mots chargés",
      vague: "autorités anonymes",
      quoted: "une affirmation qui repose sur son auteur",
      figures: "chiffres sans source",
      leading: "une question orientée",
      neutral: "Formulation neutre",
    },
  },

  ask: {
    disagree: (statement) => `Pourquoi les sources divergent-elles sur la question de savoir ${frSi(statement)}${NB}?`,
    origin: (statement) => `D’où vient l’affirmation selon laquelle ${statement}${NB}?`,
    belief: (statement) => `Pourquoi la croyance selon laquelle ${statement} est-elle si répandue${NB}?`,
    evidence: (statement) => `Quelles études montrent ${frQue(statement)}${NB}?`,
    howMuch: (statement) => `Dans quelle mesure ${statement}${NB}?`,
    association: (statement) => `Est-il établi ${frQue(statement)}, ou s’agit-il seulement d’une association${NB}?`,
    forWhom: (statement) => `Pour qui est-il vrai ${frQue(statement)}${NB}?`,
    where: (statement) => `Dans quels pays ou régions est-il vrai ${frQue(statement)}${NB}?`,
    sinceWhen: (statement) => `Depuis quand ${statement}${NB}?`,
  },
};

// ---------------------------------------------------------------------------------------------------
// German (Sie-Form where it matters; „Anführungszeichen“). A German "dass" clause puts the verb last,
// which a claim's own words cannot be rearranged into reliably, so German quotes the claim instead.
// ---------------------------------------------------------------------------------------------------

const deCount = numberWords(["kein", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"], {
  0: "keine",
  1: "eine",
});
const dePlural = pluralOf("de");
const deQuoted = (text: string) => `„${text}“`;
const deList = listOf("de");
/** The claim as the object of a verb (accusative) and after "widersprechen" (dative). */
const deAcc = (ref: ClaimRef) => (ref === "this" ? "diese Behauptung" : "die Behauptung");
const deDat = (ref: ClaimRef) => (ref === "this" ? "dieser Behauptung" : "der Behauptung");

const DE: Phrases = {
  locale: "de",
  quoted: deQuoted,
  list: deList,

  headline: (isQuestion, label, claim) => {
    const gist: Record<VerdictLabel, string> = {
      supported: `Die gefundenen Belege stützen die Behauptung ${deQuoted(claim)}.`,
      refuted: `Die gefundenen Belege widersprechen der Behauptung ${deQuoted(claim)}.`,
      misleading: `Die gefundenen Belege stützen die Behauptung in dieser Form nur zum Teil: ${deQuoted(claim)}.`,
      conflicting: `Die gefundenen Quellen sind sich über die Behauptung ${deQuoted(claim)} uneinig.`,
      unverified: `Es wurden nicht genug Belege gefunden, um die Behauptung ${deQuoted(claim)} zu prüfen.`,
    };
    return `${isQuestion ? answerWordIn("de", label) : verdictWordIn("de", label)}: ${gist[label]}`;
  },
  overallHeadline: (label, claims, tally) => {
    const agreed: Record<VerdictLabel, string> = {
      supported: "bestätigt",
      refuted: "widerlegt",
      misleading: "irreführend",
      conflicting: "widersprüchlich",
      unverified: "nicht belegt",
    };
    const parts = tally.map(([l, n]) => `${deCount(n, true)} ${agreed[l]}`);
    return `${verdictWordIn("de", label)}: Von den ${deCount(claims, true)} geprüften Behauptungen sind ${deList(parts)}.`;
  },
  answerLead: (label) => `${answerWordIn("de", label)}. `,
  claimHeading: (label, claim) => `${verdictWordIn("de", label)}: ${claim}`,

  tally: (supporting, refuting, ref) => {
    const sources = (n: number) => `${deCount(n, true)} ${dePlural(n, "Quelle", "Quellen")}`;
    if (supporting > 0 && refuting > 0)
      return `${capital(sources(supporting))} ${dePlural(supporting, "stützt", "stützen")} ${deAcc(ref)}, ${deCount(refuting, true)} ${dePlural(refuting, "widerspricht", "widersprechen")} ihr.`;
    if (supporting > 0)
      return `${capital(sources(supporting))} ${dePlural(supporting, "stützt", "stützen")} ${deAcc(ref)}; keine widerspricht ihr.`;
    if (refuting > 0)
      return `${capital(sources(refuting))} ${dePlural(refuting, "widerspricht", "widersprechen")} ${deDat(ref)}; keine stützt sie.`;
    return `Die gefundenen Quellen erwähnen ${deAcc(ref)}, ohne Stellung zu nehmen.`;
  },
  nothingFound: (ref) => `Es wurde kein Dokument über ${deAcc(ref)} gefunden; daher wird nichts zitiert, und sie bleibt nicht belegt.`,
  nothingAbout: (read, ref) =>
    dePlural(
      read,
      `Das gelesene Dokument handelt nicht von ${deDat(ref)}; daher wird nichts zitiert, und sie bleibt nicht belegt.`,
      `Keines der ${deCount(read)} gelesenen Dokumente handelt von ${deDat(ref)}; daher wird nichts zitiert, und sie bleibt nicht belegt.`,
    ),
  notClose: (ref) => `Keine der gefundenen Quellen behandelt ${deAcc(ref)} genau genug für ein Urteil; sie bleibt daher nicht belegt.`,

  answerHeading: {
    supported: "Die Belege stützen die Behauptung",
    refuted: "Die Belege widersprechen der Behauptung",
    misleading: "Die Belege stützen die Behauptung nur zum Teil",
    conflicting: "Die Quellen sind sich uneinig",
    unverified: "Zu wenige Belege für ein Urteil",
  },
  noContext: "Die gefundenen Quellen liefern keinen Kontext über die obigen Befunde hinaus.",
  noContextUnverified: "Nichts in den herangezogenen Quellen betrifft die Behauptung.",
  supportsHeading: "Was die Behauptung stützt",
  refutesHeading: "Was der Behauptung widerspricht",
  otherWayHeading: "Was in die andere Richtung weist",
  relatedHeading: "Weitere Befunde",
  aspectHeading: {
    quantity: "Wie groß der Effekt ist",
    time: "Über welchen Zeitraum",
    group: "Für wen es gilt",
    place: "Wo es gilt",
    harm: "Risiken und Nebenwirkungen",
    mechanism: "Wie es wirken würde",
    strength: "Wie belastbar die Belege sind",
  },

  // Reported speech would need the subjunctive and the verb last: German always quotes.
  finding: (verb, f) =>
    `${capital(f.name)} ${verb === "reports" ? "berichtet" : "hält fest"}: ${deQuoted(`${f.plain}${f.cut ? "…" : ""}`)}.`,

  providers: { library: "lokale Bibliothek", web: "Websuche" },
  method: {
    automatic:
      "Diese Auswertung erfolgt automatisch: Der lokale Analysator vergleicht die Bedeutung von Sätzen mit einem kleinen Satz-Encoder und erkennt Verneinungen und Gegensätze, zieht aber keine Schlüsse; die angegebene Konfidenz ist daher bewusst zurückhaltend.",
    read: (documents, consulted, failed) =>
      `Für diese Prüfung ${documents === 0 ? "wurde kein Dokument" : `${dePlural(documents, "wurde", "wurden")} ${deCount(documents)} ${dePlural(documents, "Dokument", "Dokumente")}`} gelesen (Quellen: ${consulted.length > 0 ? consulted.join(", ") : "keine"}` +
      (failed.length > 0 ? `; nicht erreichbar: ${failed.join(", ")}` : "") +
      "). Belege außerhalb dieser Quellen (neuere Berichte, andere Rechtsordnungen, Primärdaten) könnten das Bild verändern.",
    unchecked: (n) =>
      dePlural(
        n,
        `Ein Satz des Textes wurde nicht geprüft; die Liste ${deQuoted("Geprüfte Behauptungen")} nennt ihn mit dem Grund.`,
        `${capital(deCount(n))} Sätze des Textes wurden nicht geprüft; die Liste ${deQuoted("Geprüfte Behauptungen")} nennt sie mit dem Grund.`,
      ),
  },

  wording: {
    absolute: (subject, terms) =>
      `${subject} verwendet ${dePlural(terms.length, "den absoluten Begriff", "die absoluten Begriffe")} ${deList(terms.map(deQuoted))}, ${dePlural(terms.length, "der keine Ausnahme zulässt", "die keine Ausnahme zulassen")}: Ein einziges Gegenbeispiel genügt, um sie zu widerlegen.`,
    noQuantity: (subject, verb) =>
      `${subject} sagt ${deQuoted(verb)}, ohne zu sagen, wie stark: Ein kleiner und ein großer Effekt klingen gleich.`,
    loaded: (subject, terms) =>
      `${subject} verwendet ${dePlural(terms.length, "ein wertendes Wort", "wertende Wörter")} (${terms.map(deQuoted).join(", ")}), ${dePlural(terms.length, "das", "die")} eine Schlussfolgerung ${dePlural(terms.length, "nahelegt", "nahelegen")}, statt eine Tatsache zu nennen.`,
    vague: (subject) =>
      `${subject} beruft sich auf ungenannte Autoritäten (${deQuoted("Experten sagen")}, ${deQuoted("Studien zeigen")}), die sich nicht überprüfen lassen.`,
    quoted: (subject, who) =>
      `${subject} stützt sich darauf, was ${who} sagt: Die Prüfung wägt die Belege ab, nicht die Person, die spricht.`,
    leading: "Die Frage ist suggestiv: Sie setzt ihre Antwort voraus.",
    figures: (subject) => `${subject} nennt Zahlen, ohne ihre Quelle anzugeben.`,
    neutralQuestion:
      "Die Frage ist neutral formuliert: Sie verwendet keine wertenden oder absoluten Begriffe und setzt ihre Antwort nicht voraus.",
    neutralStatement:
      "Die Aussage verwendet keine wertenden oder absoluten Begriffe; ihr Hauptrisiko ist, ohne den obigen Kontext als gesichert zu gelten.",
    notBorneOut:
      "Die Aussage in dieser Form weiterzugeben hieße, eine Behauptung zu verbreiten, die die obigen Belege nicht vollständig stützen.",
    it: "Die Aussage",
    claim: (text) => `Die Aussage ${deQuoted(text)}`,
    short: {
      absolute: "absolute Begriffe",
      noQuantity: "ein Effekt ohne Größenangabe",
      loaded: "wertende Wörter",
      vague: "ungenannte Autoritäten",
      quoted: "eine Behauptung, die sich auf ihren Urheber stützt",
      figures: "Zahlen ohne Quelle",
      leading: "eine Suggestivfrage",
      neutral: "Neutral formuliert",
    },
  },

  ask: {
    disagree: (_statement, claim) => `Warum sind sich die Quellen bei der Aussage ${deQuoted(claim)} uneinig?`,
    origin: (_statement, claim) => `Woher stammt die Behauptung ${deQuoted(claim)}?`,
    belief: (_statement, claim) => `Warum ist die Behauptung ${deQuoted(claim)} so verbreitet?`,
    evidence: (_statement, claim) => `Welche Belege gibt es für die Aussage ${deQuoted(claim)}?`,
    howMuch: (_statement, claim) => `Wie stark ist der Effekt, von dem die Aussage ${deQuoted(claim)} spricht?`,
    association: (_statement, claim) => `Ist der Zusammenhang in der Aussage ${deQuoted(claim)} ursächlich oder nur eine Korrelation?`,
    forWhom: (_statement, claim) => `Für wen gilt die Aussage ${deQuoted(claim)}?`,
    where: (_statement, claim) => `Wo gilt die Aussage ${deQuoted(claim)} und wo nicht?`,
    sinceWhen: (_statement, claim) => `Seit wann gilt die Aussage ${deQuoted(claim)}?`,
  },
};

// ---------------------------------------------------------------------------------------------------
// Portuguese (registo formal, norma europeia como no resto das páginas; «aspas angulares»)
// ---------------------------------------------------------------------------------------------------

const ptCount = numberWords(["nenhum", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez"], {
  0: "nenhuma",
  1: "uma",
  2: "duas",
});
const ptPlural = pluralOf("pt-PT");
const ptQuoted = (text: string) => `«${text}»`;
const ptList = listOf("pt-PT");
const ptRef = (ref: ClaimRef) => (ref === "this" ? "esta afirmação" : "a afirmação");

const PT: Phrases = {
  locale: "pt",
  quoted: ptQuoted,
  list: ptList,

  headline: (isQuestion, label, claim) => {
    const gist: Record<VerdictLabel, string> = {
      supported: "as provas encontradas confirmam a afirmação",
      refuted: "as provas encontradas contradizem a afirmação",
      misleading: "as provas encontradas confirmam apenas parte da afirmação, tal como está formulada:",
      conflicting: "as fontes encontradas divergem quanto à afirmação",
      unverified: "não foram encontradas provas suficientes para verificar a afirmação",
    };
    return `${isQuestion ? answerWordIn("pt", label) : verdictWordIn("pt", label)}: ${gist[label]} ${ptQuoted(claim)}.`;
  },
  overallHeadline: (label, claims, tally) => {
    const agreed: Record<VerdictLabel, [string, string]> = {
      supported: ["confirmada", "confirmadas"],
      refuted: ["refutada", "refutadas"],
      misleading: ["enganosa", "enganosas"],
      conflicting: ["com fontes contraditórias", "com fontes contraditórias"],
      unverified: ["não verificada", "não verificadas"],
    };
    const parts = tally.map(([l, n]) => `${ptCount(n, true)} ${ptPlural(n, ...agreed[l])}`);
    return `${verdictWordIn("pt", label)}: das ${ptCount(claims, true)} afirmações verificadas, ${ptList(parts)}.`;
  },
  answerLead: (label) => `${answerWordIn("pt", label)}. `,
  claimHeading: (label, claim) => `${verdictWordIn("pt", label)}: ${claim}`,

  // The passive keeps the claim the subject, so no clitic pronoun has to find its place.
  tally: (supporting, refuting, ref) => {
    const it = capital(ptRef(ref));
    const by = (n: number) => `${ptCount(n, true)} ${ptPlural(n, "fonte", "fontes")}`;
    if (supporting > 0 && refuting > 0) return `${it} é confirmada por ${by(supporting)} e contrariada por ${ptCount(refuting, true)}.`;
    if (supporting > 0) return `${it} é confirmada por ${by(supporting)}; nenhuma a contraria.`;
    if (refuting > 0) return `${it} é contrariada por ${by(refuting)}; nenhuma a confirma.`;
    return `As fontes encontradas referem ${ptRef(ref)} sem tomar posição.`;
  },
  nothingFound: (ref) => `Não foi encontrado nenhum documento sobre ${ptRef(ref)}, pelo que nada é citado e fica por verificar.`,
  nothingAbout: (read, ref) =>
    ptPlural(
      read,
      `O documento lido não incide sobre ${ptRef(ref)}, pelo que nada é citado e fica por verificar.`,
      `Nenhum dos ${ptCount(read)} documentos lidos incide sobre ${ptRef(ref)}, pelo que nada é citado e fica por verificar.`,
    ),
  notClose: (ref) =>
    `Nenhuma das fontes encontradas aborda ${ptRef(ref)} com precisão suficiente para chegar a um veredicto, pelo que fica por verificar.`,

  answerHeading: {
    supported: "As provas confirmam a afirmação",
    refuted: "As provas contradizem a afirmação",
    misleading: "As provas só confirmam parte da afirmação",
    conflicting: "As fontes divergem",
    unverified: "Não há provas suficientes para decidir",
  },
  noContext: "As fontes encontradas não acrescentam contexto para além das conclusões acima.",
  noContextUnverified: "Nada nas fontes consultadas diz respeito à afirmação.",
  supportsHeading: "O que confirma a afirmação",
  refutesHeading: "O que contradiz a afirmação",
  otherWayHeading: "O que aponta em sentido contrário",
  relatedHeading: "Outras conclusões relacionadas",
  aspectHeading: {
    quantity: "A dimensão do efeito",
    time: "Em que prazo",
    group: "A quem se aplica",
    place: "Onde se aplica",
    harm: "Riscos e efeitos secundários",
    mechanism: "Como funcionaria",
    strength: "A solidez das provas",
  },

  finding: (verb, f) => {
    const said = verb === "reports" ? "indica" : "observa";
    return f.reported
      ? `${capital(f.name)} ${said} que ${f.said}${f.cut ? "…" : "."}`
      : `${capital(f.name)} ${said}: ${ptQuoted(`${f.plain}${f.cut ? "…" : ""}`)}.`;
  },

  providers: { library: "biblioteca local", web: "pesquisa na web" },
  method: {
    automatic:
      "Esta leitura é automática: o analisador local compara o significado das frases com um pequeno codificador de frases e tem em conta a negação e os antónimos, mas não raciocina, pelo que a confiança indicada é deliberadamente modesta.",
    read: (documents, consulted, failed) =>
      `Esta verificação leu ${documents === 0 ? "nenhum documento" : `${ptCount(documents)} ${ptPlural(documents, "documento", "documentos")}`} (fontes: ${consulted.length > 0 ? consulted.join(", ") : "nenhuma"}` +
      (failed.length > 0 ? `; não foi possível consultar: ${failed.join(", ")}` : "") +
      "). Provas fora destas fontes (notícias mais recentes, outras jurisdições, dados primários) podem alterar o quadro.",
    unchecked: (n) =>
      ptPlural(
        n,
        "Uma frase do texto não foi verificada; a lista «Afirmações verificadas» indica-a com o motivo.",
        `${capital(ptCount(n, true))} frases do texto não foram verificadas; a lista «Afirmações verificadas» indica-as com o motivo.`,
      ),
  },

  wording: {
    absolute: (subject, terms) =>
      `${subject} usa ${ptPlural(terms.length, "o termo absoluto", "os termos absolutos")} ${ptList(terms.map(ptQuoted))}, que não ${ptPlural(terms.length, "admite", "admitem")} exceções: basta um contraexemplo para o tornar falso.`,
    noQuantity: (subject, verb) =>
      `${subject} diz ${ptQuoted(verb)} sem dizer em que medida, pelo que um efeito pequeno e um grande se leem da mesma forma.`,
    loaded: (subject, terms) =>
      `${subject} usa ${ptPlural(terms.length, "uma palavra carregada", "palavras carregadas")} (${terms.map(ptQuoted).join(", ")}) que ${ptPlural(terms.length, "empurra", "empurram")} para uma conclusão em vez de afirmar um facto.`,
    vague: (subject) =>
      `${subject} apoia-se em autoridades não identificadas («os especialistas dizem», «os estudos mostram»), que não podem ser verificadas.`,
    quoted: (subject, who) => `${subject} assenta no que ${who} diz: a verificação pondera as provas, não quem fala.`,
    leading: "A pergunta é tendenciosa: pressupõe a resposta.",
    figures: (subject) => `${subject} apresenta números sem indicar a sua origem.`,
    neutralQuestion: "A pergunta está formulada de forma neutra: não usa termos carregados nem absolutos e não pressupõe a resposta.",
    neutralStatement:
      "O enunciado não usa termos carregados nem absolutos; o principal risco é ser tomado como definitivo sem o contexto acima.",
    notBorneOut: "Repetir o enunciado tal como está formulado difundiria uma afirmação que as provas acima não confirmam por inteiro.",
    it: "O enunciado",
    claim: (text) => `O enunciado ${ptQuoted(text)}`,
    short: {
      absolute: "termos absolutos",
      noQuantity: "um efeito sem dimensão",
      loaded: "palavras carregadas",
      vague: "autoridades não identificadas",
      quoted: "uma afirmação que depende de quem a diz",
      figures: "números sem fonte",
      leading: "uma pergunta tendenciosa",
      neutral: "Formulação neutra",
    },
  },

  ask: {
    disagree: (statement) => `Por que razão divergem as fontes quanto a saber se ${statement}?`,
    origin: (statement) => `De onde vem a afirmação de que ${statement}?`,
    belief: (statement) => `Por que razão está tão difundida a crença de que ${statement}?`,
    evidence: (statement) => `Que provas existem de que ${statement}?`,
    howMuch: (statement) => `Em que medida ${statement}?`,
    association: (statement) => `Está provado que ${statement}, ou trata-se apenas de uma associação?`,
    forWhom: (statement) => `Para quem é verdade que ${statement}?`,
    where: (statement) => `Onde é verdade que ${statement}, e onde não é?`,
    sinceWhen: (statement) => `Desde quando ${statement}?`,
  },
};

const PHRASES: Record<Locale, Phrases> = { en: EN, es: ES, fr: FR, de: DE, pt: PT };

export function phrasesIn(locale: Locale): Phrases {
  return PHRASES[locale];
}
