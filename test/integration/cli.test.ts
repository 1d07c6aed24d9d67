// The `verity` command as a user runs it: the built bin, a temporary data directory.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { Report } from "../../src/domain/report.js";
import { tempDir } from "../helpers/verity.js";

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../bin/verity.js");

describe("verity CLI", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, VERITY_DATA_DIR: path.join(dir, "data"), VERITY_SOURCES: "library" },
      encoding: "utf8",
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  before(async () => {
    ({ dir, cleanup } = await tempDir("verity-cli-"));
    await mkdir(path.join(dir, "docs", "nested"), { recursive: true });
    await writeFile(
      path.join(dir, "docs", "detainers.md"),
      "# ICE detainers\n\nLocal police can refuse ICE detainer requests. Federal courts have held that detainer requests are voluntary.\n",
    );
    await writeFile(
      path.join(dir, "docs", "nested", "sheriffs.txt"),
      "Sheriffs and detainers\nMany sheriffs refuse ICE detainer requests without a judicial warrant.\n",
    );
    await writeFile(
      path.join(dir, "archive.jsonl"),
      [
        JSON.stringify({ id: 1, title: "Coffee and health", text: "Large cohort studies found that coffee does not cause cancer." }),
        "{not json",
        JSON.stringify({ id: 2, title: "No text" }),
        JSON.stringify({ id: 3, title: "Detainer law", sentences: ["Detainers are requests, not orders.", "Jails may decline them."] }),
      ].join("\n"),
    );
  });
  after(async () => cleanup());

  it("ingests folders and JSON Lines, reports bad lines by number and keeps the good ones", () => {
    const r = run("ingest", "docs", "archive.jsonl");
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stdout, /4 added, 0 updated, 0 unchanged, 2 failed/);
    assert.match(r.stderr, /archive\.jsonl:2: /);
    assert.match(r.stderr, /archive\.jsonl:3: /);
  });

  it("changes nothing when the same documents are ingested again", () => {
    const r = run("ingest", "docs");
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /0 added, 0 updated, 2 unchanged, 0 failed/);
  });

  it("fails a missing path with exit status 2 and a one-line reason", () => {
    const r = run("ingest", "no-such-folder");
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no-such-folder: no such file or directory/);
  });

  it("checks a question: progress on stderr, the Markdown report on stdout", () => {
    const r = run("check", "Can local police refuse ICE detainer requests?");
    assert.equal(r.status, 0, r.stderr);
    for (const stage of ["intake", "plan", "gather", "read", "rank", "judge", "write", "audit"]) {
      assert.match(r.stderr, new RegExp(`✓ ${stage}`));
    }
    assert.match(r.stderr, /sources found: \d+/);
    assert.match(r.stderr, /passages kept: \d+/);
    assert.match(r.stdout, /^# Can local police refuse ICE detainer requests\?/m);
    assert.match(r.stdout, /Supported/);
    assert.match(r.stdout, /Summary of the results/);
    assert.match(r.stdout, /Missing context and alternative viewpoints/);
    assert.match(r.stdout, /Potential misinformation or bias in the original statement/);
    assert.match(r.stdout, /\[1\]/);
    assert.match(r.stdout, /Follow-up questions/i);
  });

  it("prints the report JSON with --json, recognising the question asked before", () => {
    const r = run("check", "Can local police refuse ICE detainer requests?", "--json");
    assert.equal(r.status, 0, r.stderr);
    const report = Report.parse(JSON.parse(r.stdout));
    assert.equal(report.status, "done");
    assert.equal(report.verdict.label, "supported");
    assert.match(r.stderr, /already checked/);
  });

  it("re-checks with --fresh and renders HTML with --format html", () => {
    const r = run("check", "Can local police refuse ICE detainer requests?", "--fresh", "--format", "html");
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /already checked/);
    assert.match(r.stdout, /^<!doctype html>/i);
    assert.doesNotMatch(r.stdout, /<script/i);
  });

  it("rejects bad input and bad options with exit status 2 and one line", () => {
    for (const args of [["check", "   "], ["check", "x".repeat(5001)], ["check", "ok?", "--format", "pdf"], ["frobnicate"]]) {
      const r = run(...args);
      assert.equal(r.status, 2, `${args.join(" ").slice(0, 40)}: ${r.stderr}`);
      assert.ok(r.stderr.trim().length > 0);
    }
    const empty = run("check", "");
    assert.equal(empty.status, 2);
    assert.equal(empty.stderr.trim().split("\n").length, 1);
    assert.match(empty.stderr, /input is empty/);
    for (const nothing of ["!!!", "😀😀", "\u200B\u200B"]) {
      const r = run("check", nothing);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, "verity: nothing to check: the input has no letters or digits\n");
    }
    const c1 = run("check", "coffee \u0085 cancer");
    assert.equal(c1.status, 2);
    assert.match(c1.stderr, /control characters/);
    const link = run("check", "http://[::1]:18999/D16");
    assert.equal(link.status, 2, link.stderr);
    assert.match(link.stderr, /^verity: could not read http:\/\/\[::1\]:18999\/D16: forbidden address/);
    assert.equal(link.stderr.trim().split("\n").length, 1);
  });
});

