// The published checks as readers find them: listed (newest or most read first, by
// category, by topic or person), searched, and one report at its address (any of its
// versions).
import type { Report } from "../domain/report.js";
import { normalizeForMatch } from "../domain/text.js";
import {
  ArchiveRepository,
  PERSON_TYPES,
  TOPIC_TYPES,
  type CheckSummary,
  type EntitySummary,
  type ListOptions,
  type Page,
} from "../store/archive.js";
import type { CheckRepository } from "../store/checks.js";
import type { Store } from "../store/db.js";

export { PERSON_TYPES, TOPIC_TYPES };
export type { CheckSummary, EntitySummary, Page };

/** A search within a category looks at this many ranked results. */
const CATEGORY_SEARCH_DEPTH = 1000;

export class Archive {
  private readonly published: ArchiveRepository;

  constructor(
    store: Store,
    private readonly checks: CheckRepository,
  ) {
    this.published = new ArchiveRepository(store);
  }

  list(options: ListOptions): Promise<Page<CheckSummary>> {
    return this.published.list(options);
  }

  /** Full-text search, best match first; with a category, only its checks. */
  async search(query: string, limit: number, offset: number, category?: string): Promise<Page<CheckSummary>> {
    if (!category) return this.published.search(query, limit, offset);
    // Search pages are small and ranked: filter the best results rather than search per category.
    const found = await this.published.search(query, CATEGORY_SEARCH_DEPTH, 0);
    const inCategory = found.items.filter((item) => item.category === category);
    return { items: inCategory.slice(offset, offset + limit), total: inCategory.length };
  }

  categoryCounts(): Promise<Map<string, number>> {
    return this.published.categoryCounts();
  }

  entities(types: readonly string[]): Promise<EntitySummary[]> {
    return this.published.entities(types);
  }

  entity(name: string, types: readonly string[]): Promise<EntitySummary | null> {
    return this.published.entity(name, types);
  }

  /** The published report whose address ends in this slug and short id. */
  atAddress(slug: string, shortId: string): Promise<Report | null> {
    return this.published.findPublished(shortId, slug);
  }

  /** A published report by id (null when it is not published, or withdrawn). */
  report(id: string): Promise<Report | null> {
    return this.published.getPublished(id);
  }

  /** An earlier published version of a check. */
  version(id: string, version: number): Promise<Report | null> {
    return this.checks.getVersion(id, version);
  }

  versions(id: string): Promise<{ version: number; checkedAt: string }[]> {
    return this.checks.versions(id);
  }

  /** The published checks of these questions (asked the same way), by question. */
  async answered(questions: string[]): Promise<Map<string, CheckSummary>> {
    const byKey = await this.published.findByMatchKeys(questions.map(normalizeForMatch));
    const out = new Map<string, CheckSummary>();
    for (const question of questions) {
      const found = byKey.get(normalizeForMatch(question));
      if (found) out.set(question, found);
    }
    return out;
  }

  /** The published ones of these checks, by id. */
  summaries(ids: string[]): Promise<Map<string, CheckSummary>> {
    return this.published.summaries(ids);
  }
}
