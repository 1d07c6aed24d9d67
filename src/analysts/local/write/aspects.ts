// What a passage adds to a claim, read from its wording: a figure, a time, a group, a place, a
// harm, a mechanism, or how strong the evidence is. The context section is organised by these,
// and the follow-up questions ask about the ones the evidence left open. A passage in Spanish, French,
// German or Portuguese is read for the same aspects by its own words (the *_ELSEWHERE patterns).

export const ASPECTS = ["quantity", "time", "group", "place", "harm", "mechanism", "strength"] as const;
export type Aspect = (typeof ASPECTS)[number];

const GROUP_NOUNS =
  "adults|children|kids|teenagers|adolescents|women|men|girls|boys|patients|people|persons|infants|babies|newborns|mothers|" +
  "fathers|parents|pregnant women|smokers|non-smokers|drinkers|workers|students|voters|residents|citizens|immigrants|seniors|" +
  "elderly|older adults|younger adults|users|participants|individuals";

/** A group of people, with its bounds when the passage gives them ("adults aged 50 to 59", "women over 40"). */
const GROUP = new RegExp(
  `\\b(?:(?:older|younger|healthy|pregnant|adult|elderly)\\s+)?(?:${GROUP_NOUNS})\\b(?:\\s+(?:aged|age|over|under|older than|younger than|between)\\s+\\d+(?:\\s*(?:to|and|-|–)\\s*\\d+)?(?:\\s+years?(?:\\s+old)?)?)?`,
  "i",
);

/** A claim's sweeping scope ("in all adults", "every child"): what a group found in the evidence narrows. */
export const BROAD_GROUP = new RegExp(
  `\\b(?:in\\s+|for\\s+|among\\s+)?(?:all|every|any)\\s+(?:${GROUP_NOUNS}|adult|child|person|woman|man|patient)\\b`,
  "i",
);

const TIME =
  /\b(?:after|within|for|over|during|since|until|before)\s+(?:(?:about|nearly|more than|at least|up to)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|several|many)\s+(?:days?|weeks?|months?|years?|decades?)(?:\s+of\s+\w+)?|\b(?:since|in|by|until|before|after)\s+(?:1[89]|20)\d{2}\b|\blong[- ]term\b|\bshort[- ]term\b/i;

const QUANTITY =
  /\b\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|times|fold|million|billion|thousand|mg|kg|cups?|deaths|cases)\b|\b(?:twice|half|double[sd]?|tripled?|halved)\b|\b\d+(?:[.,]\d+)?%/i;

/** "in France", "across Europe", "in the United States": a place named with capitals. */
const PLACE = /\b(?:in|across|throughout)\s+(?:the\s+)?((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+){0,2})\b/;
const NOT_PLACES = new Set(["The", "This", "These", "That", "A", "An", "It", "Its", "Their", "Our", "In", "Adults", "Children"]);

const HARM =
  /\b(?:side[- ]effects?|adverse|bleeding|harms?|harmful|dangers?|dangerous|toxic|complications?|overdose|(?:risk|risks) of (?:bleeding|death|harm|injury|stroke))\b/i;

const MECHANISM =
  /\b(?:because|due to|mechanism|by (?:reducing|increasing|blocking|lowering|raising)|through (?:its|their|the)|caused by|explains?)\b/i;

const STRENGTH =
  /\b(?:associated|association|correlat\w*|does not prove|cannot prove|observational|randomi[sz]ed|trials?|meta-analys[ie]s|cohort|systematic review|evidence is (?:weak|limited|strong|mixed)|insufficient evidence)\b/i;

