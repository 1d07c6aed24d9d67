// The progress bus: per check, the events of its current run in order, for
// server-sent events (a late subscriber gets the replay, then the live ones).
// In memory: one process runs the checks it serves (SQLite); the latest stage is
// also stored with the job, so a reload after a restart still shows it.

export const TERMINAL_EVENTS = new Set(["done", "failed"]);

export interface BusMessage {
  /** 1, 2, 3, ... within one run: the SSE event id. */
  seq: number;
  type: string;
  data: Record<string, unknown>;
}

type Listener = (message: BusMessage) => void;

interface Channel {
  messages: BusMessage[];
  listeners: Set<Listener>;
  finished: boolean;
}

export class ProgressBus {
  private readonly channels = new Map<string, Channel>();
  private readonly watchers = new Set<(checkId: string, message: BusMessage) => void>();

  constructor(private readonly maxFinished = 500) {}

  /** Starts the channel of a new run (a finished run's channel is replaced; a live one is kept). */
  open(checkId: string): void {
    const current = this.channels.get(checkId);
    if (current && !current.finished) return;
    this.channels.delete(checkId);
    this.channels.set(checkId, { messages: [], listeners: new Set(), finished: false });
    this.evict();
  }

  /** Every message of every check (the server drops the cached pages of a check whose job moved). */
  watch(watcher: (checkId: string, message: BusMessage) => void): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  isLive(checkId: string): boolean {
    const channel = this.channels.get(checkId);
    return channel !== undefined && !channel.finished;
  }

  publish(checkId: string, type: string, data: Record<string, unknown> = {}): void {
    let channel = this.channels.get(checkId);
    if (!channel || channel.finished) {
      this.open(checkId);
      channel = this.channels.get(checkId)!;
    }
    const message: BusMessage = { seq: channel.messages.length + 1, type, data };
    channel.messages.push(message);
    for (const listener of [...channel.listeners]) {
      try {
        listener(message);
      } catch {
        // a broken subscriber never stops the check
      }
    }
    for (const watcher of [...this.watchers]) {
      try {
        watcher(checkId, message);
      } catch {
        // a broken watcher never stops the check either
      }
    }
    if (TERMINAL_EVENTS.has(type)) {
      channel.finished = true;
      channel.listeners.clear();
    }
  }

  /**
   * The messages so far (after `afterSeq`) and, when the run is still going, a subscription
   * to the next ones; both taken at once, so nothing falls between them.
   */
  follow(
    checkId: string,
    afterSeq: number,
    listener: Listener,
  ): { replay: BusMessage[]; finished: boolean; unsubscribe: () => void } | null {
    const channel = this.channels.get(checkId);
    if (!channel) return null;
    const replay = channel.messages.filter((m) => m.seq > afterSeq);
    if (channel.finished) return { replay, finished: true, unsubscribe: () => {} };
    channel.listeners.add(listener);
    return { replay, finished: false, unsubscribe: () => channel.listeners.delete(listener) };
  }

  private evict(): void {
    let finished = 0;
    for (const channel of this.channels.values()) if (channel.finished) finished++;
    for (const [id, channel] of this.channels) {
      if (finished <= this.maxFinished) break;
      if (channel.finished) {
        this.channels.delete(id);
        finished--;
      }
    }
  }
}
