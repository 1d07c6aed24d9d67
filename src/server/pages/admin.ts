// The admin area, behind VERITY_ADMIN_TOKEN: a login form that sets a signed
// session cookie (its forms then pass the same-site guard too), or `Authorization:
// Bearer <token>` for scripts (JSON answers). Editors unpublish and republish checks,
// edit a title or category, re-run a check, change the campaign and record donations.
import { Hono, type Context, type MiddlewareHandler } from "hono";
import { html } from "hono/html";
import { CATEGORIES } from "../../domain/categories.js";
import { BadInputError, ConfigError, errorMessage } from "../../domain/errors.js";
import { formatDate } from "../../render/words.js";
import type { CampaignSettings } from "../../service/campaign.js";
import { formatMoney, pagination, verdictBadge, type Html } from "../components.js";
import type { Web } from "../context.js";
import { errorBody, errorPage, jsonError, notFoundPage, pageNumber, readForm, type Form } from "../respond.js";
import { clientAddress, hmacHex, perClientLimiter, safeEqual } from "../security.js";

const SESSION_HOURS = 8;

type Auth = "bearer" | "session";
type AdminEnv = { Variables: { auth: Auth } };

async function authOf(c: Context, web: Web): Promise<Auth | null> {
  const token = web.options.adminToken;
  if (!token) return null;
  const header = c.req.header("authorization");
  if (header !== undefined) {
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match && safeEqual(match[1]!.trim(), token) ? "bearer" : null;
  }
  const session = await web.cookies.session(c);
  if (!session) return null;
  const [tag, expires, proof] = session.split(":");
  if (tag !== "admin" || !expires || !proof) return null;
  if (Number(expires) < web.options.now().getTime()) return null;
  // Changing the token ends every session.
  return safeEqual(proof, sessionProof(token, expires)) ? "session" : null;
}

function sessionProof(token: string, expires: string): string {
  return hmacHex(token, `session:${expires}`).slice(0, 24);
}

