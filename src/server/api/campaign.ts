// /api/campaign: the donation campaign's numbers, and the payment provider's signed
// webhook that records a donation once per event.
import { Hono } from "hono";
import type { z } from "zod";
import { errorMessage } from "../../domain/errors.js";
import type { Web } from "../context.js";
import { jsonError } from "../respond.js";
import { hmacHex, MAX_BODY_BYTES, safeEqual } from "../security.js";
import { WebhookEventBody, type CampaignJson, type WebhookIgnoredJson, type WebhookRecordedJson } from "./schemas.js";

const SIGNATURE_HEADER = "X-Verity-Signature";

const DONATION_EVENTS = new Set(["donation", "donation.succeeded", "payment.succeeded", "charge.succeeded"]);

export function campaignApi(web: Web): Hono {
  const { campaign } = web.services;
  const app = new Hono();

  app.get("/", async (c) => {
    const view = await campaign.view();
    if (!view) return jsonError(c, 404, "not_found", "no campaign is running");
    return c.json({
      title: view.settings.title,
      goal: { kind: view.settings.goalKind, value: view.settings.goal, currency: view.settings.currency },
      raised: view.raisedCents / 100,
      supporters: view.supporters,
      percent: view.percent,
      deadline: view.settings.deadline,
      timeLeft: view.timeLeft,
      ended: view.ended,
      donationUrl: view.settings.donationUrl,
    } satisfies z.output<typeof CampaignJson>);
  });

  app.post("/webhook", async (c) => {
    const secret = web.options.webhookSecret;
    if (!secret) return jsonError(c, 404, "not_found", "the campaign webhook is not configured");
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (raw.byteLength > MAX_BODY_BYTES) return jsonError(c, 413, "too_large", "the request body is too large");
    if (!verifySignature(secret, raw, c.req.header(SIGNATURE_HEADER))) {
      return jsonError(c, 401, "bad_signature", `${SIGNATURE_HEADER} must be sha256=<hex HMAC-SHA256 of the raw body>`);
    }
    let event: z.output<typeof WebhookEventBody>;
    try {
      event = WebhookEventBody.parse(JSON.parse(Buffer.from(raw).toString("utf8")));
    } catch (error) {
      return jsonError(c, 400, "bad_request", `not a donation event: ${errorMessage(error).split("\n")[0]}`);
    }
    if (!DONATION_EVENTS.has(event.type)) return c.json({ ok: true, ignored: true } satisfies z.output<typeof WebhookIgnoredJson>, 202);
    const recorded = await campaign.record({
      amount: event.amount,
      currency: event.currency ?? null,
      donor: event.donor ?? null,
      source: "webhook",
      eventId: event.id,
    });
    if (!recorded) return jsonError(c, 409, "replayed", `event ${event.id.slice(0, 100)} was already recorded`);
    return c.json({ ok: true, recorded: event.id } satisfies z.output<typeof WebhookRecordedJson>);
  });

  return app;
}

/** Whether `header` ("sha256=<hex>") is the HMAC-SHA256 of the raw body with the secret (constant time). */
function verifySignature(secret: string, rawBody: Uint8Array | string, header: string | undefined | null): boolean {
  if (!header) return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  return safeEqual(match[1]!.toLowerCase(), hmacHex(secret, rawBody));
}

/** The signature header's value for a body (what a payment provider sends; tests sign with it). */
export function signBody(secret: string, rawBody: string): string {
  return `sha256=${hmacHex(secret, rawBody)}`;
}
