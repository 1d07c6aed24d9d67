// The local analyst: no model download, no key. Rules, lexicons, lexical statistics and small
// models the project trains itself on public data (scripts/train).
import type { Claim } from "../../domain/report.js";
import { oppositeWord } from "./cues.js";
import type {
  Draft,
  Evidence,
  IntakeResult,
  Judgement,
  Plan,
  PlannedQuery,
  RankResult,
  ReadDocument,
  WriteInput,
} from "../../domain/analysis.js";
import type { Analyst, AnalystContext } from "../analyst.js";
import type { SentenceEncoder } from "../../domain/embedding.js";
import { classifyInput, cleanTitle, detectLanguage, extractClaims, extractEntities, pickCategory, selectClaims } from "./input/index.js";
import { slugify } from "../../domain/slug.js";
import { localeOf } from "../../domain/locale.js";
import { judgeEvidence } from "./judge.js";
import { rankPassages } from "./rank.js";
import { writeDraft } from "./write/index.js";

export class LocalAnalyst implements Analyst {
  readonly engine = "local" as const;

  /** The encoder reads what claims and passages mean; it is given, so its cache and its model are the caller's choice. */
  constructor(private readonly encoder: SentenceEncoder) {}

  readonly model = null;
  readonly ranker = "local re-ranker (boosted trees) and rationale model, over lexical features and sentence-encoder similarity";

  async intake(text: string, _ctx?: AnalystContext): Promise<IntakeResult> {
    const kind = classifyInput(text);
    const language = await detectLanguage(text);
    // A text is read sentence by sentence: what is not checked is listed with its reason.
    const selected = kind === "text" ? selectClaims(text, language) : { claims: extractClaims(text, kind, language), unchecked: [] };
    const claims: Claim[] = selected.claims.map((c, i) => ({ id: `c${i + 1}`, text: c.text, span: c.span }));
    // A pasted text is titled by its main claim, not by whatever sentence happens to open it.
    const title = kind === "text" && claims[0] ? cleanTitle(claims[0].text, "claim") : cleanTitle(text, kind);
    // A link's claims come from the page once it is read; until then the title stands in.
    if (claims.length === 0) claims.push({ id: "c1", text: title });
    return {
      input: { text, kind },
      title,
      language,
      claims,
      unchecked: selected.unchecked,
      category: pickCategory(`${title} ${claims.map((c) => c.text).join(" ")}`),
      entities: extractEntities(text, language),
      slug: slugify(title),
    };
  }

  async plan(intake: IntakeResult, _ctx?: AnalystContext): Promise<Plan> {
    const queries: PlannedQuery[] = [];
    const names = intake.entities.map((e) => e.name).join(" ");
    for (const claim of intake.claims) {
      queries.push({ claimId: claim.id, text: claim.text, angle: "supporting" });
      // The refuting angle asks for the opposite finding ("increases" → "decreases").
      const opposite = oppositeOf(claim.text);
      if (opposite !== claim.text) queries.push({ claimId: claim.id, text: opposite, angle: "refuting" });
      if (names) queries.push({ claimId: claim.id, text: names, angle: "context" });
    }
    return { queries };
  }

  async rank(claims: Claim[], documents: ReadDocument[], _ctx?: AnalystContext): Promise<RankResult> {
    return rankPassages(claims, documents, this.encoder);
  }

  async judge(claims: Claim[], evidence: Evidence[], _ctx?: AnalystContext): Promise<Judgement> {
    return judgeEvidence(claims, evidence, this.encoder);
  }

  async write(input: WriteInput, _ctx?: AnalystContext): Promise<Draft> {
    // A report in another language than English reports a passage in its own sentence only when the
    // passage is in that language too; any other passage is quoted as it stands.
    const locale = localeOf(input.intake.language);
    if (locale === "en") return writeDraft(input);
    const quotes = [...new Set(input.sources.flatMap((s) => s.evidence.map((e) => e.item.quote)))];
    const languages = await Promise.all(quotes.map((q) => detectLanguage(q)));
    const inLanguage = new Set(quotes.filter((_, i) => languages[i] === locale));
    return writeDraft(input, { inReportLanguage: (quote) => inLanguage.has(quote) });
  }
}

/** The claim with each word that has a known opposite replaced by it. */
function oppositeOf(text: string): string {
  return text.replace(/[\p{L}]+/gu, (word) => oppositeWord(word) ?? word);
}
