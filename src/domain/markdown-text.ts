// Markdown → plain text, in two strengths: a whole document, line by line, with its front matter
// and its title (markdownToText, for the library), and the marks alone out of a line someone typed
// (stripMarkdown, for a check's title).
import { normalizeDate } from "./dates.js";
import { collapseWhitespace, normalizeNewlines, truncate } from "./text.js";
import { MAX_DOCUMENT_TITLE_CHARS } from "./titles.js";

interface MarkdownText {
  text: string;
  /** The front-matter title, else the first heading, cut at MAX_DOCUMENT_TITLE_CHARS; null when there is neither. */
  title: string | null;
  author: string | null;
  date: string | null;
}

/**
 * Markdown → plain text, line by line: headings lose their #, emphasis and inline-code marks
 * go, links keep their text, images and HTML tags go, list items stay lines (with their
 * bullet), code blocks keep their content without the fences. A YAML front matter is dropped,
 * its title/author/date kept as metadata.
 */
export function markdownToText(markdown: string): MarkdownText {
  let lines = normalizeNewlines(markdown).split("\n");
  let title: string | null = null;
  let author: string | null = null;
  let date: string | null = null;

  if (lines[0]?.trim() === "---") {
    const end = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (end > 0) {
      for (const line of lines.slice(1, end)) {
        const match = /^(\w+)\s*:\s*(.*)$/.exec(line);
        if (!match) continue;
        const value = collapseWhitespace(match[2]!.replace(/^(["'])(.*)\1$/, "$2"));
        if (!value) continue;
        const key = match[1]!.toLowerCase();
        if (key === "title") title = truncate(value, MAX_DOCUMENT_TITLE_CHARS);
        else if (key === "author") author = value;
        else if (key === "date" || key === "published") date = normalizeDate(value);
      }
      lines = lines.slice(end + 1);
    }
  }

  const out: string[] = [];
  let fence: string | null = null;
  let firstHeading: string | null = null;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (fence) {
      if (line.trim().startsWith(fence)) fence = null;
      else out.push(line);
      continue;
    }
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    // HTML comments, possibly over several lines.
    if (inComment) {
      const close = line.indexOf("-->");
      if (close < 0) continue;
      line = line.slice(close + 3);
      inComment = false;
    }
    line = line.replace(/<!--[\s\S]*?-->/g, "");
    const open = line.indexOf("<!--");
    if (open >= 0) {
      line = line.slice(0, open);
      inComment = true;
    }

    // Setext heading underline: the previous line was the heading.
    if (
      /^\s{0,3}(=+|-+)\s*$/.test(line) &&
      out.length &&
      out[out.length - 1]!.trim() &&
      !/^\s{0,3}([-*+]|\d+[.)])\s/.test(lines[i - 1] ?? "")
    ) {
      if (firstHeading === null) firstHeading = collapseWhitespace(out[out.length - 1]!);
      continue;
    }
    // Thematic breaks, link reference definitions and table separator rows carry no text.
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push("");
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s*\S+/.test(line)) continue;
    if (/^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line) && line.includes("-") && line.includes("|")) continue;

    const heading = /^\s{0,3}#{1,6}(?:\s+(.*?))?(?:\s+#+)?\s*$/.exec(line);
    if (heading) {
      const text = inline(heading[1] ?? "");
      if (firstHeading === null && text.trim()) firstHeading = collapseWhitespace(text);
      out.push(text);
      continue;
    }
    // Blockquote markers go; list markers stay.
    line = line.replace(/^(\s*>)+\s?/, "");
    const bullet = /^(\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?)(.*)$/.exec(line);
    if (bullet) out.push(bullet[1]!.replace(/\[[ xX]\]\s+$/, "") + inline(bullet[2]!));
    else out.push(inline(line));
  }

  const text = out
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text, title: title ?? (firstHeading ? truncate(firstHeading, MAX_DOCUMENT_TITLE_CHARS) : null), author, date };
}

/** Inline markup of one line → its text. Code spans are kept verbatim (without backticks). */
function inline(line: string): string {
  const parts = line.split(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/);
  // split with two groups: [text, ticks, code, text, ticks, code, ..., text]
  let result = "";
  for (let i = 0; i < parts.length; i += 3) {
    result += inlineText(parts[i] ?? "");
    if (i + 2 < parts.length) result += (parts[i + 2] ?? "").trim() || parts[i + 2]!;
  }
  return result;
}

/** Backslash-escaped punctuation is hidden in the private use area while markup is removed. */
const ESCAPE_BASE = 0xe000;

function inlineText(text: string): string {
  return (
    text
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~<])/g, (_, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)))
      // Images go entirely (inline and reference style), then links keep their text.
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, "")
      .replace(/\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
      .replace(/<((?:https?|mailto):[^>\s]+)>/gi, "$1")
      // HTML tags.
      .replace(/<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, "")
      // Emphasis and strike-through; intraword underscores (snake_case) are not emphasis.
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
      .replace(/(^|[^\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?!\*)/g, "$1$2")
      .replace(/(^|[^\w*])\*(?=[^\s*])([^*]*?[^\s*])\*(?!\*)/g, "$1$2")
      .replace(/(^|\W)_(?=\S)([^_]*?\S)_(?!\w)/g, "$1$2")
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1")
      .replace(/[\ue000-\ue07f]/g, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE))
      .replace(/&nbsp;/g, " ")
      .replace(/&amp;/g, "&")
  );
}

/** Removes Markdown markup, keeping the words: links/images give their text, emphasis and code marks go. */
export function stripMarkdown(text: string): string {
  let t = text;
  t = t.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1");
  t = t.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1");
  t = t.replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1");
  t = t.replace(/^\s{0,3}(?:#{1,6}\s+|>+\s?|[-*+•]\s+|\d{1,3}[.)]\s+)/gm, "");
  t = t.replace(/^\s*(?:[-*_]\s*){3,}$/gm, " ");
  t = t.replace(/(^|[^\p{L}\p{N}])_{1,3}(?=\S)|(?<=\S)_{1,3}(?=[^\p{L}\p{N}]|$)/gu, "$1");
  t = t.replace(/[*`]+|~~/g, "");
  t = t.replace(/#{1,6}\s*$/gm, "");
  return t;
}
