// Stage 1, intake: the analyst classifies the input (validated by the service), titles it
// and draws out the claims behind it. A submitted link is read first (through the safe
// HTTP client): its claims come from the page, its title is the page's title.
import { BadInputError } from "../domain/errors.js";
import { isLinkInput } from "../domain/input.js";
import { MAX_INPUT_CHARS } from "../domain/limits.js";
import { truncate } from "../domain/text.js";
import { titleFromUrl } from "../domain/titles.js";
import type { Analyst, AnalystContext } from "../analysts/analyst.js";
import { linkEntities } from "../sources/wikidata.js";
import type { HttpClient } from "../fetch/http-client.js";
import { PageReadError, readPage } from "../fetch/read-page.js";
import type { IntakeResult } from "../domain/analysis.js";

interface IntakeWeb {
  http?: HttpClient;
  /** Link people, organisations and places to Wikidata (when Wikipedia is a source). */
  linkEntities?: boolean;
  /** Wikidata API endpoint override (tests, mirrors). */
  wikidataUrl?: string;
}

/** The part of a page that intake reads for claims: its opening, where the main claims are made. */
const PAGE_CLAIM_CHARS = MAX_INPUT_CHARS;

export async function intake(text: string, analyst: Analyst, ctx: AnalystContext, web: IntakeWeb = {}): Promise<IntakeResult> {
  let result = await analyst.intake(text, ctx);
  // Any http(s) URL is a link, although an analyst may not see an IPv6 or single-label host as one.
  if (result.input.kind !== "url" && isLinkInput(text)) result = asLink(text, result);
  if (result.input.kind === "url") result = await intakeLink(text, result, analyst, ctx, web.http);
  if (web.linkEntities && web.http && result.entities.length > 0) {
    const entities = await linkEntities(result.entities, {
      http: web.http,
      language: result.language,
      maxRetries: 0,
      ...(web.wikidataUrl ? { baseUrl: web.wikidataUrl } : {}),
    }).catch(() => result.entities);
    result = { ...result, entities };
  }
  return result;
}

/** The analyst's intake of a URL it took for something else: a link, titled by its address until its page is read. */
function asLink(url: string, result: IntakeResult): IntakeResult {
  const title = truncate(titleFromUrl(url) || new URL(url).host, 160);
  return { ...result, input: { ...result.input, kind: "url" }, title, claims: [{ id: "c1", text: title }], unchecked: [], entities: [] };
}

async function intakeLink(
  url: string,
  fromUrl: IntakeResult,
  analyst: Analyst,
  ctx: AnalystContext,
  http: HttpClient | undefined,
): Promise<IntakeResult> {
  if (!http) throw new BadInputError("checking a link needs the network client");
  let page;
  try {
    page = await readPage(url, http);
  } catch (error) {
    if (error instanceof PageReadError) throw new BadInputError(`could not read ${truncate(url, 100)}: ${error.reason}`);
    throw error;
  }
  const opening = page.text.slice(0, PAGE_CLAIM_CHARS);
  const fromPage = await analyst.intake(opening.includes(". ") ? opening : `${page.title}. ${opening}`, ctx);
  return {
    ...fromPage,
    // Kept for the report's ClaimReview: where the claims appeared, by whom and when.
    input: {
      ...fromUrl.input,
      page: { url: page.url, title: page.title.trim(), siteName: page.siteName, author: page.author, publishedAt: page.publishedAt },
    },
    title: truncate(page.title.trim() || fromUrl.title, 160),
    // Spans point into the page, not into the submitted URL.
    claims: fromPage.claims.map(({ span: _span, ...claim }) => claim),
  };
}
