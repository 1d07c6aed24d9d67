// At most a few requests in flight to one host at a time: politeness, not rate limiting.

/** A counting semaphore per host: at most `limit` requests in flight to one host:port. */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  async acquire(host: string, signal: AbortSignal): Promise<() => void> {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, waiting: [] };
      this.hosts.set(host, state);
    }
    if (signal.aborted) throw signal.reason ?? new Error("aborted");
    if (state.active < this.limit) {
      state.active++;
    } else {
      const s = state;
      await new Promise<void>((resolve, reject) => {
        const grant = (): void => {
          signal.removeEventListener("abort", onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const i = s.waiting.indexOf(grant);
          if (i >= 0) s.waiting.splice(i, 1);
          reject(signal.reason ?? new Error("aborted"));
        };
        s.waiting.push(grant);
        signal.addEventListener("abort", onAbort, { once: true });
      });
      // The slot was handed over by release(): active was not decremented.
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const s = this.hosts.get(host)!;
      const next = s.waiting.shift();
      if (next) {
        next();
      } else {
        s.active--;
        if (s.active === 0) this.hosts.delete(host);
      }
    };
  }
}
