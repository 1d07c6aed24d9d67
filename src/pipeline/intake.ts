// Stage 1, intake: validate the raw input, then let the analyst classify it, title it
// and draw out the claims behind it.
import { BadInputError } from "../domain/errors.js";
import { MAX_INPUT_CHARS } from "../domain/limits.js";
import type { Analyst, AnalystContext } from "../engines/analyst.js";
import type { IntakeResult } from "./types.js";

/** Rejects what cannot be checked, with a reason the user can act on. */
export function validateInput(raw: string): string {
  const text = raw.replace(/\r\n?/g, "\n").trim();
  if (text.length === 0) throw new BadInputError("nothing to check: the input is empty");
  if (text.length > MAX_INPUT_CHARS) {
    throw new BadInputError(`input too long: ${text.length} characters (the limit is ${MAX_INPUT_CHARS})`);
  }
  // Control characters other than tab and newline mean binary or mangled input.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) {
    throw new BadInputError("the input contains control characters; paste plain text");
  }
  return text;
}

export async function intake(raw: string, analyst: Analyst, ctx: AnalystContext): Promise<IntakeResult> {
  return analyst.intake(validateInput(raw), ctx);
}
