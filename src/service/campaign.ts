// The operator's donation campaign: its settings (configuration, overridden from the
// admin area), the totals towards its goal, the time left, and the donations recorded.
import { BadInputError, ConfigError } from "../domain/errors.js";
import { CampaignRepository, type Donation } from "../store/campaign.js";
import type { Store } from "../store/db.js";
import { SiteRepository } from "../store/site.js";

export interface CampaignSettings {
  title: string;
  description: string | null;
  /** A sum of money (in `currency`) or a number of supporters. */
  goalKind: "amount" | "supporters";
  /** Major units (e.g. euros) for an amount, a count for supporters. */
  goal: number;
  /** ISO 4217 code, upper case. */
  currency: string;
  /** ISO date or date-time; null for no deadline. */
  deadline: string | null;
  /** Where a reader donates (http or https). */
  donationUrl: string | null;
}

export interface CampaignView {
  settings: CampaignSettings;
  raisedCents: number;
  supporters: number;
  /** Progress towards the goal, 0..1 (capped). */
  progress: number;
  percent: number;
  /** "12 days left", "5 hours left", "ended on 2025-01-31", or null without a deadline. */
  timeLeft: string | null;
  ended: boolean;
}

const SETTINGS_KEY = "campaign";
const DAY = 86_400_000;

export class Campaign {
  private readonly donations: CampaignRepository;
  private readonly site: SiteRepository;

  constructor(
    store: Store,
    private readonly configured: CampaignSettings | null,
    private readonly now: () => Date,
  ) {
    this.donations = new CampaignRepository(store);
    this.site = new SiteRepository(store);
  }

  /** The settings in force: the admin's, else the configuration's. */
  async settings(): Promise<CampaignSettings | null> {
    const stored = await this.site.getSetting(SETTINGS_KEY);
    if (stored) {
      try {
        const parsed = JSON.parse(stored) as CampaignSettings | null;
        return parsed ? validateCampaign(parsed) : null;
      } catch {
        // damaged override: fall back to the configuration
      }
    }
    return this.configured;
  }

  /** Saves the admin's settings (null ends the campaign's display). */
  async save(settings: CampaignSettings | null): Promise<void> {
    await this.site.setSetting(SETTINGS_KEY, JSON.stringify(settings ? validateCampaign(settings) : null), this.now().toISOString());
  }

  async view(): Promise<CampaignView | null> {
    const settings = await this.settings();
    if (!settings) return null;
    const totals = await this.donations.totals(settings.currency);
    const reached = settings.goalKind === "amount" ? totals.amountCents / 100 : totals.supporters;
    const progress = Math.max(0, Math.min(1, reached / settings.goal));
    const { timeLeft, ended } = timeLeftOf(settings.deadline, this.now());
    return {
      settings,
      raisedCents: totals.amountCents,
      supporters: totals.supporters,
      progress,
      percent: Math.floor(progress * 100),
      timeLeft,
      ended,
    };
  }

  /** Records a donation; false when the event was recorded before. */
  async record(d: {
    amount: number;
    currency?: string | null;
    donor?: string | null;
    source: "admin" | "webhook";
    eventId?: string | null;
  }): Promise<boolean> {
    if (!Number.isFinite(d.amount) || d.amount < 0 || d.amount > 10_000_000)
      throw new BadInputError("the amount must be a number between 0 and 10,000,000");
    const settings = await this.settings();
    const currency = (d.currency?.trim() || settings?.currency || "EUR").toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) throw new BadInputError("the currency must be a three-letter code");
    const donor = d.donor?.trim().slice(0, 200) || null;
    return this.donations.record({
      eventId: d.eventId ?? null,
      amountCents: Math.round(d.amount * 100),
      currency,
      donor,
      source: d.source,
      createdAt: this.now().toISOString(),
    });
  }

  /** The newest donations (the admin area). */
  recent(limit: number): Promise<Donation[]> {
    return this.donations.recent(limit);
  }
}

/** Checks a campaign's settings (from configuration or the admin form); throws ConfigError with the reason. */
export function validateCampaign(c: CampaignSettings): CampaignSettings {
  if (!c.title.trim()) throw new ConfigError("the campaign needs a title");
  if (!(c.goal > 0) || !Number.isFinite(c.goal)) throw new ConfigError("the campaign goal must be a positive number");
  if (c.goalKind === "supporters" && !Number.isInteger(c.goal)) throw new ConfigError("a goal of supporters must be a whole number");
  if (!/^[A-Z]{3}$/.test(c.currency)) throw new ConfigError(`the campaign currency must be a three-letter code (got "${c.currency}")`);
  if (c.deadline !== null && Number.isNaN(Date.parse(c.deadline)))
    throw new ConfigError(`the campaign deadline is not a date (got "${c.deadline}")`);
  if (c.donationUrl !== null) {
    let ok = false;
    try {
      ok = ["http:", "https:"].includes(new URL(c.donationUrl).protocol);
    } catch {
      ok = false;
    }
    if (!ok) throw new ConfigError("the donation link must be an http(s) URL");
  }
  return { ...c, title: c.title.trim(), description: c.description?.trim() || null };
}

export function timeLeftOf(deadline: string | null, now: Date): { timeLeft: string | null; ended: boolean } {
  if (!deadline) return { timeLeft: null, ended: false };
  const end = deadlineTime(deadline);
  const left = end - now.getTime();
  if (left <= 0) return { timeLeft: `ended on ${new Date(end).toISOString().slice(0, 10)}`, ended: true };
  if (left < DAY) {
    const hours = Math.max(1, Math.ceil(left / 3_600_000));
    return { timeLeft: `${hours} hour${hours === 1 ? "" : "s"} left`, ended: false };
  }
  const days = Math.ceil(left / DAY);
  return { timeLeft: `${days.toLocaleString("en-US")} day${days === 1 ? "" : "s"} left`, ended: false };
}

/** A date alone means the end of that day (UTC). */
function deadlineTime(deadline: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline.trim()) ? Date.parse(`${deadline.trim()}T23:59:59.999Z`) : Date.parse(deadline);
}
