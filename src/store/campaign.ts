// Donations to the operator's campaign: recorded by an admin or by the payment
// provider's signed webhook (each webhook event is recorded once: replay protection).
import type { Store } from "./db.js";

export interface Donation {
  id: number;
  eventId: string | null;
  amountCents: number;
  currency: string;
  donor: string | null;
  source: string;
  createdAt: string;
}

interface DonationTotals {
  /** Donations in the campaign's currency, in cents. */
  amountCents: number;
  /** Every donation counts one supporter. */
  supporters: number;
}

export class CampaignRepository {
  constructor(private readonly store: Store) {}

  /** Records a donation; false when its event id was recorded before (a replay). */
  async record(d: Omit<Donation, "id">): Promise<boolean> {
    const result = await this.store.db
      .insertInto("donations")
      .values({
        event_id: d.eventId,
        amount_cents: d.amountCents,
        currency: d.currency.toUpperCase(),
        donor: d.donor,
        source: d.source,
        created_at: d.createdAt,
      })
      .onConflict((oc) => oc.column("event_id").doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async hasEvent(eventId: string): Promise<boolean> {
    const row = await this.store.db.selectFrom("donations").select("id").where("event_id", "=", eventId).executeTakeFirst();
    return row !== undefined;
  }

  async totals(currency: string): Promise<DonationTotals> {
    const row = await this.store.db
      .selectFrom("donations")
      .select((eb) => [
        eb.fn.countAll<number>().as("supporters"),
        eb.fn.sum<number>(eb.case().when("currency", "=", currency.toUpperCase()).then(eb.ref("amount_cents")).else(0).end()).as("amount"),
      ])
      .executeTakeFirstOrThrow();
    return { amountCents: Number(row.amount ?? 0), supporters: Number(row.supporters ?? 0) };
  }

  async recent(limit: number): Promise<Donation[]> {
    const rows = await this.store.db.selectFrom("donations").selectAll().orderBy("id", "desc").limit(limit).execute();
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      amountCents: r.amount_cents,
      currency: r.currency,
      donor: r.donor,
      source: r.source,
      createdAt: r.created_at,
    }));
  }
}
