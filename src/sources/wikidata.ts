// Entity linking against Wikidata: for each person, organisation or place named in a check, look up
// candidates by label (wbsearchentities), fetch their "instance of" (P31) statements and
// descriptions (wbgetentities), and link the best-ranked candidate whose name matches exactly and
// whose class fits the entity's type. A person is never linked to a given name, a family name, a
// plant genus or a disambiguation page that happens to share the name.
import type { Entity } from "../domain/report.js";
import { API_RATE, commonPolicy, type ProviderOptions } from "./api-provider.js";
import { arr, isRecord, str } from "./json-fields.js";
import { badResponse, ProviderError } from "./provider-error.js";
import { requestJson, type RequestPolicy } from "./request-json.js";
import { primaryLanguage } from "./search-request.js";

const WIKIDATA_API = "https://www.wikidata.org/w/api.php";

/** The options of a web provider (client, base URL, timeouts, retries, rate limiter), and linking's own. */
interface LinkOptions extends ProviderOptions {
  /** The check's language (BCP 47); labels are matched and descriptions returned in it, English as fallback. */
  language: string;
  signal?: AbortSignal;
  /** Candidates looked at per entity (7 by default). */
  candidates?: number;
  /** Called when a lookup fails; linking then leaves the entity unchanged instead of failing. */
  onError?: (error: unknown, entity: Entity | null) => void;
}

/** Classes (P31 values) accepted for each entity type. */
const ACCEPTED_CLASSES: Record<Exclude<Entity["type"], "other">, ReadonlySet<string>> = {
  person: new Set(["Q5"]), // human
  organization: new Set([
    "Q43229", // organization
    "Q4830453", // business
    "Q783794", // company
    "Q891723", // public company
    "Q6881511", // enterprise
    "Q327333", // government agency
    "Q2659904", // government organization
    "Q7278", // political party
    "Q3918", // university
    "Q875538", // public university
    "Q902104", // private university
    "Q31855", // research institute
    "Q163740", // nonprofit organization
    "Q79913", // non-governmental organization
    "Q484652", // international organization
    "Q245065", // intergovernmental organization
    "Q11032", // newspaper
    "Q1002697", // periodical
    "Q1331793", // media company
    "Q15265344", // broadcaster
    "Q4438121", // sports organization
    "Q476028", // association football club
    "Q847017", // sports club
    "Q48204", // voluntary association
    "Q178790", // labor union
    "Q7188", // government
    "Q192350", // ministry (government department)
    "Q35535", // police force
    "Q18388277", // technology company
    "Q1616075", // television station
    "Q14350", // radio station
    "Q16917", // hospital
    "Q3914", // school
    "Q23002054", // private not-for-profit educational institution
    "Q4671277", // academic institution
    "Q2085381", // publisher
    "Q17149090", // armed organization
    "Q176799", // military unit
    "Q8473", // military
    "Q1320047", // book publishing company
    "Q740752", // transport company
    "Q46970", // airline
    "Q507619", // retail chain
    "Q431289", // brand
  ]),
  place: new Set([
    "Q515", // city
    "Q1549591", // big city
    "Q1637706", // city with millions of inhabitants
    "Q5119", // capital city
    "Q6256", // country
    "Q3624078", // sovereign state
    "Q7275", // state
    "Q35657", // state of the United States
    "Q107390", // federated state
    "Q486972", // human settlement
    "Q532", // village
    "Q3957", // town
    "Q5107", // continent
    "Q82794", // geographic region
    "Q10864048", // first-level administrative country subdivision
    "Q13220204", // second-level administrative country subdivision
    "Q56061", // administrative territorial entity
    "Q15284", // municipality
    "Q747074", // comune of Italy
    "Q484170", // commune of France
    "Q1093829", // city of the United States
    "Q47168", // county of the United States
    "Q28575", // county
    "Q34876", // province
    "Q1221156", // state of Germany
    "Q11828004", // province of Canada
    "Q5852411", // state of Australia
    "Q36784", // region of France
    "Q23442", // island
    "Q8502", // mountain
    "Q4022", // river
    "Q23397", // lake
    "Q165", // sea
    "Q9430", // ocean
    "Q1620908", // historical region
    "Q3336843", // country of the United Kingdom
    "Q1763527", // constituent country
    "Q123705", // neighborhood
    "Q200250", // metropolis
    "Q7930989", // city or town
    "Q46831", // mountain range
  ]),
};

/** Classes that share names with people and things but are never the thing meant. */
const NEVER_LINKED = new Set([
  "Q202444", // given name
  "Q101352", // family name
  "Q12308941", // male given name
  "Q11879590", // female given name
  "Q3409032", // unisex given name
  "Q34740", // genus
  "Q4167410", // Wikimedia disambiguation page
  "Q4167836", // Wikimedia category
  "Q13406463", // Wikimedia list article
  "Q11266439", // Wikimedia template
  "Q17362920", // Wikimedia duplicated page
]);

interface Candidate {
  id: string;
  label: string | null;
  matchText: string | null;
  aliases: string[];
}

interface EntityFacts {
  classes: string[];
  description: string | null;
}

/**
 * Entities with `wikidataId` and `description` set where a fitting Wikidata item was found; the
 * others are returned unchanged. Lookup failures leave entities unchanged (see `onError`).
 */
