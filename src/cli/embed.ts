// `verity embed`: embeds every title and passage of the library ahead of checks, with a progress
// bar; interrupted, it resumes where it stopped (what is embedded is cached by content).
import type { Config } from "../service/config.js";
import { embedLibrary } from "../service/embed-library.js";
import { openVerity } from "../service/verity.js";
import { clearLine, ingestBar } from "./progress.js";

export async function runEmbedCommand(config: Config): Promise<number> {
  const verity = await openVerity(config, { engine: "local" });
  try {
    const started = performance.now();
    const { documents } = await verity.library.count();
    const bar = ingestBar(process.stderr, documents);
    const done = await embedLibrary(verity, (p) => bar(p.documents));
    clearLine(process.stderr);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `embedded ${done.embedded} passages and titles of ${done.documents} documents in ${seconds.toFixed(1)} s` +
        ` (${(done.embedded / Math.max(seconds, 0.001)).toFixed(1)}/s); ${done.cached} were already embedded\n`,
    );
    return 0;
  } finally {
    await verity.close();
  }
}
