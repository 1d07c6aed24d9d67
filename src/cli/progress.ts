// Live progress on stderr: stage lines for a check, a bar for long ingests.
import type { ProgressEvent } from "../domain/progress.js";

type Writer = { write(text: string): unknown; isTTY?: boolean };

/** Prints a check's progress events as they come: a line for each finished stage, what was found and kept. */
export function printCheckProgress(out: Writer): (event: ProgressEvent) => void {
  return (event) => {
    switch (event.type) {
      case "stage-started":
        if (out.isTTY) out.write(`… ${event.stage}\r`);
        break;
      case "stage-finished":
        out.write(`✓ ${event.stage.padEnd(7)} ${String(event.ms).padStart(7)} ms  ${event.detail}\n`);
        break;
      case "sources-found":
        out.write(
          `  sources found: ${event.count} (${event.providers.map((p) => `${p.id} ${p.status === "ok" ? p.results : p.status}`).join(", ")})\n`,
        );
        break;
      case "passages-kept":
        out.write(`  passages kept: ${event.count}\n`);
        break;
      case "reused":
        out.write(`  already checked on ${event.checkedAt.slice(0, 10)}: showing the stored report (use --fresh to re-check)\n`);
        break;
    }
  };
}

/** A one-line progress bar, redrawn in place on a terminal, silent otherwise. */
export function ingestBar(out: Writer, total: number | null) {
  let last = 0;
  return (processed: number) => {
    if (!out.isTTY) return;
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    const t = total;
    if (t) {
      const width = 30;
      const filled = Math.min(width, Math.round((processed / t) * width));
      out.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${processed}/${t} documents`);
    } else {
      out.write(`\r${processed} documents…`);
    }
  };
}

export function clearLine(out: Writer): void {
  if (out.isTTY) out.write("\r\x1b[K");
}
