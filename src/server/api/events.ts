// A check's progress as server-sent events: "following", the replay of its current run (after
// Last-Event-ID), then the live ones, ending with "done" or "failed". A check that is
// not running in this process is told from the store: its stored stages, then how it ended.
import type { SSEStreamingApi } from "hono/streaming";
import { TERMINAL_EVENTS, type BusMessage } from "../../jobs/bus.js";
import type { SiteServices } from "../../service/site.js";

const KEEPALIVE_MS = 15_000;

async function write(stream: SSEStreamingApi, type: string, data: Record<string, unknown>, seq?: number): Promise<void> {
  await stream.writeSSE({ event: type, data: JSON.stringify({ ...data, type }), ...(seq !== undefined ? { id: String(seq) } : {}) });
}

export async function followEvents(
  services: Pick<SiteServices, "bus" | "progress">,
  checkId: string,
  stream: SSEStreamingApi,
  afterSeq: number,
): Promise<void> {
  const { bus, progress } = services;
  let aborted = false;
  let wake: (() => void) | null = null;
  stream.onAbort(() => {
    aborted = true;
    wake?.();
  });
  // Not "open": EventSource fires its own "open" when connected, and a listener could not tell the two apart.
  await stream.writeSSE({ event: "following", data: JSON.stringify({ type: "following", checkId }), retry: 2000 });

  const queue: BusMessage[] = [];
  const followed = bus.follow(checkId, afterSeq, (m) => {
    queue.push(m);
    wake?.();
  });
  if (followed) {
    queue.unshift(...followed.replay);
    try {
      for (;;) {
        while (queue.length > 0) {
          const m = queue.shift()!;
          await write(stream, m.type, m.data, m.seq);
          if (TERMINAL_EVENTS.has(m.type)) return;
        }
        if (aborted) return;
        if (followed.finished) break; // resumed after its end: the store tells how it ended
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, KEEPALIVE_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (queue.length === 0 && !aborted) await stream.write(": keep-alive\n\n");
      }
    } finally {
      followed.unsubscribe();
    }
  }

  // Not running here: what the store knows, polled until the check ends.
  let sent = -1;
  for (let round = 0; !aborted && round < 600; round++) {
    const p = await progress.progressOf(checkId);
    if (!p) return;
    if (sent < 0) sent = followed ? p.events.length : 0; // after a finished run's replay, only the ending
    for (; sent < p.events.length; sent++) {
      const e = p.events[sent]!;
      await write(stream, String(e.type), e, sent + 1);
    }
    if (p.state === "done") return write(stream, "done", { checkId: p.job?.resultCheckId ?? checkId, url: p.reportUrl });
    if (p.state === "failed") return write(stream, "failed", { checkId, error: p.error ?? "the check failed" });
    if (bus.isLive(checkId)) return followEvents(services, checkId, stream, 0);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
