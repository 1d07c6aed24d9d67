// Claims from the reader's input: a question turned into the declarative claim
// it implies, and the check-worthy sentences of a pasted text. Rules and small
// lexicons only (no model): good on ordinary phrasing, best-effort elsewhere.
import type { InputKind, UncheckedReason, UncheckedSentence } from "../../../domain/report.js";
import { collapseWhitespace, splitSentences } from "../../../domain/text.js";
import { capitaliseFirst } from "../../../domain/titles.js";
import { localeOf } from "../../../domain/locale.js";
import { questionToClaimIn } from "./questions.js";

interface ExtractedClaim {
  text: string;
  /** Offsets into the input: input.slice(start, end) is where the claim was drawn from. */
  span: { start: number; end: number };
}

// ---------------------------------------------------------------------------
// Verb lexicon (shared with classify.ts)
// ---------------------------------------------------------------------------

/** Common base-form verbs: where the subject of "Can/Do/Does/Did … ?" ends. */
export const BASE_VERBS: ReadonlySet<string> = new Set(
  (
    "accept accuse achieve act add admit affect agree aim allow announce appear apply approve argue arrest arrive ask " +
    "attack attend avoid ban be bear beat become begin believe belong benefit bind bite block blow boost break breed " +
    "bring build burn buy call cancel care carry catch cause change charge cheat check choose claim clean close " +
    "collapse come commit compare compete complain contain continue contribute control convince cost count cover " +
    "create cross cure cut damage deal decide decline decrease defeat defend delay deliver demand deny depend deport " +
    "describe deserve destroy detect deter develop die dig disappear discover do double draw drink drive drop earn " +
    "eat eliminate emit employ enable end enforce enjoy ensure enter escape exceed exist expand expect explain " +
    "explode expose extend fail fall feed feel fight fill find finish fix flee fly follow forbid force forget " +
    "forgive freeze fund gain get give go govern grow hack happen harm hate have hear help hide hire hit hold " +
    "hurt identify ignore imply import impose improve include increase infect influence inform intend interfere " +
    "invade invent invest involve issue join jump keep kill know lack land last launch lay lead leak learn leave " +
    "lend let lie like limit link listen live look lose love lower make manage mean measure meet melt mention " +
    "miss move need notice obey observe obtain occur offer open operate order outlaw overturn own participate " +
    "pass pay perform permit persuade pick plan play poison pollute possess predict prefer prepare prevent print " +
    "produce profit prohibit promise promote protect prove provide publish pull punish purchase push put quit " +
    "raise reach read receive recognize recognise recommend record recover reduce refuse regulate reject release " +
    "rely remain remember remove replace report represent require rescue resign resist respond restrict result " +
    "return reveal reverse ride rig rise risk rule run save say see seek seem sell send serve set shake shoot " +
    "show shrink shut sign sing sink sit sleep slow smoke solve speak spend spread spy stand start stay steal " +
    "stop strengthen strike struggle study succeed suffer suggest supply support suppress survive suspend swim " +
    "take talk target tax teach tear tell tend test think threaten throw track trade train transmit travel treat " +
    "trigger trust try turn understand undermine use vaccinate vanish violate visit vote wait wake walk want warn " +
    "waste watch wear weaken win withdraw work worsen write"
  ).split(" "),
);

