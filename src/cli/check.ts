// `verity check "<text>"`: progress on stderr, the report on stdout.
import { openVerity } from "../service/verity.js";
import type { Config } from "../service/config.js";
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
  const verity = await openVerity(config, { engine: opts.engine, sources });
  try {
    const { report } = await verity.service.check(text, { fresh: opts.fresh, onEvent: printCheckProgress(process.stderr) });
    const format: ReportFormat = opts.json ? "json" : opts.format;
    process.stdout.write(renderReport(report, format, { layout: opts.layout }) + "\n");
    return 0;
  } finally {
    await verity.close();
  }
}
