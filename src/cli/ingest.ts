// `verity ingest <paths...>`: a progress bar on long runs, a summary at the end.
// Exit status 2 when anything failed to ingest (the good documents are kept).
import { openVerity } from "../service/verity.js";
import type { Config } from "../service/config.js";
import { estimateIngest, ingest } from "../service/ingest.js";
import { clearLine, ingestBar } from "./progress.js";

const MAX_FAILURES_LISTED = 20;

export async function runIngestCommand(paths: string[], config: Config): Promise<number> {
  const verity = await openVerity(config);
  try {
    const started = performance.now();
    const total = process.stderr.isTTY ? await estimateIngest(paths) : null;
    const bar = ingestBar(process.stderr, total);
    const summary = await ingest(verity, paths, (p) => bar(p.processed));
    clearLine(process.stderr);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const err = process.stderr;
    process.stdout.write(
      `ingested in ${seconds} s: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed\n`,
    );
    for (const f of summary.failed.slice(0, MAX_FAILURES_LISTED)) err.write(`  failed: ${f.origin}: ${f.reason}\n`);
    if (summary.failed.length > MAX_FAILURES_LISTED) err.write(`  … and ${summary.failed.length - MAX_FAILURES_LISTED} more\n`);
    return summary.failed.length > 0 ? 2 : 0;
  } finally {
    await verity.close();
  }
}