/** Irregular verbs: base → [simple past, past participle]. */
const IRREGULAR_VERBS: Readonly<Record<string, readonly [string, string]>> = {
  arise: ["arose", "arisen"],
  be: ["was", "been"],
  bear: ["bore", "born"],
  beat: ["beat", "beaten"],
  become: ["became", "become"],
  begin: ["began", "begun"],
  bend: ["bent", "bent"],
  bet: ["bet", "bet"],
  bind: ["bound", "bound"],
  bite: ["bit", "bitten"],
  bleed: ["bled", "bled"],
  blow: ["blew", "blown"],
  break: ["broke", "broken"],
  breed: ["bred", "bred"],
  bring: ["brought", "brought"],
  build: ["built", "built"],
  burst: ["burst", "burst"],
  buy: ["bought", "bought"],
  catch: ["caught", "caught"],
  choose: ["chose", "chosen"],
  come: ["came", "come"],
  cost: ["cost", "cost"],
  cut: ["cut", "cut"],
  deal: ["dealt", "dealt"],
  dig: ["dug", "dug"],
  do: ["did", "done"],
  draw: ["drew", "drawn"],
  drink: ["drank", "drunk"],
  drive: ["drove", "driven"],
  eat: ["ate", "eaten"],
  fall: ["fell", "fallen"],
  feed: ["fed", "fed"],
  feel: ["felt", "felt"],
  fight: ["fought", "fought"],
  find: ["found", "found"],
  flee: ["fled", "fled"],
  fly: ["flew", "flown"],
  forbid: ["forbade", "forbidden"],
  forget: ["forgot", "forgotten"],
  forgive: ["forgave", "forgiven"],
  freeze: ["froze", "frozen"],
  get: ["got", "gotten"],
  give: ["gave", "given"],
  go: ["went", "gone"],
  grow: ["grew", "grown"],
  hang: ["hung", "hung"],
  have: ["had", "had"],
  hear: ["heard", "heard"],
  hide: ["hid", "hidden"],
  hit: ["hit", "hit"],
  hold: ["held", "held"],
  hurt: ["hurt", "hurt"],
  keep: ["kept", "kept"],
  know: ["knew", "known"],
  lay: ["laid", "laid"],
  lead: ["led", "led"],
  leave: ["left", "left"],
  lend: ["lent", "lent"],
  let: ["let", "let"],
  lie: ["lay", "lain"],
  lose: ["lost", "lost"],
  make: ["made", "made"],
  mean: ["meant", "meant"],
  meet: ["met", "met"],
  overcome: ["overcame", "overcome"],
  pay: ["paid", "paid"],
  put: ["put", "put"],
  quit: ["quit", "quit"],
  read: ["read", "read"],
  ride: ["rode", "ridden"],
  ring: ["rang", "rung"],
  rise: ["rose", "risen"],
  run: ["ran", "run"],
  say: ["said", "said"],
  see: ["saw", "seen"],
  seek: ["sought", "sought"],
  sell: ["sold", "sold"],
  send: ["sent", "sent"],
  set: ["set", "set"],
  shake: ["shook", "shaken"],
  shine: ["shone", "shone"],
  shoot: ["shot", "shot"],
  show: ["showed", "shown"],
  shrink: ["shrank", "shrunk"],
  shut: ["shut", "shut"],
  sing: ["sang", "sung"],
  sink: ["sank", "sunk"],
  sit: ["sat", "sat"],
  sleep: ["slept", "slept"],
  slide: ["slid", "slid"],
  speak: ["spoke", "spoken"],
  spend: ["spent", "spent"],
  spin: ["spun", "spun"],
  spread: ["spread", "spread"],
  stand: ["stood", "stood"],
  steal: ["stole", "stolen"],
  stick: ["stuck", "stuck"],
  strike: ["struck", "struck"],
  swear: ["swore", "sworn"],
  swim: ["swam", "swum"],
  take: ["took", "taken"],
  teach: ["taught", "taught"],
  tear: ["tore", "torn"],
  tell: ["told", "told"],
  think: ["thought", "thought"],
  throw: ["threw", "thrown"],
  understand: ["understood", "understood"],
  undergo: ["underwent", "undergone"],
  wake: ["woke", "woken"],
  wear: ["wore", "worn"],
  win: ["won", "won"],
  withdraw: ["withdrew", "withdrawn"],
  write: ["wrote", "written"],
  speed: ["sped", "sped"],
  light: ["lit", "lit"],
  shed: ["shed", "shed"],
  split: ["split", "split"],
  spit: ["spat", "spat"],
  stink: ["stank", "stunk"],
  sting: ["stung", "stung"],
  swing: ["swung", "swung"],
  weep: ["wept", "wept"],
  wind: ["wound", "wound"],
  forecast: ["forecast", "forecast"],
  mislead: ["misled", "misled"],
  overtake: ["overtook", "overtaken"],
  outgrow: ["outgrew", "outgrown"],
  rebuild: ["rebuilt", "rebuilt"],
};

/** Past and participle forms of the irregular verbs ("won", "built", "fallen"…). */
const IRREGULAR_FORMS: ReadonlySet<string> = new Set(
  Object.entries(IRREGULAR_VERBS).flatMap(([base, [past, participle]]) => (base === "be" ? ["been"] : [past, participle])),
);

/** Verbs that double their final consonant before -ed although they have two syllables. */
const DOUBLING = new Set([
  "admit",
  "commit",
  "occur",
  "prefer",
  "refer",
  "permit",
  "submit",
  "omit",
  "regret",
  "control",
  "patrol",
  "equip",
  "compel",
  "expel",
  "propel",
  "rig",
  "ban",
]);

export function thirdPerson(verb: string): string {
  const lower = verb.toLowerCase();
  const special: Record<string, string> = { be: "is", have: "has", do: "does", go: "goes" };
  if (special[lower]) return special[lower];
  if (/(?:s|sh|ch|x|z|o)$/.test(lower)) return verb + "es";
  if (/[^aeiou]y$/.test(lower)) return verb.slice(0, -1) + "ies";
  return verb + "s";
}

export function pastTense(verb: string): string {
  const lower = verb.toLowerCase();
  const irregular = IRREGULAR_VERBS[lower];
  if (irregular) return lower === "be" ? "was" : irregular[0];
  if (lower.endsWith("e")) return verb + "d";
  if (/[^aeiou]y$/.test(lower)) return verb.slice(0, -1) + "ied";
  if (DOUBLING.has(lower) || /^[^aeiou]*[aeiou][bdgmnprt]$/.test(lower)) return verb + verb.slice(-1) + "ed";
  return verb + "ed";
}

