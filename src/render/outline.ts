// What a report shows, and in what order, decided once for both renderers: whether the input is
// repeated and the claims listed, the sections in order, the briefing's findings, what is said of
// each source and fact-check, and the footer's sentences. Nothing here escapes anything: each
// renderer escapes for its own format (the footer takes the renderer's escaper).
import { SECTION_KINDS, SECTION_TITLES, type Report, type Section, type Source } from "../domain/report.js";
import { collapseWhitespace, splitSentences, truncate } from "../domain/text.js";
import { isSupportedLanguage, localeOf, type Locale } from "../domain/locale.js";
import { t } from "./i18n/catalog.js";
import { languageName } from "./i18n/dates.js";
import { categoryWord, formatDate, formatMs, stripCitations } from "./words.js";

/** The longest input repeated under "Submitted as"; the full text stays in the JSON. */
const MAX_SUBMITTED_CHARS = 500;

/** The longest first sentence that can stand as a briefing finding's heading (older reports carry no headings). */
const MAX_FINDING_HEADING_CHARS = 100;

/** Method notes that older reports wrote as paragraphs; they are shown under "How this was checked" instead. */
const OLD_METHOD_NOTE = /^(?:This reading is (?:automatic|lexical)|This check read \w+ documents?)\b/;

interface ShownParagraph {
  text: string;
  /** What the paragraph finds, in a few words (a named sub-topic, a claim's verdict). */
  heading?: string;
  /** The claim whose evidence the paragraph gives, when it is one claim's of several. */
  claimId?: string;
}

interface ShownSection {
  kind: Section["kind"];
  title: string;
  paragraphs: ShownParagraph[];
}

interface Finding {
  heading: string;
  /** The whole paragraph, citation markers included. */
  text: string;
  sectionKind: Section["kind"];
}

type SourceLocation =
  /** A web page: `href` is the parsed, normalised http(s) URL, `text` the URL as stored. */
  | { kind: "web"; href: string; text: string }
  /** A library document without a public link (its id stays in the JSON, never on the page). */
  | { kind: "library"; id: string }
  /** Anything else (javascript:, data:, garbage): shown as text, never as a link. */
  | { kind: "other"; text: string };

export interface ShownSource {
  source: Source;
  /** Publisher, author, date and reliability note, those that are known, in that order. */
  details: string[];
  location: SourceLocation;
  /** The quoted passages as shown: one cut mid-sentence is marked with "…" where it was cut. */
  quotes: string[];
}

interface ShownFactCheck {
  /** Who rated which claim how, and when, in plain words. */
  summary: string;
  url: string;
  title: string | null;
}

export interface Outline {
  /** The language the report's fixed words are in: the input's, when Verity writes in it, else English. */
  locale: Locale;
  /** The English name of the input's language when Verity does not write in it (the report says so), else null. */
  unsupportedLanguage: string | null;
  /** The input to show under "Submitted as", or null when it is just the title again. */
  submitted: string | null;
  /** The claims are listed when there are several, when the one claim is not the title, or when sentences were left unchecked. */
  listsClaims: boolean;
  /** The claims that have a paragraph of their own giving their evidence (what "Claims checked" links to). */
  claimsWithEvidence: ReadonlySet<string>;
  /** Sections in the order summary, context, bias (stable within a kind), without empty ones. */
  sections: ShownSection[];
  /** One finding per paragraph of all sections, in section order (the briefing layout). */
  findings: Finding[];
  factChecks: ShownFactCheck[];
  sources: ShownSource[];
  /** "How this was checked": the method's notes, apart from the findings. */
  method: string[];
}

