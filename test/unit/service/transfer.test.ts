// `verity export` / `verity import`: a publication moves between SQLite and PostgreSQL and comes back
// byte for byte; a bad file imports nothing and says which line is wrong.
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { BadInputError } from "../../../src/domain/errors.js";
import { exportPublication, importPublication } from "../../../src/service/transfer.js";
import { ArchiveRepository } from "../../../src/store/archive.js";
import { SiteRepository } from "../../../src/store/site.js";
import { SourceTextRepository } from "../../../src/store/source-texts.js";
import { LIBRARY } from "../../fixtures/library-docs.js";
import { sampleReport } from "../../helpers/sample-report.js";
import { POSTGRES_SKIP } from "../../helpers/postgres.js";
import { tempDir, tempVerity } from "../../helpers/verity.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

/** A small publication: the library, a check published twice, another withdrawn, votes, reads and a cited text. */
async function publish(v: TempVerity): Promise<void> {
  await v.library.upsertMany(LIBRARY, "2026-01-01T00:00:00.000Z");
  const first = sampleReport();
  await v.checks.startNew({
    id: first.id,
    matchKey: "does coffee dehydrate you",
    inputText: first.input.text,
    now: "2026-01-02T00:00:00.000Z",
  });
  await v.checks.publish(first);
  await v.checks.publish({ ...first, version: 2, checkedAt: "2026-02-01T00:00:00.000Z", title: "Does coffee really dehydrate you?" });
  const other = sampleReport({ id: "7c9e6679-7425-40de-944b-e07fc1f90ae7", slug: "is-tea-bad", title: "Is tea bad?" });
  await v.checks.startNew({ id: other.id, matchKey: "is tea bad", inputText: "is tea bad", now: "2026-01-03T00:00:00.000Z" });
  await v.checks.publish(other);
  await v.checks.setUnpublished(other.id, true, "2026-01-04T00:00:00.000Z");
  const site = new SiteRepository(v.store);
  await site.vote(first.id, "visitor-a", true, "2026-02-02T00:00:00.000Z");
  await site.vote(first.id, "visitor-b", false, "2026-02-03T00:00:00.000Z");
  await site.addReads(new Map([[first.id, 7]]));
  await new SourceTextRepository(v.store).putMany(
    [{ hash: "abc123", text: "Coffee hydrates about as well as water." }],
    "2026-01-02T00:00:00.000Z",
  );
}

describe("export and import", () => {
  let files: { dir: string; cleanup: () => Promise<void> };
  const opened: TempVerity[] = [];
  const open = async (backend: "sqlite" | "postgres") => {
    const v = await tempVerity({ backend });
    opened.push(v);
    return v;
  };
  before(async () => {
    files = await tempDir("verity-transfer-");
  });
  after(async () => {
    for (const v of opened) await v.cleanup();
    await files.cleanup();
  });

  it("moves a publication SQLite → PostgreSQL → SQLite and exports the same file each time", { skip: POSTGRES_SKIP }, async () => {
    const source = await open("sqlite");
    await publish(source);
    const first = path.join(files.dir, "first.jsonl");
    const progress: number[] = [];
    const exported = await exportPublication(source.config, first, (c) => progress.push(c.document));
    assert.deepEqual(
      { documents: exported.document, checks: exported.check, versions: exported.version, votes: exported.vote, reads: exported.reads },
      { documents: LIBRARY.length, checks: 2, versions: 3, votes: 2, reads: 1 },
    );
    assert.ok(progress.length > 0, "progress is told");

    const onPostgres = await open("postgres");
    await importPublication(onPostgres.config, first);
    const second = path.join(files.dir, "second.jsonl");
    await exportPublication(onPostgres.config, second);
    assert.equal(await readFile(second, "utf8"), await readFile(first, "utf8"));

    // What came in is searchable and served as it was.
    const archive = new ArchiveRepository(onPostgres.store);
    const found = await archive.search("coffee dehydrate", 10, 0);
    assert.deepEqual(
      found.items.map((i) => [i.title, i.version]),
      [["Does coffee really dehydrate you?", 2]],
      "the withdrawn check stays withdrawn",
    );
    assert.ok((await onPostgres.library.searchPassages("detainers", 5)).length > 0);
    assert.deepEqual(await new SiteRepository(onPostgres.store).tally(sampleReport().id), { helpful: 1, notHelpful: 1 });

    const back = await open("sqlite");
    await importPublication(back.config, second);
    const third = path.join(files.dir, "third.jsonl");
    await exportPublication(back.config, third);
    assert.equal(await readFile(third, "utf8"), await readFile(first, "utf8"));
  });

  it("imports the same file twice without changing anything", async () => {
    const source = await open("sqlite");
    await publish(source);
    const file = path.join(files.dir, "twice.jsonl");
    await exportPublication(source.config, file);
    const target = await open("sqlite");
    await importPublication(target.config, file);
    await importPublication(target.config, file);
    const again = path.join(files.dir, "twice-again.jsonl");
    await exportPublication(target.config, again);
    assert.equal(await readFile(again, "utf8"), await readFile(file, "utf8"));
  });

  it("imports nothing from a file with a bad line, and names the line", async () => {
    const file = path.join(files.dir, "bad.jsonl");
    const document = {
      kind: "document",
      key: "k",
      title: "T",
      url: null,
      publisher: null,
      author: null,
      publishedAt: null,
      format: "text",
      text: "Zeppelins.",
      ingestedAt: "2026-01-01",
    };
    await writeFile(
      file,
      [JSON.stringify({ kind: "verity-export", format: 1 }), JSON.stringify(document), '{"kind":"check","id":"x"}'].join("\n"),
    );
    const target = await open("sqlite");
    await assert.rejects(
      importPublication(target.config, file),
      (e: unknown) => e instanceof BadInputError && /bad\.jsonl:3: /.test(e.message),
    );
    assert.equal((await target.library.count()).documents, 0);
    await writeFile(file, JSON.stringify(document));
    await assert.rejects(importPublication(target.config, file), /bad\.jsonl:1: the file does not start with a Verity export header/);
  });

  it("never overwrites a file", async () => {
    const source = await open("sqlite");
    const file = path.join(files.dir, "exists.jsonl");
    await writeFile(file, "keep me");
    await assert.rejects(exportPublication(source.config, file), /already exists/);
    assert.equal(await readFile(file, "utf8"), "keep me");
  });
});
