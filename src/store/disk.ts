// The disk under the data directory: how much room is left, and whether a failure to open the store
// is the disk being full. On a full disk SQLite often says only "disk I/O error" (it cannot size the
// WAL's shared-memory file), so an I/O error with next to no room left is taken for a full disk.
import { statfsSync } from "node:fs";
import { DiskFullError, isDiskFull } from "../domain/disk-full.js";

/** Below this much free space, an I/O error while opening the store is put down to a full disk. */
const NEARLY_FULL_BYTES = 1024 ** 2;

/** Bytes an unprivileged process may still write under `dir`; null when the system does not say. */
export function freeBytes(dir: string): number | null {
  try {
    const stats = statfsSync(dir);
    return stats.bavail * stats.bsize;
  } catch {
    return null;
  }
}

/** The error to show when opening the store in `dataDir` failed because its disk is full; null otherwise. */
export function diskFullAtStart(error: unknown, dataDir: string): DiskFullError | null {
  const free = freeBytes(dataDir);
  const ioError = /^SQLITE_IOERR/.test(String((error as { code?: unknown } | null)?.code ?? ""));
  if (!isDiskFull(error) && !(ioError && free !== null && free < NEARLY_FULL_BYTES)) return null;
  const room = free === null ? "" : ` (${free} bytes free)`;
  return new DiskFullError(
    `the disk holding the data directory ${dataDir} is full${room}: Verity cannot start. Free some space on it ` +
      `(or set VERITY_DATA_DIR to a directory on a disk with room) and start again`,
  );
}