/** The base form behind "causes", "caused", "won"… when it is a known verb, else null. */
export function verbBase(word: string): string | null {
  const w = word.toLowerCase();
  if (BASE_VERBS.has(w)) return w;
  for (const [base, [past, participle]] of Object.entries(IRREGULAR_VERBS)) {
    if (w === past || w === participle) return base;
  }
  const candidates: string[] = [];
  if (w.endsWith("ies")) candidates.push(w.slice(0, -3) + "y");
  if (w.endsWith("es")) candidates.push(w.slice(0, -2));
  if (w.endsWith("s")) candidates.push(w.slice(0, -1));
  if (w.endsWith("ied")) candidates.push(w.slice(0, -3) + "y");
  if (w.endsWith("ed")) candidates.push(w.slice(0, -2), w.slice(0, -1), w.slice(0, -3));
  return candidates.find((c) => BASE_VERBS.has(c) && (pastTense(c) === w || thirdPerson(c) === w)) ?? null;
}

// ---------------------------------------------------------------------------
// Small word classes used to find the subject / predicate boundary
// ---------------------------------------------------------------------------

const MODALS = new Set(["can", "could", "should", "would", "will", "shall", "may", "might", "must"]);
const DO_AUX = new Set(["do", "does", "did"]);
const BE_AUX = new Set(["is", "are", "was", "were", "am"]);
const HAVE_AUX = new Set(["has", "have", "had"]);
export const AUXILIARIES: ReadonlySet<string> = new Set([...MODALS, ...DO_AUX, ...BE_AUX, ...HAVE_AUX]);
export const INTERROGATIVES: ReadonlySet<string> = new Set(["who", "whom", "whose", "what", "when", "where", "why", "how", "which"]);

const PRONOUNS = new Set([
  "it",
  "there",
  "he",
  "she",
  "they",
  "we",
  "you",
  "i",
  "anyone",
  "anybody",
  "someone",
  "somebody",
  "everyone",
  "everybody",
  "nobody",
  "something",
  "anything",
  "everything",
  "nothing",
]);
const POSSESSIVES = ["my", "your", "his", "her", "its", "our", "their"];
const DETERMINERS = new Set([
  "a",
  "an",
  "the",
  "this",
  "that",
  "these",
  "those",
  ...POSSESSIVES,
  "some",
  "any",
  "every",
  "each",
  "no",
  "all",
  "most",
  "more",
  "many",
  "much",
  "few",
  "fewer",
  "less",
  "least",
  "several",
  "both",
  "either",
  "neither",
  "such",
  "other",
  "another",
]);
/** Determiners that open a predicate noun phrase ("Paris is the capital…"). */
const PREDICATE_DETERMINERS = new Set(["a", "an", "the", ...POSSESSIVES, "no", "one", "still", "not", "never"]);
const ADVERBS = new Set([
  "really",
  "actually",
  "truly",
  "ever",
  "never",
  "always",
  "usually",
  "often",
  "sometimes",
  "still",
  "already",
  "even",
  "also",
  "just",
  "generally",
  "typically",
  "necessarily",
  "significantly",
  "directly",
  "indeed",
  "currently",
  "now",
  "ultimately",
  "seriously",
  "possibly",
  "probably",
  "commonly",
  "routinely",
  "legally",
  "secretly",
  "deliberately",
  "intentionally",
  "not",
]);
const PREPOSITIONS = new Set([
  "in",
  "on",
  "at",
  "from",
  "to",
  "into",
  "onto",
  "under",
  "over",
  "above",
  "below",
  "near",
  "behind",
  "against",
  "among",
  "within",
  "without",
  "by",
  "like",
  "about",
  "after",
  "before",
  "since",
  "during",
  "through",
  "across",
  "around",
  "outside",
  "inside",
  "beyond",
  "between",
  "than",
  "as",
  "because",
  "due",
]);
const CONJUNCTIONS = new Set(["and", "or", "but", "nor", "yet", "so", "if", "then", "when", "while", "whereas"]);
/** Verbs whose base form is often followed by another base form ("help reduce", "make people…"). */
const CATENATIVE = new Set(["help", "make", "let", "need", "dare", "see", "hear", "go", "come"]);
const ADJECTIVES = new Set(
  (
    "good bad safe unsafe dangerous harmful harmless healthy unhealthy true false real fake right wrong legal illegal " +
    "lawful unlawful constitutional unconstitutional visible invisible possible impossible effective ineffective " +
    "better worse best worst bigger smaller larger higher lower faster slower cheaper older younger richer poorer " +
    "big small large huge tiny high low fast slow cheap expensive costly free old new young rich poor hot cold warm " +
    "flat round alive dead sick ill toxic poisonous deadly fatal lethal contagious infectious addictive carcinogenic " +
    "natural artificial normal common rare popular unpopular responsible guilty innocent corrupt honest racist sexist " +
    "biased accurate inaccurate reliable unreliable necessary unnecessary mandatory compulsory optional available " +
    "banned allowed able unable likely unlikely certain sure aware afraid ready rising falling stable unstable " +
    "sustainable renewable green clean dirty secure insecure private public open closed full empty mostly entirely " +
    "bad good worth liable eligible equal different similar same smart stupid intelligent bald tall short strong " +
    "weak important useless useful bankrupt broke nuclear radioactive edible vegan gay straight human immortal " +
    "extinct endangered native correct incorrect fine okay ok fair unfair legit genuine authentic original " +
    "overweight obese safer riskier healthier deadlier"
  ).split(" "),
);
/** -ing words that are usually nouns ("global warming", "moon landing"). */
const ING_NOUNS = new Set(
  (
    "thing something anything nothing everything king ring spring string wing swing sibling morning evening ceiling " +
    "building landing meeting funding spending housing training clothing heating cooling fishing farming mining " +
    "banking marketing gaming policing schooling trafficking screening testing polling voting rating ranking " +
    "earnings savings feelings timing warming smoking vaping fracking drinking cloning hacking shooting bombing " +
    "wedding pudding offspring darling lightning painting reading writing spelling learning teaching nursing " +
    "boxing wrestling sibling setting offering opening ending beginning lending borrowing pricing"
  ).split(" "),
);
/** -ing words that are always verbs after "is/are" ("getting worse"). */
const COPULAR_ING = new Set(["getting", "becoming", "growing", "turning", "going", "looking", "feeling", "staying", "remaining", "being"]);
/** Words ending in -ed / -en that are not participles. */
const NOT_PARTICIPLES = new Set(
  (
    "speed need seed feed greed weed breed creed hundred bed shed sled children women chicken kitten garden oxygen " +
    "hydrogen nitrogen citizen token heaven kitchen warden linen seven eleven eleven queen screen teen between " +
    "often even open golden wooden woolen specimen regimen abdomen gluten omen semen listen"
  ).split(" "),
);

