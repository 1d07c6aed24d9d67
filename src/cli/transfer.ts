// `verity export FILE` and `verity import FILE`: progress on stderr as records go by, a summary on stdout.
import type { Config } from "../service/config.js";
import { exportPublication, importPublication, type TransferCounts } from "../service/transfer.js";

function describe(counts: TransferCounts): string {
  return (
    `${counts.document} documents, ${counts.sourceText} source texts, ${counts.check} checks ` +
    `(${counts.version} versions, ${counts.vote} votes)`
  );
}

function progress(verb: string): (counts: TransferCounts) => void {
  return (counts) => process.stderr.write(`${verb} ${describe(counts)}\n`);
}

export async function runExportCommand(file: string, config: Config): Promise<number> {
  const counts = await exportPublication(config, file, progress("exporting:"));
  process.stdout.write(`exported ${describe(counts)} to ${file}\n`);
  return 0;
}

export async function runImportCommand(file: string, config: Config): Promise<number> {
  const counts = await importPublication(config, file, progress("importing:"));
  process.stdout.write(`imported ${describe(counts)} from ${file}\n`);
  return 0;
}
