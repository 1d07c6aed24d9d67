// HTML built from template strings where every interpolated value is escaped
// unless it is already HTML built this way (or explicitly marked with `raw`).
import { escapeHtml } from "../render/escape.js";

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** `html\`<p>${untrusted}</p>\``: the interpolations are escaped; nested `html` stays as is. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Trusted markup (from the report renderer, or built here from escaped parts). */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Joins pieces of HTML. */
export function join(parts: readonly HtmlValue[], separator = ""): SafeHtml {
  return new SafeHtml(
    parts
      .map(render)
      .filter((s) => s !== "")
      .join(separator),
  );
}

/** An href that is safe to print: a site path, or an http(s) URL; anything else becomes "#". */
export function safeHref(url: string): string {
  const trimmed = url.trim();
  if (/^\/(?!\/)/.test(trimmed)) return trimmed;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return parsed.href;
  } catch {
    // not a URL
  }
  return "#";
}
