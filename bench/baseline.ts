// An older commit's code beside this checkout, for benchmarks that measure before and after in
// one run: its src/ (and package.json, bench/results, the build's files) exported to a folder that
// shares this checkout's node_modules, so it runs under tsx as this checkout does, or built.
import { execFileSync } from "node:child_process";
import { mkdir, symlink } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Exports `rev` into `work`/baseline and returns that folder. */
export async function exportCommit(rev: string, work: string): Promise<string> {
  const root = path.join(work, "baseline");
  await mkdir(root, { recursive: true });
  execFileSync(
    "sh",
    [
      "-c",
      `git archive ${JSON.stringify(rev)} src bin package.json tsconfig.json tsconfig.build.json bench/results | tar -x -C ${JSON.stringify(root)}`,
    ],
    {
      cwd: ROOT,
    },
  );
  await symlink(path.join(ROOT, "node_modules"), path.join(root, "node_modules"));
  return root;
}

/** A commit's short name. */
export function shortRev(rev: string): string {
  return execFileSync("git", ["rev-parse", "--short", rev], { cwd: ROOT }).toString().trim();
}

/** Compiles a checkout (this one or an export) into its dist/, as `npm ci` does. */
export function build(root: string): void {
  execFileSync(path.join(ROOT, "node_modules/.bin/tsc"), ["-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
}
