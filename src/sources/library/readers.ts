// Turns paths (files and folders) and URLs into library documents: .txt, .md, .html, .pdf and JSON
// Lines. Every input gives outcomes in order; a bad file or line is reported and the rest go on.
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { ReadOutcome } from "../../domain/document.js";
import { formatOf, fsReason, readFileOutcomes } from "./file-reader.js";
import { readUrlDocument, type UrlReader } from "./url-reader.js";

/**
 * Reads every path in order: files by extension, folders recursively (sorted; dot-files,
 * dot-folders and node_modules skipped; unsupported files skipped silently). Never throws for
 * bad input: each problem is an `{ok: false}` outcome with the path (or "path:line") as origin.
 */
export async function* readInputs(paths: string[], options: { readUrl?: UrlReader } = {}): AsyncGenerator<ReadOutcome> {
  for (const given of paths) {
    if (/^https?:\/\//i.test(given)) {
      yield options.readUrl
        ? await readUrlDocument(given, options.readUrl)
        : { ok: false, origin: given, reason: "ingesting URLs needs the web reader" };
      continue;
    }
    let info;
    try {
      info = await stat(given);
    } catch (error) {
      yield { ok: false, origin: given, reason: fsReason(error) };
      continue;
    }
    if (info.isDirectory()) {
      const real = await realpath(given).catch(() => path.resolve(given));
      yield* readFolder(given, new Set([real]));
    } else if (info.isFile()) {
      if (!formatOf(given)) {
        const extension = path.extname(given).toLowerCase();
        yield {
          ok: false,
          origin: given,
          reason: extension ? `unsupported file type ${extension}` : "unsupported file type (no extension)",
        };
        continue;
      }
      yield* readFileOutcomes(given, info.size);
    } else {
      yield { ok: false, origin: given, reason: "not a regular file or folder" };
    }
  }
}

async function* readFolder(folder: string, seen: Set<string>): AsyncGenerator<ReadOutcome> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    yield { ok: false, origin: folder, reason: fsReason(error) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
    const child = path.join(folder, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let size: number | undefined;
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(child);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
        size = target.size;
      } catch {
        continue; // a dangling link inside a folder: nothing to read
      }
    }
    if (isDirectory) {
      // Symbolic links can make cycles: each real folder is walked once.
      let real: string;
      try {
        real = await realpath(child);
      } catch {
        continue;
      }
      if (seen.has(real)) continue;
      seen.add(real);
      yield* readFolder(child, seen);
    } else if (isFile && formatOf(entry.name)) {
      if (size === undefined) {
        try {
          size = (await stat(child)).size;
        } catch (error) {
          yield { ok: false, origin: child, reason: fsReason(error) };
          continue;
        }
      }
      yield* readFileOutcomes(child, size);
    }
  }
}
