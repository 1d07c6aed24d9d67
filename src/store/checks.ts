// Checks and their reports, with every published version kept.
import { Report, reportPath } from "../domain/report.js";
import type { Store } from "./db.js";

export class CheckRepository {
  constructor(private readonly store: Store) {}

  /** The latest published check asked the same way, if any. */
  async findDoneByMatchKey(matchKey: string): Promise<Report | null> {
    const row = await this.store.db
      .selectFrom("checks")
      .select("report_json")
      .where("match_key", "=", matchKey)
      .where("status", "=", "done")
      .orderBy("checked_at", "desc")
      .executeTakeFirst();
    return row?.report_json ? Report.parse(JSON.parse(row.report_json)) : null;
  }

  async get(id: string): Promise<Report | null> {
    const row = await this.store.db.selectFrom("checks").select("report_json").where("id", "=", id).executeTakeFirst();
    return row?.report_json ? Report.parse(JSON.parse(row.report_json)) : null;
  }

  async findByShortId(shortId: string): Promise<Report | null> {
    const row = await this.store.db
      .selectFrom("checks")
      .select("report_json")
      .where("id", "like", `${shortId.replace(/[^0-9a-f]/g, "")}%`)
      .where("status", "=", "done")
      .executeTakeFirst();
    return row?.report_json ? Report.parse(JSON.parse(row.report_json)) : null;
  }

  async status(id: string): Promise<{ id: string; status: string; error: string | null } | null> {
    const row = await this.store.db.selectFrom("checks").select(["id", "status", "error"]).where("id", "=", id).executeTakeFirst();
    return row ?? null;
  }

  async startNew(args: { id: string; matchKey: string; inputText: string; now: string }): Promise<void> {
    await this.store.db
      .insertInto("checks")
      .values({
        id: args.id,
        match_key: args.matchKey,
        slug: "",
        category: "other",
        title: "",
        input_text: args.inputText,
        input_kind: "claim",
        status: "running",
        version: 0,
        report_json: null,
        error: null,
        created_at: args.now,
        updated_at: args.now,
        checked_at: null,
      })
      .execute();
  }

  async markRunning(id: string, now: string): Promise<void> {
    await this.store.db.updateTable("checks").set({ status: "running", updated_at: now }).where("id", "=", id).execute();
  }

  /**
   * Publishes a report as the check's next version, atomically with its history entry. Only over the
   * version before it: a second run of the same job (its first thought lost, but alive) finds its version
   * taken and publishes nothing, so a job publishes one version however many runs it had.
   */
  async publish(report: Report): Promise<void> {
    const json = JSON.stringify(report);
    await this.store.db.transaction().execute(async (trx) => {
      const updated = await trx
        .updateTable("checks")
        .set({
          status: "done",
          version: report.version,
          report_json: json,
          slug: report.slug,
          category: report.category,
          title: report.title,
          input_kind: report.input.kind,
          error: null,
          updated_at: report.checkedAt,
          checked_at: report.checkedAt,
        })
        .where("id", "=", report.id)
        .where("version", "=", report.version - 1)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new Error(`version ${report.version} of this check was published by another run`);
      await trx
        .insertInto("check_versions")
        .values({ check_id: report.id, version: report.version, report_json: json, checked_at: report.checkedAt })
        .execute();
    });
  }

  /** A failed run leaves the last published version (if any) in place and records why. */
  async markFailed(id: string, error: string, now: string): Promise<void> {
    const row = await this.store.db.selectFrom("checks").select("version").where("id", "=", id).executeTakeFirst();
    await this.store.db
      .updateTable("checks")
      .set({ status: row && row.version > 0 ? "done" : "failed", error: error.slice(0, 2000), updated_at: now })
      .where("id", "=", id)
      .execute();
  }

  async versions(id: string): Promise<{ version: number; checkedAt: string }[]> {
    const rows = await this.store.db
      .selectFrom("check_versions")
      .select(["version", "checked_at"])
      .where("check_id", "=", id)
      .orderBy("version", "asc")
      .execute();
    return rows.map((r) => ({ version: r.version, checkedAt: r.checked_at }));
  }

  // Added for the website (jobs, versions, admin).

  /** The check's row without its report: status, published version, error. */
  async row(
    id: string,
  ): Promise<{ id: string; status: string; version: number; error: string | null; category: string; title: string } | null> {
    const row = await this.store.db
      .selectFrom("checks")
      .select(["id", "status", "version", "error", "category", "title"])
      .where("id", "=", id)
      .executeTakeFirst();
    return row ?? null;
  }

  /** One published version of a check, as it was published. */
  async getVersion(id: string, version: number): Promise<Report | null> {
    const row = await this.store.db
      .selectFrom("check_versions")
      .select("report_json")
      .where("check_id", "=", id)
      .where("version", "=", version)
      .executeTakeFirst();
    return row ? Report.parse(JSON.parse(row.report_json)) : null;
  }

  /**
   * Puts back a check that a stopped process left half-run, so it can be run again: a check
   * never published is removed (its run starts over), a refresh falls back to its last version.
   */
  async resetInterrupted(id: string, now: string): Promise<void> {
    const row = await this.store.db.selectFrom("checks").select(["status", "version"]).where("id", "=", id).executeTakeFirst();
    if (!row) return;
    if (row.version === 0) {
      await this.store.db.deleteFrom("checks").where("id", "=", id).where("version", "=", 0).execute();
    } else if (row.status === "running") {
      await this.store.db.updateTable("checks").set({ status: "done", updated_at: now }).where("id", "=", id).execute();
    }
  }

  /** Withdraws a published check from the site and the API (or puts it back). */
  async setUnpublished(id: string, unpublished: boolean, now: string): Promise<boolean> {
    const result = await this.store.db
      .updateTable("checks")
      .set({ status: unpublished ? "unpublished" : "done", updated_at: now })
      .where("id", "=", id)
      .where("version", ">", 0)
      .where("status", "in", unpublished ? ["done"] : ["unpublished"])
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** An editorial correction of the current version's title or category (the URL follows the category). */
  async editMeta(id: string, changes: { title?: string; category?: string }, now: string): Promise<Report | null> {
    return this.store.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom("checks").select(["report_json", "version"]).where("id", "=", id).executeTakeFirst();
      if (!row?.report_json) return null;
      const current = Report.parse(JSON.parse(row.report_json));
      const category = changes.category ?? current.category;
      const report = Report.parse({
        ...current,
        title: changes.title ?? current.title,
        category,
        url: reportPath(category, current.slug, current.id),
        editorial: {
          ...current.editorial,
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.category !== undefined ? { category: changes.category } : {}),
          editedAt: now,
        },
      });
      const json = JSON.stringify(report);
      await trx
        .updateTable("checks")
        .set({ report_json: json, title: report.title, category: report.category, updated_at: now })
        .where("id", "=", id)
        .execute();
      await trx
        .updateTable("check_versions")
        .set({ report_json: json })
        .where("check_id", "=", id)
        .where("version", "=", row.version)
        .execute();
      return report;
    });
  }
}
