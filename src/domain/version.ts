// The code version recorded in every report's provenance: package version and git commit.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

let cached: string | null = null;

export function codeVersion(): string {
  if (cached) return cached;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  let version = "0.0.0";
  try {
    version = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).version;
  } catch {
    // Running from an unusual layout: the version stays unknown rather than failing a check.
  }
  try {
    const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
    cached = `${version}+${commit}`;
  } catch {
    cached = version;
  }
  return cached;
}
