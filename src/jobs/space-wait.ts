// Waiting for disk space (issue 20): when a write the queue needs (claiming a job, recording how it
// ended) is refused because the disk is full, the queue tries again every few seconds, so the jobs
// it holds finish once space returns, without a restart or another submission.
import { DISK_FULL_REASON, isDiskFull } from "../domain/disk-full.js";

export class SpaceWait {
  private timer: NodeJS.Timeout | null = null;
  private announced = false;
  private stopped = false;

  constructor(
    /** Tries the held work again; a disk-full failure (or a call to `wait` meanwhile) waits again. */
    private readonly retry: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly log: (message: string) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Whether work is waiting for space. */
  get waiting(): boolean {
    return this.timer !== null;
  }

  /** Tries again after the interval (once, however often it is called meanwhile). */
  wait(): void {
    if (this.stopped || this.timer) return;
    if (!this.announced) {
      this.log(`verity jobs: ${DISK_FULL_REASON}; checks wait for space and resume on their own (tried every ${this.intervalMs} ms)`);
      this.announced = true;
    }
    this.timer = setTimeout(() => void this.tryAgain(), this.intervalMs);
    // The server keeps the process alive; a waiting queue alone does not.
    this.timer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async tryAgain(): Promise<void> {
    this.timer = null;
    try {
      await this.retry();
    } catch (error) {
      if (isDiskFull(error)) return this.wait();
      this.onError(error);
    }
    if (!this.timer && this.announced) {
      this.announced = false;
      this.log("verity jobs: there is space again; the waiting checks have resumed");
    }
  }
}
