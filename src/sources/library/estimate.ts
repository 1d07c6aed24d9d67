// A cheap estimate of how many documents some paths hold, so the ingest bar has an end.
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";

export async function estimateDocuments(paths: string[]): Promise<number> {
  let total = 0;
  for (const p of paths) total += await estimatePath(p);
  return total;
}

async function estimatePath(p: string): Promise<number> {
  const info = await stat(p).catch(() => null);
  if (!info) return 1;
  if (info.isDirectory()) {
    let n = 0;
    for (const entry of await readdir(p))
      if (!entry.startsWith(".") && entry !== "node_modules") n += await estimatePath(path.join(p, entry));
    return n;
  }
  return p.toLowerCase().endsWith(".jsonl") ? countLines(p) : 1;
}

async function countLines(file: string): Promise<number> {
  let lines = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) {
    for (let at = (chunk as Buffer).indexOf(10); at >= 0; at = (chunk as Buffer).indexOf(10, at + 1)) lines++;
  }
  return lines + 1;
}