export function outline(report: Report): Outline {
  const locale = localeOf(report.language);
  return {
    locale,
    unsupportedLanguage: unsupportedLanguage(report.language),
    submitted: submittedText(report),
    listsClaims: shouldListClaims(report),
    claimsWithEvidence: new Set(report.sections.flatMap((s) => s.paragraphs.flatMap((p) => (p.claimId ? [p.claimId] : [])))),
    sections: orderedSections(report, locale),
    findings: briefingFindings(report, locale),
    factChecks: report.factChecks.map((f) => ({ summary: factCheckSummary(f, locale), url: f.url, title: f.title })),
    sources: report.sources.map((source) => ({
      source,
      details: sourceDetails(source, locale),
      location: sourceLocation(source.url),
      quotes: source.quotes.filter((q) => q.trim() !== "").map(shownQuote),
    })),
    method: [
      ...report.method,
      ...report.sections.flatMap((s) => s.paragraphs.map((p) => p.text).filter((t) => OLD_METHOD_NOTE.test(t.trim()))),
    ],
  };
}

function comparable(text: string): string {
  return collapseWhitespace(text)
    .toLowerCase()
    .replace(/[\s\p{P}]+$/u, "");
}

/** Whether two texts differ other than by case, spacing and trailing punctuation. */
function differsFrom(a: string, b: string): boolean {
  return comparable(a) !== comparable(b);
}

function submittedText(report: Report): string | null {
  if (!report.input.text.trim() || !differsFrom(report.input.text, report.title)) return null;
  return truncate(collapseWhitespace(report.input.text), MAX_SUBMITTED_CHARS);
}

function shouldListClaims(report: Report): boolean {
  if (report.claims.length > 1 || report.unchecked.length > 0) return true;
  const only = report.claims[0];
  return only !== undefined && differsFrom(only.text, report.title);
}

