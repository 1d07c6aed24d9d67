// The entry of the worker process that `verity serve` starts (src/cli/worker-process.ts).
import { main } from "./main.js";

// A server that dies without stopping its worker leaves it no reason to go on: it stops as on SIGTERM.
process.once("disconnect", () => process.kill(process.pid, "SIGTERM"));
process.exitCode = await main(["worker"]);
