// Intake of a link: any http(s) URL is read as a link, although the analyst's classifier took an IPv6
// or single-label host for a topic; its title comes from the page, never from the URL's tail.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { newAnalystContext } from "../../../src/analysts/analyst.js";
import { BadInputError } from "../../../src/domain/errors.js";
import { HttpError, type HttpClient, type HttpRequest } from "../../../src/fetch/http-client.js";
import { intake } from "../../../src/pipeline/intake.js";
import { localAnalyst } from "../../helpers/encoder.js";

const PAGE = `<!doctype html><html><head><title>Coffee and cancer: what the studies say</title></head><body><article>
<h1>Coffee and cancer: what the studies say</h1>
<p>Large cohort studies found that drinking coffee does not raise the risk of cancer in adults. The World Health
Organization removed coffee from its list of possible carcinogens in 2016. Researchers followed half a million
people for a decade and found no link between coffee and most cancers.</p></article></body></html>`;

/** Answers every URL with the page, and remembers what was asked. */
function pageServer(): HttpClient & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async request(req: HttpRequest) {
      asked.push(req.url);
      const body = new TextEncoder().encode(PAGE);
      return {
        url: req.url,
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8" },
        body,
        fromCache: false,
        text: () => PAGE,
        json: () => JSON.parse(PAGE) as unknown,
      };
    },
  };
}

describe("intake of a link", () => {
  for (const url of ["http://[2001:db8::1]/x", "http://[2001:db8::1]:18999/D16", "http://newsdesk/coffee"]) {
    it(`reads ${url} as a link`, async () => {
      const http = pageServer();
      const result = await intake(url, localAnalyst(), newAnalystContext(), { http });
      assert.equal(result.input.kind, "url");
      assert.deepEqual(http.asked, [url]);
      assert.equal(result.title, "Coffee and cancer: what the studies say");
      assert.ok(result.claims.some((c) => /coffee/i.test(c.text)));
      assert.ok(!result.claims.some((c) => c.text.includes("]:")), "no claim from the URL's tail");
    });
  }

  it("passes on the SSRF guard's refusal as a clear input error", async () => {
    const refusing: HttpClient = {
      request: async (req) => {
        throw new HttpError(`refused to fetch ${new URL(req.url).hostname}: loopback`, "forbidden_address");
      },
    };
    await assert.rejects(
      intake("http://[::1]:18999/D16", localAnalyst(), newAnalystContext(), { http: refusing }),
      (e: Error) => e instanceof BadInputError && /^could not read http:\/\/\[::1\]:18999\/D16: /.test(e.message),
    );
  });
});
