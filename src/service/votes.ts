// Readers' answers to "Was this helpful?": one vote per visitor and check, changeable.
import type { Store } from "../store/db.js";
import { SiteRepository, type VoteTally } from "../store/site.js";

export type { VoteTally };

export class Votes {
  private readonly site: SiteRepository;

  constructor(
    store: Store,
    private readonly now: () => Date,
  ) {
    this.site = new SiteRepository(store);
  }

  /** Records the visitor's vote; voting again replaces it. */
  vote(checkId: string, visitor: string, helpful: boolean): Promise<void> {
    return this.site.vote(checkId, visitor, helpful, this.now().toISOString());
  }

  tally(checkId: string): Promise<VoteTally> {
    return this.site.tally(checkId);
  }

  /** The visitor's vote on a check: true (helpful), false, or null when none. */
  voteOf(checkId: string, visitor: string): Promise<boolean | null> {
    return this.site.voteOf(checkId, visitor);
  }
}
