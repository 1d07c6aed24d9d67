// What editors do from the admin area: list every check (withdrawn ones too), read
// one, withdraw it and publish it again, correct its title or category.
import { isCategory } from "../domain/categories.js";
import { BadInputError } from "../domain/errors.js";
import type { Report } from "../domain/report.js";
import { collapseWhitespace } from "../domain/text.js";
import { ArchiveRepository, type CheckSummary, type Page } from "../store/archive.js";
import type { CheckRepository } from "../store/checks.js";
import type { Store } from "../store/db.js";

type EditorListItem = CheckSummary & { status: string; reads: number };

export class Editor {
  private readonly archive: ArchiveRepository;

  constructor(
    store: Store,
    private readonly checks: CheckRepository,
    private readonly now: () => Date,
  ) {
    this.archive = new ArchiveRepository(store);
  }

  /** Every check with a published version, withdrawn ones too, newest first. */
  list(limit: number, offset: number): Promise<Page<EditorListItem>> {
    return this.archive.adminList(limit, offset);
  }

  /** A check's current report, published or withdrawn. */
  report(id: string): Promise<Report | null> {
    return this.checks.get(id);
  }

  /** Withdraws a published check from the site and the API; false when there is none. */
  unpublish(id: string): Promise<boolean> {
    return this.checks.setUnpublished(id, true, this.now().toISOString());
  }

  /** Publishes a withdrawn check again; false when there is none. */
  republish(id: string): Promise<boolean> {
    return this.checks.setUnpublished(id, false, this.now().toISOString());
  }

  /** Corrects the title or category (the address follows the category); null when there is no such check. */
  edit(id: string, changes: { title?: string; category?: string }): Promise<Report | null> {
    const title = changes.title !== undefined ? collapseWhitespace(changes.title) : undefined;
    const category = changes.category?.trim();
    if (title !== undefined && (title.length === 0 || title.length > 300))
      throw new BadInputError("the title must have 1 to 300 characters");
    if (category !== undefined && category !== "" && !isCategory(category)) throw new BadInputError(`unknown category "${category}"`);
    return this.checks.editMeta(id, { ...(title ? { title } : {}), ...(category ? { category } : {}) }, this.now().toISOString());
  }
}
