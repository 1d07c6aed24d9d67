// Named entities of an input: runs of capitalised words and acronyms, typed
// with small lexicons (titles, given names, places, organisation words).
import type { Entity } from "../../../domain/report.js";
import { STOPWORDS } from "../../../domain/text.js";

const MAX_ENTITIES = 12;

/** Lower-case words allowed inside a name: "Bank of England", "Ludwig van Beethoven". */
const CONNECTORS = new Set([
  "of",
  "the",
  "de",
  "van",
  "von",
  "der",
  "den",
  "da",
  "di",
  "du",
  "la",
  "le",
  "del",
  "dos",
  "al",
  "bin",
  "y",
  "&",
]);

const TITLES = new Set(
  (
    "mr mrs ms miss mx dr prof professor president senator sen rep representative congressman congresswoman governor " +
    "gov mayor judge chancellor minister premier king queen prince princess pope sir dame lord lady general gen " +
    "colonel col captain capt chief secretary sheriff rev reverend saint st ceo ambassador commissioner director " +
    "sergeant officer detective justice archbishop bishop rabbi imam sheikh emperor empress"
  ).split(" "),
);
/** Multi-word titles, lower-case ("prime minister"). */
const LONG_TITLES = [
  "prime minister",
  "vice president",
  "chief justice",
  "first lady",
  "supreme leader",
  "attorney general",
  "crown prince",
];

const GIVEN_NAMES = new Set(
  (
    "james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark " +
    "donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason jeffrey ryan jacob gary " +
    "nicholas eric jonathan stephen larry justin scott brandon benjamin samuel frank gregory raymond alexander " +
    "patrick jack dennis jerry tyler aaron henry adam peter nathan kyle walter harold jeremy ethan carl keith roger " +
    "gerald sean arthur noah lawrence jesse joe bryan billy bruce albert gabriel alan juan wayne roy ralph eugene " +
    "vincent russell louis bobby philip johnny mary patricia jennifer linda elizabeth barbara susan jessica sarah " +
    "karen nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa " +
    "deborah stephanie rebecca sharon laura cynthia kathleen amy helen anna brenda pamela nicole emma samantha " +
    "katherine christine rachel catherine janet ruth maria heather diane julie joyce victoria olivia kelly " +
    "christina lauren joan evelyn megan andrea hannah martha jacqueline gloria ann teresa sara alice julia judy " +
    "grace sophia marie diana natalie isabella charlotte rose hillary kamala barack bernie elon bill jeff tim mike " +
    "boris emmanuel angela vladimir xi narendra jacinda olaf giorgia volodymyr rishi keir tony gordon winston " +
    "jimmy lyndon dwight franklin abraham isaac nikola neil greta taylor kanye oprah warren ted ron mitch chuck " +
    "alexandria ilhan rand marco nikki vivek pete jared ivanka melania kim lionel cristiano serena rafael novak " +
    "lebron tom sigmund leonardo pablo ludwig wolfgang johann marie galileo charles jair luiz recep benjamin " +
    "mohammed muhammad ali ahmed fatima jean pierre françois francois marine angela ursula friedrich helmut " +
    "mark sundar satya jensen larry sergey steve carlos jose josé luis miguel sam dmitry sergei alexei yulia " +
    "hunter beau robert rudy rudolph kari andrew gavin ron kristi liz nigel theresa margaret harry meghan william"
  ).split(" "),
);

