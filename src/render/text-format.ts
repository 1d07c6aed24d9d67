// One entry point for every export format of a report (CLI, API, website).
import type { Report } from "../domain/report.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import type { ReportLayout } from "./words.js";

export type ReportFormat = "markdown" | "json" | "html";

interface RenderOptions {
  /** Markdown and HTML only. */
  layout?: ReportLayout;
  /** HTML only: a complete document (default) or only the <article> fragment. */
  standalone?: boolean;
}

export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case "markdown":
      return renderMarkdown(report, options.layout ? { layout: options.layout } : {});
    case "html":
      return renderHtml(report, options);
    case "json":
      return JSON.stringify(report, null, 2);
    default: {
      const unknown: never = format;
      throw new Error(`Unknown report format: ${String(unknown)}`);
    }
  }
}
