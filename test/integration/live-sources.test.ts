// A check that gathers from the world: Wikipedia, Wikidata and a web search API (fixture
// servers on 127.0.0.1 speaking their real protocols), web pages read through the safe HTTP
// client (allowed to reach these loopback servers by explicit configuration only).
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { openVerity, type Verity } from "../../src/service/verity.js";
import { libraryOnlyConfig, loadConfig } from "../../src/service/config.js";
import { SourcePolicy } from "../../src/sources/policy.js";
import { SourceTextRepository } from "../../src/store/source-texts.js";
import { BRAVE_TEST_KEY, startBraveServer } from "../fixtures/servers/brave.js";
import type { FixtureServer } from "../fixtures/servers/fixture-server.js";
import { startSearxngServer } from "../fixtures/servers/searxng.js";
import { startWikidataServer } from "../fixtures/servers/wikidata.js";
import { startWikipediaServer } from "../fixtures/servers/wikipedia.js";
import { tempDir } from "../helpers/verity.js";

const ARTICLE = `<!doctype html><html lang="en"><head><title>Orbit myths | Space Desk</title>
<meta property="og:site_name" content="Space Desk"><meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-02T10:00:00Z"></head>
<body><nav>Home | Sections | Subscribe</nav><article><h1>Orbit myths</h1>
<p>The Great Wall of China is not visible from space with the naked eye, according to astronauts who looked for it.</p>
<p>From low Earth orbit the wall is narrow and matches the colour of the land around it, so it is very hard to see.</p>
<p>Many city lights and airports are far easier to see from orbit than the wall.</p></article>
<footer>Copyright Space Desk</footer></body></html>`;

const CLAIMS_PAGE = `<!doctype html><html><head><title>Viral post: the wall from space</title>
<meta name="author" content="Sam Poster"><meta property="og:site_name" content="Wall Facts"><meta property="article:published_time" content="2024-03-01">
</head><body><article>
<p>The Great Wall of China is visible from space with the naked eye.</p>
<p>Astronauts can see the Great Wall of China from the Moon.</p>
<p>Share this if you agree.</p></article></body></html>`;

