// One entry point for every export format of a report (CLI, API, website).
import type { Report } from "../domain/report.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import type { Layout } from "./words.js";

export type { Layout } from "./words.js";

export const REPORT_FORMATS = ["markdown", "json", "html"] as const;
export type ReportFormat = "markdown" | "json" | "html";

export interface RenderOptions {
  /** Markdown and HTML only. */
  layout?: Layout;
  /** HTML only: a complete document (default) or only the <article> fragment. */
  standalone?: boolean;
}

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  markdown: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
  html: "text/html; charset=utf-8",
};

export const REPORT_FILE_EXTENSIONS: Record<ReportFormat, string> = {
  markdown: "md",
  json: "json",
  html: "html",
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
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
