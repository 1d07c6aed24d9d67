// Configuration: the operator's endpoints, which the HTTP client may reach although private.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { loadConfig, operatorHosts } from "../../../src/service/config.js";

describe("operatorHosts", () => {
  it("names host and port of every API endpoint the operator set", () => {
    assert.deepEqual(
      operatorHosts({
        SEARXNG_URL: "http://127.0.0.1:8888",
        VERITY_WIKIPEDIA_URL: "https://wiki.internal/{lang}/w/api.php",
        VERITY_WIKIDATA_URL: "http://[::1]:9000/w/api.php",
        VERITY_BRAVE_URL: " http://searxng/brave ",
        OPENAI_BASE_URL: "http://127.0.0.1:8080/v1",
        VERITY_SERPER_URL: "not a url",
        VERITY_TAVILY_URL: "ftp://files.example/x",
      }),
      ["127.0.0.1:8888", "searxng:80", "wiki.internal:443", "[::1]:9000"],
    );
    assert.deepEqual(operatorHosts({}), []);
  });

  it("no longer reads a variable that opens private hosts to every request", async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), "verity-config-"));
    try {
      assert.deepEqual(loadConfig({ VERITY_ALLOW_PRIVATE_HOSTS: "127.0.0.1:8888" }, cwd).allowPrivateHosts, []);
    } finally {
      await rm(cwd, { recursive: true, force: true });
    }
  });
});
