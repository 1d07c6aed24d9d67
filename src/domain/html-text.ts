// HTML fragments → plain text without a DOM, in two strengths: the markup an API wraps around its
// snippets (stripTags), and anything a person typed or pasted, which must come out with no trace of
// HTML at all (stripHtml). Whole pages go through extract/html.ts instead.
import { decodeEntities } from "./entities.js";

/**
 * Plain text from an API's HTML fragment ("<b>Great</b> &quot;Wall&quot;"): tags dropped, then the
 * common entities decoded (so an escaped "&lt;b&gt;" shows as text), spaces collapsed.
 */
export function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ""), { names: "typographic", strict: true })
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Removes HTML (tags, scripts, styles, comments) and entities; never leaves "<" or ">". Entities are
 * decoded first, so markup smuggled in escaped goes too. Spacing is left to the caller.
 */
export function stripHtml(text: string): string {
  let t = decodeEntities(text);
  t = t.replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  t = t.replace(/<(script|style|iframe|object|template|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, " ");
  t = t.replace(/<\/?[a-z!?][^>]*(?:>|$)/gi, " ");
  return t.replace(/[<>]/g, " ");
}
