// The style rules of a report's text that the standalone HTML report and the website's stylesheet
// share, in the groups each of them places. A rule both have but write differently (the verdict
// badge's size, the muted colours) stays with each.
import type { VerdictLabel } from "../domain/report.js";

/** The report's headings. */
export const REPORT_HEADINGS_CSS = `.report h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .75rem; }
.report h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
.report h3 { font-size: 1.05rem; margin-bottom: .25rem; }`;

/** The colour of each verdict's badge (on the page, and on the share card). */
export const VERDICT_COLOURS: Record<VerdictLabel, string> = {
  supported: "#15803d",
  refuted: "#b91c1c",
  misleading: "#c2410c",
  conflicting: "#7c3aed",
  unverified: "#6b7280",
};

export const VERDICT_COLOURS_CSS = Object.entries(VERDICT_COLOURS)
  .map(([label, colour]) => `.verdict-${label} { background: ${colour}; }`)
  .join("\n");

/** The headline of the classic layout and the answer of the briefing. */
export const REPORT_HEADLINE_CSS = `.headline, .answer { font-size: 1.1rem; }`;

/** The machine notice, citation marks, sources and their quotes, and the provenance footer. */
export const REPORT_BODY_CSS = `.notice { font-size: .9rem; font-style: italic; }
.cite { text-decoration: none; font-size: .8em; vertical-align: super; }
.sources li { margin-bottom: .75rem; overflow-wrap: anywhere; }
.sources :target { background: rgba(250, 204, 21, .25); }
blockquote { margin: .4rem 0 .4rem 1rem; padding-left: .75rem; border-left: 3px solid var(--line); }
.provenance { margin-top: 2.5rem; border-top: 1px solid var(--line); font-size: .85rem; }`;