// Multi-word names are written with "_" ("costa_rica").
const PLACES = new Set(
  (
    "afghanistan albania algeria argentina armenia australia austria azerbaijan bangladesh belarus belgium bolivia " +
    "bosnia brazil bulgaria cambodia cameroon canada chile china colombia congo costa_rica croatia cuba cyprus " +
    "czechia czech_republic denmark ecuador egypt el_salvador estonia ethiopia finland france georgia germany " +
    "ghana greece guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica " +
    "japan jordan kazakhstan kenya kosovo kuwait laos latvia lebanon libya lithuania luxembourg madagascar " +
    "malaysia mali malta mexico moldova mongolia montenegro morocco mozambique myanmar nepal netherlands " +
    "new_zealand nicaragua niger nigeria north_korea norway oman pakistan palestine panama paraguay peru " +
    "philippines poland portugal qatar romania russia rwanda saudi_arabia senegal serbia singapore slovakia " +
    "slovenia somalia south_africa south_korea korea spain sri_lanka sudan south_sudan sweden switzerland syria " +
    "taiwan tanzania thailand tunisia turkey türkiye uganda ukraine united_arab_emirates uae united_kingdom uk " +
    "u.k. united_states united_states_of_america usa us u.s. u.s.a. america uruguay uzbekistan venezuela vietnam " +
    "yemen zambia zimbabwe england scotland wales northern_ireland britain great_britain gaza west_bank crimea " +
    "greenland hong_kong puerto_rico vatican tibet " +
    // US states
    "alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois " +
    "indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri " +
    "montana nebraska nevada new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio " +
    "oklahoma oregon pennsylvania rhode_island south_carolina south_dakota tennessee texas utah vermont virginia " +
    "washington west_virginia wisconsin wyoming " +
    // cities
    "new_york_city los_angeles chicago houston phoenix philadelphia san_francisco seattle boston miami atlanta " +
    "dallas detroit denver las_vegas london paris berlin madrid rome lisbon amsterdam brussels vienna prague " +
    "warsaw budapest athens stockholm oslo copenhagen helsinki dublin moscow kyiv kiev istanbul ankara cairo " +
    "lagos nairobi johannesburg cape_town dubai tehran baghdad jerusalem tel_aviv delhi new_delhi mumbai beijing " +
    "shanghai tokyo osaka seoul bangkok jakarta manila sydney melbourne toronto montreal vancouver ottawa " +
    "mexico_city são_paulo sao_paulo rio_de_janeiro buenos_aires lima bogota geneva zurich munich hamburg milan " +
    "barcelona wuhan chernobyl hiroshima kabul damascus washington_d.c. washington_dc the_hague " +
    // continents and regions
    "africa antarctica asia europe north_america south_america latin_america oceania middle_east arctic " +
    "scandinavia balkans caribbean siberia sahara amazon pacific atlantic mediterranean"
  )
    .split(/\s+/)
    .map((p) => p.replace(/_/g, " ")),
);

const ORG_WORDS = new Set(
  (
    "agency department university college school inc inc. ltd ltd. llc corp corp. party bank court police ministry " +
    "council institute institution organization organisation association company corporation news times post journal " +
    "foundation committee commission service board group network union fund senate congress parliament federation " +
    "society academy authority administration bureau center centre hospital church army navy force guard reserve " +
    "club laboratory labs herald tribune guardian gazette telegraph press broadcasting airlines airways motors " +
    "pharmaceuticals pharma technologies systems holdings partners media studios records fc"
  ).split(" "),
);

const KNOWN_ORGS = new Set(
  (
    "google apple microsoft amazon meta facebook twitter tesla openai pfizer moderna astrazeneca reuters wikipedia " +
    "congress senate pentagon kremlin hamas hezbollah taliban youtube tiktok netflix nvidia samsung spacex boeing " +
    "walmart disney instagram whatsapp greenpeace interpol europol bloomberg"
  ).split(" "),
);

/** Acronyms of organisations (any other all-caps word is also taken as one, unless listed in NOT_ORG_ACRONYMS). */
const KNOWN_ACRONYMS = new Set(
  (
    "ICE FBI CIA NSA NASA WHO CDC FDA EPA NATO UN EU IMF WTO UNESCO UNICEF OPEC IPCC DOJ DHS IRS NIH NHS BBC CNN " +
    "NBC CBS ABC NPR AP AFP GOP DNC RNC SEC FEC FTC FCC ECB OECD IOC FIFA NBA NFL MLB NHL UEFA ACLU NRA MIT UCLA " +
    "CERN ESA TSA ATF DEA USPS IAEA ICC ICJ MSNBC"
  ).split(" "),
);
const NOT_ORG_ACRONYMS = new Set(
  (
    "COVID COVID-19 SARS SARS-COV-2 AIDS HIV DNA RNA GDP CO2 AI TV PDF CEO CFO MMR BMI PHD OK AM PM BC AD BCE CE USB " +
    "GPS LGBT LGBTQ LGBTQ+ IQ ID UFO UFOS ADHD PTSD COPD MRNA UV LED LCD DIY FAQ VS I II III IV"
  ).split(" "),
);

