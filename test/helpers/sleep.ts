// A sleep that records how long it was asked to wait instead of waiting.
import type { Sleep } from "../../src/domain/sleep.js";

export function recordingSleep(): { sleep: Sleep; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      calls.push(ms);
    },
  };
}
