// The `verity` command in a real child process (from the sources, under tsx), with its stderr
// kept for waiting on a line and for failure messages.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the first match of `pattern` on stderr; rejects if the process exits first. */
  waitFor(pattern: RegExp): Promise<RegExpExecArray>;
  /** Sends a signal and resolves with the exit code (null when killed by a signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
}

export function startCli(args: string[], env: Record<string, string>): CliProcess {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `import('./src/cli/main.ts').then(async (m) => { const code = await m.main(${JSON.stringify(args)}); if (code) process.exit(code); })`,
    ],
    { cwd: ROOT, env: { ...process.env, HOST: "127.0.0.1", ...env } },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.resume();
  return {
    child,
    stderr: () => stderr,
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const match = pattern.exec(stderr);
          if (!match) return false;
          child.stderr.off("data", look);
          child.off("exit", exited);
          resolve(match);
          return true;
        };
        const exited = (code: number | null) => reject(new Error(`${args[0]} exited (${code}) before ${pattern}: ${stderr}`));
        if (look()) return;
        child.stderr.on("data", look);
        child.once("exit", exited);
      }),
    stop: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      const exited = once(child, "exit");
      child.kill(signal);
      const [code] = await exited;
      return code as number | null;
    },
  };
}
