// The languages Verity writes reports and pages in. Any other language gets an English report that
// says so. Each area keeps its own words in a catalog typed by the English one
// (`const WORDS: Record<Locale, typeof EN>`), so a missing translation is a compile error.
export const LOCALES = ["en", "es", "fr", "de", "pt"] as const;
export type Locale = (typeof LOCALES)[number];

/** Whether a language tag ("es", "pt-BR") is one Verity writes in. */
export function isSupportedLanguage(language: string | null | undefined): boolean {
  return (LOCALES as readonly string[]).includes(primarySubtag(language));
}

/** The locale to write in for a language tag: its primary subtag when supported, otherwise English. */
export function localeOf(language: string | null | undefined): Locale {
  const primary = primarySubtag(language);
  return (LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : "en";
}

function primarySubtag(language: string | null | undefined): string {
  return (language ?? "").trim().split(/[-_]/)[0]?.toLowerCase() ?? "";
}
