// A gate in front of source providers: while held, every search waits until it is released, so a
// check stays in its gather stage and can be watched (and joined) while it runs.
import type { SourceProvider } from "../../src/sources/provider.js";

export class Gate {
  private gate: Promise<void> | null = null;
  private open: () => void = () => {};
  private markArrived: () => void = () => {};
  private arrival: Promise<void> = Promise.resolve();

  /** Holds the searches that start from now on. */
  hold(): void {
    this.release();
    this.gate = new Promise<void>((resolve) => (this.open = resolve));
    this.arrival = new Promise<void>((resolve) => (this.markArrived = resolve));
  }

  /** Lets the held searches (and all later ones) through. */
  release(): void {
    this.open();
    this.gate = null;
  }

  /** Resolves once a search is waiting at the held gate (the check is in its gather stage). */
  arrived(): Promise<void> {
    return this.arrival;
  }

  async pass(): Promise<void> {
    if (!this.gate) return;
    this.markArrived();
    await this.gate;
  }

  provider(inner: SourceProvider): SourceProvider {
    return {
      id: inner.id,
      search: async (request, signal) => {
        await this.pass();
        return inner.search(request, signal);
      },
    };
  }
}
