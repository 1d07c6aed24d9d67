// Dates as a reader writes them, in the page's language: "6 December 2026", "6 de diciembre de
// 2026", "6. Dezember 2026". Partial dates keep their precision ("June 2021", "2021").
import type { Locale } from "../../domain/locale.js";

/** The Intl locale that writes each of Verity's languages day first ("6 December", not "December 6"). */
const INTL_LOCALES: Record<Locale, string> = { en: "en-GB", es: "es", fr: "fr", de: "de", pt: "pt" };

const DAY: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
const MONTH: Intl.DateTimeFormatOptions = { month: "long", year: "numeric", timeZone: "UTC" };

/**
 * A date ("2026-12-06", an ISO timestamp, "2021-06", "2021") in words, by its UTC day. Text that is
 * not a date is returned trimmed, unchanged.
 */
export function formatDate(value: string, locale: Locale = "en"): string {
  const trimmed = value.trim();
  if (/^\d{4}$/.test(trimmed)) return trimmed;
  const month = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return Number.isNaN(date.getTime()) || Number(month[2]) > 12
      ? trimmed
      : new Intl.DateTimeFormat(INTL_LOCALES[locale], MONTH).format(date);
  }
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
  if (Number.isNaN(time)) return trimmed;
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], DAY).format(new Date(time));
}

/** The English name of a language tag ("it" → "Italian"), or the tag itself when Intl has none. */
export function languageName(tag: string): string {
  try {
    const name = new Intl.DisplayNames(["en"], { type: "language" }).of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}
