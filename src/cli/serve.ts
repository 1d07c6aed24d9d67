// `verity serve` (what `npm start` runs): the website and API on the embedded defaults.
import { serve } from "@hono/node-server";
import { openVerity } from "../app.js";
import type { Config } from "../config.js";
import { createServer } from "../server/app.js";

export async function runServeCommand(port: number, config: Config): Promise<number> {
  const verity = await openVerity(config);
  const app = createServer(verity);
  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? "127.0.0.1" }, (info) => {
    process.stderr.write(`Verity is serving on http://${info.address}:${info.port} (data in ${config.dataDir})\n`);
  });
  const stop = () => {
    server.close();
    void verity.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return 0;
}
