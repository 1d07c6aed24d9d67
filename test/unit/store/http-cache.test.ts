// store/http-cache.ts: the page cache the HTTP client revalidates, kept in the store.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openStore } from "../../../src/store/db.js";
import { HttpCacheRepository } from "../../../src/store/http-cache.js";
import type { CachedResponse, HttpCache } from "../../../src/fetch/http-cache.js";
import { BACKENDS, freshDatabaseUrl } from "../../helpers/stores.js";

for (const backend of BACKENDS) {
  describe(`HttpCacheRepository on ${backend.name}`, { skip: backend.skip }, () => {
    it("stores, replaces and caps entries", async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "verity-http-cache-"));
      const store = await openStore({ dataDir, databaseUrl: await freshDatabaseUrl(backend.name) });
      try {
        const repo: HttpCache = new HttpCacheRepository(store, 1024);
        const entry: CachedResponse = {
          url: "https://example.com/a",
          finalUrl: "https://example.com/b",
          status: 200,
          headers: { "content-type": "text/html" },
          body: new Uint8Array(Buffer.from("<p>hi</p>")),
          etag: '"x"',
          lastModified: null,
          fetchedAt: "2024-01-01T00:00:00.000Z",
        };
        await repo.put(entry);
        const got = await repo.get(entry.url);
        assert.ok(got);
        assert.equal(got.finalUrl, "https://example.com/b");
        assert.deepEqual(got.headers, { "content-type": "text/html" });
        assert.equal(Buffer.from(got.body).toString(), "<p>hi</p>");
        assert.equal(got.etag, '"x"');

        await repo.put({ ...entry, etag: '"y"', fetchedAt: "2024-02-01T00:00:00.000Z" });
        assert.equal((await repo.get(entry.url))?.etag, '"y"');

        // Over the cap: not stored, and the stale entry is dropped.
        await repo.put({ ...entry, body: new Uint8Array(2048) });
        assert.equal(await repo.get(entry.url), null);
        assert.equal(await repo.get("https://example.com/never"), null);
      } finally {
        await store.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    });
  });
}
