// What every source provider does, whatever answers behind it: hits of one shape for a query, best
// first and no more than asked for; nothing (and no failure) for a query nothing matches; a rejected
// key as a one-line ProviderError that never shows the key; a 5xx retried, and given up on with a
// one-line ProviderError. Each API provider runs against its fixture server, the library against a
// library in a temporary store. What is particular to one API stays in its own test file.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";
import type { Sleep } from "../../src/domain/sleep.js";
import { BraveProvider } from "../../src/sources/brave.js";
import { GoogleFactCheckProvider } from "../../src/sources/factcheck-google.js";
import { LibraryProvider } from "../../src/sources/library/provider.js";
import type { SourceHit, SourceProvider } from "../../src/sources/provider.js";
import { SearxngProvider } from "../../src/sources/searxng.js";
import { SerperProvider } from "../../src/sources/serper.js";
import { TavilyProvider } from "../../src/sources/tavily.js";
import { WikipediaProvider } from "../../src/sources/wikipedia.js";
import type { LibraryRepository } from "../../src/store/library.js";
import { LIBRARY } from "../fixtures/library-docs.js";
import { BRAVE_TEST_KEY, braveErrors, startBraveServer } from "../fixtures/servers/brave.js";
import { FACTCHECK_TEST_KEY, googleErrors, startFactCheckServer } from "../fixtures/servers/factcheck.js";
import type { FixtureResponse, FixtureServer } from "../fixtures/servers/fixture-server.js";
import { searxngErrors, startSearxngServer } from "../fixtures/servers/searxng.js";
import { SERPER_TEST_KEY, serperErrors, startSerperServer } from "../fixtures/servers/serper.js";
import { TAVILY_TEST_KEY, tavilyErrors, startTavilyServer } from "../fixtures/servers/tavily.js";
import { mediaWikiErrors, startWikipediaServer } from "../fixtures/servers/wikipedia.js";
import { rejection } from "../helpers/assertions.js";
import { loopbackHttp } from "../helpers/loopback-http.js";
import { assertProviderError, never, searchRequest } from "../helpers/providers.js";
import { recordingSleep } from "../helpers/sleep.js";
import { tempVerity } from "../helpers/verity.js";

const http = loopbackHttp();

interface Build {
  apiKey?: string;
  sleep?: Sleep;
}

/** A provider under contract: how to start what answers it and build it, and what its API says when it fails. */
interface Subject {
  id: string;
  /** A query that finds at least two hits. */
  query: string;
  start(): Promise<{ server: FixtureServer | null; close(): Promise<void> }>;
  build(server: FixtureServer | null, options: Build): SourceProvider;
  /** Providers with a key: a wrong key is refused with this message. */
  rejectedKey?: { message: RegExp };
  /** Providers behind an API: the API's 5xx answer, the wait before its retry, and the message once retries run out. */
  serverError?: { response: FixtureResponse; retryDelays: number[]; message: RegExp };
}

const fixture = (start: () => Promise<FixtureServer>) => async () => {
  const server = await start();
  return { server, close: () => server.close() };
};

/** The library the library provider searches (set up by its subject's start). */
let library: LibraryRepository | undefined;

const SUBJECTS: Subject[] = [
  {
    id: "wikipedia",
    query: "Great Wall visible from the Moon",
    start: fixture(() => startWikipediaServer()),
    build: (server, o) => new WikipediaProvider({ http, baseUrl: `${server!.url}/{lang}/w/api.php`, limiter: null, random: () => 0, ...o }),
    // MediaWiki's 503 says when to come back (Retry-After: 1).
    serverError: { response: mediaWikiErrors.serverError, retryDelays: [1000, 1000], message: /^wikipedia: HTTP 503 \(.+\)$/ },
  },
  {
    id: "factcheck",
    query: "Great Wall",
    start: fixture(() => startFactCheckServer()),
    build: (server, o) =>
      new GoogleFactCheckProvider({ http, apiKey: FACTCHECK_TEST_KEY, baseUrl: server!.url, limiter: null, random: () => 0, ...o }),
    rejectedKey: { message: /^factcheck: HTTP 400 \(API key not valid\. Please pass a valid API key\.\)$/ },
    serverError: {
      response: googleErrors.internal,
      retryDelays: [250, 500],
      message: /^factcheck: HTTP 500 \(Internal error encountered\.\)$/,
    },
  },
  {
    id: "brave",
    query: "Great Wall",
    start: fixture(() => startBraveServer()),
    build: (server, o) => new BraveProvider({ http, apiKey: BRAVE_TEST_KEY, baseUrl: server!.url, limiter: null, random: () => 0, ...o }),
    rejectedKey: { message: /^brave: HTTP 422 \(invalid API key\)$/ },
    serverError: { response: braveErrors.serverError, retryDelays: [250, 500], message: /^brave: HTTP 500 \(.+\)$/ },
  },
  {
    id: "tavily",
    query: "Great Wall",
    start: fixture(() => startTavilyServer()),
    build: (server, o) => new TavilyProvider({ http, apiKey: TAVILY_TEST_KEY, baseUrl: server!.url, limiter: null, random: () => 0, ...o }),
    rejectedKey: { message: /^tavily: HTTP 401 \(Unauthorized: missing or invalid API key\.\)$/ },
    serverError: { response: tavilyErrors.serverError, retryDelays: [250, 500], message: /^tavily: HTTP 500 \(.+\)$/ },
  },
  {
    id: "serper",
    query: "Great Wall",
    start: fixture(() => startSerperServer()),
    build: (server, o) => new SerperProvider({ http, apiKey: SERPER_TEST_KEY, baseUrl: server!.url, limiter: null, random: () => 0, ...o }),
    rejectedKey: { message: /^serper: HTTP 403 \(Unauthorized\.\)$/ },
    serverError: { response: serperErrors.serverError, retryDelays: [250, 500], message: /^serper: HTTP 500 \(.+\)$/ },
  },
  {
    id: "searxng",
    query: "Great Wall",
    start: fixture(() => startSearxngServer()),
    build: (server, o) => new SearxngProvider({ http, baseUrl: server!.url, limiter: null, random: () => 0, ...o }),
    serverError: { response: searxngErrors.serverError, retryDelays: [250, 500], message: /^searxng: HTTP 502 \(bad gateway\)$/ },
  },
  {
    id: "library",
    query: "detainer requests",
    start: async () => {
      const verity = await tempVerity();
      await verity.library.upsertMany(LIBRARY);
      library = verity.library;
      return { server: null, close: () => verity.cleanup() };
    },
    build: () => new LibraryProvider(library!),
  },
];