describe("a check over live sources (fixture servers)", () => {
  let pages: http.Server;
  let pageUrl: string;
  let wiki: FixtureServer, wikidata: FixtureServer, brave: FixtureServer;
  let verity: Verity;
  let cleanup: () => Promise<void>;

  before(async () => {
    pages = http.createServer((req, res) => {
      if (req.url === "/orbit-myths") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE);
      else if (req.url === "/viral-post") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(CLAIMS_PAGE);
      else res.writeHead(403, { "content-type": "text/html" }).end("<h1>Forbidden</h1>");
    });
    await new Promise<void>((resolve) => pages.listen(0, "127.0.0.1", resolve));
    pageUrl = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
    wiki = await startWikipediaServer();
    wikidata = await startWikidataServer();
    brave = await startBraveServer({
      pages: [
        {
          title: "Orbit myths: the Great Wall of China from space",
          url: `${pageUrl}/orbit-myths`,
          description: "Is the Great Wall of China visible from space?",
          siteName: "Space Desk",
          body: "",
        },
        {
          title: "Great Wall of China space photos (members only)",
          url: `${pageUrl}/members-only`,
          description: "Great Wall of China from space",
          siteName: "Photo Club",
          body: "",
        },
        {
          title: "Great Wall of China visible from space? Blocked",
          url: "https://blocked.example/wall",
          description: "Great Wall of China space",
          siteName: "Blocked",
          body: "",
        },
      ],
    });
    const dir = await tempDir();
    cleanup = dir.cleanup;
    const host = (u: string) => new URL(u).host;
    verity = await openVerity(
      libraryOnlyConfig(dir.dir, {
        sources: null,
        env: {
          BRAVE_API_KEY: BRAVE_TEST_KEY,
          VERITY_BRAVE_URL: brave.url,
          VERITY_WIKIPEDIA_URL: `${wiki.url}/{lang}/w/api.php`,
          VERITY_WIKIDATA_URL: `${wikidata.url}/w/api.php`,
        },
        allowPrivateHosts: [host(pageUrl), host(wiki.url), host(wikidata.url), host(brave.url)],
        policy: new SourcePolicy({ deny: ["blocked.example"], notes: { "127.0.0.1": "Test fixture: a local page server." } }),
      }),
    );
  });

  after(async () => {
    await verity?.close();
    await Promise.all([wiki?.close(), wikidata?.close(), brave?.close(), new Promise((r) => pages?.close(r))]);
    await cleanup?.();
  });

  it("gathers from Wikipedia and web search, reads pages, records what it could not read, and cites verbatim", async () => {
    const { report } = await verity.service.check("Is the Great Wall of China visible from space?");
    const providers = Object.fromEntries(report.provenance.providers.map((p) => [p.id, p.status]));
    assert.equal(providers.wikipedia, "ok");
    assert.equal(providers.web, "ok");
    assert.ok(brave.requests.every((r) => r.headers["x-subscription-token"] === BRAVE_TEST_KEY));
    assert.ok(wiki.requests.some((r) => r.query.list === "search"));

    const urls = report.sources.map((s) => s.url);
    assert.ok(urls.includes(`${pageUrl}/orbit-myths`), "the web page was read and cited");
    assert.ok(
      urls.some((u) => u.includes("Great_Wall_of_China")),
      "the Wikipedia article was cited",
    );
    const page = report.sources.find((s) => s.url === `${pageUrl}/orbit-myths`)!;
    assert.equal(page.publisher, "Space Desk");
    assert.equal(page.reliabilityNote, "Test fixture: a local page server.");
    const texts = new SourceTextRepository(verity.store);
    for (const s of report.sources) {
      const stored = (await texts.get(s.textHash))!;
      for (const q of s.quotes) assert.ok(stored.includes(q));
      assert.ok(!stored.includes("Subscribe") || s.provider !== "web", "navigation is not part of the page text");
    }
    const rejected = Object.fromEntries(report.provenance.rejected.map((r) => [r.url, r.reason]));
    assert.equal(rejected[`${pageUrl}/members-only`], "HTTP 403 (forbidden)");
    assert.match(rejected["https://blocked.example/wall"] ?? "", /deny/i);
    assert.notEqual(report.verdict.label, "supported", "the evidence is against the claim");
  });

  it("links the people and organisations of a question to Wikidata", async () => {
    const { report } = await verity.service.check("Did the World Health Organization say the Great Wall of China is visible from space?");
    const who = report.entities.find((e) => e.name === "World Health Organization");
    assert.equal(who?.wikidataId, "Q7817");
    assert.match(who?.description ?? "", /United Nations/);
  });

  it("checks a submitted link: the page's claims, the page's title, and never the page itself as evidence", async () => {
    const { report } = await verity.service.check(`${pageUrl}/viral-post`);
    assert.equal(report.input.kind, "url");
    assert.equal(report.title, "Viral post: the wall from space");
    assert.ok(report.claims.some((c) => /visible from space/.test(c.text)));
    assert.ok(!report.sources.some((s) => s.url === `${pageUrl}/viral-post`));
    assert.deepEqual(report.input.page, {
      url: `${pageUrl}/viral-post`,
      title: "Viral post: the wall from space",
      siteName: "Wall Facts",
      author: "Sam Poster",
      publishedAt: "2024-03-01",
    });
  });

  it("refuses a submitted link to a private address that is not explicitly allowed", async () => {
    await assert.rejects(verity.service.check("http://10.0.0.1/admin"), /forbidden address|could not read/);
  });

  it("keeps going when a provider fails, and says which could not be consulted", async () => {
    // Every query's request and its retries (queries run in parallel) get a 503.
    wiki.failTimes(30, { status: 503, headers: { "Retry-After": "0" }, body: "down" });
    const { report } = await verity.service.check("Can astronauts see the Great Wall of China from orbit?", { fresh: true });
    const wikiRecord = report.provenance.providers.find((p) => p.id === "wikipedia")!;
    assert.equal(wikiRecord.status, "failed");
    assert.match(wikiRecord.error ?? "", /503/);
    assert.ok(report.sources.length > 0, "the other providers still give evidence");
    wiki.reset();
  });
});

