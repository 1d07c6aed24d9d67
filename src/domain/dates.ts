// Dates as sources write them → ISO 8601. One dialect per kind of source, sharing the calendar
// check and the time-zone handling: pages and documents (normalizeDate), search APIs
// (normalizeApiDate), PDF metadata (normalizePdfDate, normalizeXmpDate).
import { collapseWhitespace } from "./text.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** 1-12 for a month name or its abbreviation ("Sept.", "January"), by its first three letters; else null. */
function monthNumber(name: string): number | null {
  const index = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return index < 0 ? null : index + 1;
}

/** Midnight UTC of that day, when it exists (no 30 February). */
function utcDay(year: number, month: number, day: number): Date | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCDate() === day ? date : null;
}

/** "YYYY-MM-DD" for a real day of a four-digit year, else null. */
function isoDate(year: number, month: number, day: number): string | null {
  if (!(year >= 1000 && year <= 9999) || !utcDay(year, month, day)) return null;
  return `${String(year)}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "+01:00" for "+01", "+0100" or "+01:00"; "Z" for Z, UTC and GMT; null for anything else. */
function zoneOffset(zone: string): string | null {
  const upper = zone.toUpperCase();
  if (upper === "Z" || upper === "UTC" || upper === "GMT") return "Z";
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(upper);
  return m ? `${m[1]}${m[2]}:${m[3] ?? "00"}` : null;
}

/**
 * The UTC timestamp of `${date}T${time}` (time with its zone), or null when JavaScript cannot read it.
 * Not a calendar check: JavaScript rolls 30 February over into March.
 */
function utcStamp(date: string, time: string): string | null {
  const ms = Date.parse(`${date}T${time}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/**
 * A date as pages write it → ISO 8601. "2020-01-31", "2020-01-31T10:00:00+01:00" (→ UTC timestamp),
 * "2020-01-31T10:00:00" (no zone: the date only), "2020/01/31", "20200131", "January 31, 2020",
 * "31 Jan 2020", RFC 2822. Anything without a four-digit year, or not a real date, → null.
 */
export function normalizeDate(raw: string): string | null {
  const s = collapseWhitespace(raw);
  if (!s || s.length > 64) return null;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/i.exec(
    s,
  );
  if (match) {
    const [, y, mo, d, h, mi, sec, zone] = match;
    const date = isoDate(Number(y), Number(mo), Number(d));
    if (!date || h === undefined || zone === undefined) return date;
    return timestamp(date, Number(h), Number(mi), Number(sec ?? 0), zone) ?? date;
  }
  match = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{4})-(\d{2})$/.exec(s);
  if (match) return isoDate(Number(match[1]), Number(match[2]), 1)?.slice(0, 7) ?? null;
  if (/^\d{4}$/.test(s)) return Number(s) >= 1000 ? s : null;

  // Month names: "January 31, 2020", "31 Jan 2020", "Fri, 31 Jan 2020 10:00:00 GMT".
  const words = s.replace(/^[A-Za-z]{3,9},\s*/, "");
  const monthFirst = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/.exec(words);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(.*)$/.exec(words);
  const parts = monthFirst
    ? { month: monthFirst[1]!, day: monthFirst[2]!, year: monthFirst[3]!, rest: monthFirst[4]! }
    : dayFirst
      ? { month: dayFirst[2]!, day: dayFirst[1]!, year: dayFirst[3]!, rest: dayFirst[4]! }
      : null;
  if (!parts) return null;
  const month = monthNumber(parts.month);
  if (!month) return null;
  const date = isoDate(Number(parts.year), month, Number(parts.day));
  if (!date) return null;
  const time = /^\s*,?\s*(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})\s*$/i.exec(parts.rest);
  if (time) return timestamp(date, Number(time[1]), Number(time[2]), Number(time[3] ?? 0), time[4]!) ?? date;
  return date;
}

/** A checked time of a checked date as a UTC timestamp; a leap second is read as :59. */
function timestamp(date: string, h: number, mi: number, sec: number, zone: string): string | null {
  if (h > 23 || mi > 59 || sec > 60) return null;
  const offset = zoneOffset(zone);
  if (offset === null) return null;
  const pad = (n: number): string => String(n).padStart(2, "0");
  return utcStamp(date, `${pad(h)}:${pad(mi)}:${pad(Math.min(sec, 59))}${offset}`);
}

/**
 * An ISO timestamp from the date strings search APIs return: ISO 8601 (with or without time or
 * zone; no zone means UTC), "YYYY-MM-DD", "May 17, 2023", "17 May 2023". Relative ages ("3 days
 * ago") and anything unparseable give null. Unlike normalizeDate, always a full timestamp.
 */
export function normalizeApiDate(value: unknown): string | null {
  const text = typeof value === "string" && value.trim() !== "" ? value.trim() : null;
  if (!text || /\bago\b/i.test(text)) return null;
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
  if (m) {
    const offset = zoneOffset(m[7] ?? "Z");
    return offset === null ? null : utcStamp(`${m[1]}-${m[2]}-${m[3]}`, `${m[4] ?? "00"}:${m[5] ?? "00"}:${m[6] ?? "00"}${offset}`);
  }
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (m) return writtenDay(Number(m[3]), m[1]!, Number(m[2]));
  m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]*\.?,? (\d{4})$/.exec(text);
  if (m) return writtenDay(Number(m[3]), m[2]!, Number(m[1]));
  return null;
}

function writtenDay(year: number, monthName: string, day: number): string | null {
  const month = monthNumber(monthName);
  return (month && utcDay(year, month, day)?.toISOString()) || null;
}

/**
 * A PDF date, "D:YYYYMMDDHHmmSSOHH'mm'" (every part after the year optional) → ISO 8601.
 * With a time and a zone: the full UTC timestamp; without a zone the time's meaning is
 * unknown, so only the date is kept.
 */
export function normalizePdfDate(raw: string): string | null {
  const match = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?\s*([Zz+-])?\s*(\d{2})?'?\s*(\d{2})?'?/.exec(raw.trim());
  if (!match) return null;
  const [, y, mo = "01", d = "01", h, mi = "00", s = "00", sign, zh = "00", zm = "00"] = match;
  const date = isoDate(Number(y), Number(mo), Number(d));
  if (!date) return null;
  if (h === undefined || sign === undefined) return date;
  const zone = sign === "Z" || sign === "z" ? "Z" : `${sign}${zh}:${zm}`;
  return utcStamp(date, `${h}:${mi}:${s}${zone}`) ?? date;
}

/** An XMP date (xmp:CreateDate): the date, or the UTC timestamp when it has a time and a zone. */
export function normalizeXmpDate(value: string | null): string | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, zone] = match;
  const date = isoDate(Number(y), Number(mo), Number(d));
  if (h === undefined || zone === undefined) return date;
  // The time is read before the day is checked: a rolled-over day still gives a timestamp.
  return utcStamp(`${y}-${mo}-${d}`, `${h}:${mi}:${s ?? "00"}${zone}`) ?? date;
}
