// Absolute links (canonical, og:url, the share link, ClaimReview, feeds) name the origin the page
// was asked at, so a server on another port names its own port; VERITY_BASE_URL, when set, wins.
// The page cache keeps one copy per origin, so one origin's links never reach another's readers.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { createServer, type VerityServer } from "../../src/server/app.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { tempVerity } from "../helpers/verity.js";
import { listen } from "../helpers/website.js";
import { parse } from "../helpers/dom.js";

type TempVerity = Awaited<ReturnType<typeof tempVerity>>;

/** The absolute links of a report page. */
function links(html: string): { canonical: string; ogUrl: string; share: string; claimReview: string } {
  const doc = parse(html);
  return {
    canonical: doc.querySelector("link[rel=canonical]")?.getAttribute("href") ?? "",
    ogUrl: doc.querySelector('meta[property="og:url"]')?.getAttribute("content") ?? "",
    share: doc.querySelector("[data-testid=share-permalink]")?.textContent ?? "",
    claimReview: JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}").url ?? "",
  };
}

describe("absolute links", () => {
  let v: TempVerity;
  let url = "";
  const servers: VerityServer[] = [];

  before(async () => {
    v = await tempVerity();
    await v.library.upsertMany(LIBRARY);
    url = (await v.service.check("Does coffee cause cancer?")).report.url;
  });
  after(async () => {
    for (const app of servers) await app.close();
    await v.cleanup();
  });

  it("follow the origin the page was asked at, on whatever port the server listens", async () => {
    const app = createServer(v, { startJobs: false });
    servers.push(app);
    const site = await listen(app);
    try {
      assert.doesNotMatch(site.url, /:3000$/);
      const page = await (await fetch(site.url + url)).text();
      const expected = site.url + url;
      assert.deepEqual(links(page), { canonical: expected, ogUrl: expected, share: expected, claimReview: expected });
      const feed = await (await fetch(`${site.url}/feed.xml`)).text();
      assert.ok(feed.includes(`href="${expected}"`));
      assert.match(await (await fetch(`${site.url}/robots.txt`)).text(), new RegExp(`Sitemap: ${site.url}/sitemap.xml`));
    } finally {
      await site.close();
    }
  });

  it("keep one cached page per origin: a second host name never gets the first one's links", async () => {
    const app = createServer(v, { startJobs: false });
    servers.push(app);
    const first = links(await (await app.request(`http://one.example${url}`)).text());
    const second = links(await (await app.request(`http://two.example:8080${url}`)).text());
    assert.equal(first.canonical, `http://one.example${url}`);
    assert.equal(second.canonical, `http://two.example:8080${url}`);
    assert.equal(links(await (await app.request(`http://one.example${url}`)).text()).canonical, `http://one.example${url}`);
  });

  it("name VERITY_BASE_URL when it is set, whatever the request's host", async () => {
    const app = createServer(v, { startJobs: false, baseUrl: "https://verity.example.org" });
    servers.push(app);
    const page = await (await app.request(`http://127.0.0.1:8123${url}`)).text();
    const expected = `https://verity.example.org${url}`;
    assert.deepEqual(links(page), { canonical: expected, ogUrl: expected, share: expected, claimReview: expected });
  });
});
