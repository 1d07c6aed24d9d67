// The verdict's word and a question's answer word in each language Verity writes in. Both the analysts
// (a headline opens with them) and the renderers (a verdict badge, and the headline's leading word,
// which they must recognise to say the verdict once) use them, so they live below both.
import type { Locale } from "./locale.js";
import type { VerdictLabel } from "./report.js";

type Words = Record<VerdictLabel, string>;

const VERDICT_WORDS: Record<Locale, Words> = {
  en: { supported: "Supported", refuted: "Refuted", misleading: "Misleading", conflicting: "Conflicting", unverified: "Unverified" },
  es: { supported: "Respaldado", refuted: "Refutado", misleading: "Engañoso", conflicting: "Contradictorio", unverified: "Sin verificar" },
  fr: { supported: "Confirmé", refuted: "Réfuté", misleading: "Trompeur", conflicting: "Contradictoire", unverified: "Non vérifié" },
  de: {
    supported: "Bestätigt",
    refuted: "Widerlegt",
    misleading: "Irreführend",
    conflicting: "Widersprüchlich",
    unverified: "Nicht belegt",
  },
  pt: { supported: "Confirmado", refuted: "Refutado", misleading: "Enganoso", conflicting: "Contraditório", unverified: "Não verificado" },
};

/** A question is answered Yes / No / Partly / Unclear: a verdict of conflicting sources is as unclear as one of too few. */
const ANSWER_WORDS: Record<Locale, Words> = {
  en: { supported: "Yes", refuted: "No", misleading: "Partly", conflicting: "Unclear", unverified: "Unclear" },
  es: { supported: "Sí", refuted: "No", misleading: "En parte", conflicting: "No está claro", unverified: "No está claro" },
  fr: { supported: "Oui", refuted: "Non", misleading: "En partie", conflicting: "Incertain", unverified: "Incertain" },
  de: { supported: "Ja", refuted: "Nein", misleading: "Teilweise", conflicting: "Unklar", unverified: "Unklar" },
  pt: { supported: "Sim", refuted: "Não", misleading: "Em parte", conflicting: "Não é claro", unverified: "Não é claro" },
};

export function verdictWordIn(locale: Locale, label: VerdictLabel): string {
  return VERDICT_WORDS[locale][label] ?? VERDICT_WORDS[locale].unverified;
}

export function answerWordIn(locale: Locale, label: VerdictLabel): string {
  return ANSWER_WORDS[locale][label] ?? ANSWER_WORDS[locale].unverified;
}
