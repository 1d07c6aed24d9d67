// Wikidata entity linking against the fixture API: the candidate whose "instance of" fits the entity
// type wins, and a person is never linked to a plant genus, a given name or a family name.
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { Entity } from "../../../src/domain/report.js";
import { ProviderError } from "../../../src/sources/provider-error.js";
import { fits, linkEntities } from "../../../src/sources/wikidata.js";
import type { FixtureServer } from "../../fixtures/servers/fixture-server.js";
import { startWikidataServer } from "../../fixtures/servers/wikidata.js";
import { loopbackHttp } from "../../helpers/loopback-http.js";
import { recordingSleep } from "../../helpers/sleep.js";

const http = loopbackHttp();

describe("linkEntities", () => {
  let server: FixtureServer;
  before(async () => (server = await startWikidataServer()));
  after(() => server.close());
  beforeEach(() => server.reset());
  const link = (entities: Entity[], extra: Partial<Parameters<typeof linkEntities>[1]> = {}) =>
    linkEntities(entities, {
      http,
      language: "en",
      baseUrl: `${server.url}/w/api.php`,
      limiter: null,
      sleep: recordingSleep().sleep,
      ...extra,
    });

  it("links a person to the human, skipping a same-named song ranked first", async () => {
    const [rosaParks] = await link([{ name: "Rosa Parks", type: "person" }]);
    assert.deepEqual(rosaParks, {
      name: "Rosa Parks",
      type: "person",
      wikidataId: "Q41921",
      description: "American civil rights activist (1913–2005)",
    });
  });

  it("does not link a person's name to a plant genus or a given name", async () => {
    const [rosa] = await link([{ name: "Rosa", type: "person" }]);
    assert.deepEqual(rosa, { name: "Rosa", type: "person" });
  });

  it("does not link a person to a family name or a disambiguation page, but links the full name", async () => {
    const [peterson, jordan] = await link([
      { name: "Peterson", type: "person" },
      { name: "Jordan Peterson", type: "person" },
    ]);
    assert.deepEqual(peterson, { name: "Peterson", type: "person" });
    assert.equal(jordan!.wikidataId, "Q28941");
    assert.equal(jordan!.description, "Canadian psychologist and author");
  });

  it("links places to the city and organisations by alias; the same name as a person stays unlinked", async () => {
    const linked = await link([
      { name: "Paris", type: "place" },
      { name: "WHO", type: "organization" },
      { name: "Paris", type: "person" },
    ]);
    assert.equal(linked[0]!.wikidataId, "Q90");
    assert.equal(linked[0]!.description, "capital city of France");
    assert.equal(linked[1]!.wikidataId, "Q7817");
    assert.equal(linked[2]!.wikidataId, undefined, "Paris of Troy is a mythological figure, not a human");
  });

  it("asks wbsearchentities per distinct name, then wbgetentities once for all matching candidates", async () => {
    await link([
      { name: "Rosa Parks", type: "person" },
      { name: "Rosa Parks", type: "person" },
      { name: "Paris", type: "place" },
    ]);
    const searches = server.requests.filter((r) => r.query.action === "wbsearchentities");
    assert.deepEqual(
      searches.map((r) => r.query.search),
      ["Rosa Parks", "Paris"],
    );
    for (const r of searches) {
      assert.equal(r.query.language, "en");
      assert.equal(r.query.type, "item");
      assert.equal(r.query.format, "json");
    }
    const gets = server.requests.filter((r) => r.query.action === "wbgetentities");
    assert.equal(gets.length, 1);
    assert.deepEqual(gets[0]!.query.ids!.split("|").sort(), ["Q167646", "Q41921", "Q7368", "Q90"]);
    assert.equal(gets[0]!.query.props, "claims|descriptions");
  });

  it("leaves linked, unknown and unnamed entities alone", async () => {
    const entities: Entity[] = [
      { name: "Rosa Parks", type: "person", wikidataId: "Q1", description: "kept" },
      { name: "Zyxwv Qutsr", type: "other" },
    ];
    assert.deepEqual(await link(entities), entities);
    assert.deepEqual(
      server.requests.map((r) => r.query.search),
      ["Zyxwv Qutsr"],
    );
  });

  it("leaves entities unchanged and reports the error when Wikidata fails", async () => {
    server.failTimes(3, { status: 503, body: "<html>Wikimedia Error</html>" });
    const errors: unknown[] = [];
    const entities: Entity[] = [{ name: "Rosa Parks", type: "person" }];
    assert.deepEqual(await link(entities, { onError: (e) => errors.push(e) }), entities);
    assert.equal(errors.length, 1);
    assert.ok(errors[0] instanceof ProviderError);
    assert.equal((errors[0] as ProviderError).message, "wikidata: HTTP 503 (service unavailable)");
  });
});

describe("fits", () => {
  it("accepts by type and refuses name-like and maintenance classes whatever the type", () => {
    assert.equal(fits("person", ["Q5"]), true);
    assert.equal(fits("person", ["Q34740"]), false);
    assert.equal(fits("person", ["Q5", "Q202444"]), false);
    assert.equal(fits("organization", ["Q783794"]), true);
    assert.equal(fits("place", ["Q515"]), true);
    assert.equal(fits("place", ["Q5"]), false);
    assert.equal(fits("other", ["Q7366"]), true);
    assert.equal(fits("other", ["Q4167410"]), false);
    assert.equal(fits("other", []), false);
  });
});