const HIT_KEYS = ["provider", "url", "title", "publisher", "author", "publishedAt", "snippet", "score", "text", "factCheck"];

function assertHitShape(hit: SourceHit, provider: string): void {
  assert.equal(hit.provider, provider);
  assert.match(hit.url, /^(https?:\/\/|library:)/);
  assert.ok(typeof hit.title === "string" && hit.title.trim().length > 0, "a title");
  for (const key of ["publisher", "author", "publishedAt", "snippet"] as const) {
    assert.ok(hit[key] === null || typeof hit[key] === "string", `${key} is a string or null`);
  }
  if (hit.publishedAt !== null) assert.ok(!Number.isNaN(Date.parse(hit.publishedAt)), `a date: ${hit.publishedAt}`);
  assert.ok(Number.isFinite(hit.score), "a score");
  assert.ok(hit.text === undefined || typeof hit.text === "string");
  assert.deepEqual(
    Object.keys(hit).filter((k) => !HIT_KEYS.includes(k)),
    [],
    "no other fields",
  );
}

for (const subject of SUBJECTS) {
  describe(`source provider contract: ${subject.id}`, () => {
    let started: Awaited<ReturnType<Subject["start"]>>;
    before(async () => (started = await subject.start()));
    after(() => started.close());
    beforeEach(() => started.server?.reset());
    const provider = (options: Build = {}) => subject.build(started.server, options);

    it("answers a query with hits of one shape, best first", async () => {
      const hits = await provider().search(searchRequest(subject.query), never());
      assert.ok(hits.length >= 2, `hits for "${subject.query}": ${hits.length}`);
      for (const hit of hits) assertHitShape(hit, subject.id);
      for (let i = 1; i < hits.length; i++) assert.ok(hits[i]!.score <= hits[i - 1]!.score, "scores never rise");
    });

    it("gives no more hits than the request's limit", async () => {
      assert.equal((await provider().search(searchRequest(subject.query, { limit: 1 }), never())).length, 1);
    });

    it("finds nothing, without failing, for a query nothing matches", async () => {
      assert.deepEqual(await provider().search(searchRequest("zzzz qqqq"), never()), []);
    });

    const { rejectedKey, serverError } = subject;
    if (rejectedKey) {
      it("reports a rejected key as a one-line ProviderError without the key, and does not retry", async () => {
        const wrong = `${subject.id}-wrong-key-31337`;
        const error = await rejection(provider({ apiKey: wrong }).search(searchRequest(subject.query), never()));
        assertProviderError(error, { provider: subject.id, kind: "auth", message: rejectedKey.message, secret: wrong });
        assert.equal(started.server!.requests.length, 1);
      });
    }

    if (serverError) {
      it("retries a 5xx, then answers as if nothing had happened", async () => {
        const clean = await provider().search(searchRequest(subject.query), never());
        started.server!.reset();
        const { sleep, calls } = recordingSleep();
        started.server!.script(serverError.response);
        assert.deepEqual(await provider({ sleep }).search(searchRequest(subject.query), never()), clean);
        assert.deepEqual(calls, serverError.retryDelays.slice(0, 1));
      });

      it("gives up after two retries of a 5xx, with a one-line ProviderError", async () => {
        const { sleep, calls } = recordingSleep();
        started.server!.failTimes(3, serverError.response);
        const error = await rejection(provider({ sleep }).search(searchRequest(subject.query), never()));
        assertProviderError(error, { provider: subject.id, kind: "http", message: serverError.message });
        assert.equal(started.server!.requests.length, 3);
        assert.deepEqual(calls, serverError.retryDelays);
      });
    }
  });
}
