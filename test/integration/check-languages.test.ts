// A question in Spanish end to end: it becomes its claim, is filed under its category, Wikipedia is
// searched in Spanish (the fixture answers at /es/w/api.php), and the report is written in Spanish.
// A question in a language Verity does not write in gets an English report that says so.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { CheckService } from "../../src/service/check-service.js";
import { WikipediaProvider } from "../../src/sources/wikipedia.js";
import { renderHtml } from "../../src/render/html.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { startWikipediaServer, type WikiArticle } from "../fixtures/servers/wikipedia.js";
import type { FixtureServer } from "../fixtures/servers/fixture-server.js";
import { loopbackHttp } from "../helpers/loopback-http.js";
import { tempVerity } from "../helpers/verity.js";
import { parse } from "../helpers/dom.js";

const ARTICLES: WikiArticle[] = [
  {
    pageid: 4242,
    lang: "es",
    title: "Vacunas y autismo",
    extract:
      "La idea de que las vacunas causan autismo ha sido investigada extensamente y se ha demostrado que es falsa. " +
      "Numerosos estudios con millones de niños no encontraron ninguna relación entre las vacunas y el autismo. " +
      "El artículo de 1998 que sugirió la relación fue retirado por fraude.",
  },
  {
    pageid: 4243,
    title: "Vaccines and autism",
    extract: "Vaccines do not cause autism. Large studies of millions of children found no link between vaccines and autism.",
  },
];

describe("a check in the input's language", () => {
  let v: Awaited<ReturnType<typeof tempVerity>>;
  let wiki: FixtureServer;
  let service: CheckService;
  before(async () => {
    v = await tempVerity();
    wiki = await startWikipediaServer({ articles: ARTICLES });
    const wikipedia = new WikipediaProvider({ http: loopbackHttp(), baseUrl: `${wiki.url}/{lang}/w/api.php`, limiter: null });
    service = new CheckService(v.store, v.analyst, [wikipedia]);
  });
  after(async () => {
    await wiki.close();
    await v.cleanup();
  });

  it("turns a Spanish question into its claim, searches Spanish Wikipedia and writes a Spanish report", async () => {
    const { report } = await service.check("¿Las vacunas causan autismo?");
    assert.equal(report.language, "es");
    assert.equal(report.input.kind, "question");
    assert.deepEqual(
      report.claims.map((c) => c.text),
      ["Las vacunas causan autismo."],
    );
    assert.equal(report.category, "health");
    const searched = wiki.requests.filter((r) => r.query.list === "search").map((r) => r.path);
    assert.ok(searched.length > 0 && searched.every((path) => path === "/es/w/api.php"), `searched ${searched.join(", ")}`);
    assert.ok(
      report.sources.some((s) => s.url === "https://es.wikipedia.org/wiki/Vacunas_y_autismo"),
      `a Spanish Wikipedia source: ${report.sources.map((s) => s.url).join(", ")}`,
    );

    const doc = parse(renderHtml(report));
    assert.equal(doc.documentElement.getAttribute("lang"), "es");
    assert.match(doc.querySelector(".meta")?.textContent ?? "", /^Verificado el \d{1,2} de [a-z]+ de \d{4}\.$/);
    assert.equal(doc.querySelector("#sources h2")?.textContent, "Fuentes");
    assert.equal(doc.querySelector(".claims h2")?.textContent, "Afirmaciones verificadas");
    assert.match(renderMarkdown(report), /^\*\*Veredicto: /m);
  });

  it("answers a question in Italian with an English report that says Italian is not supported yet", async () => {
    const { report } = await service.check("Il caffè fa male alla salute dei bambini?");
    assert.equal(report.language, "it");
    const doc = parse(renderHtml(report));
    assert.equal(doc.documentElement.getAttribute("lang"), "en");
    assert.match(doc.querySelector(".language-notice")?.textContent ?? "", /written in Italian/);
    assert.ok(
      wiki.requests.some((r) => r.path === "/it/w/api.php"),
      "Italian Wikipedia was asked",
    );
  });
});
