// A search request in the terms search APIs take: a page size, a language, a time window.

/** Search APIs cap their page size; the request's limit is clamped into [1, max]. */
export function clampLimit(limit: number, max: number): number {
  return Math.max(1, Math.min(max, Math.floor(Number.isFinite(limit) ? limit : max)));
}

/**
 * The primary language subtag in lower case ("pt-BR" → "pt"), or null when there is no usable one
 * (empty, malformed, or a special code: und, mul, zxx, mis).
 */
export function primaryLanguage(language: string | undefined): string | null {
  const primary = (language ?? "").trim().split(/[-_]/)[0]?.toLowerCase() ?? "";
  return /^[a-z]{2,3}$/.test(primary) && !["und", "mul", "zxx", "mis"].includes(primary) ? primary : null;
}

/** The coarse time windows search APIs offer ("day", "week", "month", "year") for a recency in days. */
export function timeWindow(maxAgeDays: number | undefined): "day" | "week" | "month" | "year" | null {
  if (maxAgeDays === undefined) return null;
  return maxAgeDays <= 1 ? "day" : maxAgeDays <= 7 ? "week" : maxAgeDays <= 31 ? "month" : "year";
}