function norm(token: string): string {
  return token.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

function bare(token: string): string {
  return token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
}

function isCapitalised(token: string): boolean {
  return /^\p{Lu}/u.test(bare(token));
}

function isNumber(token: string): boolean {
  return /^[$€£]?\d[\d,.]*(?:%|[a-z]{0,2})?$/i.test(bare(token)) && !/^\d+[a-z]$/i.test(bare(token));
}

function isParticiple(w: string): boolean {
  if (NOT_PARTICIPLES.has(w)) return false;
  if (IRREGULAR_FORMS.has(w)) return true;
  return w.length > 4 && /(?:ed|en)$/.test(w);
}

function isAdjective(w: string): boolean {
  if (ADJECTIVES.has(w)) return true;
  if (/(?:table|cable|fable|handful|spoonful|mouthful|bible)$/.test(w)) return false;
  return w.length > 5 && /(?:ous|ful|able|ible|less)$/.test(w);
}

function finishSentence(text: string): string {
  const t = text.replace(/[\s,;:]+$/, "");
  return /[.!…]$/.test(t) ? t : t + ".";
}

/** Most words capitalised ("Can Local Police Refuse ICE Detainer Requests?"): capitals say nothing about names. */
function isTitleCase(tokens: string[]): boolean {
  const long = tokens.slice(1).filter((t) => bare(t).length > 3);
  if (long.length < 3) return false;
  return long.filter(isCapitalised).length / long.length >= 0.75;
}

// ---------------------------------------------------------------------------
// questionToClaim
// ---------------------------------------------------------------------------

const PREAMBLE =
  /^(?:is it (?:really |actually )?(?:true|correct|accurate|right|false|a fact|a myth|the case)(?: that)?|is it (?:really )?true,? that|did you know(?: that)?|fact[- ]?check:?|true or false:?|i (?:heard|read)(?: that)?|someone (?:said|told me)(?: that)?|(?:they|people) say(?: that)?|(?:is|was) there (?:any )?(?:evidence|proof) that|does (?:the )?(?:evidence|science|research) (?:show|suggest|prove) that)\s+/i;

const NEGATIVE_CONTRACTIONS: Record<string, string> = {
  "isn't": "is",
  "aren't": "are",
  "wasn't": "was",
  "weren't": "were",
  "don't": "do",
  "doesn't": "does",
  "didn't": "did",
  "can't": "can",
  cannot: "can",
  "couldn't": "could",
  "shouldn't": "should",
  "wouldn't": "would",
  "won't": "will",
  "hasn't": "has",
  "haven't": "have",
  "hadn't": "had",
  "mustn't": "must",
  "mightn't": "might",
};

/**
 * The declarative claim a question implies: "Does coffee cause cancer?" →
 * "Coffee causes cancer.". Yes/no questions are inverted around a heuristic
 * subject boundary; "Is it true that X?" gives X; negative questions
 * ("Isn't coffee bad for you?") imply the positive claim; "Why does X…?"
 * presupposes the claim after "why".
 *
 * Choice for other wh-questions ("Who won the 2020 US election?", "How many
 * people live in Tokyo?"): they carry no yes/no claim, and rephrasing them as
 * a noun phrase ("The 2020 US election winner") is unreliable with rules, so
 * the question text itself is returned, tidied, without its "?" and without a
 * final period — it then reads as the topic to check, not as an assertion.
 */
export function questionToClaim(question: string): string {
  let q = collapseWhitespace(question)
    .replace(/^[-*>•]\s+/, "")
    .replace(/[\s?!]+$/, "")
    .replace(/^["“”'‘’]+|["“”'‘’]+$/g, "")
    .trim();
  if (!q) return "";
  const preamble = PREAMBLE.exec(q);
  if (preamble && q.length > preamble[0].length) {
    q = q.slice(preamble[0].length);
    // "Is it true that does…" is not a thing; the rest is already a statement.
    return finishSentence(capitaliseFirst(q));
  }

  const tokens = q.split(" ");
  const first = norm(tokens[0]!.replace(/’/g, "'"));
  const rawFirst = tokens[0]!
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/[^a-z']/g, "");

  if (first === "why" && tokens.length > 2 && AUXILIARIES.has(norm(tokens[1]!))) {
    return questionToClaim(tokens.slice(1).join(" "));
  }
  if (INTERROGATIVES.has(first)) return capitaliseFirst(q.replace(/[.]+$/, ""));

  const aux = NEGATIVE_CONTRACTIONS[rawFirst] ?? first;
  if (!AUXILIARIES.has(aux) || tokens.length < 2) return finishSentence(capitaliseFirst(q));

  const titleCase = isTitleCase(tokens);
  const inverted = BE_AUX.has(aux) || HAVE_AUX.has(aux) ? invertCopula(tokens, aux, titleCase) : invertVerbal(tokens, aux, titleCase);
  return finishSentence(capitaliseFirst(inverted));
}

/** A test "tokens[1..i) contains something besides determiners/quantifiers" (linear: the first content word is found once). */
function subjectContent(tokens: string[]): (i: number) => boolean {
  let first = -1;
  for (let j = 1; j < tokens.length && first < 0; j++) {
    const w = norm(tokens[j]!);
    if (w && !DETERMINERS.has(w)) first = j;
  }
  return (i) => first >= 1 && first < i;
}

/** Can/Will/Should…/Do/Does/Did: the subject runs until the first base-form verb. */
function invertVerbal(tokens: string[], aux: string, titleCase: boolean): string {
  const n = tokens.length;
  const hasContent = subjectContent(tokens);
  let verbAt = -1;
  let boundary = -1; // where the subject ends (an adverb, "not", or the verb)
  if (PRONOUNS.has(norm(tokens[1]!))) {
    boundary = 2;
  }
  for (let i = 2; i < n && verbAt < 0; i++) {
    const tok = tokens[i]!;
    const w = norm(tok);
    if (!titleCase && isCapitalised(tok)) continue;
    if (boundary < 0 && ADVERBS.has(w) && hasContent(i)) {
      boundary = i;
      continue;
    }
    if (!BASE_VERBS.has(w)) continue;
    const prev = norm(tokens[i - 1]!);
    if (boundary < 0 && (DETERMINERS.has(prev) || !hasContent(i))) continue;
    const next = i + 1 < n ? norm(tokens[i + 1]!) : "";
    // "climate change cause…", "gun control reduce…": a noun compound before the real verb.
    if (boundary < 0 && BASE_VERBS.has(next) && !CATENATIVE.has(w) && !(i + 1 < n && !titleCase && isCapitalised(tokens[i + 1]!))) continue;
    verbAt = i;
  }
  if (boundary < 0) boundary = verbAt >= 0 ? verbAt : fallbackSubjectEnd(tokens);
  if (boundary >= n) boundary = n;
  if (verbAt < 0) {
    // Unknown verb: it is the first word after the subject and any adverbs ("Does coffee really matter?").
    verbAt = boundary;
    while (verbAt < n && ADVERBS.has(norm(tokens[verbAt]!))) verbAt++;
  }
  const subject = tokens.slice(1, boundary);
  const between = tokens.slice(boundary, verbAt);
  const keepAux = between.some((t) => norm(t) === "not" || norm(t) === "never");
  if (MODALS.has(aux) || keepAux) {
    return [...subject, aux, ...tokens.slice(boundary)].join(" ");
  }
  // Do/Does/Did: the auxiliary disappears into the verb's form.
  const vi = verbAt;
  if (vi >= n) return [...subject, aux].join(" ");
  const verbTok = tokens[vi]!;
  let verb = verbTok;
  const core = bare(verbTok);
  if (aux !== "do" && core) {
    const lower = core.toLowerCase();
    const inflected = aux === "does" ? thirdPerson(lower) : pastTense(lower);
    const at = verbTok.indexOf(core);
    verb = verbTok.slice(0, at) + (isCapitalised(core) ? capitaliseFirst(inflected) : inflected) + verbTok.slice(at + core.length);
  }
  return [...subject, ...tokens.slice(boundary, vi), verb, ...tokens.slice(vi + 1)].join(" ");
}

/** Is/Are/Was/Were/Has/Have: the subject ends before the predicate's first tell-tale word. */
function invertCopula(tokens: string[], aux: string, titleCase: boolean): string {
  const n = tokens.length;
  const hasContent = subjectContent(tokens);
  const isHave = HAVE_AUX.has(aux);
  let end = -1;
  if (PRONOUNS.has(norm(tokens[1]!))) end = 2;
  for (let i = 2; i < n && end < 0; i++) {
    const tok = tokens[i]!;
    const w = norm(tok);
    if (!w) continue;
    if (!titleCase && isCapitalised(tok)) continue;
    if (!hasContent(i)) continue;
    const next = i + 1 < n ? norm(tokens[i + 1]!) : "";
    if (isPredicateStart(w, next, isHave, tokens[i - 1] ?? "")) end = i;
  }
  if (end < 0) end = fallbackPredicateStart(tokens);
  return [...tokens.slice(1, end), aux, ...tokens.slice(end)].join(" ");
}

const NP_LINKS = new Set(["of", "for", "with", "and", "or", "'s", "per"]);

function isPredicateStart(w: string, next: string, isHave: boolean, prevTok: string): boolean {
  const prev = norm(prevTok);
  const afterLink = NP_LINKS.has(prev);
  if (PREDICATE_DETERMINERS.has(w)) return !afterLink || w === "not" || w === "never" || w === "still";
  if (ADVERBS.has(w) || w === "been") return true;
  if (isParticiple(w)) return true;
  // "Has/Have …": only a participle, an adverb or a determiner opens the predicate.
  if (isHave) return false;
  if (w.endsWith("ing") && w.length > 4) {
    if (ING_NOUNS.has(w)) return false;
    if (COPULAR_ING.has(w)) return true;
    // "global warming real", "moon landing faked": a noun when a predicate word follows.
    if (next && (isAdjective(next) || isParticiple(next))) return false;
    return true;
  }
  if (PREPOSITIONS.has(w)) return true;
  if (isNumber(w)) return !afterLink && !isNumber(prevTok);
  if (next === "than" || w === "more" || w === "less") return true;
  if (isAdjective(w)) {
    // Attributive when a plain word follows ("cheap electric cars"): part of the subject.
    if (!next) return true;
    if (PREPOSITIONS.has(next) || NP_LINKS.has(next) || CONJUNCTIONS.has(next) || next === "enough" || ADVERBS.has(next)) return true;
    return false;
  }
  return false;
}

/** No verb found after Can/Do…: the subject is the first noun phrase (a capitalised run, or determiner + word). */
function fallbackSubjectEnd(tokens: string[]): number {
  let i = 1;
  if (isCapitalised(tokens[1]!)) {
    i = 2;
    while (
      i < tokens.length &&
      (isCapitalised(tokens[i]!) || (["of", "the"].includes(norm(tokens[i]!)) && i + 1 < tokens.length && isCapitalised(tokens[i + 1]!)))
    )
      i++;
    return i;
  }
  while (i < tokens.length && DETERMINERS.has(norm(tokens[i]!))) i++;
  return Math.min(i + 1, tokens.length);
}

/** No predicate word found after Is/Are…: everything but the last word is the subject ("Is Joe Biden President?"). */
function fallbackPredicateStart(tokens: string[]): number {
  return tokens.length > 2 ? tokens.length - 1 : tokens.length;
}

// ---------------------------------------------------------------------------
// extractClaims
// ---------------------------------------------------------------------------

/** The most claims one check covers; further check-worthy sentences are listed as not checked. */
const MAX_TEXT_CLAIMS = 8;
const CHECKWORTHY_THRESHOLD = 2;
const MIN_CLAIM_WORDS = 5;
const MONTHS =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?\s+\d/i;
const COMPARATIVE =
  /\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|faster|slower|cheaper|older|younger|better|worse)\s+than\b|\b(?:most|least|largest|biggest|smallest|highest|lowest|fastest|slowest|oldest|youngest|richest|poorest|deadliest|best|worst|first|record|only)\b/i;
const CLAIM_VERBS =
  /\b(?:caus(?:e|es|ed|ing)|lead(?:s)? to|led to|result(?:s|ed)? in|increas(?:e|es|ed)|decreas(?:e|es|ed)|reduc(?:e|es|ed)|doubl(?:e|es|ed)|tripl(?:e|es|ed)|rose|fell|risen|fallen|grew|dropped|declined|surged|soared|plunged|kill(?:s|ed)?|prevent(?:s|ed)?|cure(?:s|d)?|linked to|responsible for|found that|show(?:s|ed)? that|according to|report(?:s|ed)|percent|per cent|million|billion|trillion|(?:is|are|was|were) (?:the|a|an|not|never)|has been|have been|banned|approved|confirmed|proved|proven|lower(?:s|ed)?|rais(?:e|es|ed)|boost(?:s|ed)?|protect(?:s|ed)?|risks?|harm(?:s|ed)?|halv(?:e|es|ed))\b/i;
const OPINION =
  /\b(?:i|we) (?:think|feel|believe|guess|suppose|reckon|hope|wish|love|hate)\b|\bin my (?:opinion|view)\b|\b(?:imo|imho)\b|\bpersonally\b/i;

/**
 * The same cues in Spanish, French, German and Portuguese, read only in a text in one of them: verbs of
 * cause, change and report, figures, comparisons, opinions and appeals.
 */
const ELSEWHERE = {
  verbs: wordsIn(
    "causa|causan|provoca|provocan|reduce|reducen|aumenta|aumentan|disminuye|disminuyen|duplica|duplican|previene|previenen|cura|curan|mata|matan|según|informó|demostró|" +
      "cause|causent|provoque|provoquent|réduit|réduisent|augmente|augmentent|diminue|diminuent|double|doublent|prévient|guérit|tue|tuent|selon|a montré|" +
      "verursacht|verursachen|senkt|senken|erhöht|erhöhen|verringert|verdoppelt|verhindert|heilt|tötet|laut|zeigte|" +
      "causam|provocam|reduz|reduzem|aumentam|diminui|diminuem|duplicam|previne|previnem|curam|matam|segundo|mostrou|" +
      "por ciento|pour cent|prozent|por cento|millones|millions|millionen|milhões|milliards|milliarden|mil millones|" +
      "riesgo|riesgos|risque|risques|risiko|risiken|risco|riscos",
  ),
  comparative: wordsIn(
    "más que|menos que|mayor que|menor que|plus que|moins que|mehr als|weniger als|größer als|mais do que|menos do que|récord|record|rekord|el más|la más|le plus|la plus|am meisten|o mais|a mais",
  ),
  opinion: wordsIn(
    "creo que|pienso que|en mi opinión|je pense que|je crois que|à mon avis|ich denke|ich glaube|meiner meinung nach|acho que|penso que|na minha opinião",
  ),
  appeal:
    /^(?:comparte|compartid|compártelo|suscríbete|partagez|abonnez-vous|teilen sie|teilt|abonniere|partilhe|compartilhe|subscreva)\b/iu,
};

/** A whole word or phrase of these (JavaScript's \\b knows only ASCII letters). */
function wordsIn(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, "iu");
}
const IMPERATIVE_START =
  /^(?:please|click|share|subscribe|read|follow|sign|join|watch|donate|call|check|visit|learn|see|don't|do not|let's|tell|stop|go)\b/i;

/** How check-worthy a sentence is: facts with numbers, names, comparisons and causal or reporting verbs. */
function checkWorthiness(sentence: string, english = true): number {
  const tokens = sentence.split(/\s+/).filter(Boolean);
  const n = tokens.length;
  let score = 0;
  if (/\d/.test(sentence)) score += 2;
  if (/%|\bpercent\b|\bper cent\b/i.test(sentence)) score += 1;
  if (/\b(?:1[5-9]|20)\d{2}\b/.test(sentence) || MONTHS.test(sentence)) score += 1;
  let names = 0;
  for (let i = 1; i < n; i++) {
    const tok = bare(tokens[i]!);
    if (/^\p{Lu}/u.test(tok) && tok !== "I" && !/[.!?:]["')\]]*$/.test(tokens[i - 1]!)) names++;
  }
  score += Math.min(names, 3);
  if (COMPARATIVE.test(sentence)) score += 1.5;
  const verbs = sentence.match(new RegExp(CLAIM_VERBS.source, "gi"))?.length ?? 0;
  score += Math.min(verbs, 3);
  if (n >= 8 && n <= 40) score += 0.5;
  // A statement of what something does or did ("aspirin prevents…", "prices fell…").
  if (tokens.slice(1).some((t) => /[a-z]{3}(?:s|ed)$/i.test(bare(t)) && verbBase(bare(t)) !== null)) score += 1;
  if (/\?["')\]]*$/.test(sentence)) score -= 3;
  if (IMPERATIVE_START.test(sentence)) score -= 2;
  if (OPINION.test(sentence)) score -= 2;
  else if (/\b(?:I|me|my)\b/.test(sentence)) score -= 1;
  if (n < 5) score -= 3;
  if (n > 60) score -= 1.5;
  if (!english) {
    if (ELSEWHERE.comparative.test(sentence)) score += 1.5;
    const verbs = sentence.match(new RegExp(ELSEWHERE.verbs.source, "giu"))?.length ?? 0;
    // As in English, a statement of what something does or did counts once more.
    score += Math.min(verbs, 3) + (verbs > 0 ? 1 : 0);
    if (ELSEWHERE.appeal.test(sentence)) score -= 2;
    if (ELSEWHERE.opinion.test(sentence)) score -= 2;
  }
  return score;
}

const OPENING_QUOTES = new Set(['"', "“", "'", "‘", "«"]);
const CLOSING_QUOTES = new Set(['"', "”", "'", "’", "»"]);

/** Removes quotes wrapping the whole text ('"Vaccines cause autism"?' → 'Vaccines cause autism?'), keeping a final ?/!. */
export function unwrapQuotes(text: string): string {
  let start = 0;
  while (start < text.length && OPENING_QUOTES.has(text[start]!)) start++;
  if (start === 0) return text;
  let end = text.length;
  const mark = /[?!]$/.test(text) ? text[end - 1]! : "";
  if (mark) end--;
  let closing = end;
  while (closing > start && CLOSING_QUOTES.has(text[closing - 1]!)) closing--;
  if (closing === end || closing <= start) return text;
  return text.slice(start, closing) + mark;
}

function trimmedSpan(text: string): { start: number; end: number } {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end > start ? { start, end } : { start: 0, end: text.length };
}

/** A claim as typed, tidied: spaces collapsed, wrapping quotes and repeated end punctuation removed, first letter capitalised. */
function tidyClaim(text: string): string {
  let t = unwrapQuotes(collapseWhitespace(text));
  t = t.replace(/([.!?])[.!?]+$/, "$1");
  return capitaliseFirst(t);
}

/**
 * The claims to check in an input: a question's implied claim (in the input's language), a claim as
 * typed, a topic as is, a pasted text's most check-worthy sentences (at most
 * five, in input order, verbatim with exact offsets), none for a URL (its
 * page's claims are extracted once its text is fetched).
 */
export function extractClaims(text: string, kind: InputKind, language = "en"): ExtractedClaim[] {
  const span = trimmedSpan(text);
  const trimmed = text.slice(span.start, span.end);
  if (!trimmed.trim()) return [];
  switch (kind) {
    case "url":
      return [];
    case "question": {
      const locale = localeOf(language);
      const claim = locale === "en" ? questionToClaim(trimmed) : questionToClaimIn(locale, trimmed);
      return claim ? [{ text: claim, span }] : [];
    }
    case "claim":
      return [{ text: tidyClaim(trimmed), span }];
    case "topic":
      return [{ text: collapseWhitespace(trimmed), span }];
    case "text":
      return selectClaims(text).claims;
  }
}

/**
 * A pasted text or page sentence by sentence: the check-worthy sentences become claims (at
 * most MAX_TEXT_CLAIMS, in input order, verbatim with exact offsets), and every other sentence
 * is listed with the reason it was not checked. With no check-worthy sentence, the best one is
 * checked all the same.
 */
export function selectClaims(text: string, language = "en"): { claims: ExtractedClaim[]; unchecked: UncheckedSentence[] } {
  const english = language === "en";
  const sentences = splitSentences(text);
  const seen = new Set<string>();
  const judged = sentences.map((s, i) => {
    const score = checkWorthiness(s.text, english);
    const key = collapseWhitespace(s.text)
      .toLowerCase()
      .replace(/[\s\p{P}]+$/u, "");
    const duplicate = seen.has(key);
    seen.add(key);
    return { s, i, score, reason: duplicate ? ("duplicate" as const) : reasonNotChecked(s.text, score, english) };
  });
  const worthy = judged.filter((x) => x.reason === null);
  const ranked = [...worthy].sort((a, b) => b.score - a.score || a.i - b.i);
  let chosen = ranked.slice(0, MAX_TEXT_CLAIMS);
  if (chosen.length === 0) {
    const best = [...judged].filter((x) => x.reason !== "duplicate").sort((a, b) => b.score - a.score || a.i - b.i)[0];
    chosen = best ? [best] : [];
  }
  const picked = new Set(chosen.map((x) => x.i));
  return {
    claims: chosen.sort((a, b) => a.i - b.i).map(({ s }) => ({ text: s.text, span: { start: s.start, end: s.end } })),
    unchecked: judged
      .filter((x) => !picked.has(x.i))
      .map((x) => ({ text: collapseWhitespace(x.s.text), reason: x.reason ?? "over-limit" })),
  };
}

/** Why a sentence is not worth checking, or null when it is. */
function reasonNotChecked(sentence: string, score: number, english = true): UncheckedReason | null {
  const wordCount = sentence.split(/\s+/).filter(Boolean).length;
  if (/\?["')\]]*$/.test(sentence)) return "question";
  if (OPINION.test(sentence) || (!english && ELSEWHERE.opinion.test(sentence))) return "opinion";
  if (IMPERATIVE_START.test(sentence) || (!english && ELSEWHERE.appeal.test(sentence))) return "instruction";
  if (wordCount < MIN_CLAIM_WORDS) return "too-short";
  if (score < CHECKWORTHY_THRESHOLD) return "not-check-worthy";
  return null;
}
