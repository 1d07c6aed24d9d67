// `verity serve` on the embedded defaults: starts, serves the site and the API, stops on SIGTERM.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { tempDir } from "../helpers/verity.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("verity serve", () => {
  it("serves the website and the API, and stops on SIGTERM", async () => {
    const { dir, cleanup } = await tempDir();
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        "import('./src/cli/main.ts').then(async (m) => { const code = await m.main(['serve', '--port', '0']); if (code) process.exit(code); })",
      ],
      {
        cwd: ROOT,
        env: { ...process.env, VERITY_DATA_DIR: dir, VERITY_SOURCES: "library", HOST: "127.0.0.1" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    try {
      let stderr = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on("data", (chunk: Buffer) => {
          stderr += chunk.toString();
          const match = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
      });
      const home = await fetch(url);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /id="ask-form"/);
      const res = await fetch(`${url}/api/checks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ input: "Is the moon made of cheese?" }),
      });
      assert.equal(res.status, 202);
      const list = await fetch(`${url}/api/openapi.json`);
      assert.equal(list.status, 200);
      const exited = once(child, "exit");
      child.kill("SIGTERM");
      const [code] = await exited;
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await cleanup();
    }
  });
});
