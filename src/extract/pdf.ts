// Text and metadata out of a PDF, with pdf.js (legacy build: the one that runs in Node).
// In Node the legacy build needs no separate worker: it loads its worker code in-process.
import { BadInputError, errorMessage } from "../domain/errors.js";
import { normalizePdfDate, normalizeXmpDate } from "../domain/dates.js";
import { collapseWhitespace } from "../domain/text.js";

interface ExtractedPdf {
  title: string | null;
  text: string;
  author: string | null;
  publishedAt: string | null;
  pages: number;
}

interface Line {
  text: string;
  /** Baseline of the line's first item, in PDF units (upwards). */
  y: number;
  /** Font height of the line's first item. */
  height: number;
}

interface PdfTextItem {
  str: string;
  hasEOL: boolean;
  transform: number[];
  height: number;
}

function isTextItem<T extends object>(item: T): item is T & PdfTextItem {
  return typeof (item as { str?: unknown }).str === "string";
}

export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  // Loaded on the first PDF, not with every command (about 150 ms of start-up).
  const { getDocument, VerbosityLevel } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js refuses Node Buffers, and may detach what it is given: hand it a private plain copy.
  const data = new Uint8Array(bytes.byteLength);
  data.set(bytes);
  const task = getDocument({
    data,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    let doc;
    try {
      doc = await task.promise;
    } catch (error) {
      throw translateOpenError(error);
    }
    const pages: string[] = [];
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const text = pageText(content.items.filter(isTextItem));
        if (text) pages.push(text);
        page.cleanup();
      }
    } catch (error) {
      throw new BadInputError(`unreadable PDF: ${oneLine(errorMessage(error))}`);
    }
    const text = pages.join("\n\n");
    if (!text.trim()) throw new BadInputError("PDF has no extractable text (scanned image?)");

    const { title, author, publishedAt } = await readMetadata(doc);
    return { title, text, author, publishedAt, pages: doc.numPages };
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

/** Why extractPdf failed, in full, for the library's ingest report: "encrypted PDF: a password is required". */
export function pdfErrorMessage(error: unknown): string {
  return error instanceof BadInputError ? error.message : `unreadable PDF: ${collapseWhitespace(errorMessage(error))}`;
}

/** Why extractPdf failed, in two words, for a report's provenance. */
export function pdfErrorReason(error: unknown): "no readable text" | "encrypted PDF" | "unreadable PDF" {
  const message = errorMessage(error);
  return /no extractable text/i.test(message) ? "no readable text" : /encrypted/i.test(message) ? "encrypted PDF" : "unreadable PDF";
}

function translateOpenError(error: unknown): Error {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return new BadInputError("encrypted PDF: a password is required");
  if (error instanceof BadInputError) return error;
  const message = oneLine(errorMessage(error)).replace(/\.$/, "");
  return new BadInputError(`unreadable PDF: ${message || "unknown error"}`);
}

function oneLine(text: string): string {
  return collapseWhitespace(text).slice(0, 300);
}

/**
 * Joins the items of a page into lines (pdf.js marks line ends with hasEOL), and the lines into
 * paragraphs: a vertical gap clearly wider than the page's usual line spacing starts a new one.
 * Lines of a paragraph are joined with a space (or nothing after a trailing hyphen).
 */
function pageText(items: PdfTextItem[]): string {
  const lines: Line[] = [];
  let current: Line | null = null;
  for (const item of items) {
    if (item.str) {
      if (!current) {
        current = { text: "", y: item.transform[5] ?? 0, height: Math.abs(item.height || item.transform[3] || 0) };
      }
      current.text += item.str;
    }
    if (item.hasEOL && current) {
      pushLine(lines, current);
      current = null;
    }
  }
  if (current) pushLine(lines, current);
  if (lines.length === 0) return "";

  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const gap = lines[i - 1]!.y - lines[i]!.y;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  let usual = gaps.length ? gaps[Math.floor((gaps.length - 1) / 2)]! : 0;
  if (gaps.length < 4) {
    // Too few lines to learn the page's spacing from: assume ordinary single spacing.
    const heights = lines.map((line) => line.height).sort((a, b) => a - b);
    usual = Math.min(usual, (heights[Math.floor((heights.length - 1) / 2)] ?? 0) * 1.25);
  }

  const paragraphs: string[] = [];
  let paragraph = lines[0]!.text;
  for (let i = 1; i < lines.length; i++) {
    const previous = lines[i - 1]!;
    const line = lines[i]!;
    const gap = previous.y - line.y;
    const height = Math.max(previous.height, line.height, 1);
    // Upwards (a new column), or well past the usual spacing and the font size: a new paragraph.
    const breaks = gap < -height * 0.5 || (gap > usual * 1.4 && gap > height * 1.3);
    if (breaks) {
      paragraphs.push(paragraph);
      paragraph = line.text;
    } else if (/[\p{L}\p{N}]-$/u.test(paragraph)) {
      paragraph += line.text;
    } else {
      paragraph += " " + line.text;
    }
  }
  paragraphs.push(paragraph);
  return paragraphs.join("\n\n");
}

function pushLine(lines: Line[], line: Line): void {
  const text = collapseWhitespace(line.text);
  if (text) lines.push({ ...line, text });
}

async function readMetadata(doc: {
  getMetadata(): Promise<{ info: object; metadata: { get(name: string): unknown } | null }>;
}): Promise<{ title: string | null; author: string | null; publishedAt: string | null }> {
  let info: Record<string, unknown> = {};
  let xmp: { get(name: string): unknown } | null = null;
  try {
    const meta = await doc.getMetadata();
    info = meta.info as Record<string, unknown>;
    xmp = meta.metadata;
  } catch {
    // Broken metadata is not a reason to drop the text.
  }
  const fromXmp = (name: string): string | null => {
    try {
      return cleanString(xmp?.get(name));
    } catch {
      return null;
    }
  };
  let title = cleanString(info["Title"]) ?? fromXmp("dc:title");
  if (title) {
    title = title.replace(/^Microsoft (?:Word|PowerPoint|Excel) - /i, "");
    if (/^untitled$/i.test(title) || /^[\w -]+\.(?:docx?|pptx?|xlsx?|pdf|tex|dvi|indd|odt)$/i.test(title)) title = null;
  }
  const author = cleanString(info["Author"]) ?? fromXmp("dc:creator");
  const created = cleanString(info["CreationDate"]);
  const publishedAt = (created && normalizePdfDate(created)) ?? normalizeXmpDate(fromXmp("xmp:createdate"));
  return { title: title || null, author, publishedAt };
}

function cleanString(value: unknown): string | null {
  if (Array.isArray(value)) value = value.filter((v) => typeof v === "string").join(", ");
  if (typeof value !== "string") return null;
  const text = collapseWhitespace(value.replace(/\p{Cc}/gu, " "));
  return text ? text : null;
}
