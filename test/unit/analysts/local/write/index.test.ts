// The local writer in the input's language: the answer line, the headings, the findings, the bias
// section, the method notes and the follow-ups are written in Spanish, French, German or Portuguese
// for a question in that language; a passage in another language is quoted as it stands, one in the
// report's language is reported in the writer's own sentence; every factual sentence still passes the audit.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { writeDraft } from "../../../../../src/analysts/local/write/index.js";
import type { Draft, NumberedSource, WriteInput } from "../../../../../src/domain/analysis.js";
import type { Locale } from "../../../../../src/domain/locale.js";
import { supportedBy } from "../../../../../src/pipeline/audit.js";
import { detectLanguage } from "../../../../../src/analysts/local/input/language.js";
import { passage, readDoc } from "../../../../helpers/documents.js";

const ENGLISH_QUOTE = "Large studies of millions of children found no link between vaccines and autism.";
const QUOTES: Record<Exclude<Locale, "en">, string> = {
  es: "Numerosos estudios con millones de niños no encontraron ninguna relación entre las vacunas y el autismo.",
  fr: "De nombreuses études portant sur des millions d'enfants n'ont trouvé aucun lien entre les vaccins et l'autisme.",
  de: "Zahlreiche Studien mit Millionen von Kindern fanden keinen Zusammenhang zwischen Impfungen und Autismus.",
  pt: "Numerosos estudos com milhões de crianças não encontraram qualquer relação entre as vacinas e o autismo.",
};
const CASES: { locale: Exclude<Locale, "en">; question: string; claim: string }[] = [
  { locale: "es", question: "¿Las vacunas causan autismo?", claim: "Las vacunas causan autismo." },
  { locale: "fr", question: "Les vaccins causent-ils l'autisme ?", claim: "Les vaccins causent l'autisme." },
  { locale: "de", question: "Verursachen Impfungen Autismus?", claim: "Impfungen verursachen Autismus." },
  { locale: "pt", question: "As vacinas causam autismo?", claim: "As vacinas causam autismo." },
];

function source(n: number, title: string, publisher: string, quote: string): NumberedSource {
  const document = { ...readDoc(title, `${quote} Other sentences follow here.`, n), publisher };
  return {
    n,
    document,
    evidence: [{ item: passage(`e${n}`, quote), judgement: { evidenceId: `e${n}`, stance: "refutes", weight: 0.8 } }],
    stance: "refutes",
  };
}

function inputFor(locale: Locale, question: string, claim: string, sources: NumberedSource[]): WriteInput {
  return {
    intake: {
      input: { text: question, kind: "question" },
      title: question,
      language: locale,
      claims: [{ id: "c1", text: claim }],
      category: "health",
      entities: [],
      slug: "x",
    },
    judgement: {
      evidence: sources.flatMap((s) => s.evidence.map((e) => e.judgement)),
      claims: [{ claimId: "c1", label: "refuted", confidence: 0.7 }],
      overall: { label: "refuted", confidence: 0.7 },
    },
    sources,
    consulted: {
      providers: [
        { id: "wikipedia", status: "ok", results: 2, error: null },
        { id: "library", status: "ok", results: 0, error: null },
      ],
      documentsRead: 2,
    },
  };
}

function sentences(draft: Draft) {
  return draft.sections.flatMap((s) => s.paragraphs.flat());
}

/** The writer's own words: every sentence with what it quotes taken out. */
function ownWords(draft: Draft): string[] {
  const quoted = /[«„“][^»“”]*[»“”]/g;
  return [
    draft.headline,
    ...sentences(draft).map((s) => s.text),
    ...(draft.method ?? []),
    ...draft.sections.flatMap((s) => (s.about ?? []).map((a) => a?.heading ?? "")),
  ].map((t) => t.replace(quoted, " "));
}

const EXPECTED: Record<
  Exclude<Locale, "en">,
  { headline: RegExp; answer: RegExp; refutes: string; quotedEnglish: RegExp; reported: RegExp }
