// Answers the routes share: error pages, JSON errors (405 among them), the rate limit answer (page or
// JSON), the refused-form page, the posted form's fields, and page numbers.
import type { Context } from "hono";
import { html } from "hono/html";
import type { Html } from "./components.js";
import type { Web } from "./context.js";
import type { KeyedRateLimiter } from "../domain/rate-limit.js";
import { clientAddress } from "./security.js";

type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 413 | 415 | 429 | 500 | 503;

export function errorBody(title: string, message: Html | string, extra?: Html): Html {
  return html`<section class="error-page" data-testid="error-page">
<h1>${title}</h1>
<p>${message}</p>
${extra ?? ""}
<p><a href="/">Ask Verity a question</a> · <a href="/search">Search the checks</a></p>
</section>`;
}

/** An error page in the site's shell (never indexed). */
export function errorPage(c: Context, status: ErrorStatus, title: string, body: Html, pageClass = "page-error"): Promise<Response> {
  c.status(status);
  return c.render(body, { title, noindex: true, pageClass });
}

export function notFoundPage(
  c: Context,
  message = "There is no page at this address. It may have moved, or the check was withdrawn.",
): Promise<Response> {
  return errorPage(c, 404, "Page not found", errorBody("Page not found", message));
}

/** The answer to a form post from another site (or one that does not say where it comes from). */
export function formRefused(c: Context): Promise<Response> {
  return errorPage(
    c,
    403,
    "Form expired",
    errorBody(
      "This form has expired",
      "For your safety, Verity only accepts forms sent from its own pages. Go back, reload the page and send it again.",
    ),
  );
}

export function jsonError(c: Context, status: ErrorStatus, code: string, message: string): Response {
  return c.json({ error: { code, message } }, status);
}

/** Any other method on an API path: 405, with the methods it answers in Allow. */
export function methodNotAllowed(allow: string): (c: Context) => Response {
  return (c) => {
    c.header("Allow", allow);
    return jsonError(c, 405, "method_not_allowed", `this endpoint answers ${allow}`);
  };
}

/** Takes a token from a rate limiter for this client; a 429 response (JSON or page) when none is left. */
export async function rateLimited(c: Context, web: Web, limiter: KeyedRateLimiter, api: boolean): Promise<Response | null> {
  const taken = limiter.take(clientAddress(c, web.options.trustProxy));
  if (taken.ok) return null;
  c.header("Retry-After", String(taken.retryAfter));
  if (api) return jsonError(c, 429, "rate_limited", `too many requests: try again in ${taken.retryAfter} s`);
  return errorPage(
    c,
    429,
    "Too many requests",
    errorBody(
      "Too many requests",
      `You have sent a lot of requests in a short time. Please wait ${taken.retryAfter} seconds and try again.`,
    ),
  );
}

export type Form = Record<string, string>;

/** The posted form's text fields (a body that is not a form has none). */
export async function readForm(c: Context): Promise<Form> {
  const parsed = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
  const form: Form = {};
  for (const [key, value] of Object.entries(parsed)) if (typeof value === "string") form[key] = value;
  return form;
}

export function pageNumber(value: string | undefined): number | null {
  if (value === undefined || value === "") return 1;
  if (!/^\d{1,6}$/.test(value)) return null;
  const n = Number(value);
  return n >= 1 ? n : null;
}
