// A real small file system for the disk-full tests: a tmpfs of a few megabytes mounted on a fresh
// folder (root only; elsewhere the tests are skipped with the reason), filled to the last byte
// by one file, and freed by deleting it.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export interface SmallDisk {
  dir: string;
  /** Writes one file until the disk refuses another byte; returns the bytes written. */
  fill(): number;
  /** Deletes what `fill` wrote. */
  free(): void;
  /** Bytes left (0 once filled). */
  available(): number;
  unmount(): void;
}

/** A mounted tmpfs of `megabytes`, or why none could be mounted. */
export function mountSmallDisk(megabytes: number): SmallDisk | { skip: string } {
  if (process.platform !== "linux") return { skip: `mounting a tmpfs needs Linux (this is ${process.platform})` };
  if (process.getuid?.() !== 0) return { skip: "mounting a tmpfs needs root (run the tests as root, as CI does)" };
  const dir = mkdtempSync(path.join(os.tmpdir(), "verity-small-disk-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${megabytes}m,mode=0755`, "tmpfs", dir], { encoding: "utf8" });
  if (mounted.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    const why = (mounted.stderr || mounted.error?.message || `exit ${mounted.status}`).trim();
    return { skip: `could not mount a tmpfs (${why})` };
  }
  const filler = path.join(dir, "filler");
  return {
    dir,
    fill() {
      const fd = openSync(filler, "a");
      let written = 0;
      try {
        // Large writes first, then ever smaller ones, until not one more byte fits.
        for (const size of [1024 ** 2, 4096, 512, 1]) {
          const chunk = Buffer.alloc(size, 0x2e);
          for (;;) {
            try {
              written += writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
      return written;
    },
    free() {
      unlinkSync(filler);
    },
    available() {
      const s = statfsSync(dir);
      return s.bavail * s.bsize;
    },
    unmount() {
      spawnSync("umount", [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
