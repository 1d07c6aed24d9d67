// Operator source policy: allow and deny lists by domain suffix, reliability notes, recency.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError } from "../../../src/domain/errors.js";
import type { SourceHit } from "../../../src/sources/provider.js";
import { SourcePolicy, SourcePolicyConfig, applyPolicy, normalizeDomain } from "../../../src/sources/policy.js";
import { sourceHit } from "../../helpers/providers.js";

const hit = (url: string, publishedAt: string | null = null): SourceHit => sourceHit(url, { title: `Page at ${url}`, publishedAt });

const NOW = new Date("2024-06-01T00:00:00Z");

describe("SourcePolicy", () => {
  it("denies a domain and all its subdomains, and nothing that merely ends with the same letters", () => {
    const policy = SourcePolicy.fromConfig({ domains: { deny: ["example.com"] } });
    const { kept, rejected } = applyPolicy(
      [hit("https://example.com/a"), hit("https://news.example.com/b"), hit("https://badexample.com/c"), hit("https://example.org/d")],
      policy,
      NOW,
    );
    assert.deepEqual(
      kept.map((h) => h.url),
      ["https://badexample.com/c", "https://example.org/d"],
    );
    assert.deepEqual(rejected, [
      { url: "https://example.com/a", title: "Page at https://example.com/a", reason: "domain example.com is on the deny list" },
      { url: "https://news.example.com/b", title: "Page at https://news.example.com/b", reason: "domain example.com is on the deny list" },
    ]);
  });

  it("keeps only allowed domains when an allow list is set; deny wins over allow", () => {
    const policy = SourcePolicy.fromConfig({ domains: { allow: ["gov.uk", "who.int"], deny: ["spam.gov.uk"] } });
    const { kept, rejected } = applyPolicy(
      [hit("https://www.gov.uk/x"), hit("https://www.who.int/y"), hit("https://spam.gov.uk/z"), hit("https://blog.example/w")],
      policy,
      NOW,
    );
    assert.deepEqual(
      kept.map((h) => h.url),
      ["https://www.gov.uk/x", "https://www.who.int/y"],
    );
    assert.deepEqual(
      rejected.map((r) => r.reason),
      ["domain spam.gov.uk is on the deny list", "domain blog.example is not on the allow list"],
    );
  });

  it("drops hits older than the recency limit and keeps undated ones", () => {
    const policy = SourcePolicy.fromConfig({ recencyDays: 365 });
    const { kept, rejected } = applyPolicy(
      [
        hit("https://a.example/new", "2024-01-10T00:00:00Z"),
        hit("https://a.example/old", "2019-02-01T12:00:00.000Z"),
        hit("https://a.example/undated"),
      ],
      policy,
      NOW,
    );
    assert.deepEqual(
      kept.map((h) => h.url),
      ["https://a.example/new", "https://a.example/undated"],
    );
    assert.deepEqual(rejected, [
      { url: "https://a.example/old", title: "Page at https://a.example/old", reason: "published 2019-02-01, older than 365 days" },
    ]);
  });

  it("never filters the local library, and rejects URLs it cannot read", () => {
    const policy = SourcePolicy.fromConfig({ domains: { allow: ["who.int"] }, recencyDays: 1 });
    const { kept, rejected } = applyPolicy([hit("library:doc-1", "2001-01-01T00:00:00Z"), hit("not a url")], policy, NOW);
    assert.deepEqual(
      kept.map((h) => h.url),
      ["library:doc-1"],
    );
    assert.deepEqual(
      rejected.map((r) => r.reason),
      ["not a valid http(s) URL"],
    );
  });

  it("gives the reliability note of the most specific domain covering the URL", () => {
    const policy = SourcePolicy.fromConfig({
      domains: {
        notes: {
          "example.com": "Tabloid; verify claims elsewhere.",
          "science.example.com": "Peer-reviewed section.",
          "WHO.int": "Official WHO guidance.",
        },
      },
    });
    assert.equal(policy.reliabilityNote("https://www.example.com/story"), "Tabloid; verify claims elsewhere.");
    assert.equal(policy.reliabilityNote("https://science.example.com/paper"), "Peer-reviewed section.");
    assert.equal(policy.reliabilityNote("https://www.who.int/news"), "Official WHO guidance.");
    assert.equal(policy.reliabilityNote("https://other.org/"), null);
    assert.equal(policy.reliabilityNote("library:x"), null);
  });

  it("keeps everything by default", () => {
    const { kept, rejected } = applyPolicy([hit("https://a.example/1", "1990-01-01")], SourcePolicy.fromConfig({}), NOW);
    assert.equal(kept.length, 1);
    assert.equal(rejected.length, 0);
  });

  it("normalises configured domains (scheme, path, case, wildcard, trailing dot, punycode)", () => {
    assert.equal(normalizeDomain("https://News.Example.com/path?q=1"), "news.example.com");
    assert.equal(normalizeDomain("*.example.com"), "example.com");
    assert.equal(normalizeDomain(".example.com."), "example.com");
    assert.equal(normalizeDomain("bücher.example"), "xn--bcher-kva.example");
    assert.equal(normalizeDomain("not a domain"), null);
    const policy = SourcePolicy.fromConfig({ domains: { deny: ["https://WWW.Example.com/"] } });
    assert.deepEqual(policy.deny, ["www.example.com"]);
  });
});

describe("SourcePolicyConfig", () => {
  it("validates the verity.config.json shape and ignores unrelated keys", () => {
    const parsed = SourcePolicyConfig.parse({
      dataDir: "./data",
      domains: { allow: ["a.example"], notes: { "b.example": "note" } },
      recencyDays: 30,
    });
    assert.deepEqual(parsed, { domains: { allow: ["a.example"], notes: { "b.example": "note" } }, recencyDays: 30 });
  });

  it("turns a bad policy into a ConfigError naming the key", () => {
    assert.throws(
      () => SourcePolicy.fromConfig({ recencyDays: -3 }),
      (e: unknown) => e instanceof ConfigError && /recencyDays: recencyDays must be a positive number/.test(e.message),
    );
    assert.throws(
      () => SourcePolicy.fromConfig({ domains: { deny: ["not a domain"] } }),
      (e: unknown) => e instanceof ConfigError && /domains\.deny\.0: "not a domain" is not a domain name/.test(e.message),
    );
    assert.throws(() => SourcePolicy.fromConfig({ domains: { block: ["x.example"] } }), ConfigError);
    assert.throws(() => SourcePolicy.fromConfig({ domains: { notes: { "a.example": 3 } } }), ConfigError);
  });
});
