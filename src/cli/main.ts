// The `verity` command line: check, ingest, embed, serve, backup, migrate, export, import, worker.
// Exit status: 0 success, 2 bad input, configuration or a full disk (one line on stderr), 1 other failures.
import { Command, CommanderError, Option } from "commander";
import { loadConfig } from "../service/config.js";
import { BadInputError, errorMessage, isUserError } from "../domain/errors.js";
import { isDiskFull } from "../domain/disk-full.js";

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name("verity")
    .description("Fact-check questions, claims, links and texts, with cited reports.")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  let exitCode = 0;
  program
    .command("check")
    .description("check a question, claim, topic or text and print the report")
    .argument("<text>", "what to check (quote it)")
    .option("--json", "print the report JSON (same as --format json)")
    .addOption(new Option("--format <format>", "report format").choices(["markdown", "json", "html"]).default("markdown"))
    .addOption(new Option("--layout <layout>", "report layout").choices(["classic", "briefing"]).default("classic"))
    .addOption(new Option("--engine <engine>", "analyst").choices(["local", "llm"]))
    .option("--sources <list>", "comma-separated source providers (default: from configuration)")
    .option("--fresh", "re-check even if the same question was checked recently")
    .action(async (text: string, opts) => {
      // Each command loads only what it needs: `check` starts without the PDF and HTML readers.
      const { runCheckCommand } = await import("./check.js");
      exitCode = await runCheckCommand(text, opts, loadConfig());
    });

  program
    .command("ingest")
    .description("add files, folders and JSON Lines to the local library")
    .argument("<paths...>", "files (.txt .md .html .pdf .jsonl) or folders")
    .action(async (paths: string[]) => {
      const { runIngestCommand } = await import("./ingest.js");
      exitCode = await runIngestCommand(paths, loadConfig());
    });

  program
    .command("embed")
    .description("embed the library's passages ahead of checks (resumable; checks otherwise embed what they read)")
    .action(async () => {
      const { runEmbedCommand } = await import("./embed.js");
      exitCode = await runEmbedCommand(loadConfig());
    });

  program
    .command("serve")
    .description("serve the website and JSON API, with a worker process that runs the checks")
    .option("--port <port>", "port to listen on", "3000")
    .option("--no-worker", "serve only: checks are run by `verity worker` processes")
    .action(async (opts) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BadInputError(`invalid port "${opts.port}"`);
      const { runServeCommand } = await import("./serve.js");
      exitCode = await runServeCommand(port, loadConfig(), { worker: opts.worker !== false });
    });

  program
    .command("backup")
    .description("copy the database into a new file, consistently, even while `serve` runs (SQLite's online backup)")
    .argument("<file>", "the backup to write (a new file)")
    .action(async (file: string) => {
      const { runBackupCommand } = await import("./backup.js");
      exitCode = await runBackupCommand(file, loadConfig());
    });

  program
    .command("migrate")
    .description("apply pending database migrations (PostgreSQL needs this before serve, check or worker; SQLite migrates itself)")
    .action(async () => {
      const { runMigrateCommand } = await import("./migrate.js");
      exitCode = await runMigrateCommand(loadConfig());
    });

  program
    .command("export")
    .description("write the whole publication (library, checks with their versions, votes) to a new JSON Lines file")
    .argument("<file>", "the export to write (a new file)")
    .action(async (file: string) => {
      const { runExportCommand } = await import("./transfer.js");
      exitCode = await runExportCommand(file, loadConfig());
    });

  program
    .command("import")
    .description("read a publication written by `verity export` into this database (SQLite or PostgreSQL)")
    .argument("<file>", "an export")
    .action(async (file: string) => {
      const { runImportCommand } = await import("./transfer.js");
      exitCode = await runImportCommand(file, loadConfig());
    });

  program
    .command("worker")
    .description("run checks from the job queue until SIGTERM (beside `verity serve --no-worker`)")
    .option("--concurrency <n>", "checks at once (default: VERITY_CONCURRENCY, else 2)")
    .action(async (opts) => {
      const { runWorkerCommand } = await import("./worker.js");
      exitCode = await runWorkerCommand(opts, loadConfig());
    });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is a usage error.
      return error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.exitCode === 0 ? 0 : 2;
    }
    if (isDiskFull(error)) {
      // A write refused mid-command (an ingest, a check's report): earlier transactions stay saved.
      process.stderr.write(
        `verity: the disk holding ${loadConfig().dataDir} is full: what was saved before is kept; free some space and run it again\n`,
      );
      return 2;
    }
    if (isUserError(error)) {
      process.stderr.write(`verity: ${firstLine(errorMessage(error))}\n`);
      return 2;
    }
    process.stderr.write(`verity: error: ${firstLine(errorMessage(error))}\n`);
    if (process.env.VERITY_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ""}\n`);
    return 1;
  }
}

function firstLine(text: string): string {
  return text.split("\n")[0] ?? text;
}