export function adminRoutes(web: Web): Hono<AdminEnv> {
  const { options, services, cookies, formGuard } = web;
  const logins = perClientLimiter({ burst: 5, perMinute: 5 });
  const app = new Hono<AdminEnv>();

  /** The pages of the area answer 404 while it is off. */
  const areaOn: MiddlewareHandler = async (c, next) =>
    options.adminToken
      ? next()
      : errorPage(
          c,
          404,
          "Admin area is off",
          errorBody("The admin area is off", "Set VERITY_ADMIN_TOKEN on the server to turn it on."),
          "page-admin",
        );

  app.get("/", areaOn, async (c) => {
    const auth = await authOf(c, web);
    if (!auth) return loginPage(c, null, 200);
    if (auth === "bearer") return c.json({ ok: true, jobs: await services.progress.jobCounts(), campaign: await services.campaign.view() });
    return dashboard(c, web);
  });

  app.post("/login", areaOn, formGuard, async (c) => {
    const form = await readForm(c);
    const taken = logins.take(clientAddress(c, options.trustProxy));
    if (!taken.ok) {
      c.header("Retry-After", String(taken.retryAfter));
      return loginPage(c, `Too many attempts: wait ${taken.retryAfter} seconds.`, 429);
    }
    const token = options.adminToken!;
    if (!safeEqual(form.token ?? "", token)) return loginPage(c, "That token is not right.", 401);
    const expires = String(options.now().getTime() + SESSION_HOURS * 3_600_000);
    await cookies.startSession(c, `admin:${expires}:${sessionProof(token, expires)}`, SESSION_HOURS * 3600);
    return c.redirect("/admin", 303);
  });

  app.post("/logout", formGuard, (c) => {
    cookies.endSession(c);
    return c.redirect("/admin", 303);
  });

  app.get("/checks/:id", areaOn, async (c) => {
    const auth = await authOf(c, web);
    if (!auth) return loginPage(c, null, 401);
    const report = await services.editor.report(c.req.param("id"));
    if (!report) return notFoundPage(c);
    if (auth === "bearer") return c.json(report);
    const body = html`<h1>Edit: ${report.title}</h1>
<p><a href="${report.url}">Open the report</a> · <a href="/admin">Back to the admin area</a></p>
<form method="post" action="/admin/checks/${report.id}/edit" data-testid="admin-edit-form" class="stack">
<label for="edit-title">Title</label>
<input type="text" id="edit-title" name="title" value="${report.title}" maxlength="300" required data-testid="admin-edit-title">
<label for="edit-category">Category</label>
<select id="edit-category" name="category" data-testid="admin-edit-category">${CATEGORIES.map(
      (name) => html`<option value="${name}"${name === report.category ? html` selected` : ""}>${name}</option>`,
    )}</select>
<p><button type="submit" data-testid="admin-edit-save">Save</button></p>
</form>`;
    return c.render(body, { title: "Edit a check", noindex: true, pageClass: "page-admin" });
  });

  /** Actions answer scripts (Bearer token) in JSON, and editors (session) with a page. */
  const authorised: MiddlewareHandler<AdminEnv> = async (c, next) => {
    if (!options.adminToken) return jsonError(c, 404, "not_found", "the admin area is off");
    const auth = await authOf(c, web);
    if (auth) {
      c.set("auth", auth);
      return next();
    }
    if (c.req.header("authorization") !== undefined || wantsJson(c))
      return jsonError(c, 401, "unauthorized", "a valid admin token is required");
    return loginPage(c, "Sign in to do that.", 401);
  };
  // A session rides on a cookie, so its forms must come from this site; a Bearer token cannot be forged by another site.
  const sessionForms: MiddlewareHandler<AdminEnv> = async (c, next) => (c.get("auth") === "session" ? formGuard(c, next) : next());

  const action = (
    path: string,
    handler: (c: Context<AdminEnv>, form: Form) => Promise<{ message: string; json?: Record<string, unknown>; redirect?: string }>,
  ) => {
    app.post(path, authorised, sessionForms, async (c) => {
      const auth = c.get("auth");
      const form = auth === "session" ? await readForm(c) : await bearerBody(c);
      try {
        const done = await handler(c, form);
        if (auth === "bearer") return c.json({ ok: true, message: done.message, ...(done.json ?? {}) });
        return c.redirect(done.redirect ?? `/admin?notice=${encodeURIComponent(done.message)}`, 303);
      } catch (error) {
        if (!(error instanceof BadInputError || error instanceof ConfigError || error instanceof NotFound)) throw error;
        const status = error instanceof NotFound ? 404 : 400;
        if (auth === "bearer") return jsonError(c, status, status === 404 ? "not_found" : "bad_request", errorMessage(error));
        return errorPage(
          c,
          status,
          "Admin",
          errorBody("That did not work", errorMessage(error), html`<p><a href="/admin">Back</a></p>`),
          "page-other",
        );
      }
    });
  };

  action("/checks/:id/unpublish", async (c) => {
    if (!(await services.editor.unpublish(c.req.param("id")!))) throw new NotFound("no published check with this id");
    return { message: "The check was unpublished." };
  });

  action("/checks/:id/republish", async (c) => {
    if (!(await services.editor.republish(c.req.param("id")!))) throw new NotFound("no unpublished check with this id");
    return { message: "The check was published again." };
  });

  action("/checks/:id/edit", async (c, form) => {
    const report = await services.editor.edit(c.req.param("id")!, { title: form.title, category: form.category });
    if (!report) throw new NotFound("no published check with this id");
    return { message: "The check was updated.", json: { url: report.url, title: report.title, category: report.category } };
  });

  action("/checks/:id/rerun", async (c) => {
    const result = await services.submissions.rerun(c.req.param("id")!);
    if (!result) throw new NotFound("no published check with this id");
    if (result.kind === "reused") return { message: "The check is fresh.", json: { id: result.report.id } };
    return {
      message: "The check is running again.",
      json: { id: result.checkId, progressUrl: `/progress/${result.checkId}` },
      redirect: `/progress/${result.checkId}`,
    };
  });

  action("/campaign", async (_c, form) => {
    if (form.clear === "1") {
      await services.campaign.save(null);
      return { message: "The campaign is hidden." };
    }
    const settings: CampaignSettings = {
      title: form.title ?? "",
      description: form.description?.trim() || null,
      goalKind: form.goalKind === "supporters" ? "supporters" : "amount",
      goal: Number(form.goal),
      currency: (form.currency ?? "EUR").trim().toUpperCase(),
      deadline: form.deadline?.trim() || null,
      donationUrl: form.donationUrl?.trim() || null,
    };
    await services.campaign.save(settings);
    return { message: "The campaign was saved.", json: { campaign: await services.campaign.view() } };
  });

  action("/donations", async (_c, form) => {
    const amount = Number(form.amount);
    if (!form.amount || !Number.isFinite(amount) || amount <= 0) throw new BadInputError("the amount must be a positive number");
    await services.campaign.record({ amount, currency: form.currency ?? null, donor: form.donor ?? null, source: "admin" });
    return { message: "The donation was recorded.", json: { campaign: await services.campaign.view() } };
  });

  return app;
}

