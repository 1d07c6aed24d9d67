// The layers of docs/architecture.md, enforced: every import in src/ is read, and one that
// reaches a layer it may not fails this test with the file, the import and the rule.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";

const SRC = path.resolve(import.meta.dirname, "../src");

/** Each layer, and the layers it may import (besides itself). */
const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  extract: ["domain"],
  fetch: ["domain", "extract"],
  encoder: ["domain"],
  store: ["domain", "fetch"],
  sources: ["domain", "extract", "fetch", "store"],
  analysts: ["domain"],
  render: ["domain"],
  pipeline: ["domain", "extract", "fetch", "store", "sources", "analysts"],
  service: ["domain", "extract", "fetch", "encoder", "store", "sources", "analysts", "render", "pipeline", "jobs"],
  jobs: ["domain", "store", "pipeline", "service"],
  server: ["domain", "render", "service", "jobs"],
  cli: ["domain", "render", "service", "jobs", "server"],
};

interface Import {
  from: string;
  to: string;
  line: number;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Every relative import of every file in src/, static and dynamic, as paths relative to src/. */
function imports(): Import[] {
  const out: Import[] = [];
  for (const file of sourceFiles(SRC)) {
    const lines = readFileSync(file, "utf8").split("\n");
    lines.forEach((text, i) => {
      for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|^import\s+)["'](\.{1,2}\/[^"']+)["']/g)) {
        const target = path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, ".ts"));
        out.push({ from: path.relative(SRC, file), to: path.relative(SRC, target), line: i + 1 });
      }
    });
  }
  return out;
}

function layerOf(file: string): string {
  return file.split(path.sep)[0]!;
}

/** Why an import breaks the layering, or null when it is allowed. */
export function violation({ from, to }: Import): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (!(a in MAY_IMPORT)) return `${from} is in no layer (add its folder to docs/architecture.md)`;
  if (!(b in MAY_IMPORT)) return `${to} is in no layer`;
  if (a !== b && !MAY_IMPORT[a]!.includes(b)) return `${a} may not import ${b}`;
  if (b === "analysts" && a !== "analysts") {
    // Only the composition root names a concrete analyst; everything else knows the contract.
    if (to !== path.join("analysts", "analyst.ts") && from !== path.join("service", "verity.ts")) {
      return `only src/service/verity.ts may import an analyst's internals; use src/analysts/analyst.ts`;
    }
  }
  if (a === "analysts" && b === "analysts") {
    const [, fromKind] = from.split(path.sep);
    const [, toKind] = to.split(path.sep);
    if ((fromKind === "local" && toKind === "llm") || (fromKind === "llm" && toKind === "local")) {
      return "the local and LLM analysts never import each other";
    }
    if (from === path.join("analysts", "analyst.ts")) return "the analyst contract depends only on the domain";
  }
  return null;
}

describe("architecture", () => {
  it("every import in src/ follows the layers of docs/architecture.md", () => {
    const all = imports();
    assert.ok(all.length > 300, `read ${all.length} imports: the scan is broken`);
    const broken = all.flatMap((i) => {
      const why = violation(i);
      return why ? [`src/${i.from}:${i.line} imports src/${i.to}: ${why}`] : [];
    });
    assert.deepEqual(broken, []);
  });

  it("catches an import that breaks a layer", () => {
    assert.match(violation({ from: "domain/report.ts", to: "store/db.ts", line: 1 }) ?? "", /domain may not import store/);
    assert.match(violation({ from: "server/app.ts", to: "store/archive.ts", line: 1 }) ?? "", /server may not import store/);
    assert.match(violation({ from: "pipeline/rank.ts", to: "analysts/local/rank.ts", line: 1 }) ?? "", /only src\/service\/verity.ts/);
    assert.match(violation({ from: "analysts/llm/index.ts", to: "analysts/local/index.ts", line: 1 }) ?? "", /never import each other/);
    assert.equal(violation({ from: "pipeline/rank.ts", to: "analysts/analyst.ts", line: 1 }), null);
    assert.equal(violation({ from: "service/verity.ts", to: "analysts/local/index.ts", line: 1 }), null);
  });
});