const MONTHS_AND_DAYS = new Set(
  (
    "january february march april may june july august september october november december monday tuesday " +
    "wednesday thursday friday saturday sunday"
  ).split(" "),
);

/** Capitalised words that are never names on their own. */
const NOT_NAMES = new Set([
  ...STOPWORDS,
  "yes",
  "no",
  "not",
  "true",
  "false",
  "fact",
  "check",
  "breaking",
  "update",
  "please",
  "hey",
  "hi",
  "hello",
  "thanks",
  "ok",
  "okay",
  "according",
  "also",
  "however",
  "yet",
  "still",
  "even",
  "whose",
]);

interface Token {
  text: string;
  /** The gap before this token contains punctuation (or it is the first): a new run starts. */
  breakBefore: boolean;
  /** This token starts a sentence (first token, or after . ! ? : or a quote/bracket/new line). */
  sentenceStart: boolean;
}

const WORD_RE = /[\p{L}\p{N}]+(?:['’.\-&][\p{L}\p{N}]+)*\.?/gu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  let pendingBreak = true;
  let pendingStart = true;
  for (const m of text.matchAll(WORD_RE)) {
    let word = m[0];
    const gap = text.slice(last, m.index);
    const breakBefore = pendingBreak || /[^\s]/.test(gap);
    const sentenceStart = pendingStart || /[.!?:;"“”«»()\[\]\n•*#>]/.test(gap);
    pendingBreak = false;
    pendingStart = false;
    last = m.index + word.length;
    if (word.endsWith(".")) {
      const core = word.slice(0, -1);
      const keep = /^(?:\p{L}\.)+\p{L}$/u.test(core) || /^\p{L}$/u.test(core) || TITLES.has(core.toLowerCase());
      if (!keep) {
        word = core;
        pendingBreak = true;
        pendingStart = true;
      }
    }
    word = word.replace(/['’]s$/, "");
    if (/['’]s$/.test(m[0])) pendingBreak = true;
    tokens.push({ text: word, breakBefore, sentenceStart });
  }
  return tokens;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function isAcronym(word: string): boolean {
  return /^[\p{Lu}\d][\p{Lu}\d&.\-]*$/u.test(word) && (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

/** A function word ("Did", "The", "Can") — unless written as an acronym ("WHO", "US"). */
function isFunctionWord(word: string): boolean {
  const lower = word.toLowerCase();
  return (NOT_NAMES.has(lower) || CONNECTORS.has(lower)) && !isAcronym(word);
}

function typeOf(words: string[], titled: boolean): Entity["type"] {
  const name = words.join(" ");
  const lower = name.toLowerCase();
  if (titled) return "person";
  if (PLACES.has(lower) || PLACES.has(lower.replace(/^the /, ""))) return "place";
  if (words.length === 1 && isAcronym(words[0]!)) {
    const upper = words[0]!.toUpperCase().replace(/\.$/, "");
    if (NOT_ORG_ACRONYMS.has(upper)) return "other";
    return "organization";
  }
  if (KNOWN_ORGS.has(lower)) return "organization";
  if (words.some((w) => ORG_WORDS.has(w.toLowerCase()) || KNOWN_ACRONYMS.has(w))) return "organization";
  if (words.length >= 2 && words.length <= 4 && GIVEN_NAMES.has(words[0]!.toLowerCase())) return "person";
  return "other";
}

/**
 * Named entities of a text, in order of first appearance, de-duplicated
 * case-insensitively, at most 12. A name is a run of capitalised words (with
 * "of", "the", "de", "van"… inside) or an all-caps acronym; a sentence's first
 * word counts only as an acronym, a known place/organisation, or inside a
 * longer name, and never when it is a function word ("Can", "Is", "The"). German capitalises every
 * noun, so in German only what is known to be a name (a person, a place, an organisation) is kept.
 */
export function extractEntities(text: string, language = "en"): Entity[] {
  const found = capitalisedNames(text);
  if (language !== "de") return found;
  const known: Entity[] = [];
  for (const e of found) {
    // A question's opening verb has a capital too: "Hat Angela Merkel" → "Angela Merkel".
    const words = e.name.split(" ");
    const rest = words.slice(1);
    const entity: Entity | null =
      e.type !== "other"
        ? e
        : rest.length > 0 && typeOf(rest, false) !== "other"
          ? { name: rest.join(" "), type: typeOf(rest, false) }
          : null;
    if (entity && !known.some((k) => k.name.toLowerCase() === entity.name.toLowerCase())) known.push(entity);
  }
  return known;
}

function capitalisedNames(text: string): Entity[] {
  const letters = (text ?? "").replace(/[^\p{L}]/gu, "");
  // The whole input in capitals: every word would look like an acronym.
  const shouting = letters.length > 12 && (letters.match(/\p{Lu}/gu)?.length ?? 0) / letters.length > 0.8;
  const tokens = tokenize(text ?? "");
  const out: Entity[] = [];
  const seen = new Set<string>();

  const emit = (run: Token[], titled: boolean): void => {
    // Drop leading/trailing function words ("Did Barack Obama" → "Barack Obama", "The Hague" stays as a place).
    let words = run.map((t) => t.text);
    let start = 0;
    while (start < words.length && isFunctionWord(words[start]!) && !PLACES.has(words.slice(start).join(" ").toLowerCase())) start++;
    words = words.slice(start);
    while (words.length && isFunctionWord(words[words.length - 1]!)) words.pop();
    // Titles inside the run: "President Joe Biden" → person "Joe Biden".
    let isTitled = titled;
    while (words.length > 1 && TITLES.has(words[0]!.toLowerCase().replace(/\.$/, ""))) {
      words = words.slice(1);
      isTitled = true;
    }
    if (words.length === 0) return;
    const firstToken = run[start];
    if (words.length === 1) {
      const w = words[0]!;
      const lw = w.toLowerCase();
      if (MONTHS_AND_DAYS.has(lw) || isFunctionWord(w) || TITLES.has(lw.replace(/\.$/, ""))) return;
      if (/^\p{Lu}$/u.test(w)) return;
      // A lone sentence-initial word is a name only when it is an acronym or a known place/organisation.
      if (firstToken?.sentenceStart && !isTitled && !isAcronym(w) && !PLACES.has(lw) && !KNOWN_ORGS.has(lw)) return;
    }
    const name = words.join(" ");
    const key = name.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ name, type: typeOf(words, isTitled) });
  };

  if (shouting) {
    // All capitals: only known acronyms and places can be told apart.
    for (const tok of tokens) {
      const upper = tok.text.replace(/\.$/, "");
      const type = KNOWN_ACRONYMS.has(upper) ? "organization" : PLACES.has(upper.toLowerCase()) ? "place" : null;
      if (type && !seen.has(upper.toLowerCase()) && out.length < MAX_ENTITIES) {
        seen.add(upper.toLowerCase());
        out.push({ name: upper, type });
      }
    }
    return out;
  }

  let run: Token[] = [];
  let titled = false;
  const flush = (): void => {
    if (run.length) emit(run, titled);
    run = [];
    titled = false;
  };

  for (let i = 0; i < tokens.length && out.length < MAX_ENTITIES; i++) {
    const tok = tokens[i]!;
    const lower = tok.text.toLowerCase();
    if (tok.breakBefore && run.length) flush();
    if (isCapitalised(tok.text)) {
      run.push(tok);
      continue;
    }
    // A connector continues a run only if a capitalised word follows.
    const next = tokens[i + 1];
    const next2 = tokens[i + 2];
    if (run.length && CONNECTORS.has(lower) && next && !next.breakBefore) {
      if (
        isCapitalised(next.text) ||
        (CONNECTORS.has(next.text.toLowerCase()) && next2 && !next2.breakBefore && isCapitalised(next2.text))
      ) {
        run.push(tok);
        continue;
      }
    }
    // Multi-word lower-case titles before a name: "prime minister Keir Starmer".
    if (!run.length) {
      const two = next ? `${lower} ${next.text.toLowerCase()}` : "";
      if (LONG_TITLES.includes(two) && next2 && isCapitalised(next2.text)) {
        titled = true;
        i++;
        continue;
      }
      if (TITLES.has(lower.replace(/\.$/, "")) && next && isCapitalised(next.text) && !next.breakBefore) {
        titled = true;
        continue;
      }
    }
    flush();
  }
  flush();
  return out.slice(0, MAX_ENTITIES);
}
