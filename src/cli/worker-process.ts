// The worker that `verity serve` runs beside the website, in a child process: checks are CPU work,
// and here they never hold up the event loop that serves pages, and they run at a lower CPU
// priority (nice 10), so on a busy machine a page is served before a check goes on. A worker that
// dies is started again; on stop, it is sent SIGTERM (it hands unfinished checks back) and killed
// if it outlives its stop timeout by more than a grace period.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import { fileURLToPath } from "node:url";

/** How much lower the worker's CPU priority is than the server's. */
const WORKER_NICENESS = 10;

/** Beyond the worker's own stop timeout, before it is killed. */
const KILL_GRACE_MS = 5_000;

export interface WorkerProcess {
  /** Stops the worker: resolves when it has exited. */
  stop(): Promise<void>;
}

export function startWorkerProcess(options: { stopTimeoutMs: number; onExit?: (code: number | null) => void }): WorkerProcess {
  // Run as this module is run: the built .js, or the .ts source under tsx (tests).
  const entry = fileURLToPath(new URL(`./worker-entry${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url));
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartDelay = 1_000;
  let restartTimer: NodeJS.Timeout | null = null;

  const launch = () => {
    const started = Date.now();
    const current = fork(entry, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    child = current;
    try {
      if (current.pid !== undefined) os.setPriority(current.pid, Math.min(19, os.getPriority() + WORKER_NICENESS));
    } catch {
      // not allowed here (some containers): the worker runs at the server's priority
    }
    current.once("exit", (code, signal) => {
      if (child === current) child = null;
      if (stopping) return;
      options.onExit?.(code);
      // A worker that ran a while restarts at once; one that keeps dying backs off, up to a minute.
      restartDelay = Date.now() - started > 60_000 ? 1_000 : Math.min(60_000, restartDelay * 2);
      process.stderr.write(`verity: the worker process exited (${signal ?? code}); starting another in ${restartDelay / 1000} s\n`);
      restartTimer = setTimeout(launch, restartDelay);
    });
  };
  launch();

  return {
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = once(current, "exit");
      current.kill("SIGTERM");
      const timer = setTimeout(() => {
        process.stderr.write(
          `verity: the worker process did not stop within ${(options.stopTimeoutMs + KILL_GRACE_MS) / 1000} s; killed\n`,
        );
        current.kill("SIGKILL");
      }, options.stopTimeoutMs + KILL_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
