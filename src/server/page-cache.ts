// Rendered public pages kept in memory: a bounded LRU keyed by the page's address, each
// entry tagged with what it shows ("check:{id}", "lists") so that a change drops only
// the pages that show it. Entries also expire after a while (by the server's clock), which
// bounds what no hook reports: a report published by the CLI's own process, the campaign's
// time left, a report growing stale.
import { createHash } from "node:crypto";

export interface CachedPage {
  /** The visitor-independent body. */
  body: string;
  /** Strong validator of `body`. */
  etag: string;
  contentType: string;
  tags: readonly string[];
  /** The server's clock when it was rendered (ms). */
  renderedAt: number;
  /** The check whose report this is, when a view counts as a read of it. */
  readOf?: string;
  /** The visitor's own version of the page (their vote, say), or null when it is the public one. */
  personal?: (visitor: string) => Promise<{ body: string; etag: string } | null>;
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private generation = 0;

  constructor(
    private readonly now: () => number,
    private readonly maxEntries = 500,
    private readonly maxAgeMs = 30_000,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedPage | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    // Either way on the clock: tests (and an operator's correction) can move it back.
    if (Math.abs(this.now() - entry.renderedAt) >= this.maxAgeMs) {
      this.entries.delete(key);
      return null;
    }
    this.entries.delete(key);
    this.entries.set(key, entry); // most recently used last
    return entry;
  }

  /** A token to pass to `set`: a page rendered while something changed is not kept. */
  begin(): number {
    return this.generation;
  }

  set(key: string, entry: CachedPage, begun: number): void {
    if (begun !== this.generation) return;
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Drops the pages that show this (a check's id: "check:{id}", the lists: "lists"). */
  invalidate(tag: string): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (entry.tags.includes(tag)) this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

/** A strong entity tag for a body. */
export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}
