// URL slugs for report paths: lower-case ASCII words joined by "-".

const MAX_SLUG_CHARS = 60;
const FALLBACK_SLUG = "check";

/** Letters that NFKD does not decompose into ASCII. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŋ: "n",
  ſ: "s",
};

/**
 * A slug for a title: diacritics stripped (NFKD), lower-case ASCII letters and
 * digits, words joined by "-", "&" read as "and", apostrophes dropped ("don't"
 * → "dont"), at most 60 characters cut at a word boundary. Never empty.
 */
export function slugify(title: string): string {
  let s = (title ?? "")
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
  s = s.replace(/[ßæœøłđðþıħŋſ]/g, (ch) => SPECIAL_LETTERS[ch] ?? ch);
  s = s.replace(/&/g, " and ").replace(/['’`]/g, "");
  s = s.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  if (s.length > MAX_SLUG_CHARS) {
    const cut = s.slice(0, MAX_SLUG_CHARS + 1);
    const boundary = cut.lastIndexOf("-");
    s = (boundary > 0 ? cut.slice(0, boundary) : s.slice(0, MAX_SLUG_CHARS)).replace(/-+$/, "");
  }
  return s || FALLBACK_SLUG;
}
