// The fixed list of categories, with how long a check in each stays fresh
// before the site suggests re-checking it.
export const CATEGORIES = [
  "politics",
  "health",
  "science",
  "technology",
  "business",
  "society",
  "media",
  "justice",
  "environment",
  "entertainment",
  "history",
  "sports",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

const DAY = 24 * 60 * 60 * 1000;

export const FRESHNESS_MS: Record<Category, number> = {
  politics: 30 * DAY,
  health: 90 * DAY,
  science: 365 * DAY,
  technology: 60 * DAY,
  business: 30 * DAY,
  society: 90 * DAY,
  media: 30 * DAY,
  justice: 90 * DAY,
  environment: 180 * DAY,
  entertainment: 30 * DAY,
  history: 3 * 365 * DAY,
  sports: 14 * DAY,
  other: 90 * DAY,
};

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function isStale(category: string, checkedAt: string, now = Date.now()): boolean {
  const window = isCategory(category) ? FRESHNESS_MS[category] : FRESHNESS_MS.other;
  return now - Date.parse(checkedAt) > window;
}
