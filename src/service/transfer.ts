// `verity export FILE` / `verity import FILE`: a whole publication as JSON Lines, streamed both ways, so
// a publication moves between SQLite and PostgreSQL (or between machines) whatever its size. An import
// reads the file twice: once to check every line (a bad file imports nothing), once to write.
import { createReadStream, createWriteStream, existsSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { BadInputError } from "../domain/errors.js";
import { openStore } from "../store/db.js";
import { EXPORT_HEADER, PublicationRecord, PublicationWriter, publicationRecords } from "../store/transfer.js";
import type { Config } from "./config.js";

/** Records moved so far, by kind (documents, checks, ...). */
export type TransferCounts = Record<PublicationRecord["kind"], number>;

export type OnProgress = (counts: TransferCounts) => void;

/** Progress is told every this many records. */
const PROGRESS_EVERY = 500;

function emptyCounts(): TransferCounts {
  return { "verity-export": 0, document: 0, sourceText: 0, check: 0, version: 0, vote: 0, reads: 0 };
}

export async function exportPublication(config: Config, target: string, onProgress: OnProgress = () => {}): Promise<TransferCounts> {
  const file = path.resolve(target);
  if (existsSync(file)) throw new BadInputError(`${file} already exists: an export never overwrites a file; choose a new name`);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  // Written under a temporary name and renamed when complete, so a half export never looks like a whole one.
  const partial = `${file}.partial-${process.pid}`;
  const out = createWriteStream(partial, { encoding: "utf8" });
  const counts = emptyCounts();
  try {
    for await (const record of publicationRecords(store)) {
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, "drain");
      counts[record.kind]++;
      if (total(counts) % PROGRESS_EVERY === 0) onProgress(counts);
    }
    out.end();
    await once(out, "finish");
    renameSync(partial, file);
    onProgress(counts);
    return counts;
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await store.close();
  }
}

export async function importPublication(config: Config, source: string, onProgress: OnProgress = () => {}): Promise<TransferCounts> {
  const file = path.resolve(source);
  if (!existsSync(file)) throw new BadInputError(`${file} does not exist`);
  await forEachRecord(file, async () => {});
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  const counts = emptyCounts();
  try {
    const writer = new PublicationWriter(store);
    await forEachRecord(file, async (record, where) => {
      await writer.write(record, where);
      counts[record.kind]++;
      if (total(counts) % PROGRESS_EVERY === 0) onProgress(counts);
    });
    await writer.flush();
    onProgress(counts);
    return counts;
  } finally {
    await store.close();
  }
}

function total(counts: TransferCounts): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

/**
 * Reads an export line by line, checking each record: the first line is the export's header, and a
 * check's versions, votes and reads come after the check.
 */
async function forEachRecord(file: string, use: (record: PublicationRecord, where: string) => Promise<void>): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  const checks = new Set<string>();
  let n = 0;
  for await (const line of lines) {
    n++;
    const where = `${path.basename(file)}:${n}`;
    if (line.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      throw new BadInputError(`${where}: not a JSON line`);
    }
    const record = PublicationRecord.safeParse(parsed);
    if (!record.success) {
      const issue = record.error.issues[0];
      throw new BadInputError(
        `${where}: not a Verity export record (${issue?.path.join(".") || "record"}: ${issue?.message ?? "invalid"})`,
      );
    }
    if ((n === 1) !== (record.data.kind === EXPORT_HEADER.kind)) {
      throw new BadInputError(`${where}: ${n === 1 ? "the file does not start with a Verity export header" : "a second export header"}`);
    }
    const data = record.data;
    if (data.kind === "check") checks.add(data.id);
    if ((data.kind === "version" || data.kind === "vote" || data.kind === "reads") && !checks.has(data.checkId)) {
      throw new BadInputError(`${where}: check ${data.checkId} is not in the file before this line`);
    }
    await use(data, where);
  }
  if (n === 0) throw new BadInputError(`${path.basename(file)} is empty: not a Verity export`);
}
