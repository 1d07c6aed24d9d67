// Operator controls over which sources a check may use: domain allow and deny lists (a domain covers
// its subdomains), a reliability note per domain, and a recency limit. Read from the `sources`-side
// keys of verity.config.json: {"domains": {"allow": [], "deny": [], "notes": {}}, "recencyDays": N}.
import { z } from "zod";
import { ConfigError } from "../domain/errors.js";
import type { SourceHit } from "./provider.js";

const Domain = z
  .string()
  .trim()
  .min(1, "a domain must not be empty")
  .transform((value, ctx) => {
    const domain = normalizeDomain(value);
    if (!domain) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a domain name (expected e.g. "example.com")` });
      return z.NEVER;
    }
    return domain;
  });

/** The policy part of verity.config.json. Other keys of the file are left to their own readers. */
export const SourcePolicyConfig = z.object({
  domains: z
    .object({
      allow: z.array(Domain).optional(),
      deny: z.array(Domain).optional(),
      notes: z.record(z.string(), z.string().trim().min(1, "a reliability note must not be empty")).optional(),
    })
    .strict()
    .optional(),
  recencyDays: z.number().positive("recencyDays must be a positive number of days").optional(),
});
export type SourcePolicyConfig = z.input<typeof SourcePolicyConfig>;

interface RejectedHit {
  url: string;
  title: string;
  reason: string;
}

export class SourcePolicy {
  /** Domains whose hits are kept when the list is not empty; everything else is rejected. */
  readonly allow: readonly string[];
  readonly deny: readonly string[];
  /** Reliability note per domain (normalised). */
  readonly notes: ReadonlyMap<string, string>;
  /** Hits published longer ago than this are dropped; hits without a date are kept. */
  readonly maxAgeDays: number | null;

  constructor(options: { allow?: string[]; deny?: string[]; notes?: Record<string, string>; maxAgeDays?: number | null } = {}) {
    this.allow = (options.allow ?? []).map(requireDomain);
    this.deny = (options.deny ?? []).map(requireDomain);
    this.notes = new Map(Object.entries(options.notes ?? {}).map(([d, note]) => [requireDomain(d), note.trim()]));
    this.maxAgeDays = options.maxAgeDays ?? null;
  }

  /** The same policy with a recency window no wider than `days`. */
  withMaxAgeDays(days: number): SourcePolicy {
    const notes = Object.fromEntries(this.notes);
    return new SourcePolicy({
      allow: [...this.allow],
      deny: [...this.deny],
      notes,
      maxAgeDays: Math.min(days, this.maxAgeDays ?? Infinity),
    });
  }

  /** A policy from a parsed config object; a bad one is a ConfigError naming the offending key. */
  static fromConfig(config: unknown): SourcePolicy {
    const parsed = SourcePolicyConfig.safeParse(config ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length ? issue.path.join(".") : "config";
      throw new ConfigError(`verity.config.json: ${where}: ${issue.message}`);
    }
    const { domains, recencyDays } = parsed.data;
    return new SourcePolicy({ allow: domains?.allow, deny: domains?.deny, notes: domains?.notes, maxAgeDays: recencyDays ?? null });
  }

  /** The note for the most specific configured domain covering the URL's host, or null. */
  reliabilityNote(url: string): string | null {
    const host = hostOf(url);
    if (!host) return null;
    let best: { domain: string; note: string } | null = null;
    for (const [domain, note] of this.notes) {
      if (covers(domain, host) && (!best || domain.length > best.domain.length)) best = { domain, note };
    }
    return best?.note ?? null;
  }

  /** Why a hit is rejected, or null when it is kept. */
  rejectionReason(hit: Pick<SourceHit, "url" | "publishedAt">, now: Date = new Date()): string | null {
    // The operator's own library is never filtered by domain or date.
    if (hit.url.startsWith("library:")) return null;
    const host = hostOf(hit.url);
    if (!host) return "not a valid http(s) URL";
    const denied = this.deny.find((d) => covers(d, host));
    if (denied) return `domain ${denied} is on the deny list`;
    if (this.allow.length > 0 && !this.allow.some((d) => covers(d, host))) return `domain ${host} is not on the allow list`;
    if (this.maxAgeDays !== null && hit.publishedAt) {
      const published = Date.parse(hit.publishedAt);
      if (!Number.isNaN(published) && now.getTime() - published > this.maxAgeDays * 86_400_000) {
        return `published ${hit.publishedAt.slice(0, 10)}, older than ${this.maxAgeDays} days`;
      }
    }
    return null;
  }
}

/** Splits hits into those the policy keeps and those it rejects (with why), preserving order. */
export function applyPolicy(
  hits: SourceHit[],
  policy: SourcePolicy,
  now: Date = new Date(),
): { kept: SourceHit[]; rejected: RejectedHit[] } {
  const kept: SourceHit[] = [];
  const rejected: RejectedHit[] = [];
  for (const hit of hits) {
    const reason = policy.rejectionReason(hit, now);
    if (reason) rejected.push({ url: hit.url, title: hit.title, reason });
    else kept.push(hit);
  }
  return { kept, rejected };
}

/** "example.com" covers "example.com" and "news.example.com", not "badexample.com". */
function covers(domain: string, host: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function hostOf(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return u.hostname.toLowerCase().replace(/\.$/, "") || null;
  } catch {
    return null;
  }
}

/**
 * A configured domain in the form hosts are compared in: lower case, punycode, no scheme, path,
 * port, leading "*." or "." and no trailing dot. Null when it is not a domain name.
 */
export function normalizeDomain(value: string): string | null {
  let text = value.trim().toLowerCase();
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, "").replace(/^\*?\./, "");
  text = text.split(/[/?#]/)[0] ?? "";
  if (!text || text.includes("@")) return null;
  try {
    const host = new URL(`http://${text}`).hostname.replace(/\.$/, "");
    if (!host || host.startsWith("[") || !/^[a-z0-9.-]+$/.test(host) || host.includes("..")) return null;
    return host;
  } catch {
    return null;
  }
}

function requireDomain(value: string): string {
  const domain = normalizeDomain(value);
  if (!domain) throw new ConfigError(`"${value}" is not a domain name`);
  return domain;
}
