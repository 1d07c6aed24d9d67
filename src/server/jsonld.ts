// schema.org ClaimReview for a report, as JSON-LD that is safe inside a
// <script type="application/ld+json"> block: <, > and & are written as \u003c,
// \u003e and \u0026 (and the JavaScript line separators escaped), so no text of
// the report can close the block or open another.
import type { Report, VerdictLabel } from "../domain/report.js";
import { collapseWhitespace } from "../domain/text.js";
import { stripCitations, verdictWord } from "../render/words.js";
import { SITE_NAME } from "./layout.js";

/**
 * The rating scale (1 = false … 5 = true) that search engines read, with the verdict's
 * own word as alternateName. Unverified and conflicting sit in the middle: they say
 * nothing about truth either way.
 */
export const RATING_VALUES: Record<VerdictLabel, number> = {
  refuted: 1,
  misleading: 2,
  conflicting: 3,
  unverified: 3,
  supported: 5,
};

const ATTRIBUTION = /^(.{2,80}?)\s+(?:said|says|claimed|claims|stated|states|wrote|writes|tweeted|tweets|posted|argued|argues)\b/i;

export function claimReview(report: Report, baseUrl: string): Record<string, unknown> | Record<string, unknown>[] {
  const url = baseUrl + report.url;
  const judged = report.claims.filter((c) => c.verdict);
  const reviews =
    judged.length > 1
      ? judged.map((claim) => review(report, url, claim.text, claim.verdict!.label))
      : [review(report, url, report.claims[0]?.text ?? report.title, report.verdict.label)];
  return reviews.length === 1 ? reviews[0]! : reviews;
}

function review(report: Report, url: string, claimText: string, label: VerdictLabel): Record<string, unknown> {
  const claim: Record<string, unknown> = { "@type": "Claim", name: collapseWhitespace(claimText) };
  const author = claimAuthor(report, claimText);
  if (author) claim.author = author;
  if (report.input.kind === "url" && /^https?:\/\//i.test(report.input.text.trim())) {
    claim.appearance = [{ "@type": "CreativeWork", url: report.input.text.trim() }];
  }
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url,
    datePublished: report.checkedAt.slice(0, 10),
    dateModified: report.checkedAt,
    headline: collapseWhitespace(report.title),
    claimReviewed: collapseWhitespace(claimText),
    author: { "@type": "Organization", name: SITE_NAME, url: new URL(url).origin },
    reviewRating: {
      "@type": "Rating",
      ratingValue: RATING_VALUES[label],
      bestRating: 5,
      worstRating: 1,
      alternateName: verdictWord(label),
    },
    reviewBody: stripCitations(report.verdict.headline),
    itemReviewed: claim,
  };
}

/** Who made the claim, when it says so ("X said ...") and X is a person or organisation the report names. */
function claimAuthor(report: Report, claimText: string): Record<string, unknown> | null {
  const match = ATTRIBUTION.exec(collapseWhitespace(claimText)) ?? ATTRIBUTION.exec(collapseWhitespace(report.input.text));
  if (!match) return null;
  const speaker = match[1]!.toLowerCase();
  const entity = report.entities.find((e) => (e.type === "person" || e.type === "organization") && speaker.includes(e.name.toLowerCase()));
  if (!entity) return null;
  const author: Record<string, unknown> = { "@type": entity.type === "person" ? "Person" : "Organization", name: entity.name };
  if (entity.wikidataId) author.sameAs = `https://www.wikidata.org/wiki/${entity.wikidataId}`;
  return author;
}

/** JSON for a <script type="application/ld+json"> block: nothing in it can end the block. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
