import { readFile } from "node:fs/promises";

/** The records of a JSON-lines file (blank lines skipped). */
export const jsonLines = (file: string): Promise<any[]> =>
  readFile(file, "utf8").then((t) =>
    t
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l)),
  );
