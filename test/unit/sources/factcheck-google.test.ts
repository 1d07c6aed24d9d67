// The Google Fact Check Tools provider against its fixture: the request, claim reviews as hits, its own errors.
// What every provider does is in test/contracts/provider.contract.test.ts.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { GoogleFactCheckProvider } from "../../../src/sources/factcheck-google.js";
import { FACTCHECK_TEST_KEY, googleErrors, startFactCheckServer } from "../../fixtures/servers/factcheck.js";
import type { FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { assertProviderError, never, searchRequest } from "../../helpers/providers.js";
import { recordingSleep } from "../../helpers/sleep.js";
import { rejection } from "../../helpers/assertions.js";

const http = loopbackHttp();

describe("GoogleFactCheckProvider", () => {
  let server: FixtureServer;
  before(async () => (server = await startFactCheckServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const provider = (apiKey = FACTCHECK_TEST_KEY, extra: { sleep?: ReturnType<typeof recordingSleep>["sleep"] } = {}) =>
    new GoogleFactCheckProvider({ http, apiKey, baseUrl: server.url, limiter: null, ...extra });

  it("calls claims:search with query, languageCode and pageSize, the key in X-Goog-Api-Key (not the URL)", async () => {
    await provider().search(searchRequest("Great Wall visible from the Moon", { limit: 4, language: "en-US" }), never());
    const req = server.last();
    assert.equal(req.method, "GET");
    assert.equal(req.path, "/v1alpha1/claims:search");
    assert.equal(req.query.query, "Great Wall visible from the Moon");
    assert.equal(req.query.languageCode, "en-US");
    assert.equal(req.query.pageSize, "4");
    assert.equal(req.headers["x-goog-api-key"], FACTCHECK_TEST_KEY);
    assert.equal(req.query.key, undefined);
  });

  it("turns each claim review into a hit with factCheck set and a citable sentence as its text", async () => {
    const hits = await provider().search(searchRequest("Great Wall visible from the Moon"), never());
    assert.equal(hits.length, 2);
    const [politifact, snopes] = hits as [NonNullable<(typeof hits)[0]>, NonNullable<(typeof hits)[0]>];
    assert.equal(politifact.provider, "factcheck");
    assert.equal(politifact.url, "https://www.politifact.com/factchecks/2023/mar/02/viral-image/great-wall-moon/");
    assert.equal(politifact.title, "No, you can't see the Great Wall of China from the Moon");
    assert.equal(politifact.publisher, "PolitiFact");
    assert.equal(politifact.publishedAt, "2023-03-02T00:00:00.000Z");
    assert.equal(
      politifact.text,
      'PolitiFact rated the claim "The Great Wall of China is visible from the Moon with the naked eye." (by Viral post) as "False".',
    );
    assert.deepEqual(politifact.factCheck, {
      claim: "The Great Wall of China is visible from the Moon with the naked eye.",
      claimant: "Viral post",
      publisher: "PolitiFact",
      rating: "False",
      url: "https://www.politifact.com/factchecks/2023/mar/02/viral-image/great-wall-moon/",
      title: "No, you can't see the Great Wall of China from the Moon",
      reviewedAt: "2023-03-02T00:00:00.000Z",
      language: "en",
    });
    // A review without a publisher name or title: the site stands in, the finding has no title.
    assert.equal(snopes.publisher, "snopes.com");
    assert.equal(snopes.factCheck!.title, null);
    assert.equal(snopes.factCheck!.reviewedAt, null);
    assert.equal(snopes.factCheck!.rating, "Mostly False");
    assert.match(snopes.text!, /^snopes\.com rated the claim ".+" \(by Viral post\) as "Mostly False"\.$/);
  });

  it("redacts the key even when the API echoes it", async () => {
    server.script({
      status: 403,
      body: { error: { code: 403, message: `Requests with key ${FACTCHECK_TEST_KEY} are blocked.`, status: "PERMISSION_DENIED" } },
    });
    const error = await rejection(provider().search(searchRequest("Great Wall"), never()));
    assertProviderError(error, {
      provider: "factcheck",
      kind: "auth",
      message: /^factcheck: HTTP 403 \(Requests with key \*\*\* are blocked\.\)$/,
      secret: FACTCHECK_TEST_KEY,
    });
  });

  it("waits out a 429 RESOURCE_EXHAUSTED (Retry-After) and retries", async () => {
    const { sleep, calls } = recordingSleep();
    server.script(googleErrors.quota);
    const hits = await provider(FACTCHECK_TEST_KEY, { sleep }).search(searchRequest("Great Wall"), never());
    assert.equal(hits.length, 2);
    assert.deepEqual(calls, [2000]);
  });
});
