// The benchmark's way into Verity: the dataset's evidence is ingested as the library through
// the normal ingest path (JSON Lines files and `ingestPaths`), and every claim is checked by
// the same pipeline and analyst as `verity check`. No benchmark-only shortcut.
import { libraryOnlyConfig } from "../../src/service/config.js";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { openVerity, type Verity } from "../../src/service/verity.js";
import type { EmbeddingCache } from "../../src/domain/embedding.js";
import type { Report } from "../../src/domain/report.js";
import type { ReadDocument } from "../../src/domain/analysis.js";
import { embedLibrary } from "../../src/service/embed-library.js";
import { ingestPaths } from "../../src/sources/library/ingest.js";
import { libraryDatabase } from "./database.js";

export interface LibraryDoc {
  id: string;
  title: string;
  text?: string;
  sentences?: string[];
  url?: string;
  publisher?: string;
}

export class Workspace {
  private constructor(
    readonly dir: string,
    private readonly embeddings: EmbeddingCache | undefined,
  ) {}

  /** A workspace whose libraries share one embedding cache (each text embedded once across datasets and runs). */
  static async create(embeddings?: EmbeddingCache): Promise<Workspace> {
    return new Workspace(await mkdtemp(path.join(os.tmpdir(), "verity-quality-")), embeddings);
  }

  /**
   * A Verity with its own empty library holding exactly these documents, embedded ahead; with a
   * label, the embedding shows its progress on stderr.
   */
  async libraryOf(name: string, docs: LibraryDoc[], progressLabel?: string): Promise<Verity> {
    const file = path.join(this.dir, `${name}.jsonl`);
    await writeFile(file, docs.map((d) => JSON.stringify(d)).join("\n"));
    const database = await libraryDatabase(name);
    const opened = await openVerity(libraryOnlyConfig(path.join(this.dir, name), { databaseUrl: database.url }), {
      embeddingCache: this.embeddings,
    });
    const verity = { ...opened, close: () => opened.close().finally(database.drop) };
    const summary = await ingestPaths([file], verity.library);
    if (summary.failed.length > 0) {
      throw new Error(
        `${summary.failed.length} documents failed to ingest, e.g. ${summary.failed[0]!.origin}: ${summary.failed[0]!.reason}`,
      );
    }
    // As an operator would after ingesting (`verity embed`): checks then find every passage embedded.
    await embedWithProgress(verity, progressLabel);
    return verity;
  }

  /** Checks one claim against a library of its own evidence only, then throws the library away. */
  async checkAgainst(name: string, docs: LibraryDoc[], claim: string): Promise<{ report: Report; ms: number }> {
    const verity = await this.libraryOf(name, docs);
    try {
      return await check(verity, claim);
    } finally {
      await verity.close();
      await rm(path.join(this.dir, name), { recursive: true, force: true });
      await rm(path.join(this.dir, `${name}.jsonl`), { force: true });
    }
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

export async function check(verity: Verity, claim: string): Promise<{ report: Report; ms: number }> {
  const started = performance.now();
  const { report } = await verity.service.check(repairMojibake(claim), { fresh: true });
  return { report, ms: performance.now() - started };
}

/** The library key of a source or considered document: "library:jsonl:<id>" → "<id>". */
export function libraryId(url: string): string {
  return url.replace(/^library:jsonl:/, "");
}

/** Texts given with a claim (a dataset's evidence sentences) as the documents a check would have read. */
export function readDocumentsOf(texts: { title: string; text: string }[], urlPrefix = "library:"): ReadDocument[] {
  return texts.map((e, i) => ({
    url: `${urlPrefix}${i}`,
    title: e.title,
    text: e.text,
    publisher: null,
    author: null,
    publishedAt: null,
    retrievedAt: "",
    provider: "library",
    textHash: "",
    searchScore: 1,
    reliabilityNote: null,
  }));
}

/**
 * A dataset's text whose UTF-8 was once read as Latin-1 ("â\u0080\u0094" for "—"; one Climate-FEVER
 * claim): decoded again, so that it reads as its authors wrote it and passes the input rules, which
 * refuse C1 control characters. Text without them is returned as it is.
 */
export function repairMojibake(text: string): string {
  if (!/[\u0080-\u009f]/.test(text)) return text;
  const repaired = Buffer.from(text, "latin1").toString("utf8");
  return repaired.includes("\ufffd") ? text.replace(/[\u0080-\u009f]/g, "") : repaired;
}

/** Embeds a library ahead of its checks (cached: a second run finds it done), showing the rate when labelled. */
async function embedWithProgress(verity: Verity, label?: string): Promise<void> {
  if (!label) {
    await embedLibrary(verity);
    return;
  }
  const started = performance.now();
  const done = await embedLibrary(verity, (p) => {
    const rate = p.embedded / Math.max(0.001, (performance.now() - started) / 1000);
    process.stderr.write(
      `\r${label}: ${p.documents} documents, ${p.embedded} passages embedded (${rate.toFixed(1)}/s), ${p.cached} cached   `,
    );
  });
  process.stderr.write(`\r${label}: ${done.documents} documents, ${done.embedded} embedded, ${done.cached} cached\n`);
}
