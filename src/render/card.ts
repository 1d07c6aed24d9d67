// The share card: the picture a link to a report shows when it is shared (og:image,
// twitter:image), as an SVG of 1200 × 630 (the size the social sites ask for): the
// report's title, its verdict badge and date, and the site's name; or, for every other
// page, the site's name and tagline. The server renders it to PNG.
import type { Report, VerdictLabel } from "../domain/report.js";
import { collapseWhitespace } from "../domain/text.js";
import { escapeXml } from "./escape.js";
import { VERDICT_COLOURS } from "./report-style.js";
import type { Locale } from "../domain/locale.js";
import { t } from "./i18n/catalog.js";
import { formatDate, verdictWord } from "./words.js";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** The font the card is drawn in (the server gives the renderer its files). */
export const CARD_FONT = "Liberation Sans";

/** The card of a report's version, or the site's card (a path only: pages name it without loading the renderer). */
export function cardPath(report: Pick<Report, "id" | "version"> | null): string {
  return report ? `/cards/${report.id}/${report.version}.png` : "/cards/site.png";
}

export interface CardContent {
  site: string;
  /** The report's title, or the site's tagline on the default card. */
  title: string;
  verdict?: VerdictLabel;
  /** When the report was checked (ISO 8601). */
  checkedAt?: string;
  /** The language of the card's words (English by default). */
  locale?: Locale;
}

const TITLE_SIZE = 60;
const TITLE_LINES = 4;
/** Characters per title line: the font's average width is about half its size. */
const LINE_CHARS = Math.floor((CARD_WIDTH - 160) / (TITLE_SIZE * 0.52));

/** Words into at most `lines` lines of `width` characters; what does not fit ends in "…". */
function wrap(text: string, width: number, lines: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of collapseWhitespace(text).split(" ")) {
    const fitted = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (!line) line = fitted;
    else if (line.length + 1 + fitted.length <= width) line += ` ${fitted}`;
    else {
      out.push(line);
      line = fitted;
    }
  }
  if (line) out.push(line);
  if (out.length <= lines) return out;
  const kept = out.slice(0, lines);
  const last = kept[lines - 1]!;
  kept[lines - 1] = `${last.length < width ? last : last.slice(0, last.lastIndexOf(" ")) || last.slice(0, width - 1)}…`;
  return kept;
}

export function shareCardSvg(card: CardContent): string {
  const lines = wrap(card.title, LINE_CHARS, TITLE_LINES);
  const top = card.verdict ? 250 : 300;
  const title = lines
    .map(
      (line, i) => `<text x="80" y="${top + i * TITLE_SIZE * 1.2}" font-size="${TITLE_SIZE}" font-weight="bold">${escapeXml(line)}</text>`,
    )
    .join("");
  let badge = "";
  if (card.verdict) {
    const word = verdictWord(card.verdict, card.locale);
    const badgeWidth = Math.round(word.length * 26 + 64);
    badge =
      `<rect x="80" y="100" width="${badgeWidth}" height="76" rx="12" fill="${VERDICT_COLOURS[card.verdict]}"/>` +
      `<text x="${80 + badgeWidth / 2}" y="152" font-size="44" font-weight="bold" fill="#ffffff" text-anchor="middle">${escapeXml(word)}</text>`;
  }
  const date = card.checkedAt
    ? `<text x="80" y="570" font-size="32" fill="#5f6368">${escapeXml(t(card.locale ?? "en", "report.checkedOn", { date: formatDate(card.checkedAt, card.locale) }).replace(/\.$/, ""))}</text>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${CARD_FONT}" fill="#1a1a1a">
<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#ffffff"/>
<rect width="${CARD_WIDTH}" height="16" fill="#1d4ed8"/>
${badge}
${title}
${date}
<text x="${CARD_WIDTH - 80}" y="570" font-size="40" font-weight="bold" fill="#1d4ed8" text-anchor="end">${escapeXml(card.site)}</text>
</svg>
`;
}