export async function linkEntities(entities: Entity[], options: LinkOptions): Promise<Entity[]> {
  const lang = primaryLanguage(options.language) ?? "en";
  const policy: RequestPolicy = {
    ...commonPolicy("wikidata", options, API_RATE),
    describeError: (_status, body) => (isRecord(body) && isRecord(body.error) ? str(body.error.info) : null),
  };
  const api = async (params: Record<string, string>): Promise<Record<string, unknown>> => {
    const url = new URL(options.baseUrl ?? WIKIDATA_API);
    for (const [key, value] of Object.entries({ ...params, format: "json", formatversion: "2" })) url.searchParams.set(key, value);
    const { data } = await requestJson(options.http, { url: url.toString(), method: "GET", signal: options.signal }, policy);
    if (!isRecord(data)) throw badResponse("wikidata");
    if (isRecord(data.error)) {
      const code = str(data.error.code) ?? "error";
      throw new ProviderError(
        `wikidata: API error ${code}${str(data.error.info) ? ` (${String(data.error.info).slice(0, 160)})` : ""}`,
        "wikidata",
        "api",
        200,
      );
    }
    return data;
  };
  const fail = (error: unknown, entity: Entity | null) => {
    if (options.signal?.aborted) throw options.signal.reason;
    options.onError?.(error, entity);
  };

  // 1. Candidates per distinct (name, type), in Wikidata's ranking.
  const wanted = new Map<string, Entity>();
  for (const entity of entities) {
    if (entity.wikidataId || !entity.name.trim()) continue;
    wanted.set(keyOf(entity), entity);
  }
  const candidates = new Map<string, Candidate[]>();
  for (const [key, entity] of wanted) {
    try {
      const data = await api({
        action: "wbsearchentities",
        search: entity.name.trim(),
        language: lang,
        uselang: lang,
        strictlanguage: "0",
        type: "item",
        limit: String(options.candidates ?? 7),
      });
      candidates.set(
        key,
        arr(data.search)
          .filter(isRecord)
          .map(toCandidate)
          .filter((c): c is Candidate => c !== null),
      );
    } catch (error) {
      fail(error, entity);
    }
  }

  // 2. Classes and descriptions of every name-matching candidate, 50 ids per request.
  const ids = [
    ...new Set(
      [...candidates.entries()].flatMap(([key, list]) => list.filter((c) => namesMatch(wanted.get(key)!.name, c)).map((c) => c.id)),
    ),
  ];
  const facts = new Map<string, EntityFacts>();
  for (let i = 0; i < ids.length; i += 50) {
    try {
      const data = await api({
        action: "wbgetentities",
        ids: ids.slice(i, i + 50).join("|"),
        props: "claims|descriptions",
        languages: lang === "en" ? "en" : `${lang}|en`,
        languagefallback: "1",
      });
      if (!isRecord(data.entities)) continue;
      for (const [id, raw] of Object.entries(data.entities)) {
        if (isRecord(raw) && !("missing" in raw)) facts.set(id, toFacts(raw, lang));
      }
    } catch (error) {
      fail(error, null);
    }
  }

  // 3. The best-ranked candidate that fits.
  const linked = new Map<string, { id: string; description: string | null }>();
  for (const [key, list] of candidates) {
    const entity = wanted.get(key)!;
    for (const candidate of list) {
      if (!namesMatch(entity.name, candidate)) continue;
      const known = facts.get(candidate.id);
      if (!known || !fits(entity.type, known.classes)) continue;
      linked.set(key, { id: candidate.id, description: known.description });
      break;
    }
  }

  return entities.map((entity) => {
    const link = linked.get(keyOf(entity));
    if (!link || entity.wikidataId) return entity;
    return { ...entity, wikidataId: link.id, ...(link.description ? { description: link.description } : {}) };
  });
}

/** Whether an item with these P31 classes can be the entity meant by a name of this type. */
export function fits(type: Entity["type"], classes: string[]): boolean {
  if (classes.length === 0) return false;
  if (classes.some((c) => NEVER_LINKED.has(c))) return false;
  if (type === "other") return true;
  const accepted = ACCEPTED_CLASSES[type];
  return classes.some((c) => accepted.has(c));
}

function keyOf(entity: Entity): string {
  return `${entity.type}\u0000${fold(entity.name)}`;
}

function toCandidate(raw: Record<string, unknown>): Candidate | null {
  const id = str(raw.id);
  if (!id || !/^Q\d+$/.test(id)) return null;
  const match = isRecord(raw.match) ? str(raw.match.text) : null;
  const aliases = arr(raw.aliases)
    .map(str)
    .filter((a): a is string => a !== null);
  const display = isRecord(raw.display) && isRecord(raw.display.label) ? str(raw.display.label.value) : null;
  return { id, label: str(raw.label) ?? display, matchText: match, aliases };
}

function toFacts(raw: Record<string, unknown>, lang: string): EntityFacts {
  const claims = isRecord(raw.claims) ? arr(raw.claims.P31) : [];
  const classes: string[] = [];
  for (const claim of claims) {
    if (!isRecord(claim) || claim.rank === "deprecated" || !isRecord(claim.mainsnak)) continue;
    const datavalue = claim.mainsnak.datavalue;
    if (!isRecord(datavalue) || !isRecord(datavalue.value)) continue;
    const value = datavalue.value;
    const id = str(value.id) ?? (typeof value["numeric-id"] === "number" ? `Q${value["numeric-id"]}` : null);
    if (id) classes.push(id);
  }
  const descriptions = isRecord(raw.descriptions) ? raw.descriptions : {};
  const pick = (code: string) => (isRecord(descriptions[code]) ? str((descriptions[code] as Record<string, unknown>).value) : null);
  return { classes, description: pick(lang) ?? pick("en") };
}

/** The name must equal the candidate's label, alias or matched text, ignoring case, accents and punctuation. */
function namesMatch(name: string, candidate: Candidate): boolean {
  const wanted = fold(name);
  return [candidate.label, candidate.matchText, ...candidate.aliases].some((n) => n !== null && fold(n) === wanted);
}

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
