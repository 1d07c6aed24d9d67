// The website's small state: helpfulness votes, read counts, and settings.
import type { Store } from "./db.js";

export interface VoteTally {
  helpful: number;
  notHelpful: number;
}

export class SiteRepository {
  constructor(private readonly store: Store) {}

  /** One vote per visitor and check; voting again replaces the earlier vote. */
  async vote(checkId: string, voter: string, helpful: boolean, now: string): Promise<void> {
    await this.store.db
      .insertInto("votes")
      .values({ check_id: checkId, voter, helpful: helpful ? 1 : 0, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(["check_id", "voter"]).doUpdateSet({ helpful: helpful ? 1 : 0, updated_at: now }))
      .execute();
  }

  async tally(checkId: string): Promise<VoteTally> {
    const rows = await this.store.db
      .selectFrom("votes")
      .select(["helpful", (eb) => eb.fn.countAll<number>().as("n")])
      .where("check_id", "=", checkId)
      .groupBy("helpful")
      .execute();
    const tally: VoteTally = { helpful: 0, notHelpful: 0 };
    for (const r of rows) {
      if (r.helpful === 1) tally.helpful = Number(r.n);
      else tally.notHelpful = Number(r.n);
    }
    return tally;
  }

  async voteOf(checkId: string, voter: string): Promise<boolean | null> {
    const row = await this.store.db
      .selectFrom("votes")
      .select("helpful")
      .where("check_id", "=", checkId)
      .where("voter", "=", voter)
      .executeTakeFirst();
    return row ? row.helpful === 1 : null;
  }

  /** Adds batched read counts, in one transaction (checks deleted meanwhile are skipped). */
  async addReads(counts: Map<string, number>): Promise<void> {
    await this.store.db.transaction().execute(async (trx) => {
      for (const [checkId, n] of counts) {
        const exists = await trx.selectFrom("checks").select("id").where("id", "=", checkId).executeTakeFirst();
        if (!exists) continue;
        await trx
          .insertInto("check_reads")
          .values({ check_id: checkId, reads: n })
          .onConflict((oc) => oc.column("check_id").doUpdateSet((eb) => ({ reads: eb("check_reads.reads", "+", n) })))
          .execute();
      }
    });
  }

  async reads(checkId: string): Promise<number> {
    const row = await this.store.db.selectFrom("check_reads").select("reads").where("check_id", "=", checkId).executeTakeFirst();
    return row?.reads ?? 0;
  }

  async getSetting(key: string): Promise<string | null> {
    const row = await this.store.db.selectFrom("settings").select("value").where("key", "=", key).executeTakeFirst();
    return row?.value ?? null;
  }

  async setSetting(key: string, value: string, now: string): Promise<void> {
    await this.store.db
      .insertInto("settings")
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column("key").doUpdateSet({ value, updated_at: now }))
      .execute();
  }

  /** Sets a setting only when it is not set yet, and returns the value that holds. */
  async settingOnce(key: string, value: string, now: string): Promise<string> {
    await this.store.db
      .insertInto("settings")
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    return (await this.getSetting(key)) ?? value;
  }
}
