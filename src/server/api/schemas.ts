// The JSON the API reads and answers, as zod schemas: the routes type their answers
// with them and the OpenAPI document is generated from them, so the two cannot drift.
// The report itself is the domain's schema.
import { z } from "zod";
import { CATEGORIES } from "../../domain/categories.js";
import { MAX_INPUT_CHARS } from "../../domain/limits.js";
import { Report, Verdict } from "../../domain/report.js";

/** The longest search query. */
export const MAX_QUERY_CHARS = 200;

export const ErrorJson = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const SubmitCheckBody = z.object({
  input: z.string().max(MAX_INPUT_CHARS).describe("A question, claim, topic, http(s) link or pasted text."),
  fresh: z.boolean().default(false).describe("Re-check even when a fresh report exists."),
});

export const AcceptedJson = z.object({
  id: z.string(),
  url: z.string().describe("This check in the API."),
  status: z.enum(["queued", "running"]),
  joined: z.boolean().describe("True when the same question was already being checked."),
  progressUrl: z.string(),
  eventsUrl: z.string(),
});

/**
 * A published report as the API answers it. Its status is always "done", and a check's state is
 * never "done", so `status` tells the two answers of GET /api/checks/{id} apart (the discriminator).
 */
export const ReportJson = Report.extend({
  status: z.literal("done"),
  refresh: z
    .object({ status: z.enum(["queued", "running"]), progressUrl: z.string() })
    .optional()
    .describe("A re-check in progress: the report stays this version until the re-check is published."),
}).describe("The report JSON of DESIGN.md. Fields may be added, never renamed.");

/** A check not yet published: waiting, running, or failed. */
export const CheckStateJson = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "failed"]),
  error: z.string().nullable(),
  stage: z.string().nullable(),
  progressUrl: z.string(),
});

export const ListChecksQuery = z.object({
  q: z.string().max(MAX_QUERY_CHARS).optional().describe("Full-text search over titles, submitted texts and summaries."),
  category: z.enum(CATEGORIES).optional(),
  page: z.int().min(1).default(1),
});

export const CheckSummaryJson = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  category: z.string(),
  verdict: Verdict,
  checkedAt: z.string(),
  version: z.int(),
  /** Search results only. */
  snippet: z.string().optional(),
});

export const CheckListJson = z.object({
  items: z.array(CheckSummaryJson),
  page: z.int(),
  pageSize: z.int(),
  total: z.int(),
  next: z.string().nullable(),
  prev: z.string().nullable(),
});

export const CampaignJson = z.object({
  title: z.string(),
  goal: z.object({ kind: z.enum(["amount", "supporters"]), value: z.number(), currency: z.string() }),
  raised: z.number(),
  supporters: z.int(),
  percent: z.int(),
  deadline: z.string().nullable(),
  timeLeft: z.string().nullable(),
  ended: z.boolean(),
  donationUrl: z.string().nullable(),
});

export const WebhookEventBody = z.object({
  id: z.string().min(1).max(200).describe("The provider's event id."),
  type: z
    .string()
    .min(1)
    .max(100)
    .meta({ examples: ["donation"] }),
  amount: z.number().nonnegative().max(10_000_000).describe("In major units (e.g. 25.50)."),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .optional(),
  donor: z.string().max(200).nullable().optional(),
});

export const WebhookRecordedJson = z.object({ ok: z.literal(true), recorded: z.string().describe("The event id.") });

export const WebhookIgnoredJson = z.object({ ok: z.literal(true), ignored: z.literal(true) });
