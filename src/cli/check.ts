// `verity check "<text>"`: progress on stderr, the report on stdout.
import type { Config } from "../service/config.js";
import { storedReport } from "../service/reuse.js";
import type { Report } from "../domain/report.js";
import { renderReport, type ReportFormat } from "../render/text-format.js";
import type { ReportLayout } from "../render/words.js";
import { printCheckProgress } from "./progress.js";

interface CheckCommandOptions {
  json?: boolean;
  format: ReportFormat;
  layout: ReportLayout;
  engine?: "local" | "llm";
  sources?: string;
  fresh?: boolean;
}

export async function runCheckCommand(text: string, opts: CheckCommandOptions, config: Config): Promise<number> {
  const sources = opts.sources
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const onEvent = printCheckProgress(process.stderr);
  const print = (report: Report) =>
    process.stdout.write(renderReport(report, opts.json ? "json" : opts.format, { layout: opts.layout }) + "\n");
  // A fresh stored report is answered before the query builder, the analysts, the sources and the HTTP client are loaded.
  const reused = storedReport(config, text, { fresh: opts.fresh });
  if (reused) {
    onEvent({ type: "reused", checkId: reused.id, checkedAt: reused.checkedAt });
    print(reused);
    return 0;
  }
  const { openVerity } = await import("../service/verity.js");
  const verity = await openVerity(config, { engine: opts.engine, sources });
  try {
    const { report } = await verity.service.check(text, { fresh: opts.fresh, onEvent });
    print(report);
    return 0;
  } finally {
    await verity.close();
  }
}
