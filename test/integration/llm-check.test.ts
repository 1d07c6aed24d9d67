// A check with a model configured: when the model endpoint fails, every step falls back to
// the local analyst, the report is still published, and it says so.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { openVerity, type Verity } from "../../src/service/verity.js";
import { libraryOnlyConfig } from "../../src/service/config.js";
import { startOpenAIServer } from "../fixtures/servers/openai.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { tempDir } from "../helpers/verity.js";

describe("a check with the LLM analyst", () => {
  let server: Awaited<ReturnType<typeof startOpenAIServer>>;
  let verity: Verity;
  let cleanup: () => Promise<void>;

  before(async () => {
    server = await startOpenAIServer();
    const dir = await tempDir();
    cleanup = dir.cleanup;
    verity = await openVerity(
      libraryOnlyConfig(dir.dir, {
        llm: "openai:gpt-4o-mini",
        env: { OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: `${server.url}/v1`, VERITY_LLM_MAX_RETRIES: "0", VERITY_LLM_MAX_REPAIRS: "0" },
      }),
    );
    await verity.library.upsertMany(LIBRARY);
  });
  after(async () => {
    await verity?.close();
    await server?.close();
    await cleanup?.();
  });

  it("falls back to the local analyst, step by step, when the model fails, and records it", async () => {
    server.otherwise = { status: 500, message: "upstream exploded" };
    const { report } = await verity.service.check("Can local police refuse ICE detainer requests?");
    assert.equal(verity.analyst.engine, "llm");
    assert.equal(report.provenance.engine, "llm");
    assert.equal(report.provenance.model, "openai:gpt-4o-mini");
    assert.ok(server.requests.length > 0, "the model was asked");
    assert.ok(server.requests.every((r) => r.path.endsWith("/chat/completions")));
    assert.ok(report.provenance.calls.length > 0 && report.provenance.calls.every((c) => !c.ok));
    assert.match(report.provenance.fallback ?? "", /local analyst/);
    assert.equal(report.verdict.label, "supported", "the local analyst's verdict stands");
    assert.ok(report.sources.length > 0);
  });
});
