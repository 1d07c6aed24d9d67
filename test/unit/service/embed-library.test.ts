// `verity embed`: every title and passage of the library embedded once, kept in the store, and
// skipped when met again (an interrupted or repeated run resumes where it stopped).
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { passagesOf } from "../../../src/domain/passages.js";
import { embedLibrary, type EmbedProgress } from "../../../src/service/embed-library.js";
import { ingest } from "../../../src/service/ingest.js";
import { openVerity } from "../../../src/service/verity.js";
import { tempVerity } from "../../helpers/verity.js";

const LIBRARY = [
  { id: "a", title: "Detainers", text: "Local police can refuse ICE detainer requests. Several counties have declined them." },
  { id: "b", title: "Coffee", text: "RESULTS Regular coffee drinking lowered the risk of type 2 diabetes." },
];

describe("embedLibrary", () => {
  it("embeds each title and passage once, keeps them in the store, and skips them on the next run", async () => {
    const v = await tempVerity();
    try {
      const file = path.join(v.dataDir, "library.jsonl");
      await writeFile(file, LIBRARY.map((d) => JSON.stringify(d)).join("\n"));
      await ingest(v, [file]);
      const texts = LIBRARY.flatMap((d) => [d.title, ...passagesOf(d.text).map((p) => p.text)]);
      const seen: EmbedProgress[] = [];
      const first = await embedLibrary(v, (p) => seen.push(p));
      assert.deepEqual(first, { documents: 2, embedded: texts.length, cached: 0 });
      assert.ok(seen.length > 0 && seen.at(-1)!.documents === 2, "progress is reported");
      assert.deepEqual(await v.encoder.missing(texts), []);

      // Another process on the same data: nothing left to embed.
      const again = await openVerity(v.config);
      try {
        assert.deepEqual(await again.encoder.missing(texts), []);
        assert.deepEqual(await embedLibrary(again), { documents: 2, embedded: 0, cached: texts.length });
      } finally {
        await again.close();
      }
    } finally {
      await v.cleanup();
    }
  });
});
