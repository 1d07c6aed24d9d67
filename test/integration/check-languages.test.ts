// A question in Spanish end to end: it becomes its claim, is filed under its category, Wikipedia is
// searched in Spanish (the fixture answers at /es/w/api.php), and the report is written in Spanish:
// the page's words and the analyst's own prose (the answer, the findings' headings, the follow-ups).
// French, German and Portuguese questions likewise. A question in a language Verity does not write in
// gets an English report that says so.
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
import { detectLanguage } from "../../src/analysts/local/input/language.js";

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
    pageid: 4244,
    lang: "fr",
    title: "Vaccins et autisme",
    extract:
      "L'idée que les vaccins causent l'autisme a été étudiée en détail et s'est révélée fausse. " +
      "De nombreuses études portant sur des millions d'enfants n'ont trouvé aucun lien entre les vaccins et l'autisme.",
  },
  {
    pageid: 4245,
    lang: "de",
    title: "Impfungen und Autismus",
    extract:
      "Die Behauptung, Impfungen verursachen Autismus, wurde gründlich untersucht und widerlegt. " +
      "Zahlreiche Studien mit Millionen von Kindern fanden keinen Zusammenhang zwischen Impfungen und Autismus.",
  },
  {
    pageid: 4246,
    lang: "pt",
    title: "Vacinas e autismo",
    extract:
      "A ideia de que as vacinas causam autismo foi investigada de forma exaustiva e demonstrou-se falsa. " +
      "Numerosos estudos com milhões de crianças não encontraram qualquer relação entre as vacinas e o autismo.",
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

    // The analyst's own prose is Spanish too: the answer line, a finding's heading, the follow-ups.
    assert.match(report.verdict.headline, /^(?:Sí|No|En parte|No está claro): /);
    const summary = report.sections.find((s) => s.kind === "summary")!;
    assert.match(summary.paragraphs[0]!.text, /^(?:Sí|No|En parte|No está claro)\. /);
    assert.match(summary.paragraphs[0]!.heading ?? "", /^(?:Las pruebas|Las fuentes|No hay pruebas)/);
    assert.match(report.method.join(" "), /Esta verificación leyó .* de Wikipedia/);
    assert.ok(report.followUps.length > 0, "follow-ups");
    for (const f of report.followUps) assert.match(f.question, /^¿.+\?$/, f.question);
    assert.equal(doc.querySelector("#follow-ups h2, .follow-ups h2")?.textContent, "Preguntas relacionadas");
    assert.match(renderMarkdown(report), /Categoría: salud\./, "the category in Spanish");
  });

  it("checks every claim of a Spanish text and writes how their verdicts add up in Spanish", async () => {
    const { report } = await service.check(
      "Beber café con regularidad reduce el riesgo de diabetes tipo 2. Fumar durante el embarazo duplica el riesgo de muerte súbita del lactante. " +
        "Tomar aspirina todos los días previene el cáncer colorrectal en todos los adultos.",
    );
    assert.equal(report.language, "es");
    assert.equal(report.claims.length, 3);
    assert.match(report.verdict.headline, /^[^:]+: de las tres afirmaciones verificadas, /);
    const summary = report.sections.find((s) => s.kind === "summary")!;
    for (const claim of report.claims) {
      const paragraph = summary.paragraphs.find((p) => p.claimId === claim.id);
      assert.match(paragraph?.heading ?? "", /^(?:Respaldado|Refutado|Engañoso|Contradictorio|Sin verificar): /, claim.text);
    }
    const doc = parse(renderHtml(report));
    assert.equal(doc.querySelectorAll(".claims > ul > li").length, 3);
  });

  const OTHERS = [
    {
      language: "fr",
      question: "Les vaccins causent-ils l'autisme ?",
      claim: "Les vaccins causent l'autisme.",
      answer: /^(?:Oui|Non|En partie|Incertain)\u00a0: /,
      sources: "Sources",
      read: /Cette vérification a lu .* provenant de Wikipedia/,
    },
    {
      language: "de",
      question: "Verursachen Impfungen Autismus?",
      claim: "Impfungen verursachen Autismus.",
      answer: /^(?:Ja|Nein|Teilweise|Unklar): /,
      sources: "Quellen",
      read: /Für diese Prüfung wurde.* gelesen \(Quellen: Wikipedia/,
    },
    {
      language: "pt",
      question: "É verdade que as vacinas causam autismo?",
      claim: "As vacinas causam autismo.",
      answer: /^(?:Sim|Não|Em parte|Não é claro): /,
      sources: "Fontes",
      read: /Esta verificação leu .*\(fontes: Wikipedia/,
    },
  ];
  for (const c of OTHERS) {
    it(`writes a ${c.language} report for a question in that language, the analyst's prose included`, async () => {
      const { report } = await service.check(c.question);
      assert.equal(report.language, c.language);
      assert.deepEqual(
        report.claims.map((cl) => cl.text),
        [c.claim],
      );
      assert.ok(
        wiki.requests.some((r) => r.path === `/${c.language}/w/api.php`),
        `${c.language} Wikipedia was asked`,
      );
      assert.match(report.verdict.headline, c.answer);
      assert.match(report.method.join(" "), c.read);
      const doc = parse(renderHtml(report));
      assert.equal(doc.documentElement.getAttribute("lang"), c.language);
      assert.equal(doc.querySelector("#sources h2")?.textContent, c.sources);
      // A follow-up becomes a check of its own: it must read as the same language.
      for (const f of report.followUps) assert.equal(await detectLanguage(f.question), c.language, f.question);
    });
  }

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