/** The English name of a language Verity does not write in; null for its own five and for what is no language tag. */
function unsupportedLanguage(language: string): string | null {
  const tag = language.trim();
  if (isSupportedLanguage(tag) || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return null;
  return languageName(tag);
}

/** A section's title: the analyst's, unless it is the English default of a report in another language. */
function sectionTitle(section: Section, locale: Locale): string {
  const title = section.title.trim();
  const english = SECTION_TITLES[section.kind];
  if (!title || (locale !== "en" && english && comparable(title) === comparable(english))) {
    return english ? t(locale, `section.${section.kind}`) : title || section.kind;
  }
  return title;
}

function orderedSections(report: Report, locale: Locale): ShownSection[] {
  const rank = (kind: Section["kind"]) => {
    const i = SECTION_KINDS.indexOf(kind);
    return i === -1 ? SECTION_KINDS.length : i;
  };
  return [...report.sections]
    .map((section, index) => ({ section, index }))
    .sort((a, b) => rank(a.section.kind) - rank(b.section.kind) || a.index - b.index)
    .map(({ section }) => ({
      kind: section.kind,
      title: sectionTitle(section, locale),
      paragraphs: section.paragraphs
        .filter((p) => p.text.trim() !== "" && !OLD_METHOD_NOTE.test(p.text.trim()))
        .map((p) => ({
          text: p.text,
          ...(p.claimId ? { claimId: p.claimId } : {}),
          ...(p.heading?.trim() ? { heading: collapseWhitespace(p.heading) } : {}),
        })),
    }))
    .filter((section) => section.paragraphs.length > 0);
}

function briefingFindings(report: Report, locale: Locale): Finding[] {
  const findings: Finding[] = [];
  for (const section of orderedSections(report, locale)) {
    for (const { text, heading } of section.paragraphs) {
      findings.push({ heading: heading ?? headingOf(text, section.title), text, sectionKind: section.kind });
    }
  }
  return findings;
}

/** An older paragraph's heading: its first sentence when it is short enough to read whole, else its section's title (never words cut with "…"). */
function headingOf(text: string, fallback: string): string {
  const first = collapseWhitespace(splitSentences(stripCitations(text))[0]?.text ?? "").replace(/(?<!\.)\.$/, "");
  return first && first.length <= MAX_FINDING_HEADING_CHARS ? first : fallback;
}

/** A quote as shown: whole sentences as they are; one that starts or ends mid-sentence gets "…" there. */
export function shownQuote(quote: string): string {
  let q = collapseWhitespace(quote);
  if (!/[.!?…:;]["”’'»)\]]*$/u.test(q)) q = `${q.replace(/[\s,]+$/, "")}…`;
  if (/^[\p{Ll},;]/u.test(q)) q = `…${q}`;
  return q;
}

function sourceDetails(source: Source, locale: Locale): string[] {
  const parts: string[] = [];
  for (const part of [source.publisher, source.author]) {
    if (part && part.trim()) parts.push(collapseWhitespace(part));
  }
  if (source.publishedAt && source.publishedAt.trim()) parts.push(formatDate(source.publishedAt, locale));
  if (source.reliabilityNote && source.reliabilityNote.trim())
    parts.push(t(locale, "source.note", { note: collapseWhitespace(source.reliabilityNote) }));
  return parts;
}

function factCheckSummary(f: Report["factChecks"][number], locale: Locale): string {
  return t(locale, "factCheck.rated", {
    publisher: collapseWhitespace(f.publisher),
    claim: collapseWhitespace(f.claim),
    claimant: f.claimant ? t(locale, "factCheck.claimant", { claimant: collapseWhitespace(f.claimant) }) : "",
    rating: collapseWhitespace(f.rating),
    date: f.reviewedAt ? `, ${formatDate(f.reviewedAt, locale)}` : "",
  });
}

function sourceLocation(url: string): SourceLocation {
  const text = url.trim();
  if (/^library:/i.test(text)) return { kind: "library", id: text.slice("library:".length) };
  if (/^https?:\/\//i.test(text)) {
    try {
      const parsed = new URL(text);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") {
        return { kind: "web", href: parsed.href, text };
      }
    } catch {
      // not a URL: shown as text
    }
  }
  return { kind: "other", text };
}

interface FooterText {
  /** How the report was made: engine, model, fallback, Verity's version, then the stage timings. */
  made: string;
  /** What it is about: its category and the entities it names; "" when it has neither. */
  about: string;
}

/**
 * The footer's sentences, every piece of report text through `escape`. An engine that escapes to
 * nothing reads "unknown" with `unknownBlankEngine` (HTML has always done so; Markdown prints it
 * empty, and still does).
 */
export function footerText(report: Report, escape: (text: string) => string, options: { unknownBlankEngine?: boolean } = {}): FooterText {
  const p = report.provenance;
  const locale = localeOf(report.language);
  const engine = options.unknownBlankEngine ? escape(p.engine) || "unknown" : escape(p.engine || "unknown");
  let made = t(locale, "footer.engine", { engine });
  if (p.model && p.model.trim()) made += `, ${t(locale, "footer.model", { model: escape(p.model) })}`;
  if (p.fallback && p.fallback.trim()) made += `, ${t(locale, "footer.fallback", { fallback: escape(p.fallback) })}`;
  if (p.codeVersion && p.codeVersion.trim()) made += `, Verity ${escape(p.codeVersion)}`;
  const timings = p.timings.filter((timing) => timing.stage.trim().toLowerCase() !== "total");
  const explicitTotal = p.timings.find((timing) => timing.stage.trim().toLowerCase() === "total");
  const totalMs = explicitTotal ? explicitTotal.ms : timings.reduce((sum, t) => sum + t.ms, 0);
  const stages = timings.map((timing) => `${escape(timing.stage)} ${formatMs(timing.ms)}`);
  made += `. ${t(locale, "footer.timings", { timings: [...stages, `${t(locale, "footer.total")} ${formatMs(totalMs)}`].join(", ") })}`;

  const category = report.category.trim() ? report.category.trim() : null;
  const entities = report.entities.map((e) => collapseWhitespace(e.name)).filter((name) => name !== "");
  const about = [
    category ? t(locale, "footer.category", { category: escape(categoryWord(category, locale)) }) : "",
    entities.length > 0 ? t(locale, "footer.mentions", { names: entities.map(escape).join(", ") }) : "",
  ]
    .filter(Boolean)
    .join(" ");
  return { made, about };
}
