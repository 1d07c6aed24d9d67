// What every web search provider's hits share: a URL that is the web's, its site's name, and a
// score from the rank when the API's own scores are not comparable.
import type { SourceHit } from "./provider.js";

/** A display name for a URL's site: its host without "www.". */
export function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./i, "") || null;
  } catch {
    return null;
  }
}

export function isHttpUrl(url: unknown): url is string {
  if (typeof url !== "string") return false;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:";
  } catch {
    return false;
  }
}

/** Rank-based relevance for providers whose own scores are not comparable: 1, 1/2, 1/3, ... */
function rankScore(index: number): number {
  return 1 / (1 + index);
}

/** What an API says about one result; the provider, the (unknown) author and the score are filled in. */
interface HitFields {
  url: string;
  title: string;
  /** The site's name; the URL's host name when not given. */
  publisher?: string | null;
  publishedAt: string | null;
  snippet: string | null;
  text?: string;
  factCheck?: SourceHit["factCheck"];
}

/** The hit at `rank` (0 for the first) of a provider's list, scored by its rank. */
export function rankedHit(provider: string, fields: HitFields, rank: number): SourceHit {
  const hit: SourceHit = {
    provider,
    url: fields.url,
    title: fields.title,
    publisher: fields.publisher === undefined ? hostnameOf(fields.url) : fields.publisher,
    author: null,
    publishedAt: fields.publishedAt,
    snippet: fields.snippet,
    score: rankScore(rank),
  };
  if (fields.text !== undefined) hit.text = fields.text;
  if (fields.factCheck !== undefined) hit.factCheck = fields.factCheck;
  return hit;
}

/** The hits of an API's results, in its order and at most `limit`: `read` turns each into fields, or skips it (null). */
export function rankedHits<T>(provider: string, results: Iterable<T>, limit: number, read: (result: T) => HitFields | null): SourceHit[] {
  const hits: SourceHit[] = [];
  for (const result of results) {
    const fields = read(result);
    if (!fields) continue;
    hits.push(rankedHit(provider, fields, hits.length));
    if (hits.length >= limit) break;
  }
  return hits;
}