describe("ingesting a URL into the library", () => {
  it("reads the page through the safe client and stores its main text; a forbidden address is refused", async () => {
    const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(ARTICLE));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/orbit-myths`;
    const dir = await tempDir();
    const verity = await openVerity(libraryOnlyConfig(dir.dir, { allowPrivateHosts: [new URL(url).host] }));
    try {
      const { ingestPaths } = await import("../../src/sources/library/ingest.js");
      const { readPage } = await import("../../src/fetch/read-page.js");
      const read = (u: string) => readPage(u, verity.http);
      const summary = await ingestPaths([url, "http://169.254.169.254/latest/meta-data/"], verity.library, undefined, read);
      assert.equal(summary.added, 1);
      assert.deepEqual(
        summary.failed.map((f) => f.reason),
        ["forbidden address"],
      );
      const again = await ingestPaths([url], verity.library, undefined, read);
      assert.equal(again.unchanged, 1, "the same page ingested twice changes nothing");
      const hits = await verity.library.searchPassages("astronauts wall naked eye", 5);
      const [doc] = await verity.library.getDocuments([hits[0]!.documentId]);
      assert.equal(doc!.url, url);
      assert.equal(doc!.publisher, "Space Desk");
      assert.ok(!doc!.text.includes("Subscribe"), "navigation is left out");
    } finally {
      await verity.close();
      await new Promise((r) => server.close(r));
      await dir.cleanup();
    }
  });
});

describe("a SearXNG the operator runs on 127.0.0.1", () => {
  let searxng: FixtureServer;
  let verity: Verity;
  let cleanup: () => Promise<void>;
  before(async () => {
    searxng = await startSearxngServer({
      pages: [
        {
          title: "Great Wall of China visible from space, an intranet page",
          url: "http://127.0.0.1:9/great-wall",
          description: "Great Wall of China from space",
          siteName: "Intranet",
          body: "",
        },
      ],
    });
    const dir = await tempDir();
    cleanup = dir.cleanup;
    // Configured as an operator does, in the environment: no test-only allowlist.
    const config = loadConfig({ VERITY_DATA_DIR: dir.dir, SEARXNG_URL: searxng.url, VERITY_SOURCES: "searxng" }, dir.dir);
    assert.deepEqual(config.allowPrivateHosts, []);
    verity = await openVerity(config);
  });
  after(async () => {
    await verity?.close();
    await searxng?.close();
    await cleanup?.();
  });

  it("is asked, while the loopback pages it returns are not read", async () => {
    const { report } = await verity.service.check("Is the Great Wall of China visible from space?");
    const record = report.provenance.providers.find((p) => p.id === "web" || p.id === "searxng");
    assert.deepEqual({ status: record?.status, error: record?.error }, { status: "ok", error: null });
    assert.ok(record!.results > 0);
    assert.ok(searxng.requests.some((r) => r.path === "/search" && r.query.format === "json"));
    assert.deepEqual(
      report.provenance.rejected.map((r) => [r.url, r.reason]),
      [["http://127.0.0.1:9/great-wall", "forbidden address"]],
    );
  });

  it("is refused as a link a user submits, at the very same address", async () => {
    await assert.rejects(verity.service.check(`${searxng.url}/search?q=secrets&format=json`), /could not read .*: forbidden address/);
    assert.ok(!searxng.requests.some((r) => r.query.q === "secrets"), "the instance never saw the request");
  });
});
