// The page cache behind the HTTP client (GET requests made with `cache: true`).
import type { Store } from "./db.js";
import type { CachedResponse, HttpCache } from "../fetch/http-cache.js";

/** Bodies larger than this are not cached (they are fetched again instead). */
const MAX_CACHED_BODY_BYTES = 5 * 1024 * 1024;

export class HttpCacheRepository implements HttpCache {
  constructor(
    private readonly store: Store,
    private readonly maxBodyBytes: number = MAX_CACHED_BODY_BYTES,
  ) {}

  async get(url: string): Promise<CachedResponse | null> {
    const row = await this.store.db.selectFrom("http_cache").selectAll().where("url", "=", url).executeTakeFirst();
    if (!row) return null;
    let headers: Record<string, string> = {};
    try {
      const parsed: unknown = JSON.parse(row.headers_json);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        for (const [name, value] of Object.entries(parsed)) if (typeof value === "string") headers[name] = value;
      }
    } catch {
      headers = {};
    }
    const body = row.body as Uint8Array;
    return {
      url: row.url,
      finalUrl: row.final_url,
      status: row.status,
      headers,
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      etag: row.etag,
      lastModified: row.last_modified,
      fetchedAt: row.fetched_at,
    };
  }

  /** Stores (or replaces) the entry; an entry over the size cap is not stored, and an older one is dropped. */
  async put(entry: CachedResponse): Promise<void> {
    if (entry.body.byteLength > this.maxBodyBytes) {
      await this.store.db.deleteFrom("http_cache").where("url", "=", entry.url).execute();
      return;
    }
    const row = {
      url: entry.url,
      final_url: entry.finalUrl,
      status: entry.status,
      headers_json: JSON.stringify(entry.headers),
      body: Buffer.from(entry.body.buffer, entry.body.byteOffset, entry.body.byteLength),
      etag: entry.etag,
      last_modified: entry.lastModified,
      fetched_at: entry.fetchedAt,
    };
    await this.store.db
      .insertInto("http_cache")
      .values(row)
      .onConflict((oc) =>
        oc.column("url").doUpdateSet({
          final_url: row.final_url,
          status: row.status,
          headers_json: row.headers_json,
          body: row.body,
          etag: row.etag,
          last_modified: row.last_modified,
          fetched_at: row.fetched_at,
        }),
      )
      .execute();
  }
}
