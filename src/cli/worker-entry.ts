// The entry of the worker process that `verity serve` starts (src/cli/worker-process.ts).
// A server that dies without stopping its worker leaves it no reason to go on: it stops as on SIGTERM.
// The watch is set before the command loads (a server killed meanwhile must not leave it running).
const stop = () => process.kill(process.pid, "SIGTERM");
process.once("disconnect", stop);
if (process.connected === false) stop();
const { main } = await import("./main.js");
process.exitCode = await main(["worker"]);
// The channel to the server would keep this process alive after the worker has stopped (until the
// server kills it at its stop timeout): the work is done, so it no longer holds the process.
process.channel?.unref();
