// Stored text of cited sources, addressed by content hash (written once, never changed).
import type { Store } from "./db.js";

export class SourceTextRepository {
  constructor(private readonly store: Store) {}

  async putMany(texts: { hash: string; text: string }[], now: string): Promise<void> {
    if (texts.length === 0) return;
    await this.store.db
      .insertInto("source_texts")
      .values(texts.map((t) => ({ hash: t.hash, text: t.text, stored_at: now })))
      .onConflict((oc) => oc.column("hash").doNothing())
      .execute();
  }

  async get(hash: string): Promise<string | null> {
    const row = await this.store.db.selectFrom("source_texts").select("text").where("hash", "=", hash).executeTakeFirst();
    return row?.text ?? null;
  }
}