/** A whole word or phrase of these, in any letters (JavaScript's \\b knows only ASCII letters). */
function wordsOf(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])(?:${alternatives})(?![\\p{L}])`, "iu");
}

const NUMBER_ELSEWHERE = "\\d+(?:[.,]\\d+)?";
const QUANTITY_ELSEWHERE = wordsOf(
  `${NUMBER_ELSEWHERE}\\s*(?:%|por ciento|pour cent|prozent|por cento|veces|fois|mal|vezes|millones|millions|millionen|milhões|mil|casos|cas|fälle|muertes|décès|todesfälle|mortes)|el doble|la mitad|le double|la moitié|doppelt|halb so|o dobro|metade`,
);
const TIME_ELSEWHERE = wordsOf(
  `(?:durante|después de|tras|en|desde|pendant|après|depuis|während|nach|seit|innerhalb von|após|depois de|em)\\s+(?:${NUMBER_ELSEWHERE}|dos|tres|cinco|diez|deux|trois|cinq|dix|zwei|drei|fünf|zehn|dois|três|cinco|dez|varios|varias|plusieurs|mehreren|vários|várias)\\s+(?:días|semanas|meses|años|décadas|jours|semaines|mois|ans|années|décennies|tagen|wochen|monaten|jahren|jahrzehnten|dias|anos)|a largo plazo|à long terme|langfristig|a longo prazo`,
);
const GROUP_ELSEWHERE = wordsOf(
  "niños|niñas|adultos|mujeres|hombres|pacientes|personas|embarazadas|ancianos|fumadores|enfants|adultes|femmes|hommes|personnes|femmes enceintes|fumeurs|" +
    "kinder|erwachsene|erwachsenen|frauen|männer|patienten|menschen|schwangere|raucher|crianças|mulheres|homens|pessoas|grávidas|idosos|fumadores",
);
const HARM_ELSEWHERE = wordsOf(
  "efectos secundarios|efectos adversos|hemorragias?|perjudicial|peligroso|effets secondaires|effets indésirables|saignements?|dangereux|nocif|" +
    "nebenwirkungen|blutungen|schädlich|gefährlich|efeitos secundários|efeitos adversos|hemorragias?|perigoso|prejudicial",
);
const MECHANISM_ELSEWHERE = wordsOf("porque|debido a|mecanismo|parce que|en raison de|mécanisme|weil|aufgrund|mechanismus|devido a");
const STRENGTH_ELSEWHERE = wordsOf(
  "asociad[oa]s?|asociación|correlación|ensayos?|metaanálisis|cohortes?|observacional|associée?s?|corrélation|essais?|méta-analyses?|" +
    "assoziiert|korrelation|studien?|metaanalysen?|kohorte|associad[oa]s?|associação|correlação|ensaios?|meta-análises?|coortes?",
);

/** The aspects a passage speaks to that its claim does not already state, most specific first. */
export function aspectsOf(passage: string, claim: string): Aspect[] {
  const found: Aspect[] = [];
  const adds = (...patterns: RegExp[]) =>
    patterns.some((re) => {
      const m = re.exec(passage);
      return m !== null && !claim.toLowerCase().includes(m[0].toLowerCase());
    });
  const reads = (...patterns: RegExp[]) => patterns.some((re) => re.test(passage));
  if (adds(QUANTITY, QUANTITY_ELSEWHERE)) found.push("quantity");
  if (adds(TIME, TIME_ELSEWHERE)) found.push("time");
  if (adds(GROUP, GROUP_ELSEWHERE)) found.push("group");
  if (placeIn(passage) && !claim.includes(placeIn(passage)!)) found.push("place");
  if (reads(HARM, HARM_ELSEWHERE) && !HARM.test(claim) && !HARM_ELSEWHERE.test(claim)) found.push("harm");
  if (reads(MECHANISM, MECHANISM_ELSEWHERE)) found.push("mechanism");
  if (reads(STRENGTH, STRENGTH_ELSEWHERE)) found.push("strength");
  return found;
}

/** The group of people a passage restricts its finding to ("adults aged 50 to 59"), if any. */
export function groupIn(passage: string): string | null {
  const m = GROUP.exec(passage);
  return m && /\d/.test(m[0]) ? m[0] : null;
}

/** The span of time a passage puts on its finding ("after ten years of use"), if any (a bare year is not one). */
export function timeIn(passage: string): string | null {
  const found = TIME.exec(passage)?.[0] ?? null;
  return found && !/\d{4}$/.test(found) ? found : null;
}

export function placeIn(passage: string): string | null {
  for (const m of passage.matchAll(new RegExp(PLACE.source, "g"))) {
    const name = m[1]!;
    if (!NOT_PLACES.has(name.split(" ")[0]!)) return name;
  }
  return null;
}

/** The passage reports an association (or says the evidence cannot prove cause), in any of the five languages. */
export function speaksOfAssociation(passage: string): boolean {
  return (
    /\b(?:associated|association|correlat\w*|linked|does not prove|cannot prove)\b/i.test(passage) || ASSOCIATION_ELSEWHERE.test(passage)
  );
}

const ASSOCIATION_ELSEWHERE = wordsOf(
  "asociad[oa]s?|asociación|correlación|associée?s?|corrélation|assoziiert|korrelation|associad[oa]s?|associação|correlação",
);

export function speaksOfHarm(passage: string): boolean {
  return HARM.test(passage);
}

/** The statement gives a figure for its effect ("by 30%", "doubles", "twice"). */
export function statesQuantity(text: string): boolean {
  return QUANTITY.test(text);
}
