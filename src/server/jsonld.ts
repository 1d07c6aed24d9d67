// schema.org ClaimReview for a report, as JSON-LD that is safe inside a
// <script type="application/ld+json"> block: <, > and & are written as \u003c,
// \u003e and \u0026 (and the JavaScript line separators escaped), so no text of
// the report can close the block or open another.
import { claimAnchor, type Claim, type Report, type SubmittedPage, type Verdict, type VerdictLabel } from "../domain/report.js";
import { collapseWhitespace } from "../domain/text.js";
import { formatConfidence, stripCitations, verdictWord } from "../render/words.js";
import { t } from "../render/i18n/catalog.js";
import { localeOf } from "../domain/locale.js";
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

/**
 * The ClaimReview(s) of a report's current version (an old version's page has none: search
 * engines must not read a superseded verdict). A report with several judged claims gives one
 * review per claim, each at the claim's own place on the page and in its own words.
 */
export function claimReview(report: Report, baseUrl: string): Record<string, unknown> | Record<string, unknown>[] {
  const url = baseUrl + report.url;
  const judged = report.claims.filter((c): c is Claim & { verdict: Verdict } => c.verdict !== undefined);
  const reviews =
    judged.length > 1
      ? judged.map((claim) => review(report, `${url}#${claimAnchor(claim.id)}`, claim.text, claim.verdict, collapseWhitespace(claim.text)))
      : [review(report, url, report.claims[0]?.text ?? report.title, report.verdict, collapseWhitespace(report.title))];
  return reviews.length === 1 ? reviews[0]! : reviews;
}

function review(report: Report, url: string, claimText: string, verdict: Verdict, headline: string): Record<string, unknown> {
  const locale = localeOf(report.language);
  const word = verdictWord(verdict.label, locale);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url,
    inLanguage: locale,
    datePublished: report.checkedAt.slice(0, 10),
    dateModified: report.checkedAt,
    headline,
    claimReviewed: collapseWhitespace(claimText),
    author: { "@type": "Organization", name: SITE_NAME, url: new URL(url).origin },
    reviewRating: {
      "@type": "Rating",
      name: word,
      ratingValue: RATING_VALUES[verdict.label],
      bestRating: 5,
      worstRating: 1,
      alternateName: word,
    },
    // A claim's own verdict has no headline of its own: its text is then the verdict on the claim.
    reviewBody:
      stripCitations(verdict.headline) ||
      `${word} (${t(locale, "report.confidence", { value: formatConfidence(verdict.confidence) })}): ${collapseWhitespace(claimText)}`,
    itemReviewed: claimItem(report, claimText),
  };
}

/** The claim: what it says, who said it, and where and when it appeared, when the report knows. */
function claimItem(report: Report, claimText: string): Record<string, unknown> {
  const claim: Record<string, unknown> = { "@type": "Claim", name: collapseWhitespace(claimText) };
  const page = report.input.kind === "url" ? submittedPage(report) : null;
  const author = claimAuthor(report, claimText) ?? (page ? pageAuthor(page) : null);
  if (author) claim.author = author;
  if (page) {
    const appearance: Record<string, unknown> = { "@type": "CreativeWork", url: page.url };
    if (page.title) appearance.headline = collapseWhitespace(page.title);
    if (page.siteName) appearance.publisher = { "@type": "Organization", name: collapseWhitespace(page.siteName) };
    if (page.publishedAt) appearance.datePublished = page.publishedAt;
    claim.appearance = [appearance];
    // The submitted page is the only appearance the report knows, so the first known one.
    claim.firstAppearance = appearance;
    if (page.publishedAt) claim.datePublished = page.publishedAt;
  }
  return claim;
}

/** The submitted link's page: as read (reports since it is kept), else just its address. */
function submittedPage(report: Report): SubmittedPage | null {
  if (report.input.page) return report.input.page;
  const link = report.input.text.trim();
  return /^https?:\/\//i.test(link) ? { url: link, title: "", siteName: null, author: null, publishedAt: null } : null;
}

function pageAuthor(page: SubmittedPage): Record<string, unknown> | null {
  if (page.author) return { "@type": "Person", name: collapseWhitespace(page.author) };
  if (page.siteName) return { "@type": "Organization", name: collapseWhitespace(page.siteName) };
  return null;
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