class NotFound extends Error {}

function wantsJson(c: Context): boolean {
  return /application\/json/.test(c.req.header("accept") ?? "") || /application\/json/.test(c.req.header("content-type") ?? "");
}

/** A Bearer request's fields: JSON or a form. */
async function bearerBody(c: Context): Promise<Form> {
  if (!/application\/json/.test(c.req.header("content-type") ?? "")) return readForm(c);
  const out: Form = {};
  const body = await c.req.json().catch(() => null);
  if (body && typeof body === "object") {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = String(v);
    }
  }
  return out;
}

function loginPage(c: Context, error: string | null, status: 200 | 401 | 429): Promise<Response> {
  const body = html`<h1>Admin</h1>
<form method="post" action="/admin/login" data-testid="admin-login-form" class="stack">
<label for="admin-token">Admin token</label>
<input type="password" id="admin-token" name="token" autocomplete="current-password" required data-testid="admin-token">
${error ? html`<p class="error-box" role="alert" data-testid="admin-login-error">${error}</p>` : ""}
<p><button type="submit" data-testid="admin-login">Sign in</button></p>
</form>`;
  c.status(status);
  return c.render(body, { title: "Admin", noindex: true, pageClass: "page-admin" });
}

async function dashboard(c: Context, web: Web): Promise<Response> {
  const { campaign, editor, progress } = web.services;
  const page = pageNumber(c.req.query("page")) ?? 1;
  const size = 50;
  const [checks, counts, settings, view, recent] = await Promise.all([
    editor.list(size, (page - 1) * size),
    progress.jobCounts(),
    campaign.settings(),
    campaign.view(),
    campaign.recent(10),
  ]);
  const notice = c.req.query("notice");
  const s = settings;
  const rows: Html[] = checks.items.map(
    (item) => html`<tr data-check-id="${item.id}" data-status="${item.status}">
<td>${verdictBadge(item.verdict)}</td>
<td><a href="${item.url}">${item.title}</a><div class="muted">${item.category} · v${item.version} · ${formatDate(item.checkedAt)} · ${item.reads} reads${
      item.status === "unpublished" ? html` · <strong>unpublished</strong>` : ""
    }</div></td>
<td class="admin-actions">
${
  item.status === "unpublished"
    ? html`<form method="post" action="/admin/checks/${item.id}/republish"><button type="submit" class="secondary" data-testid="admin-republish">Republish</button></form>`
    : html`<form method="post" action="/admin/checks/${item.id}/unpublish"><button type="submit" class="secondary" data-testid="admin-unpublish">Unpublish</button></form>`
}
<form method="post" action="/admin/checks/${item.id}/rerun"><button type="submit" class="secondary" data-testid="admin-rerun">Re-run</button></form>
<a href="/admin/checks/${item.id}" data-testid="admin-edit">Edit</a>
</td></tr>`,
  );
  const body = html`<h1>Admin</h1>
${notice ? html`<p class="banner" role="status" data-testid="admin-notice">${notice}</p>` : ""}
<p class="muted" data-testid="admin-jobs">Jobs: ${counts.running} running, ${counts.queued} queued, ${counts.done} done, ${counts.failed} failed.</p>
<form method="post" action="/admin/logout"><button type="submit" class="secondary" data-testid="admin-logout">Sign out</button></form>

<h2>Checks</h2>
<table data-testid="admin-checks"><thead><tr><th>Verdict</th><th>Check</th><th>Actions</th></tr></thead><tbody>${rows}</tbody></table>
${pagination(page, checks.total, size, (n) => `/admin?page=${n}`)}

<h2>Campaign</h2>
${view ? html`<p>${view.settings.title}: ${view.percent}% (${formatMoney(view.raisedCents, view.settings.currency)}, ${view.supporters} ${view.supporters === 1 ? "supporter" : "supporters"})${view.timeLeft ? `, ${view.timeLeft}` : ""}.</p>` : html`<p class="muted">No campaign is shown.</p>`}
<form method="post" action="/admin/campaign" data-testid="admin-campaign-form" class="stack">
<label for="campaign-title">Title</label><input type="text" id="campaign-title" name="title" value="${s?.title ?? ""}" maxlength="200" required>
<label for="campaign-description">Description</label><input type="text" id="campaign-description" name="description" value="${s?.description ?? ""}" maxlength="1000">
<label for="campaign-kind">Goal</label>
<select id="campaign-kind" name="goalKind"><option value="amount"${s?.goalKind !== "supporters" ? html` selected` : ""}>an amount of money</option><option value="supporters"${
    s?.goalKind === "supporters" ? html` selected` : ""
  }>a number of supporters</option></select>
<input type="number" name="goal" min="1" step="any" value="${s?.goal ?? ""}" aria-label="Goal" required data-testid="admin-campaign-goal">
<label for="campaign-currency">Currency</label><input type="text" id="campaign-currency" name="currency" value="${s?.currency ?? "EUR"}" maxlength="3" pattern="[A-Za-z]{3}">
<label for="campaign-deadline">Deadline</label><input type="date" id="campaign-deadline" name="deadline" value="${s?.deadline?.slice(0, 10) ?? ""}">
<label for="campaign-link">Donation link</label><input type="url" id="campaign-link" name="donationUrl" value="${s?.donationUrl ?? ""}">
<p><button type="submit" data-testid="admin-campaign-save">Save the campaign</button></p>
</form>
${s ? html`<form method="post" action="/admin/campaign"><input type="hidden" name="clear" value="1"><button type="submit" class="secondary">Hide the campaign</button></form>` : ""}

<h3>Record a donation</h3>
<form method="post" action="/admin/donations" data-testid="admin-donation-form" class="stack">
<label for="donation-amount">Amount</label><input type="number" id="donation-amount" name="amount" min="0.01" step="0.01" required data-testid="admin-donation-amount">
<label for="donation-currency">Currency</label><input type="text" id="donation-currency" name="currency" value="${s?.currency ?? "EUR"}" maxlength="3">
<label for="donation-donor">Donor (optional)</label><input type="text" id="donation-donor" name="donor" maxlength="200">
<p><button type="submit" data-testid="admin-donation-save">Record</button></p>
</form>
${
  recent.length > 0
    ? html`<table data-testid="admin-donations"><thead><tr><th>When</th><th>Amount</th><th>Donor</th><th>Source</th></tr></thead><tbody>${recent.map(
        (d) =>
          html`<tr><td>${formatDate(d.createdAt)}</td><td>${formatMoney(d.amountCents, d.currency)}</td><td>${d.donor ?? ""}</td><td>${d.source}</td></tr>`,
      )}</tbody></table>`
    : ""
}`;
  return c.render(body, { title: "Admin", noindex: true, pageClass: "page-admin" });
}
