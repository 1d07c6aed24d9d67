// The website's configuration: environment and verity.config.json, with clear errors.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { libraryOnlyConfig, loadConfig } from "../../../src/service/config.js";
import { ConfigError } from "../../../src/domain/errors.js";
import { DEFAULT_OPTIONS, loadServerOptions } from "../../../src/server/options.js";

describe("server options", () => {
  it("runs on the embedded defaults", () => {
    const options = loadServerOptions(libraryOnlyConfig("/tmp/verity-unused"));
    assert.equal(options.baseUrl, null, "absolute links follow each request's origin");
    assert.equal(options.adminToken, null);
    assert.equal(options.campaign, null);
    assert.equal(options.concurrency, 2);
    assert.deepEqual(options.corsOrigins, [], "submissions stay same-origin");
    assert.deepEqual(options.rateLimits, DEFAULT_OPTIONS.rateLimits);
  });

  it("reads VERITY_TRUST_PROXY as the number of proxies in front of the server", () => {
    const hops = (value?: string) =>
      loadServerOptions(libraryOnlyConfig("/tmp/verity-unused", { env: value === undefined ? {} : { VERITY_TRUST_PROXY: value } }))
        .trustProxy;
    assert.equal(hops(), 0);
    assert.equal(hops("0"), 0);
    assert.equal(hops("false"), 0);
    assert.equal(hops("1"), 1);
    assert.equal(hops("true"), 1, "the earlier on/off spelling means one proxy");
    assert.equal(hops("2"), 2);
    for (const bad of ["-1", "1.5", "10.0.0.1", "many"]) assert.throws(() => hops(bad), ConfigError, bad);
  });

  it("reads the environment", () => {
    const options = loadServerOptions(
      libraryOnlyConfig("/tmp/verity-unused", {
        env: {
          VERITY_BASE_URL: "https://verity.example.org/",
          VERITY_ADMIN_TOKEN: "tok",
          VERITY_CONCURRENCY: "4",
          VERITY_RATE_LIMIT_SUBMISSIONS: "3,1",
          VERITY_CAMPAIGN_GOAL_SUPPORTERS: "500",
          VERITY_CAMPAIGN_DEADLINE: "2030-06-30",
          VERITY_CAMPAIGN_WEBHOOK_SECRET: "whsec-123456",
          VERITY_CORS_ORIGINS: "https://partner.example, http://localhost:8080/",
        },
      }),
    );
    assert.equal(options.baseUrl, "https://verity.example.org");
    assert.equal(options.adminToken, "tok");
    assert.equal(options.concurrency, 4);
    assert.deepEqual(options.rateLimits.submissions, { burst: 3, perMinute: 1 });
    assert.equal(options.campaign?.goalKind, "supporters");
    assert.equal(options.campaign?.goal, 500);
    assert.equal(options.webhookSecret, "whsec-123456");
    assert.deepEqual(options.corsOrigins, ["https://partner.example", "http://localhost:8080"]);
  });

  it("reads the campaign from verity.config.json, the environment winning", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "verity-options-"));
    try {
      await writeFile(
        path.join(dir, "verity.config.json"),
        JSON.stringify({ campaign: { title: "Fund us", goalAmount: 5000, currency: "usd", donationUrl: "https://give.example.org" } }),
      );
      const options = loadServerOptions(loadConfig({ VERITY_CAMPAIGN_TITLE: "From env" }, dir));
      assert.deepEqual(options.campaign, {
        title: "From env",
        description: null,
        goalKind: "amount",
        goal: 5000,
        currency: "USD",
        deadline: null,
        donationUrl: "https://give.example.org",
      });
      await writeFile(
        path.join(dir, "verity.config.json"),
        JSON.stringify({ campaign: { goalAmount: 10, donationUrl: "javascript:alert(1)" } }),
      );
      assert.throws(() => loadServerOptions(loadConfig({}, dir)), ConfigError);
      await writeFile(path.join(dir, "verity.config.json"), JSON.stringify({ campaign: { goal: 10 } }));
      assert.throws(() => loadServerOptions(loadConfig({}, dir)), /campaign/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses bad values with the variable's name", () => {
    const bad = (env: Record<string, string>) => () => loadServerOptions(libraryOnlyConfig("/tmp/verity-unused", { env }));
    assert.throws(bad({ VERITY_CONCURRENCY: "0" }), /VERITY_CONCURRENCY/);
    assert.throws(bad({ VERITY_CONCURRENCY: "1.5" }), /VERITY_CONCURRENCY/);
    assert.throws(bad({ VERITY_BASE_URL: "ftp://x" }), /VERITY_BASE_URL/);
    assert.throws(bad({ VERITY_RATE_LIMIT_VOTES: "lots" }), /VERITY_RATE_LIMIT_VOTES/);
    assert.throws(bad({ VERITY_CORS_ORIGINS: "partner.example" }), /VERITY_CORS_ORIGINS/);
    assert.throws(bad({ VERITY_CORS_ORIGINS: "https://partner.example/path" }), /VERITY_CORS_ORIGINS/);
    assert.throws(bad({ VERITY_CAMPAIGN_GOAL_AMOUNT: "100", VERITY_CAMPAIGN_DEADLINE: "someday" }), /deadline/);
  });
});
