// What every web search provider's hits share: a URL that is the web's, its site's name, and a
// score from the rank when the API's own scores are not comparable.

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
export function rankScore(index: number): number {
  return 1 / (1 + index);
}
