// HTML character references → characters, for text that never goes through a DOM: search
// snippets, JSON-LD strings, titles people paste. Callers choose how much to decode, so that a
// source's text comes out as it always has.

/** The references markup needs: the XML five and the no-break space (read as a plain space). */
const MARKUP: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Also the ellipsis and the dashes search APIs write in titles and snippets. */
const TYPOGRAPHIC: Record<string, string> = { ...MARKUP, hellip: "…", ndash: "–", mdash: "—" };

/** Also quotes, symbols, common accented letters and invisible spaces: what people paste. */
const TEXT: Record<string, string> = {
  ...TYPOGRAPHIC,
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  copy: "©",
  reg: "®",
  trade: "™",
  deg: "°",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  times: "×",
  divide: "÷",
  middot: "·",
  bull: "•",
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  aacute: "á",
  agrave: "à",
  acirc: "â",
  iacute: "í",
  oacute: "ó",
  uacute: "ú",
  ntilde: "ñ",
  ccedil: "ç",
  uuml: "ü",
  ouml: "ö",
  auml: "ä",
  szlig: "ß",
  shy: "",
  zwj: "",
  zwnj: "",
  thinsp: " ",
  ensp: " ",
  emsp: " ",
};

const NAMES = { markup: MARKUP, typographic: TYPOGRAPHIC, text: TEXT };

export interface EntityOptions {
  /** Which named references are decoded ("text", the most, by default); the others stay as written. */
  names?: keyof typeof NAMES;
  /**
   * Only well-formed references: with their ";", and numbers that are characters (others stay as
   * written). By default references are read as browsers read text: the ";" may be missing, and a
   * number that is no character is dropped.
   */
  strict?: boolean;
}

/** Decodes HTML character references in one pass ("&amp;lt;" becomes "&lt;", not "<"). */
export function decodeEntities(text: string, options: EntityOptions = {}): string {
  if (!text.includes("&")) return text;
  const names = NAMES[options.names ?? "text"];
  const strict = options.strict ?? false;
  const reference = strict ? /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi : /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,8});?/gi;
  return text.replace(reference, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (strict) return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "";
      return String.fromCodePoint(code);
    }
    return names[ref.toLowerCase()] ?? whole;
  });
}
