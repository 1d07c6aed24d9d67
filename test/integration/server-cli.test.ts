// `verity serve` on the embedded defaults: starts, serves the site and the API, stops on SIGTERM
// (its worker process with it, by itself: not killed at the end of its stop timeout).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { startCli } from "../helpers/cli-process.js";
import { tempDir } from "../helpers/verity.js";

describe("verity serve", () => {
  it("serves the website and the API, and stops on SIGTERM", async () => {
    const { dir, cleanup } = await tempDir();
    const serve = startCli(["serve", "--port", "0"], { VERITY_DATA_DIR: dir, VERITY_SOURCES: "library" });
    try {
      const [, url] = await serve.waitFor(/serving on (http:\/\/127\.0\.0\.1:\d+)/);
      const home = await fetch(url!);
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
      await serve.waitFor(/Verity worker is taking checks/);
      assert.equal(await serve.stop("SIGTERM"), 0);
      assert.match(serve.stderr(), /verity worker: SIGTERM: taking no more checks/);
      assert.doesNotMatch(serve.stderr(), /did not stop within/);
    } finally {
      await serve.stop("SIGKILL");
      await cleanup();
    }
  });
});
