// The category of a check, by keyword lexicons matched on stemmed terms.
import { CATEGORIES, type Category } from "../../../domain/categories.js";
import { contentTerms, stem } from "../../../domain/text.js";

import { KEYWORDS_ELSEWHERE, type Lexicon } from "./category-words.js";

// Space-separated keywords; "a_b" is a two-word phrase (worth double).
const KEYWORDS: Lexicon = {
  politics:
    "election elect vote voter ballot president presidential senate senator congress congressman parliament " +
    "minister government governor democrat democratic republican party campaign policy politician political " +
    "legislation bill referendum tariff sanction mayor diplomat embassy treaty cabinet impeachment poll " +
    "prime_minister white_house foreign_policy",
  health:
    "vaccine vaccination vaccinate cancer disease covid coronavirus virus drug medicine medical doctor hospital " +
    "patient health healthy autism diet obesity diabetes heart infection pandemic epidemic flu symptom treatment " +
    "cure therapy nutrition vitamin mental depression smoking alcohol pharmaceutical surgery nurse coffee sugar " +
    "fluoride measles",
  science:
    "science scientist scientific study research physics chemistry biology astronomy space planet moon mars star " +
    "galaxy universe nasa evolution dna gene genetic experiment theory laboratory atom quantum telescope orbit " +
    "gravity asteroid dinosaur fossil species",
  technology:
    "technology tech ai artificial_intelligence computer software internet app smartphone phone 5g algorithm robot " +
    "digital online cyber hacker data privacy google apple microsoft facebook meta tesla chip chatgpt crypto " +
    "bitcoin blockchain social_media electric_car battery startup",
  business:
    "economy economic inflation market stock company business trade price wage salary tax job unemployment bank " +
    "finance financial gdp recession investment investor profit revenue debt interest_rate billion corporation " +
    "industry export import oil consumer",
  society:
    "immigrant immigration migrant refugee religion church muslim christian jewish race racism gender women " +
    "equality poverty homeless education school university student family marriage abortion lgbt community " +
    "culture population housing welfare",
  media:
    "media news newspaper journalist journalism press television tv broadcast reporter article headline " +
    "misinformation disinformation propaganda fake_news censorship twitter youtube tiktok viral post meme " +
    "influencer podcast bbc cnn fox",
  justice:
    "police court judge law legal illegal lawsuit immigration detainer deportation deport prison jail " +
    "crime criminal arrest sentence trial jury prosecutor attorney supreme_court constitution constitutional " +
    "rights murder homicide gun fbi sheriff warrant convict fraud lawyer",
  environment:
    "climate climate_change global_warming environment environmental pollution emission carbon co2 fossil_fuel " +
    "renewable solar wind energy greenhouse deforestation forest ocean plastic recycle recycling wildlife " +
    "extinction biodiversity weather temperature sea_level glacier drought flood wildfire petrol arctic antarctic " +
    "ice melt polar",
  entertainment:
    "movie film actor actress celebrity music singer song album concert hollywood oscar grammy netflix show " +
    "series television_show game video_game star_wars marvel festival comedian rapper band disney",
  history:
    "history historical ancient war world_war century empire king queen emperor medieval revolution colonial " +
    "slavery holocaust pyramid roman greek napoleon hitler civil_war monument archaeology dynasty pharaoh",
  sports:
    "sport sports football soccer basketball baseball tennis golf olympic olympics athlete player team match " +
    "championship league cup coach goal score tournament fifa nba nfl race marathon boxing cricket rugby",
};

/** Acronyms matched case-sensitively, so "ice" on a lake stays out of justice. */
const ACRONYMS: Record<string, Category> = {
  ICE: "justice",
  FBI: "justice",
  DOJ: "justice",
  DEA: "justice",
  ATF: "justice",
  ACLU: "justice",
  WHO: "health",
  CDC: "health",
  FDA: "health",
  NHS: "health",
  NIH: "health",
  HIV: "health",
  AIDS: "health",
  MMR: "health",
  NASA: "science",
  ESA: "science",
  CERN: "science",
  NATO: "politics",
  EU: "politics",
  UN: "politics",
  GOP: "politics",
  GDP: "business",
  IMF: "business",
  ECB: "business",
  OPEC: "business",
  EPA: "environment",
  IPCC: "environment",
  CO2: "environment",
  AI: "technology",
  "5G": "technology",
  FIFA: "sports",
  NBA: "sports",
  NFL: "sports",
  MLB: "sports",
  IOC: "sports",
  BBC: "media",
  CNN: "media",
  NPR: "media",
};

interface CompiledLexicon {
  category: Category;
  words: Set<string>;
  phrases: string[][];
}

// One lexicon per category for every language: a category's words mean the same in any of them.
const COMPILED: CompiledLexicon[] = (Object.keys(KEYWORDS) as (keyof Lexicon)[]).map((category) => {
  const words = new Set<string>();
  const phrases: string[][] = [];
  const keywords = [KEYWORDS, ...KEYWORDS_ELSEWHERE].map((lexicon) => lexicon[category]).join(" ");
  for (const keyword of keywords.split(/\s+/).filter(Boolean)) {
    if (keyword.includes("_")) phrases.push(contentTerms(keyword.replace(/_/g, " ")));
    else words.add(stem(keyword));
  }
  return { category, words, phrases };
});

function containsPhrase(terms: string[], phrase: string[]): boolean {
  if (phrase.length === 0) return false;
  outer: for (let i = 0; i + phrase.length <= terms.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (terms[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

/** Keyword score per category (phrases count double, acronyms once). */
function categoryScores(text: string): Record<Category, number> {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  // The acronym ICE (immigration) must not count as ice (environment).
  const terms = contentTerms(text.replace(/\bICE\b/g, " "));
  for (const { category, words, phrases } of COMPILED) {
    for (const term of terms) if (words.has(term)) scores[category] += 1;
    for (const phrase of phrases) if (containsPhrase(terms, phrase)) scores[category] += 2;
  }
  for (const match of text.matchAll(/\b[A-Z0-9]{2,5}\b/g)) {
    const category = ACRONYMS[match[0]];
    if (category) scores[category] += 1;
  }
  return scores;
}

/** The best-scoring category; ties go to the earlier category in CATEGORIES; 'other' when nothing matches. */
export function pickCategory(text: string): Category {
  const scores = categoryScores(text);
  let best: Category = "other";
  let bestScore = 0;
  for (const category of CATEGORIES) {
    if (category === "other") continue;
    if (scores[category] > bestScore) {
      best = category;
      bestScore = scores[category];
    }
  }
  return best;
}
