// What may be submitted for checking. The service validates every submission here, once,
// before anything else sees it.
import { BadInputError } from "./errors.js";
import { MAX_INPUT_CHARS } from "./limits.js";
import { normalizeForMatch } from "./text.js";

/** Rejects what cannot be checked, with a reason the user can act on. */
export function validateInput(raw: string): string {
  const text = raw.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) throw new BadInputError("nothing to check: the input is empty");
  if (text.length > MAX_INPUT_CHARS) {
    throw new BadInputError(`input too long: ${text.length} characters (the limit is ${MAX_INPUT_CHARS})`);
  }
  // Control characters other than tab and newline (C0, DEL and C1) mean binary or mangled input.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(text)) {
    throw new BadInputError("the input contains control characters; paste plain text");
  }
  // Emoji, punctuation or invisible characters alone ("!!!", zero-width spaces) say nothing to check.
  if (!/[\p{L}\p{N}]/u.test(text)) throw new BadInputError("nothing to check: the input has no letters or digits");
  return text;
}

/**
 * Whether the input is one http(s) URL with a host, whatever the host's form: a name with dots, a
 * single label ("http://intranet/x"), an IPv4 or a bracketed IPv6 literal. Such an input is a link to
 * read (through the SSRF guard, which refuses the private ones), never a topic.
 */
export function isLinkInput(text: string): boolean {
  const t = text.trim();
  if (!/^https?:\/\/\S+$/i.test(t)) return false;
  try {
    return new URL(t).hostname !== "";
  } catch {
    return false;
  }
}

/** A submission that passed validation: its text, and the key that matches it to earlier checks of the same question. */
export interface Submission {
  text: string;
  matchKey: string;
}

/** Validates raw input into a submission (same words, ignoring case and punctuation, share a match key). */
export function acceptInput(raw: string): Submission {
  const text = validateInput(raw);
  return { text, matchKey: normalizeForMatch(text) };
}
