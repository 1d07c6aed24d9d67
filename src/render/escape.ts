// HTML and XML escaping for untrusted text. Everything that comes from a report (or a
// user) goes through here before it reaches HTML, a feed or an image, in text and in attributes.

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes & < > " ' so the result is safe as HTML text and as a quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Text for XML 1.0 (feeds, SVG): the HTML escapes (numeric references are XML too), without the control characters XML forbids. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ""));
}