> = {
  es: {
    headline: /^No: las pruebas encontradas contradicen la afirmación «Las vacunas causan autismo»\.$/,
    answer: /^No\. Dos fuentes contradicen la afirmación; ninguna la respalda\.$/,
    refutes: "Lo que contradice la afirmación",
    quotedEnglish: /^Vaccine Review indica: «Large studies of millions of children found no link between vaccines and autism»\.$/,
    reported:
      /^Wikipedia indica que numerosos estudios con millones de niños no encontraron ninguna relación entre las vacunas y el autismo\.$/,
  },
  fr: {
    headline: /^Non\u00a0: les éléments trouvés contredisent l’affirmation «\u00a0Les vaccins causent l'autisme\u00a0»\.$/,
    answer: /^Non\. Deux sources contredisent l’affirmation\u00a0; aucune ne la confirme\.$/,
    refutes: "Ce qui contredit l’affirmation",
    quotedEnglish: /^Vaccine Review indique\u00a0: «\u00a0Large studies .* autism\u00a0»\.$/,
    reported:
      /^Wikipedia indique que de nombreuses études portant sur des millions d'enfants n'ont trouvé aucun lien entre les vaccins et l'autisme\.$/,
  },
  de: {
    headline: /^Nein: Die gefundenen Belege widersprechen der Behauptung „Impfungen verursachen Autismus“\.$/,
    answer: /^Nein\. Zwei Quellen widersprechen der Behauptung; keine stützt sie\.$/,
    refutes: "Was der Behauptung widerspricht",
    quotedEnglish: /^Vaccine Review berichtet: „Large studies .* autism“\.$/,
    // German quotes even a German passage: reported speech would need the subjunctive.
    reported:
      /^Wikipedia berichtet: „Zahlreiche Studien mit Millionen von Kindern fanden keinen Zusammenhang zwischen Impfungen und Autismus“\.$/,
  },
  pt: {
    headline: /^Não: as provas encontradas contradizem a afirmação «As vacinas causam autismo»\.$/,
    answer: /^Não\. A afirmação é contrariada por duas fontes; nenhuma a confirma\.$/,
    refutes: "O que contradiz a afirmação",
    quotedEnglish: /^Vaccine Review indica: «Large studies .* autism»\.$/,
    reported:
      /^Wikipedia indica que numerosos estudos com milhões de crianças não encontraram qualquer relação entre as vacinas e o autismo\.$/,
  },
};

describe("writeDraft in the input's language", () => {
  for (const { locale, question, claim } of CASES) {
    it(`writes a ${locale} report: answer, headings, findings, bias, method and follow-ups`, async () => {
      const sources = [
        source(1, "Vacunas", "Wikipedia", QUOTES[locale]),
        source(2, "Vaccines and autism", "Vaccine Review", ENGLISH_QUOTE),
      ];
      const draft = writeDraft(inputFor(locale, question, claim, sources), { inReportLanguage: (q) => q === QUOTES[locale] });
      const expected = EXPECTED[locale];
      assert.match(draft.headline, expected.headline);
      const summary = draft.sections.find((s) => s.kind === "summary")!;
      assert.match(summary.paragraphs[0]![0]!.text, expected.answer);
      assert.equal(summary.about?.[1]?.heading, expected.refutes);
      const findings = summary.paragraphs[1]!.map((s) => s.text);
      assert.ok(
        findings.some((t) => expected.reported.test(t)),
        findings.join(" | "),
      );
      assert.ok(
        findings.some((t) => expected.quotedEnglish.test(t)),
        findings.join(" | "),
      );
      // Every factual sentence is still carried by its quote.
      for (const s of sentences(draft).filter((s) => s.factual)) {
        assert.ok(
          supportedBy(
            s.text,
            s.quotes.map((q) => q.text),
            ["Wikipedia", "Vaccine Review"],
          ),
          s.text,
        );
      }
      // No English sentence of the writer's own is left.
      for (const words of ownWords(draft)) {
        assert.doesNotMatch(words, /\b(?:the|evidence|claim|found|checked|this|reports?|supports?)\b/i, words);
      }
      assert.ok(draft.method!.some((m) => m.includes("Wikipedia")));
      // The follow-ups ask in the report's language, so that each, checked in turn, is read as that language.
      assert.ok(draft.followUps.length >= 2, draft.followUps.join(" | "));
      for (const q of draft.followUps) assert.equal(await detectLanguage(q), locale, q);
    });
  }

  it("keeps English reports as they were: reported speech, English words", () => {
    const sources = [source(1, "Vaccines and autism", "Vaccine Review", ENGLISH_QUOTE)];
    const draft = writeDraft(inputFor("en", "Do vaccines cause autism?", "Vaccines cause autism.", sources));
    assert.match(draft.headline, /^No: the evidence found contradicts the claim “Vaccines cause autism”\.$/);
    assert.ok(sentences(draft).some((s) => s.text.startsWith("Vaccine Review reports that large studies of millions")));
  });

  it("writes plural and singular forms by the language's rules", () => {
    const one = [source(1, "Vacunas", "Wikipedia", QUOTES.es)];
    const es = writeDraft(inputFor("es", "¿Las vacunas causan autismo?", "Las vacunas causan autismo.", one));
    assert.match(es.sections[0]!.paragraphs[0]![0]!.text, /^No\. Una fuente contradice la afirmación; ninguna la respalda\.$/);
    const de = writeDraft(inputFor("de", "Verursachen Impfungen Autismus?", "Impfungen verursachen Autismus.", one));
    assert.match(de.sections[0]!.paragraphs[0]![0]!.text, /^Nein\. Eine Quelle widerspricht der Behauptung; keine stützt sie\.$/);
    assert.match(de.method!.at(-1)!, /^Für diese Prüfung wurden zwei Dokumente gelesen \(Quellen: Wikipedia, lokale Bibliothek\)\./);
  });
});
