// The model's intake mapped to the pipeline's: claims it drew from the input (each located in the
// input where it can be), the title, language, category and entities, each checked and bounded, and
// the local intake's where the model's are unusable.
import type { Claim, Entity, UncheckedSentence } from "../../domain/report.js";
import type { IntakeResult } from "../../domain/analysis.js";
import { slugify } from "../../domain/slug.js";
import { collapseWhitespace, contentTerms, normalizeForMatch, truncate } from "../../domain/text.js";
import { locateClaim } from "./locate.js";
import type { IntakeOutput } from "./schemas.js";

const MAX_CLAIMS = 5;
const MAX_ENTITIES = 12;
const MAX_TITLE_CHARS = 120;

/** The model's claims without the empty, the overlong and the repeated. */
export function usableClaims(claims: IntakeOutput["claims"]): IntakeOutput["claims"] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = normalizeForMatch(c.text);
    if (key.length < 3 || c.text.length > 600 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The intake from the model's answer; `local` (the fallback analyst's intake) fills what the model left unusable. */
export function mapIntake(text: string, out: IntakeOutput, local: IntakeResult): IntakeResult {
  const kind = out.kind === "url" ? local.input.kind : out.kind;
  const title = cleanModelTitle(out.title) ?? local.title;
  const language = /^[a-z]{2,3}$/.test(out.language.trim().toLowerCase()) ? out.language.trim().toLowerCase() : local.language;
  const usable = usableClaims(out.claims);
  const chosen = usable.slice(0, MAX_CLAIMS);
  const claims: Claim[] = chosen.map((c, i) => {
    const claimText = collapseWhitespace(c.text);
    const span = locateClaim(text, { text: claimText, excerpt: c.excerpt, span: c.span }, chosen.length === 1 && kind !== "text");
    return span ? { id: `c${i + 1}`, text: claimText, span } : { id: `c${i + 1}`, text: claimText };
  });
  const modelClaims = claims.length > 0;
  if (!modelClaims) claims.push(...local.claims);
  const seen = new Set<string>();
  const entities: Entity[] = [];
  for (const e of out.entities) {
    const name = collapseWhitespace(e.name);
    const key = name.toLowerCase();
    if (!name || name.length > 100 || seen.has(key)) continue;
    seen.add(key);
    entities.push({ name, type: e.type });
    if (entities.length >= MAX_ENTITIES) break;
  }
  return {
    input: { text, kind },
    title,
    language,
    claims,
    category: out.category,
    entities: entities.length > 0 || out.entities.length === 0 ? entities : local.entities,
    slug: slugify(title),
    ...(kind === "text" && modelClaims
      ? { unchecked: uncheckedBesides(text, claims, usable.slice(MAX_CLAIMS), local) }
      : local.unchecked
        ? { unchecked: local.unchecked }
        : {}),
  };
}

/**
 * The sentences of a text that the model did not make claims, so that none vanishes without a
 * word: the local intake's sentences (its claims and the ones it left, with their reasons) less
 * those a model claim covers; a sentence the local intake would have checked but the model did
 * not is "not check-worthy" (the model's judgement); the model's claims past the limit are "over the limit".
 */
export function uncheckedBesides(
  text: string,
  claims: Claim[],
  overLimit: IntakeOutput["claims"],
  local: IntakeResult,
): UncheckedSentence[] {
  const covered = (sentence: string, span?: Claim["span"]) =>
    claims.some((claim) => {
      if (span && claim.span) return claim.span.start < span.end && span.start < claim.span.end;
      return mostWordsIn(claim.text, sentence);
    });
  const left: UncheckedSentence[] = [
    ...local.claims
      .filter((c) => !covered(c.text, c.span))
      .map((c) => ({ text: collapseWhitespace(c.text), reason: "not-check-worthy" as const })),
    ...(local.unchecked ?? []).filter((u) => !covered(u.text)),
  ];
  const at = (sentence: string) => {
    const i = text.indexOf(sentence);
    return i < 0 ? text.length : i;
  };
  left.sort((a, b) => at(a.text) - at(b.text));
  return [...left, ...overLimit.map((c) => ({ text: collapseWhitespace(c.text), reason: "over-limit" as const }))];
}

/** Whether at least 60% of the claim's content terms are in the sentence: the model may reword. */
function mostWordsIn(claim: string, sentence: string): boolean {
  const claimTerms = contentTerms(claim);
  if (claimTerms.length === 0) return normalizeForMatch(sentence).includes(normalizeForMatch(claim));
  const inSentence = new Set(contentTerms(sentence));
  return claimTerms.filter((term) => inSentence.has(term)).length >= 0.6 * claimTerms.length;
}

function cleanModelTitle(raw: string): string | null {
  let t = collapseWhitespace(raw)
    .replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/g, "")
    .trim();
  if (!t || /https?:\/\/|<\/?[a-z][^>]*>/i.test(t)) return null;
  if (t.length > MAX_TITLE_CHARS) t = truncate(t, MAX_TITLE_CHARS);
  return t;
}
