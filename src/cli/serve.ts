// `verity serve` (what `npm start` runs): the website and API on the embedded defaults.
// Checks run as jobs in this process; on stop, running checks are left to the next start.
import { serve } from "@hono/node-server";
import { openVerity } from "../service/verity.js";
import type { Config } from "../service/config.js";
import { createServer } from "../server/app.js";
import { loadServerOptions } from "../server/options.js";

export async function runServeCommand(port: number, config: Config): Promise<number> {
  const options = loadServerOptions(config);
  const verity = await openVerity(config);
  const app = createServer(verity, options);
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? "127.0.0.1" }, (info) => {
    process.stderr.write(
      `Verity is serving on http://${info.address}:${info.port} (data in ${config.dataDir}; ${app.queue.concurrency} checks at a time` +
        `${options.adminToken ? "; admin area on" : ""})\n`,
    );
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    // Running checks are not waited for: the next start runs them again, and publishes each once.
    void app
      .close({ wait: false })
      .then(() => verity.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return 0;
}
