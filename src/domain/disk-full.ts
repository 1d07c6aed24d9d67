// A write refused because the disk is full (issue 20). SQLite says SQLITE_FULL ("database or disk is
// full"), the system ENOSPC (or EDQUOT, a quota reached); a check that failed may carry only the message.
// Such a write is worth trying again once space returns, and the visitor is told why (503, not 500).
import { ConfigError } from "./errors.js";

/** What a visitor or an API client is told when a write failed for want of space. */
export const DISK_FULL_REASON = "the server's disk is full";

const CODES = /^(SQLITE_FULL|ENOSPC|EDQUOT)$/;
const MESSAGES = /database or disk is full|no space left on device|disk quota exceeded/i;

/** Whether an error (or one it was caused by) is a write refused for want of space. */
export function isDiskFull(error: unknown): boolean {
  for (let e = error, depth = 0; e != null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (typeof e === "string") return MESSAGES.test(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && CODES.test(code)) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
  }
  return false;
}

/** Verity cannot start because the disk of its data directory is full (exit status 2, as for configuration). */
export class DiskFullError extends ConfigError {
  override name = "DiskFullError";
}
