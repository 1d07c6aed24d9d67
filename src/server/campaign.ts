// The operator's donation campaign: its settings (configuration, overridden from the
// admin area), the totals, and the signed webhook a payment provider calls.
import { BadInputError } from "../domain/errors.js";
import type { CampaignRepository } from "../store/campaign.js";
import type { SiteRepository } from "../store/site.js";
import { validateCampaign, type CampaignSettings } from "./options.js";
import { hmacHex, safeEqual } from "./security.js";

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
  constructor(
    private readonly donations: CampaignRepository,
    private readonly site: SiteRepository,
    private readonly configured: CampaignSettings | null,
    private readonly now: () => Date,
  ) {}

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
export function deadlineTime(deadline: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(deadline.trim()) ? Date.parse(`${deadline.trim()}T23:59:59.999Z`) : Date.parse(deadline);
}

export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: cents % 100 === 0 ? 0 : 2 }).format(
      cents / 100,
    );
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export const SIGNATURE_HEADER = "X-Verity-Signature";

/** Whether `header` ("sha256=<hex>") is the HMAC-SHA256 of the raw body with the secret (constant time). */
export function verifySignature(secret: string, rawBody: Uint8Array | string, header: string | undefined | null): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  return safeEqual(match[1]!.toLowerCase(), hmacHex(secret, rawBody));
}

export function signBody(secret: string, rawBody: string): string {
  return `sha256=${hmacHex(secret, rawBody)}`;
}