describe("verity backup, and a damaged database", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  const run = (dataDir: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { PATH: process.env.PATH, VERITY_DATA_DIR: dataDir, VERITY_SOURCES: "library" },
      encoding: "utf8",
      timeout: 60_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  before(async () => {
    ({ dir, cleanup } = await tempDir("verity-cli-backup-"));
    await writeFile(path.join(dir, "coffee.md"), "# Coffee\n\nLarge cohort studies found that coffee does not cause cancer.\n");
  });
  after(async () => cleanup());

  it("backs up a store into a new file that serves as a data directory", () => {
    const live = path.join(dir, "live");
    assert.equal(run(live, "ingest", "coffee.md").status, 0);
    const checked = run(live, "check", "Does coffee cause cancer?", "--json");
    assert.equal(checked.status, 0, checked.stderr);
    const id = Report.parse(JSON.parse(checked.stdout)).id;

    const backup = run(live, "backup", "backups/verity.sqlite");
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(
      backup.stdout,
      /^backed up .*live\/verity\.sqlite to .*backups\/verity\.sqlite \([\d.]+ MB: 1 checks, 1 documents; quick_check ok\)\n$/,
    );
    assert.equal(run(live, "backup", "backups/verity.sqlite").status, 2, "never over an existing file");
    assert.equal(run(path.join(dir, "nowhere"), "backup", "b.sqlite").status, 2, "nothing to back up");

    const restored = path.join(dir, "restored");
    mkdirSync(restored);
    renameSync(path.join(dir, "backups", "verity.sqlite"), path.join(restored, "verity.sqlite"));
    const again = run(restored, "check", "Does coffee cause cancer?", "--json");
    assert.equal(again.status, 0, again.stderr);
    assert.equal(Report.parse(JSON.parse(again.stdout)).id, id, "the check is in the backup, answered from it");
  });

  it("refuses to start on a damaged or empty database file, with one line naming it", () => {
    const damaged = path.join(dir, "damaged");
    assert.equal(run(damaged, "ingest", "coffee.md").status, 0);
    const file = path.join(damaged, "verity.sqlite");
    writeFileSync(file, Buffer.alloc(8192, 0x5a));
    for (const args of [
      ["check", "Does coffee cause cancer?"],
      ["serve", "--port", "0"],
      ["ingest", "coffee.md"],
      ["backup", "b.sqlite"],
    ]) {
      const r = run(damaged, ...args);
      assert.equal(r.status, 2, `${args[0]}: ${r.stderr}`);
      assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
      assert.ok(r.stderr.startsWith(`verity: ${file} is damaged (file is not a database)`), r.stderr);
      assert.match(r.stderr, /\.recover/);
    }
    writeFileSync(file, "");
    const empty = run(damaged, "check", "Does coffee cause cancer?");
    assert.equal(empty.status, 2);
    assert.ok(empty.stderr.startsWith(`verity: ${file} is empty (0 bytes)`), empty.stderr);
  });
});
