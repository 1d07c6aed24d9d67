// Small lexicons the local analyst reads polarity and wording from.
import { stem } from "../../domain/text.js";

export const NEGATION_CUES = new Set([
  "not",
  "no",
  "never",
  "none",
  "neither",
  "nor",
  "cannot",
  "can't",
  "cant",
  "won't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "hasn't",
  "haven't",
  "hadn't",
  "shouldn't",
  "wouldn't",
  "couldn't",
  "mustn't",
  "without",
  "lack",
  "lacks",
  "lacked",
  "lacking",
  "absence",
  "absent",
  "unable",
  "fail",
  "fails",
  "failed",
  "nothing",
  "nobody",
  "false",
  "myth",
  "untrue",
  "unfounded",
  "debunked",
  "insignificant",
  "non-significant",
  "nonsignificant",
]);

/** Pairs of opposite meaning; matching is on stems. */
const ANTONYM_PAIRS: [string, string][] = [
  ["increase", "decrease"],
  ["increase", "reduce"],
  ["increase", "lower"],
  ["rise", "fall"],
  ["rise", "decline"],
  ["higher", "lower"],
  ["more", "less"],
  ["more", "fewer"],
  ["greater", "smaller"],
  ["larger", "smaller"],
  ["gain", "loss"],
  ["positive", "negative"],
  ["benefit", "harm"],
  ["beneficial", "harmful"],
  ["safe", "dangerous"],
  ["safe", "unsafe"],
  ["effective", "ineffective"],
  ["true", "false"],
  ["allow", "forbid"],
  ["allow", "prohibit"],
  ["permit", "prohibit"],
  ["legal", "illegal"],
  ["can", "cannot"],
  ["accept", "refuse"],
  ["accept", "reject"],
  ["promote", "inhibit"],
  ["promote", "suppress"],
  ["activate", "inhibit"],
  ["induce", "prevent"],
  ["cause", "prevent"],
  ["improve", "worsen"],
  ["strengthen", "weaken"],
  ["upregulate", "downregulate"],
  ["enhance", "impair"],
  ["success", "failure"],
  ["win", "lose"],
  ["support", "oppose"],
  ["present", "absent"],
  ["required", "optional"],
  ["mandatory", "voluntary"],
  ["long", "short"],
  ["high", "low"],
  ["early", "late"],
  ["before", "after"],
  ["visible", "invisible"],
  ["majority", "minority"],
  ["most", "few"],
  ["always", "rarely"],
  // General comparative and evaluative opposites.
  ["better", "worse"],
  ["better", "poorer"],
  ["best", "worst"],
  ["good", "bad"],
  ["good", "poor"],
  ["favorable", "unfavorable"],
  ["faster", "slower"],
  ["fast", "slow"],
  ["quicker", "slower"],
  ["earlier", "later"],
  ["older", "younger"],
  ["stronger", "weaker"],
  ["heavier", "lighter"],
  ["easier", "harder"],
  ["easy", "difficult"],
  ["wider", "narrower"],
  ["rich", "poor"],
  ["richer", "poorer"],
  ["accelerate", "slow"],
  ["expand", "shrink"],
  ["elevated", "reduced"],
  ["enhanced", "reduced"],
  ["excess", "deficiency"],
  ["protective", "harmful"],
  ["protect", "harm"],
  ["resistant", "susceptible"],
  ["resistance", "susceptibility"],
  ["involved", "uninvolved"],
  ["related", "unrelated"],
  ["associated", "unrelated"],
  ["dependent", "independent"],
  ["essential", "dispensable"],
  ["necessary", "unnecessary"],
  ["sufficient", "insufficient"],
  ["required", "dispensable"],
  ["agonist", "antagonist"],
  ["overexpression", "underexpression"],
  ["common", "rare"],
  ["frequent", "rare"],
  ["survival", "death"],
  ["survival", "mortality"],
  ["success", "fail"],
  ["accept", "deny"],
  ["confirm", "deny"],
];

const ANTONYMS = new Map<string, Set<string>>();
for (const [a, b] of ANTONYM_PAIRS) {
  const [sa, sb] = [stem(a), stem(b)];
  if (!ANTONYMS.has(sa)) ANTONYMS.set(sa, new Set());
  if (!ANTONYMS.has(sb)) ANTONYMS.set(sb, new Set());
  ANTONYMS.get(sa)!.add(sb);
  ANTONYMS.get(sb)!.add(sa);
}

export function antonymsOf(stemmed: string): Set<string> | undefined {
  return ANTONYMS.get(stemmed);
}

/** Each stem's word as the table spells it (the first spelling listed). */
const SPELLING = new Map<string, string>();
for (const word of ANTONYM_PAIRS.flat()) if (!SPELLING.has(stem(word))) SPELLING.set(stem(word), word);

/**
 * The word's first listed opposite, as a word and in the word's inflection ("reduces" -> "increases",
 * "lowered" -> "raised"), or null. A query carries words, not stems: a search stems them again, and a
 * stem stemmed twice ("increas" -> "increa") matches nothing.
 */
export function oppositeWord(word: string): string | null {
  const lower = word.toLowerCase();
  const stemmed = stem(lower);
  const opposite = [...(antonymsOf(stemmed) ?? [])][0];
  if (opposite === undefined) return null;
  const base = SPELLING.get(opposite)!;
  const ending = lower.startsWith(stemmed) ? lower.slice(stemmed.length) : "";
  if (/^e?s$/.test(ending) && !base.endsWith("s")) return /(x|ch|sh)$/.test(base) ? `${base}es` : `${base}s`;
  if (/^e?d$/.test(ending)) return base.endsWith("e") ? `${base}d` : `${base}ed`;
  if (ending === "ing") return base.endsWith("e") ? `${base.slice(0, -1)}ing` : `${base}ing`;
  return base;
}

/** Words that make a finding tentative or partial. */
export const HEDGE_CUES = new Set([
  "may",
  "might",
  "could",
  "possibly",
  "perhaps",
  "suggest",
  "suggests",
  "suggested",
  "some",
  "partially",
  "partly",
  "limited",
  "preliminary",
  "unclear",
  "uncertain",
  "likely",
  "unlikely",
  "modest",
  "moderate",
  "associated",
  "correlated",
  "however",
  "although",
  "but",
  "except",
  "only",
]);

/** Emotionally loaded or sensational words. */
export const LOADED_CUES = new Set([
  "shocking",
  "outrageous",
  "disaster",
  "catastrophe",
  "catastrophic",
  "destroy",
  "destroys",
  "destroyed",
  "evil",
  "corrupt",
  "scam",
  "hoax",
  "lie",
  "lies",
  "liar",
  "traitor",
  "radical",
  "extremist",
  "miracle",
  "deadly",
  "poison",
  "toxic",
  "crisis",
  "invasion",
  "flood",
  "war",
  "slave",
  "slaves",
  "tyranny",
  "regime",
  "cover-up",
  "coverup",
  "exposed",
  "bombshell",
  "secret",
  "they",
  "elites",
  "sheeple",
  "mainstream",
]);

export const VAGUE_ATTRIBUTION = [
  /\b(experts|scientists|studies|doctors|people|they|sources|reports) (say|said|show|claim|agree)\b/i,
  /\bit is (said|known|believed|reported)\b/i,
  /\beveryone knows\b/i,
];
